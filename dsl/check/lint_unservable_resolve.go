package check

import (
	"fmt"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/ir"
)

// unservableResolves reports [unservable-resolve]: a `-> resolve t` that can
// never activate anything, because t's builder is already active whenever the
// case can run. Two things make a builder certainly active:
//
//   - the case belongs to a builder B: B's cases run only once B is active,
//     and activating B activated B's requirements' providers, transitively;
//   - the case receives artifacts of a target u (`on built u`, or a builder's
//     case for its requirement u): they exist only once u's provider is
//     active, and so are the providers of what it requires, transitively.
//
// Such a resolve is a no-op where it is written: if nothing else resolves t,
// t is never built ("resolve words" in `on built words` waits for itself).
func (l *linter) unservableResolves(files []*ast.File) {
	decls := map[ast.Pos]*ast.Case{}
	for _, f := range files {
		for _, d := range f.Decls {
			var cases []*ast.Case
			switch d := d.(type) {
			case *ast.ProcessorDecl:
				cases = d.Cases
			case *ast.BuilderDecl:
				cases = d.Cases
			}
			for _, cs := range cases {
				decls[cs.Pos] = cs
			}
		}
	}
	for _, p := range l.c.pkg.Processors {
		for _, ic := range append([]*ir.Case{p.Init, p.Phase, p.Terminate}, p.Cases...) {
			if ic == nil || len(ic.Resolves) == 0 {
				continue
			}
			active := map[*ir.Target][]*ir.Target{} // target -> the requirement path that activates it
			var why string
			if ic.Target != nil {
				activeFrom(active, nil, ic.Target)
				why = fmt.Sprintf("the case receives artifacts of %s, which exist only once %s is active", ic.Target.Name, providerName(ic.Target))
			}
			if p.Builder != nil && p.Builder.Provides != nil {
				// A builder's case for its requirement is covered by its own target.
				clear(active)
				activeFrom(active, nil, p.Builder.Provides)
				why = fmt.Sprintf("the cases of builder %s run only once it is active", p.Name)
			}
			decl := decls[ic.Pos]
			for _, t := range ic.Resolves {
				if why := alwaysActive(t); why != "" {
					l.warn(decl, diag.Warningf(resolvePos(ic, decl, t), ruleUnservableResolve,
						"resolve %s never takes effect: %s", t.Name, why))
					continue
				}
				if _, ok := active[t]; !ok {
					continue
				}
				pos := ic.Pos
				if decl != nil {
					for _, r := range decl.Resolves {
						if r.Name == t.Name {
							pos = r.Pos
							break
						}
					}
				}
				path := active[t]
				if len(path) > 1 {
					why += ", and activating it activates " + providerName(t) + " (" + requiresPath(path) + ")"
				}
				l.warn(decl, diag.Warningf(pos, ruleUnservableResolve,
					"resolve %s never takes effect here: %s is already active whenever this case runs: %s",
					t.Name, providerName(t), why))
			}
		}
	}
}

// activeFrom records t, reached by path, and, transitively, the targets its
// provider requires, each with the first path found to it.
func activeFrom(active map[*ir.Target][]*ir.Target, path []*ir.Target, t *ir.Target) {
	if _, ok := active[t]; ok {
		return
	}
	path = append(path[:len(path):len(path)], t)
	active[t] = path
	if t.Provider == nil || t.Provider.Builder == nil {
		return
	}
	for _, r := range t.Provider.Builder.Requires {
		activeFrom(active, path, r)
	}
}

// requiresPath spells a requirement path: "upper requires words".
func requiresPath(path []*ir.Target) string {
	s := ""
	for i := 0; i+1 < len(path); i++ {
		if i > 0 {
			s += ", "
		}
		s += providerName(path[i]) + " requires " + path[i+1].Name
	}
	return s
}

// providerName names t's builder.
func providerName(t *ir.Target) string {
	if t.Provider == nil {
		return "its builder"
	}
	return "builder " + t.Provider.Name
}

// alwaysActive says why t's provider is active whenever the run is: a
// processor that publishes t, or a builder fed by events (eager); "" for a
// builder that a resolve activates.
func alwaysActive(t *ir.Target) string {
	switch p := t.Provider; {
	case p == nil:
		return ""
	case p.Builder == nil:
		return fmt.Sprintf("processor %s provides %s, and a processor is always active", p.Name, t.Name)
	case p.Builder.Eager:
		return fmt.Sprintf("builder %s is fed by events, active from the start of the run", p.Name)
	}
	return ""
}

// resolvePos is the position of the entry `resolve t` of case ic, declared
// by decl (nil if unknown): the case's position if not found.
func resolvePos(ic *ir.Case, decl *ast.Case, t *ir.Target) ast.Pos {
	if decl != nil {
		for _, r := range decl.Resolves {
			if r.Name == t.Name {
				return r.Pos
			}
		}
	}
	return ic.Pos
}
