package fwvet

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

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
