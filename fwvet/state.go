package fwvet

import (
	"go/ast"
	"go/token"
	"go/types"
)

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
