package check

import (
	"fmt"
	"go/token"
	"slices"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/ir"
)

// startsUpper reports whether s starts with an upper-case ASCII letter, so that
// it is an exported Go identifier.
func startsUpper(s string) bool { return s != "" && 'A' <= s[0] && s[0] <= 'Z' }

// startsLetter reports whether s starts with an ASCII letter: a field name
// starting with `_` would give an unexported Go field.
func startsLetter(s string) bool {
	return s != "" && ('a' <= s[0] && s[0] <= 'z' || 'A' <= s[0] && s[0] <= 'Z')
}

// badPackageName explains why name cannot be the Go package name, or returns "".
func badPackageName(name string) string {
	for i := 0; i < len(name); i++ {
		ch := name[i]
		if !('a' <= ch && ch <= 'z' || i > 0 && ('0' <= ch && ch <= '9' || ch == '_')) {
			return fmt.Sprintf("package name %s must be a lower-case Go identifier (a-z, then a-z, 0-9 or _)", name)
		}
	}
	if token.IsKeyword(name) {
		return fmt.Sprintf("package name %s is a Go keyword", name)
	}
	return ""
}

// lifecycleNames are the case names of the lifecycle cases, by kind. An event
// case may not take one: its context type would be the lifecycle case's.
var lifecycleNames = map[ast.CaseKind]string{
	ast.CaseInit:      "Init",
	ast.CasePhase:     "Phase",
	ast.CaseTerminate: "Terminate",
}

// isLifecycleName reports whether name is reserved for a lifecycle case, and for which.
func isLifecycleName(name string) (ast.CaseKind, bool) {
	for k, n := range lifecycleNames {
		if n == name {
			return k, true
		}
	}
	return ast.CaseEvent, false
}

// goNameOwner is the declaration that generates a package-level Go name.
type goNameOwner struct {
	pos  ast.Pos // invalid for the names of the pipeline file
	what string
}

// generatedNames reports package-level Go identifiers that two declarations
// would both generate, at the later declaration. Which names a declaration
// generates is ir's table of generated names (ir.PipelineNames, ir.EnumNames,
// ir.EventNames, ir.ProcessorNames, ir.BuilderNames, ir.KeyerNames), the one
// the generator forms its names with. Besides, each target T gives the
// Pipeline method Resolve + the Go name of T (and unexported kind constants):
// two targets may not have the same Go name (targetNames).
//
// Only first declarations take part (the others are already reported as
// duplicates), so that one mistake gives one diagnostic.
func (c *checker) generatedNames(files []*ast.File) {
	taken := map[string]goNameOwner{}
	// claim claims the package-level names of names, at pos, or at
	// partPos(n.Part) for the names of a variant or a case.
	claim := func(names []ir.GoName, pos ast.Pos, partPos func(int) ast.Pos) {
		for _, n := range names {
			if !n.PackageLevel() {
				continue
			}
			at := pos
			if n.Part >= 0 && partPos != nil {
				at = partPos(n.Part)
			}
			prev, ok := taken[n.Name]
			if !ok {
				taken[n.Name] = goNameOwner{at, n.Of}
				continue
			}
			d := diag.Errorf(at, ruleNameCollision, "%s generates the Go name %s, already used by %s", n.Of, n.Name, prev.what)
			if prev.pos.IsValid() {
				d = d.With(prev.pos, "%s declared here", prev.what)
			}
			c.report(d)
		}
	}
	claim(ir.PipelineNames(nil), ast.Pos{}, nil)
	for _, f := range files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.EnumDecl:
				if d == nil || c.decls[d.Name.Name] != ast.Decl(d) {
					continue
				}
				var variants []string
				var pos []ast.Pos
				for _, v := range d.Variants {
					if v.Name == "" || slices.Contains(variants, v.Name) {
						continue
					}
					variants = append(variants, v.Name)
					pos = append(pos, v.Pos)
				}
				claim(ir.EnumNames(d.Name.Name, variants), d.Name.Pos, func(i int) ast.Pos { return pos[i] })
			case *ast.EventDecl:
				if d == nil || c.decls[d.Name.Name] != ast.Decl(d) {
					continue
				}
				claim(ir.EventNames(d.Name.Name), d.Name.Pos, nil)
			case *ast.RecordDecl:
				if d == nil || c.decls[d.Name.Name] != ast.Decl(d) {
					continue
				}
				claim(ir.RecordNames(d.Name.Name), d.Name.Pos, nil)
			case *ast.ProcessorDecl:
				if d == nil || c.decls[d.Name.Name] != ast.Decl(d) {
					continue
				}
				ccs := caseContexts(d.Cases)
				cases := make([]ir.CaseNames, len(ccs))
				for i, cc := range ccs {
					cases[i] = ir.CaseNames{Kind: cc.kind, Name: cc.name}
				}
				claim(ir.ProcessorNames(d.Name.Name, cases), d.Name.Pos, func(i int) ast.Pos { return ccs[i].pos })
				claim(c.factoryNames(d.Name.Name), d.Name.Pos, nil)
			case *ast.BuilderDecl:
				if d == nil || c.decls[d.Name.Name] != ast.Decl(d) {
					continue
				}
				if d.Use == nil {
					withContext := len(d.Requires) > 0 || len(d.Cases) > 0
					claim(ir.BuilderNames(d.Name.Name, withContext, nil), d.Name.Pos, nil)
				} else if keyedByMethod(d.Use) {
					claim(ir.KeyerNames(d.Name.Name), d.Name.Pos, nil)
				}
				claim(c.factoryNames(d.Name.Name), d.Name.Pos, nil)
			}
		}
	}
	c.targetNames()
}

// keyedByMethod reports whether u is a Grouper or StreamGrouper whose key the
// application supplies (`key: type`): the generator declares an interface for it.
func keyedByMethod(u *ast.Use) bool {
	if k, ok := helperKinds[u.Helper.Name]; !ok || k != ir.Grouper && k != ir.StreamGrouper {
		return false
	}
	for _, a := range u.Args {
		if a != nil && a.Name.Name == "key" {
			return true
		}
	}
	return false
}

// targetNames reports [name-collision] for two targets with the same Go name,
// which would give two Pipeline methods of one name, at the later provider.
func (c *checker) targetNames() {
	seen := map[string]*ir.Target{}
	for _, bi := range c.builders {
		if !bi.provides() {
			continue
		}
		t := bi.p.Builder.Provides
		g := ir.TargetGoName(t.Name)
		if prev, ok := seen[g]; ok {
			c.report(diag.Errorf(t.Pos, ruleNameCollision,
				"target %s collides with target %s: both have the Go name %s (Pipeline.Resolve%s)", t.Name, prev.Name, g, g).
				With(prev.Pos, "target %s provided here", prev.Name))
			continue
		}
		seen[g] = t
	}
}

// caseContext is a case that gets a context type.
type caseContext struct {
	kind ast.CaseKind
	name string // case name
	pos  ast.Pos
}

// caseContexts lists the cases that get a context type: the first of each
// lifecycle case and the first event or built case of each valid name, in
// source order.
func caseContexts(cases []*ast.Case) []caseContext {
	var out []caseContext
	seen := map[string]bool{}
	for _, cs := range cases {
		if cs == nil {
			continue
		}
		var cc caseContext
		if n, ok := lifecycleNames[cs.Kind]; ok {
			cc = caseContext{kind: cs.Kind, name: n, pos: cs.Pos}
		} else if cs.Kind == ast.CaseEvent || cs.Kind == ast.CaseBuilt {
			name, pos := caseName(cs)
			if _, reserved := isLifecycleName(name); reserved {
				continue
			}
			cc = caseContext{kind: cs.Kind, name: name, pos: pos}
		}
		if cc.name == "" || seen[cc.name] {
			continue
		}
		seen[cc.name] = true
		out = append(out, cc)
	}
	return out
}

// caseName returns the name of an event or built case, the `as` name or else
// the event name or the Go name of the target, with the position of the name
// that gave it.
func caseName(cs *ast.Case) (string, ast.Pos) {
	if cs.Name != nil && cs.Name.Name != "" {
		return cs.Name.Name, cs.Name.Pos
	}
	if cs.Kind == ast.CaseBuilt {
		return ir.GoFieldName(cs.Target.Name), cs.Target.Pos
	}
	if cs.IsCatchAll() {
		return catchAllName, cs.Event.Pos
	}
	return cs.Event.Name, cs.Event.Pos
}

// catchAllName is the default name of the catch-all case `on _`.
const catchAllName = "Any"
