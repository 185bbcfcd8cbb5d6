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
			// A partitioned processor's field is a factory, func(kg int) XHandler,
			// that makes the handler of each key group: its result is the interface.
			if sig, ok := n.Underlying().(*types.Signature); ok && sig.Results().Len() == 1 {
				if r, ok := types.Unalias(sig.Results().At(0).Type()).(*types.Named); ok && r.Obj().Pkg() == p {
					n = r
				}
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
