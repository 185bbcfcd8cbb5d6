package fwvet

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

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
