// Package fwvet is a go/analysis analyzer that reports what breaks replay
// determinism in fw handlers: the methods of a package that implement the
// handler interfaces fwgen generated (a processor's, a builder's or a keyed
// helper's), and the functions of the same package they call, directly or
// not. Caching, recorded replay and distributed runs all rest on a handler
// making the same emissions for the same inputs (docs/runtime.md); fwvet
// reports wall-clock time, global randomness, map iteration whose order
// reaches an emission or a return value, goroutines and selects over several
// channels, package-level mutable state, and reads of the environment, files
// and the network outside a source builder (the declared inputs).
//
// Each finding names the handler and the call chain that reaches it:
//
//	Billing.OnOrder -> stamp -> time.Now: wall-clock time in a handler breaks replay
//
// A comment //fw:nondeterministic-ok followed by a reason, on the line of a
// finding (or alone on the line before it), silences it; on the line of a call,
// it silences everything reached through that call; in a function's doc
// comment, everything in the function and reached from it. A suppression
// without a reason is itself reported.
//
// Run it with go vet -vettool=$(which fwvet) (cmd/fwvet) or fwgen vet, or add
// Analyzer to a multichecker. docs/vet.md has the details.
package fwvet

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Analyzer reports what breaks replay determinism in fw handlers.
var Analyzer = &analysis.Analyzer{
	Name: "fwvet",
	Doc: `report what breaks replay determinism in fw handlers

fwvet finds the methods that implement fwgen-generated handler interfaces and
the functions of the same package they reach, and reports wall-clock time,
global randomness, map iteration whose order reaches an emission or a return
value, goroutines and selects over several channels, package-level mutable
state, and environment, file and network reads outside source builders.
A comment "//fw:nondeterministic-ok reason" on the line (or in the doc comment
of the function) silences a finding.`,
	URL:        "https://github.com/fwgo/fw/blob/main/docs/vet.md",
	Run:        run,
	ResultType: reflect.TypeFor[*Result](),
}

// Result is what the analyzer found in a package: its handler methods.
type Result struct {
	// Handlers are the handler methods, in source order: "Billing.OnOrder", or
	// "billing.OnOrder (Billing)" for a type named otherwise than its processor,
	// builder or helper; source builders' end in " [source]".
	Handlers []string
}

// Directive is the comment that silences a finding; a reason must follow it.
const Directive = "//fw:nondeterministic-ok"

const fwimplPath = "github.com/fwgo/fw/runtime/fwimpl"

// Categories of the diagnostics.
const (
	CatTime      = "time"
	CatRand      = "rand"
	CatMap       = "map"
	CatGoroutine = "goroutine"
	CatGlobal    = "global"
	CatEnv       = "env"
	CatDirective = "directive"
)

// handlerIface is one generated handler interface.
type handlerIface struct {
	named  *types.Named
	iface  *types.Interface
	name   string // the Handlers field: the processor, builder or helper
	source bool   // a source builder: Build(ctx, yield) reads declared inputs
}

// root is a handler method declared in the analyzed package.
type root struct {
	fn     *types.Func
	label  string // Billing.OnOrder
	source bool
}

type vet struct {
	pass        *analysis.Pass
	generated   map[*types.Package]bool // fwgen-generated packages in view
	decls       map[*types.Func]*ast.FuncDecl
	files       map[*ast.FuncDecl]*ast.File
	supLines    map[lineKey]bool // lines silenced by a directive with a reason
	supFuncs    map[*types.Func]bool
	impls       map[*types.Func][]*types.Func // an interface method's implementations in the package
	written     map[*types.Var]token.Pos      // package-level vars written outside init
	initialized map[*types.Var]finding        // package-level vars set to a reported function's result or value
	emits       map[*types.Func]bool          // functions that emit, directly or not
	reported    map[string]bool
}

type lineKey struct {
	file string
	line int
}

func run(pass *analysis.Pass) (any, error) {
	v := &vet{
		pass:        pass,
		generated:   map[*types.Package]bool{},
		decls:       map[*types.Func]*ast.FuncDecl{},
		files:       map[*ast.FuncDecl]*ast.File{},
		supLines:    map[lineKey]bool{},
		supFuncs:    map[*types.Func]bool{},
		written:     map[*types.Var]token.Pos{},
		initialized: map[*types.Var]finding{},
		impls:       map[*types.Func][]*types.Func{},
		emits:       map[*types.Func]bool{},
		reported:    map[string]bool{},
	}
	v.directives()
	ifaces := v.handlerIfaces()
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
				v.decls[fn] = fd
				v.files[fd] = f
				if hasDirective(fd.Doc) {
					v.supFuncs[fn] = true
				}
			}
		}
	}
	res := &Result{}
	if len(ifaces) == 0 {
		return res, nil
	}
	roots := v.roots(ifaces)
	for _, r := range roots {
		if r.source {
			res.Handlers = append(res.Handlers, r.label+" [source]")
		} else {
			res.Handlers = append(res.Handlers, r.label)
		}
	}
	if len(roots) == 0 {
		return res, nil
	}
	v.writes()
	v.initializers()
	v.emitters()

	// Reach every function from the handlers, shortest chains first: from the
	// handlers that are not source builders, then from those that are, whose
	// reads of the environment and files are their declared inputs.
	var plain, sources []root
	for _, r := range roots {
		if r.source {
			sources = append(sources, r)
		} else {
			plain = append(plain, r)
		}
	}
	reachedPlain := v.reach(plain)
	reachedSource := v.reach(sources)
	var order []*types.Func
	for fn := range reachedPlain {
		order = append(order, fn)
	}
	for fn := range reachedSource {
		if _, ok := reachedPlain[fn]; !ok {
			order = append(order, fn)
		}
	}
	slices.SortFunc(order, func(a, b *types.Func) int { return v.comparePos(a.Pos(), b.Pos()) })
	for _, fn := range order {
		if _, ok := reachedPlain[fn]; ok {
			v.check(fn, reachedPlain, false)
		} else {
			v.check(fn, reachedSource, true)
		}
	}
	return res, nil
}

// directives records the lines that a directive silences and reports those
// without a reason.
func (v *vet) directives() {
	for _, f := range v.pass.Files {
		var codeCol map[int]int // line -> smallest column of code on it
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				reason, ok := parseDirective(c.Text)
				if !ok {
					continue
				}
				pos := v.pass.Fset.Position(c.Slash)
				if reason == "" {
					v.pass.Report(analysis.Diagnostic{
						Pos:      c.Slash,
						End:      c.End(),
						Category: CatDirective,
						Message:  Directive + " needs a reason: say why this nondeterminism cannot change what the handler emits",
					})
					continue
				}
				v.supLines[lineKey{pos.Filename, pos.Line}] = true
				if codeCol == nil {
					codeCol = v.codeColumns(f)
				}
				if col, ok := codeCol[pos.Line]; !ok || col > pos.Column {
					// Alone on its line: it speaks for the next one.
					v.supLines[lineKey{pos.Filename, pos.Line + 1}] = true
				}
			}
		}
	}
}

// codeColumns maps each line of f to the column of its first code.
func (v *vet) codeColumns(f *ast.File) map[int]int {
	cols := map[int]int{}
	note := func(p token.Pos) {
		pos := v.pass.Fset.Position(p)
		if c, ok := cols[pos.Line]; !ok || pos.Column < c {
			cols[pos.Line] = pos.Column
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n.(type) {
		case nil, *ast.Comment, *ast.CommentGroup:
			return false
		}
		note(n.Pos())
		note(n.End() - 1)
		return true
	})
	return cols
}

// parseDirective reports whether text is the directive, and its reason.
func parseDirective(text string) (reason string, ok bool) {
	rest, ok := strings.CutPrefix(text, Directive)
	if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
		return "", false
	}
	if i := strings.Index(rest, "//"); i >= 0 {
		rest = rest[:i] // a comment after the directive is no reason
	}
	return strings.TrimSpace(rest), true
}

func hasDirective(doc *ast.CommentGroup) bool {
	if doc == nil {
		return false
	}
	for _, c := range doc.List {
		if reason, ok := parseDirective(c.Text); ok && reason != "" {
			return true
		}
	}
	return false
}

// isGenerated reports whether p is a package fwgen generated: its type
// Handlers is a struct of handler interfaces and its NewPipeline returns a
// *Pipeline built on fwimpl.Runner. (For the package being analyzed, the file
// that declares Handlers must also have fwgen's header: see fwgenFile.)
func isGenerated(p *types.Package) bool {
	h, ok := p.Scope().Lookup("Handlers").(*types.TypeName)
	if !ok {
		return false
	}
	if _, ok := h.Type().Underlying().(*types.Struct); !ok {
		return false
	}
	np, ok := p.Scope().Lookup("NewPipeline").(*types.Func)
	if !ok {
		return false
	}
	sig := np.Type().(*types.Signature)
	if sig.Params().Len() < 1 || !types.Identical(sig.Params().At(0).Type(), h.Type()) || sig.Results().Len() != 2 {
		return false
	}
	ptr, ok := sig.Results().At(0).Type().(*types.Pointer)
	if !ok {
		return false
	}
	st, ok := ptr.Elem().Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		f := st.Field(i)
		if n, ok := types.Unalias(f.Type()).(*types.Named); ok && f.Embedded() &&
			n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == fwimplPath && n.Obj().Name() == "Runner" {
			return true
		}
	}
	return false
}

// fwgenFile reports whether pos is in a file of the package that fwgen
// generated (its first line is "// Code generated by fwgen. DO NOT EDIT.").
func (v *vet) fwgenFile(pos token.Pos) bool {
	for _, f := range v.pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			return len(f.Comments) > 0 && f.Comments[0].Pos() < f.Package &&
				strings.HasPrefix(f.Comments[0].List[0].Text, "// Code generated by fwgen. DO NOT EDIT.")
		}
	}
	return false
}

// handlerIfaces returns the handler interfaces of the generated packages that
// the analyzed package is or imports.
func (v *vet) handlerIfaces() []handlerIface {
	var out []handlerIface
	pkgs := append([]*types.Package{v.pass.Pkg}, v.pass.Pkg.Imports()...)
	for _, p := range pkgs {
		if !isGenerated(p) || p == v.pass.Pkg && !v.fwgenFile(p.Scope().Lookup("Handlers").Pos()) {
			continue
		}
		v.generated[p] = true
		st := p.Scope().Lookup("Handlers").Type().Underlying().(*types.Struct)
		for i := range st.NumFields() {
			f := st.Field(i)
			n, ok := types.Unalias(f.Type()).(*types.Named)
			if !ok || n.Obj().Pkg() != p {
				continue
			}
			it, ok := n.Underlying().(*types.Interface)
			if !ok {
				continue
			}
			out = append(out, handlerIface{named: n, iface: it, name: f.Name(), source: isSource(it)})
		}
	}
	return out
}

// isSource reports whether it is a source builder's interface:
// Build(ctx context.Context, yield func(T) bool) error.
func isSource(it *types.Interface) bool {
	if it.NumMethods() != 1 || it.Method(0).Name() != "Build" {
		return false
	}
	sig := it.Method(0).Type().(*types.Signature)
	if sig.Params().Len() != 2 {
		return false
	}
	y, ok := sig.Params().At(1).Type().Underlying().(*types.Signature)
	return ok && y.Results().Len() == 1 && types.Identical(y.Results().At(0).Type(), types.Typ[types.Bool])
}

// roots returns the methods of the package's types that implement a handler
// interface, in source order.
func (v *vet) roots(ifaces []handlerIface) []root {
	var out []root
	seen := map[*types.Func]bool{}
	scope := v.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		n, ok := tn.Type().(*types.Named)
		if !ok || n.TypeParams() != nil {
			continue
		}
		if _, ok := n.Underlying().(*types.Interface); ok {
			continue
		}
		ptr := types.NewPointer(n)
		for _, h := range ifaces {
			if !types.Implements(n, h.iface) && !types.Implements(ptr, h.iface) {
				continue
			}
			for i := range h.iface.NumMethods() {
				m := h.iface.Method(i)
				obj, _, _ := types.LookupFieldOrMethod(ptr, false, v.pass.Pkg, m.Name())
				fn, ok := obj.(*types.Func)
				if !ok || seen[fn] {
					continue
				}
				fd, ok := v.decls[fn]
				if !ok || ast.IsGenerated(v.files[fd]) {
					continue
				}
				seen[fn] = true
				label := tn.Name() + "." + m.Name()
				if !strings.EqualFold(tn.Name(), h.name) {
					label += " (" + h.name + ")"
				}
				out = append(out, root{fn: fn, label: label, source: h.source})
			}
		}
	}
	slices.SortFunc(out, func(a, b root) int { return v.comparePos(a.fn.Pos(), b.fn.Pos()) })
	return out
}

// comparePos orders positions by file name, then offset: a package's files
// are not in the file set in the order of their names.
func (v *vet) comparePos(a, b token.Pos) int {
	pa, pb := v.pass.Fset.Position(a), v.pass.Fset.Position(b)
	if c := strings.Compare(pa.Filename, pb.Filename); c != 0 {
		return c
	}
	return pa.Offset - pb.Offset
}

// reached is how a function is reached: its root and its caller on the way.
type reached struct {
	root   *root
	caller *types.Func // nil for a root
}

// reach walks the calls (and references) from the roots to the package's
// functions, breadth first, so that each function keeps a shortest chain. A
// call on a silenced line, and a silenced function, are not followed.
func (v *vet) reach(roots []root) map[*types.Func]reached {
	out := map[*types.Func]reached{}
	var queue []*types.Func
	for i := range roots {
		r := &roots[i]
		if _, ok := out[r.fn]; ok || v.supFuncs[r.fn] {
			continue
		}
		out[r.fn] = reached{root: r}
		queue = append(queue, r.fn)
	}
	for len(queue) > 0 {
		fn := queue[0]
		queue = queue[1:]
		for _, callee := range v.callees(fn) {
			if _, ok := out[callee]; ok || v.supFuncs[callee] {
				continue
			}
			out[callee] = reached{root: out[fn].root, caller: fn}
			queue = append(queue, callee)
		}
	}
	return out
}

// callees returns the functions of the package that fn calls or refers to
// (through an interface of the package, its implementations in the package),
// in source order, but for those on silenced lines.
func (v *vet) callees(fn *types.Func) []*types.Func {
	var out []*types.Func
	ast.Inspect(v.decls[fn].Body, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		callee, ok := v.pass.TypesInfo.Uses[id].(*types.Func)
		if !ok {
			return true
		}
		if v.silenced(id.Pos()) {
			return true
		}
		for _, c := range v.implementations(callee.Origin()) {
			if !slices.Contains(out, c) {
				out = append(out, c)
			}
		}
		return true
	})
	return out
}

// implementations returns the functions of the package that a call of fn may
// run: fn itself if the package declares it; for a method of an interface
// that the package declares, the methods of the package's types that
// implement it.
func (v *vet) implementations(fn *types.Func) []*types.Func {
	if _, ok := v.decls[fn]; ok {
		return []*types.Func{fn}
	}
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == nil || fn.Pkg() != v.pass.Pkg {
		return nil
	}
	recv := types.Unalias(sig.Recv().Type())
	it, ok := recv.Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	if impls, ok := v.impls[fn]; ok {
		return impls
	}
	var out []*types.Func
	scope := v.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		n, ok := tn.Type().(*types.Named)
		if !ok || n.TypeParams() != nil || types.IsInterface(n) {
			continue
		}
		ptr := types.NewPointer(n)
		if !types.Implements(n, it) && !types.Implements(ptr, it) {
			continue
		}
		obj, _, _ := types.LookupFieldOrMethod(ptr, false, v.pass.Pkg, fn.Name())
		if m, ok := obj.(*types.Func); ok {
			if _, ok := v.decls[m]; ok {
				out = append(out, m)
			}
		}
	}
	v.impls[fn] = out
	return out
}

func (v *vet) silenced(p token.Pos) bool {
	pos := v.pass.Fset.Position(p)
	return v.supLines[lineKey{pos.Filename, pos.Line}]
}

func funcName(fn *types.Func) string {
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == nil {
		return fn.Name()
	}
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name() + "." + fn.Name()
	}
	return fn.Name()
}

// writes records the package-level variables written outside init functions.
func (v *vet) writes() {
	for _, f := range v.pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "init" {
				continue
			}
			ast.Inspect(d, func(n ast.Node) bool {
				for _, id := range v.writtenIdents(n) {
					if gv := v.pkgVar(id); gv != nil {
						if _, ok := v.written[gv]; !ok {
							v.written[gv] = id.Pos()
						}
					}
				}
				return true
			})
		}
	}
}

// pkgVar returns the package-level variable of this package that id uses, or nil.
func (v *vet) pkgVar(id *ast.Ident) *types.Var {
	gv, ok := v.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || gv.Pkg() != v.pass.Pkg || gv.Parent() != v.pass.Pkg.Scope() {
		return nil
	}
	return gv
}

// writtenIdents returns the identifiers whose variables n writes (or whose
// address it takes).
func (v *vet) writtenIdents(n ast.Node) []*ast.Ident {
	var out []*ast.Ident
	add := func(e ast.Expr) {
		if id := baseIdent(e); id != nil {
			out = append(out, id)
		}
	}
	switch n := n.(type) {
	case *ast.AssignStmt:
		if n.Tok != token.DEFINE {
			for _, l := range n.Lhs {
				add(l)
			}
		}
	case *ast.IncDecStmt:
		add(n.X)
	case *ast.RangeStmt:
		if n.Tok == token.ASSIGN {
			if n.Key != nil {
				add(n.Key)
			}
			if n.Value != nil {
				add(n.Value)
			}
		}
	case *ast.UnaryExpr:
		if n.Op == token.AND {
			add(n.X)
		}
	case *ast.CallExpr:
		if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && len(n.Args) > 0 {
			if b, ok := v.pass.TypesInfo.Uses[id].(*types.Builtin); ok {
				switch b.Name() {
				case "delete", "clear", "copy":
					add(n.Args[0])
				}
			}
		}
	case *ast.SelectorExpr:
		// A pointer method called on an addressable value takes its address.
		if sel, ok := v.pass.TypesInfo.Selections[n]; ok && sel.Kind() == types.MethodVal {
			if _, isPtr := sel.Recv().Underlying().(*types.Pointer); !isPtr {
				if sig, ok := sel.Obj().Type().(*types.Signature); ok && sig.Recv() != nil {
					if _, ptrRecv := sig.Recv().Type().(*types.Pointer); ptrRecv {
						add(n.X)
					}
				}
			}
		}
	}
	return out
}

// baseIdent returns the variable at the root of an lvalue: x in x, x.f, x[i],
// *x, (x).
func baseIdent(e ast.Expr) *ast.Ident {
	for {
		switch x := e.(type) {
		case *ast.Ident:
			return x
		case *ast.ParenExpr:
			e = x.X
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.SliceExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// emitters computes the functions of the package that emit, directly or
// through the functions they call.
func (v *vet) emitters() {
	direct := map[*types.Func]bool{}
	calls := map[*types.Func][]*types.Func{}
	for fn, fd := range v.decls {
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok && v.isEmission(c) {
				direct[fn] = true
			}
			return true
		})
		calls[fn] = v.callees(fn)
	}
	for fn := range direct {
		v.emits[fn] = true
	}
	for changed := true; changed; {
		changed = false
		for fn, cs := range calls {
			if v.emits[fn] {
				continue
			}
			for _, c := range cs {
				if v.emits[c] {
					v.emits[fn] = true
					changed = true
					break
				}
			}
		}
	}
}

// isEmission reports whether c emits: a method Emit*, Publish or Resolve* of a
// generated context, or a call of a source builder's yield.
func (v *vet) isEmission(c *ast.CallExpr) bool {
	switch fun := ast.Unparen(c.Fun).(type) {
	case *ast.SelectorExpr:
		sel, ok := v.pass.TypesInfo.Selections[fun]
		if !ok || sel.Kind() != types.MethodVal {
			return false
		}
		name := sel.Obj().Name()
		if !strings.HasPrefix(name, "Emit") && name != "Publish" && !strings.HasPrefix(name, "Resolve") {
			return false
		}
		t := sel.Recv()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		n, ok := types.Unalias(t).(*types.Named)
		return ok && v.generated[n.Obj().Pkg()] && strings.HasSuffix(n.Obj().Name(), "Context")
	case *ast.Ident:
		// yield(x) in a source: a func(T) bool of a generated type T.
		pv, ok := v.pass.TypesInfo.Uses[fun].(*types.Var)
		if !ok {
			return false
		}
		sig, ok := pv.Type().Underlying().(*types.Signature)
		if !ok || sig.Params().Len() != 1 || sig.Results().Len() != 1 {
			return false
		}
		t := sig.Params().At(0).Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		n, ok := types.Unalias(t).(*types.Named)
		return ok && n.Obj().Pkg() != nil && v.generated[n.Obj().Pkg()]
	}
	return false
}

// report reports one finding of fn, unless silenced.
func (v *vet) report(pos, end token.Pos, cat, chain, what, why string) {
	if v.silenced(pos) {
		return
	}
	msg := chain + " -> " + what + ": " + why
	p := v.pass.Fset.Position(pos)
	key := fmt.Sprintf("%s:%d:%d:%s", p.Filename, p.Line, p.Column, msg)
	if v.reported[key] {
		return
	}
	v.reported[key] = true
	v.pass.Report(analysis.Diagnostic{Pos: pos, End: end, Category: cat, Message: msg})
}

// The functions and variables that fwvet reports, by full name.
var (
	wallClock = set("time.Now", "time.Since", "time.Until", "time.After", "time.AfterFunc",
		"time.NewTimer", "time.NewTicker", "time.Tick", "time.Sleep")
	cryptoRand = set("crypto/rand.Read", "crypto/rand.Int", "crypto/rand.Prime", "crypto/rand.Text",
		"crypto/rand.Reader")
	seededRand = set("New", "NewSource", "NewZipf", "NewPCG", "NewChaCha8")
	goroutines = set("(*sync.WaitGroup).Go", "(*golang.org/x/sync/errgroup.Group).Go",
		"(*golang.org/x/sync/errgroup.Group).TryGo")
	environment = set("os.Getenv", "os.LookupEnv", "os.Environ", "os.ExpandEnv", "os.Args", "os.Stdin",
		"os.ReadFile", "os.ReadDir", "os.Open", "os.OpenFile", "os.OpenInRoot", "os.OpenRoot",
		"os.Stat", "os.Lstat", "os.Readlink", "os.Hostname", "os.Getwd", "os.Getpid", "os.Getppid",
		"os.Getuid", "os.Getgid", "os.Executable", "os.DirFS", "os.UserHomeDir", "os.UserCacheDir",
		"os.UserConfigDir", "io/ioutil.ReadFile", "io/ioutil.ReadDir", "path/filepath.Walk",
		"path/filepath.WalkDir", "path/filepath.Glob", "path/filepath.Abs", "path/filepath.EvalSymlinks",
		"os/exec.Command", "os/exec.CommandContext", "syscall.Getenv", "net.Dial", "net.DialTimeout",
		"net.LookupHost", "net.LookupIP", "net/http.Get", "net/http.Head", "net/http.Post",
		"net/http.PostForm", "(*net/http.Client).Do", "(*net/http.Client).Get", "(*net/http.Client).Head",
		"(*net/http.Client).Post", "(*net/http.Client).PostForm")
)

func set(names ...string) map[string]bool {
	m := map[string]bool{}
	for _, n := range names {
		m[n] = true
	}
	return m
}

// chain renders the call chain from fn's root to fn.
func chain(fn *types.Func, by map[*types.Func]reached) string {
	var names []string
	for {
		r := by[fn]
		if r.caller == nil {
			names = append(names, r.root.label)
			break
		}
		names = append(names, funcName(fn))
		fn = r.caller
	}
	slices.Reverse(names)
	return strings.Join(names, " -> ")
}

// check reports the findings in the body of fn, reached as by says; a
// function reached only from source builders may read files and the
// environment.
func (v *vet) check(fn *types.Func, by map[*types.Func]reached, sourceOnly bool) {
	fd := v.decls[fn]
	ch := chain(fn, by)
	writes := map[*ast.Ident]bool{}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		for _, id := range v.writtenIdents(n) {
			writes[id] = true
		}
		return true
	})
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GoStmt:
			v.report(n.Go, n.Go+2, CatGoroutine, ch, "go statement",
				"a goroutine started by a handler runs when the scheduler says, which a replay cannot reproduce")
		case *ast.SelectStmt:
			k := 0
			for _, s := range n.Body.List {
				if cc, ok := s.(*ast.CommClause); ok && cc.Comm != nil {
					k++
				}
			}
			if k >= 2 {
				v.report(n.Select, n.Select+6, CatGoroutine, ch, fmt.Sprintf("select over %d channels", k),
					"when several are ready, select picks one at random, which a replay cannot reproduce")
			}
		case *ast.RangeStmt:
			v.checkMapRange(fd, n, ch)
		case *ast.Ident:
			v.checkIdent(n, ch, sourceOnly, writes[n])
		}
		return true
	})
	v.checkCrypto(fd, ch)
}

// checkCrypto reports the uses of crypto/rand in fd whose bytes reach an
// emission, a return value, or state outside the function (a field of the
// receiver, a parameter, a package variable). The bytes are followed through
// the function's assignments: the results of a crypto/rand call, the buffers
// it fills (crand.Read(buf), io.ReadFull(crand.Reader, buf)), and what is
// computed from them.
func (v *vet) checkCrypto(fd *ast.FuncDecl, ch string) {
	info := v.pass.TypesInfo
	var sources []*ast.Ident
	parent := map[ast.Node]ast.Node{}
	var stack []ast.Node
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if len(stack) > 0 {
			parent[n] = stack[len(stack)-1]
		}
		stack = append(stack, n)
		if id, ok := n.(*ast.Ident); ok {
			if f, ok := classify(info.Uses[id]); ok && f.crypto {
				sources = append(sources, id)
			}
		}
		return true
	})
	if len(sources) == 0 {
		return
	}
	isSource := map[*ast.Ident]bool{}
	for _, id := range sources {
		isSource[id] = true
	}
	tainted := map[types.Object]bool{}
	refs := func(nodes ...ast.Expr) bool {
		found := false
		for _, n := range nodes {
			ast.Inspect(n, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && (isSource[id] || tainted[v.objOf(id)]) {
					found = true
				}
				return !found
			})
		}
		return found
	}
	local := func(obj types.Object) bool {
		return obj != nil && obj.Pos() >= fd.Body.Pos() && obj.Pos() < fd.Body.End()
	}
	taintBuffers := func(c *ast.CallExpr) {
		for _, a := range c.Args {
			t := info.TypeOf(a)
			if t == nil {
				continue
			}
			switch t.Underlying().(type) {
			case *types.Slice, *types.Pointer, *types.Array:
				if id := baseIdent(a); id != nil && !isSource[id] {
					if obj := v.objOf(id); obj != nil {
						tainted[obj] = true
					}
				}
			}
		}
	}
	// A call that uses crypto/rand (as its function or an argument) fills its
	// buffer arguments.
	for _, id := range sources {
		for n := parent[id]; n != nil; n = parent[n] {
			if c, ok := n.(*ast.CallExpr); ok {
				taintBuffers(c)
				break
			}
			if _, ok := n.(ast.Stmt); ok {
				break
			}
		}
	}
	var reason string
	for range 3 { // assignments, until the taint settles (loops included)
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if refs(n.Rhs...) {
					for _, l := range n.Lhs {
						id := baseIdent(l)
						if id == nil || id.Name == "_" {
							continue
						}
						if obj := v.objOf(id); local(obj) {
							tainted[obj] = true
						} else if obj != nil && reason == "" {
							reason = "state outside the call (" + types.ExprString(l) + ")"
						}
					}
				}
			case *ast.ValueSpec:
				if refs(n.Values...) {
					for _, id := range n.Names {
						if obj := v.objOf(id); obj != nil {
							tainted[obj] = true
						}
					}
				}
			case *ast.CallExpr:
				if refs(n.Args...) {
					taintBuffers(n) // hex.Encode(dst, src), copy(dst, src)
				}
			}
			return true
		})
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if reason != "" {
			return false
		}
		switch n := n.(type) {
		case *ast.ReturnStmt:
			if refs(n.Results...) {
				reason = "a return value"
			}
		case *ast.CallExpr:
			if !refs(n.Args...) {
				break
			}
			if v.isEmission(n) {
				reason = "an emission (" + types.ExprString(n.Fun) + ")"
			} else if fn, ok := v.callee(n); ok && v.emits[fn] {
				reason = "an emission (through " + funcName(fn) + ")"
			}
		}
		return reason == ""
	})
	if reason == "" {
		return
	}
	lines := map[int]bool{} // crand.Int(crand.Reader, max) is one finding
	for _, id := range sources {
		line := v.pass.Fset.Position(id.Pos()).Line
		if lines[line] {
			continue
		}
		lines[line] = true
		f, _ := classify(info.Uses[id])
		v.report(id.Pos(), id.End(), f.cat, ch, f.what, "crypto randomness reaches "+reason+": its bytes differ on every call, which a replay or a cache hit cannot reproduce")
	}
}

// checkIdent reports a use of a reported function or variable, and the
// package-level state that a handler writes or reads.
func (v *vet) checkIdent(id *ast.Ident, ch string, sourceOnly, write bool) {
	if gv := v.pkgVar(id); gv != nil {
		if write {
			v.report(id.Pos(), id.End(), CatGlobal, ch, "package var "+gv.Name(),
				"a handler that writes package-level state keeps it outside the run: a cached or replayed call does not write it, and calls on the pool race on it")
		} else if wp, ok := v.written[gv]; ok {
			v.report(id.Pos(), id.End(), CatGlobal, ch, "package var "+gv.Name(),
				fmt.Sprintf("a handler that reads package-level state written elsewhere (%s) depends on more than its inputs, which a replay or a cache hit does not see", v.shortPos(wp)))
		} else if f, ok := v.initialized[gv]; ok && (f.cat != CatEnv || !sourceOnly) {
			// var now = time.Now: the variable stands for what it was set to.
			v.report(id.Pos(), id.End(), f.cat, ch, "package var "+gv.Name()+" = "+f.what, f.why)
		}
		return
	}
	if f, ok := classify(v.pass.TypesInfo.Uses[id]); ok && !f.crypto && (f.cat != CatEnv || !sourceOnly) {
		v.report(id.Pos(), id.End(), f.cat, ch, f.what, f.why)
	}
}

// A finding is what a reported function or variable is, and why.
type finding struct {
	cat, what, why string
	crypto         bool // crypto/rand: reported where its bytes reach an emission
}

// classify returns the finding of a use of obj, if it is reported.
func classify(obj types.Object) (finding, bool) {
	var name string
	switch o := obj.(type) {
	case *types.Func:
		name = o.Origin().FullName()
	case *types.Var:
		if o.Pkg() == nil || o.Parent() != o.Pkg().Scope() {
			return finding{}, false
		}
		name = o.Pkg().Path() + "." + o.Name()
	default:
		return finding{}, false
	}
	pkg := obj.Pkg()
	if pkg == nil {
		return finding{}, false
	}
	what := shortName(name)
	switch {
	case wallClock[name]:
		return finding{cat: CatTime, what: what, why: "wall-clock time in a handler breaks replay: a replay or a cache hit sees another time"}, true
	case (pkg.Path() == "math/rand" || pkg.Path() == "math/rand/v2") && isPkgFunc(obj) && !seededRand[obj.Name()]:
		return finding{cat: CatRand, what: what, why: "global randomness in a handler breaks replay: use a rand.Rand seeded from the event or the handler's configuration"}, true
	case cryptoRand[name]:
		return finding{cat: CatRand, what: what, why: "crypto randomness in a handler breaks replay: its bytes differ on every call", crypto: true}, true
	case goroutines[name]:
		return finding{cat: CatGoroutine, what: what, why: "goroutines started by a handler run when the scheduler says, which a replay cannot reproduce"}, true
	case environment[name]:
		return finding{cat: CatEnv, what: what, why: "a handler that reads the environment, files or the network outside a source builder (the declared inputs) can see other data on a replay or a cache hit"}, true
	}
	return finding{}, false
}

// initializers records the package-level variables whose initializer uses a
// reported function or variable (var now = time.Now, var home =
// os.Getenv("HOME")): reading one in a handler is using it.
func (v *vet) initializers() {
	for _, f := range v.pass.Files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				if len(vs.Values) == 0 {
					continue
				}
				var first *finding
				for _, val := range vs.Values {
					ast.Inspect(val, func(n ast.Node) bool {
						if id, ok := n.(*ast.Ident); ok && first == nil {
							if f, ok := classify(v.pass.TypesInfo.Uses[id]); ok {
								first = &f
							}
						}
						return first == nil
					})
				}
				if first == nil {
					continue
				}
				for _, name := range vs.Names {
					if gv, ok := v.pass.TypesInfo.Defs[name].(*types.Var); ok {
						v.initialized[gv] = *first
					}
				}
			}
		}
	}
}

func isPkgFunc(obj types.Object) bool {
	fn, ok := obj.(*types.Func)
	return ok && fn.Type().(*types.Signature).Recv() == nil
}

// shortName drops the directories of a full name: (*net/http.Client).Do is
// (*http.Client).Do, math/rand.Intn is rand.Intn.
func shortName(full string) string {
	prefix := ""
	if strings.HasPrefix(full, "(*") {
		prefix, full = "(*", full[2:]
	} else if strings.HasPrefix(full, "(") {
		prefix, full = "(", full[1:]
	}
	full = strings.Replace(full, "math/rand/v2.", "math/rand.", 1)
	dot := strings.Index(full, ".")
	if dot < 0 {
		return prefix + full
	}
	if slash := strings.LastIndex(full[:dot], "/"); slash >= 0 {
		full = full[slash+1:]
	}
	return prefix + full
}

func (v *vet) shortPos(p token.Pos) string {
	pos := v.pass.Fset.Position(p)
	name := pos.Filename
	if i := strings.LastIndexAny(name, "/\\"); i >= 0 {
		name = name[i+1:]
	}
	return fmt.Sprintf("%s:%d", name, pos.Line)
}

func (v *vet) objOf(id *ast.Ident) types.Object {
	if o := v.pass.TypesInfo.Defs[id]; o != nil {
		return o
	}
	return v.pass.TypesInfo.Uses[id]
}

// isMapRange reports whether rs ranges over a map, or over maps.Keys,
// maps.Values or maps.All of one.
func (v *vet) isMapRange(rs *ast.RangeStmt) bool {
	if t := v.pass.TypesInfo.TypeOf(rs.X); t != nil {
		if _, ok := t.Underlying().(*types.Map); ok {
			return true
		}
	}
	if c, ok := ast.Unparen(rs.X).(*ast.CallExpr); ok {
		if fn, ok := v.callee(c); ok && fn.Pkg() != nil && fn.Pkg().Path() == "maps" {
			switch fn.Name() {
			case "Keys", "Values", "All":
				return true
			}
		}
	}
	return false
}

// callee returns the function or method that c calls statically.
func (v *vet) callee(c *ast.CallExpr) (*types.Func, bool) {
	var id *ast.Ident
	switch fun := ast.Unparen(c.Fun).(type) {
	case *ast.Ident:
		id = fun
	case *ast.SelectorExpr:
		id = fun.Sel
	case *ast.IndexExpr:
		if x, ok := fun.X.(*ast.Ident); ok {
			id = x
		} else if s, ok := fun.X.(*ast.SelectorExpr); ok {
			id = s.Sel
		}
	}
	if id == nil {
		return nil, false
	}
	fn, ok := v.pass.TypesInfo.Uses[id].(*types.Func)
	if !ok {
		return nil, false
	}
	return fn.Origin(), true
}

// checkMapRange reports a range over a map whose order reaches an emission, a
// return value, a slice that is not sorted after the loop, a string or a
// floating-point sum built in the loop, or bytes written to a buffer or hash.
func (v *vet) checkMapRange(fd *ast.FuncDecl, rs *ast.RangeStmt, ch string) {
	if !v.isMapRange(rs) {
		return
	}
	tainted := map[types.Object]bool{}
	for _, e := range []ast.Expr{rs.Key, rs.Value} {
		if id, ok := e.(*ast.Ident); ok && id.Name != "_" {
			if obj := v.objOf(id); obj != nil {
				tainted[obj] = true
			}
		}
	}
	if len(tainted) == 0 {
		return // for range m: the order is not seen
	}
	refs := func(nodes ...ast.Node) bool {
		found := false
		for _, n := range nodes {
			ast.Inspect(n, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && tainted[v.objOf(id)] {
					found = true
				}
				return !found
			})
		}
		return found
	}
	exprs := func(es []ast.Expr) []ast.Node {
		out := make([]ast.Node, len(es))
		for i, e := range es {
			out[i] = e
		}
		return out
	}
	// What the loop computes from the key and the value is tainted too.
	for range 2 {
		ast.Inspect(rs.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if refs(exprs(n.Rhs)...) {
					for _, l := range n.Lhs {
						if id := baseIdent(l); id != nil && id.Name != "_" {
							if obj := v.objOf(id); obj != nil {
								tainted[obj] = true
							}
						}
					}
				}
			case *ast.ValueSpec:
				if refs(exprs(n.Values)...) {
					for _, id := range n.Names {
						if obj := v.objOf(id); obj != nil {
							tainted[obj] = true
						}
					}
				}
			case *ast.RangeStmt:
				if refs(n.X) {
					for _, e := range []ast.Expr{n.Key, n.Value} {
						if id, ok := e.(*ast.Ident); ok && id.Name != "_" {
							if obj := v.objOf(id); obj != nil {
								tainted[obj] = true
							}
						}
					}
				}
			}
			return true
		})
	}
	outer := func(obj types.Object) bool { return obj != nil && (obj.Pos() < rs.Pos() || obj.Pos() >= rs.End()) }
	var reason string
	ast.Inspect(rs.Body, func(n ast.Node) bool {
		if reason != "" {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if refs(exprs(n.Results)...) {
				reason = "a return value"
			}
		case *ast.CallExpr:
			if !refs(exprs(n.Args)...) {
				break
			}
			if v.isEmission(n) {
				reason = "an emission (" + types.ExprString(n.Fun) + ")"
			} else if fn, ok := v.callee(n); ok && v.emits[fn] {
				reason = "an emission (through " + funcName(fn) + ")"
			} else if w := v.orderedWrite(n); w != "" {
				reason = "the bytes written to " + w
			}
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				id := baseIdent(l)
				if id == nil || !outer(v.objOf(id)) || i >= len(n.Rhs) && len(n.Rhs) != 1 {
					continue
				}
				rhs := n.Rhs[0]
				if len(n.Rhs) == len(n.Lhs) {
					rhs = n.Rhs[i]
				}
				if !refs(rhs) {
					continue
				}
				t := v.pass.TypesInfo.TypeOf(l)
				switch {
				case isAppend(v, rhs) && n.Tok == token.ASSIGN:
					if !v.sortedAfter(fd, rs, v.objOf(id)) {
						reason = "slice " + types.ExprString(l) + " (not sorted after the loop)"
					}
				case n.Tok == token.ADD_ASSIGN && isKind(t, types.IsString):
					reason = "string " + types.ExprString(l)
				case (n.Tok == token.ADD_ASSIGN || n.Tok == token.SUB_ASSIGN || n.Tok == token.MUL_ASSIGN) && isKind(t, types.IsFloat|types.IsComplex):
					reason = "floating-point sum " + types.ExprString(l) + " (rounding depends on the order)"
				}
			}
		}
		return reason == ""
	})
	if reason != "" {
		v.report(rs.For, rs.For+3, CatMap, ch, "range over map "+types.ExprString(rs.X),
			"map iteration order is random, and it reaches "+reason)
	}
}

func isKind(t types.Type, info types.BasicInfo) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&info != 0
}

func isAppend(v *vet, e ast.Expr) bool {
	c, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	id, ok := ast.Unparen(c.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := v.pass.TypesInfo.Uses[id].(*types.Builtin)
	return ok && b.Name() == "append"
}

// sortedAfter reports whether the function sorts the slice obj after rs
// (sort.*, slices.Sort*, or a function of the package named *sort*).
func (v *vet) sortedAfter(fd *ast.FuncDecl, rs *ast.RangeStmt, obj types.Object) bool {
	found := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok || found || c.Pos() < rs.End() || len(c.Args) == 0 {
			return !found
		}
		fn, ok := v.callee(c)
		if !ok || fn.Pkg() == nil {
			return true
		}
		switch path := fn.Pkg().Path(); {
		case path == "sort" && fn.Type().(*types.Signature).Recv() == nil,
			path == "slices" && strings.HasPrefix(fn.Name(), "Sort"),
			fn.Pkg() == v.pass.Pkg && strings.Contains(strings.ToLower(fn.Name()), "sort"):
			if id := baseIdent(c.Args[0]); id != nil && v.objOf(id) == obj {
				found = true
			}
		}
		return !found
	})
	return found
}

// orderedWrite returns the buffer or hash that c writes to (its Write methods,
// fmt.Fprint*), or "".
func (v *vet) orderedWrite(c *ast.CallExpr) string {
	fn, ok := v.callee(c)
	if !ok {
		return ""
	}
	var dst ast.Expr
	if fn.Pkg() != nil && fn.Pkg().Path() == "fmt" && strings.HasPrefix(fn.Name(), "Fprint") && len(c.Args) > 0 {
		dst = c.Args[0]
	} else if strings.HasPrefix(fn.Name(), "Write") {
		if sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr); ok {
			dst = sel.X
		}
	}
	if dst == nil {
		return ""
	}
	t := v.pass.TypesInfo.TypeOf(dst)
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		switch n.Obj().Pkg().Path() + "." + n.Obj().Name() {
		case "strings.Builder", "bytes.Buffer":
			return types.ExprString(dst)
		}
	}
	full := v.pass.TypesInfo.TypeOf(dst)
	sum, _, _ := types.LookupFieldOrMethod(full, true, nil, "Sum")
	bs, _, _ := types.LookupFieldOrMethod(full, true, nil, "BlockSize")
	if _, ok := sum.(*types.Func); ok {
		if _, ok := bs.(*types.Func); ok {
			return types.ExprString(dst) + " (a hash)"
		}
	}
	return ""
}
