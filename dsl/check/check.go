// Package check resolves and checks parsed .fw files and builds the IR.
//
// Check reports every problem it finds, not only the first: each stage keeps
// going after an error with whatever it could resolve, and skips only what
// depends on a name that did not resolve (so one typo gives one diagnostic,
// not a cascade).
package check

import (
	"cmp"
	"path/filepath"
	"slices"
	"strings"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/ir"
)

// Rule names of the diagnostics of this package.
const (
	rulePackageMismatch       = "package-mismatch"
	ruleBadName               = "bad-name"
	ruleDuplicateDeclaration  = "duplicate-declaration"
	ruleDuplicateVariant      = "duplicate-variant"
	ruleBadVariant            = "bad-variant"
	ruleEmptyEnum             = "empty-enum"
	ruleDuplicateField        = "duplicate-field"
	ruleNameCollision         = "name-collision"
	ruleUnknownType           = "unknown-type"
	ruleUnknownEvent          = "unknown-event"
	ruleUnknownField          = "unknown-field"
	ruleDuplicateFieldPattern = "duplicate-field-pattern"
	ruleDuplicateBinding      = "duplicate-binding"
	ruleBadLiteral            = "bad-literal"
	ruleDuplicateCase         = "duplicate-case"
	ruleUnknownOption         = "unknown-option"
	ruleBadOption             = "bad-option"
	ruleTerminateEmits        = "terminate-emits"
	ruleBadPattern            = "bad-pattern"
	ruleEmptyPattern          = "empty-pattern"
	ruleMissingProvider       = "missing-provider"
	ruleDuplicateProvider     = "duplicate-provider"
	ruleDependencyCycle       = "dependency-cycle"
	ruleUnknownHelper         = "unknown-helper"
	ruleBadHelperArg          = "bad-helper-arg"
	ruleBadBuilder            = "bad-builder"
	ruleRecordCycle           = "record-cycle"
	ruleBadPublish            = "bad-publish"
)

// Check checks the files of one package and builds its IR. The files may come
// in any order; nil files are ignored. It returns every diagnostic, sorted, and
// a nil package when any of them is an error. Without files it returns an
// empty package: reporting "no .fw files" is the caller's business.
func Check(files []*ast.File) (*ir.Package, diag.List) {
	c := &checker{
		pkg:     &ir.Package{},
		decls:   map[string]ast.Decl{},
		enums:   map[string]*ir.Enum{},
		events:  map[string]*ir.Event{},
		records: map[string]*ir.Record{},
		badType: map[*ir.Field]bool{},
		targets: map[string]*ir.Target{},
		bInfo:   map[*ir.Processor]*builderInfo{},
	}
	files = sortFiles(files)
	c.srcs = map[string]*source{}
	c.files = files
	for _, f := range files {
		c.pkg.Files = append(c.pkg.Files, filepath.Base(f.Name))
		if f.Src != nil {
			c.srcs[f.Name] = &source{name: f.Name, src: f.Src}
		}
	}
	c.packageName(files)
	c.declare(files)
	c.resolveFields()
	c.sortDecls()
	c.declareTargets()
	c.resolveProcessors()
	c.builderGraph()
	c.inferTypes()
	c.partitions()
	c.generatedNames(files)
	c.lint(files)
	c.finishEnds()

	diags := c.diags.Sort()
	if diags.HasErrors() {
		return nil, diags
	}
	return c.pkg, diags
}

// checker holds the state of one Check call.
type checker struct {
	diags diag.List
	pkg   *ir.Package

	spans // the sources, for the ends of diagnostics and their fixes (span.go)

	decls    map[string]ast.Decl // the first declaration of each top-level name
	enums    map[string]*ir.Enum
	events   map[string]*ir.Event
	evDecls  []eventDecl // first declarations of events, in declaration order
	records  map[string]*ir.Record
	recDecls []recordDecl       // first declarations of records, in declaration order
	prDecls  []procDecl         // first declarations of processors and builders, in declaration order
	badType  map[*ir.Field]bool // fields whose type did not resolve: their patterns are not type-checked
	procs    []*procInfo        // what the lint rules need of each processor (not builder), in declaration order
	// The partition clauses: `into 1` ones, for lint, and the processors
	// and builders with K > 1 (partition.go).
	noops       []*ast.Partition
	partitioned []*ir.Processor

	targets  map[string]*ir.Target // by name
	builders []*builderInfo        // first declarations of builders, in declaration order
	bInfo    map[*ir.Processor]*builderInfo
}

type eventDecl struct {
	ev   *ir.Event
	decl *ast.EventDecl
}

type recordDecl struct {
	rec  *ir.Record
	decl *ast.RecordDecl
}

// procDecl is the first declaration of a processor or of a builder: exactly
// one of decl and builder is set.
type procDecl struct {
	file    string // base name
	decl    *ast.ProcessorDecl
	builder *ast.BuilderDecl
	info    *builderInfo  // builders: set by declareTargets
	proc    *ir.Processor // processors: set by declareTargets
}

func (c *checker) report(d diag.Diagnostic) { c.diags = append(c.diags, d) }

func (c *checker) errorf(pos ast.Pos, rule, format string, args ...any) {
	c.report(diag.Errorf(pos, rule, format, args...))
}

// sortFiles drops nil files and sorts the others by base name (then full name,
// to stay deterministic when two directories are mixed).
func sortFiles(files []*ast.File) []*ast.File {
	out := make([]*ast.File, 0, len(files))
	for _, f := range files {
		if f != nil {
			out = append(out, f)
		}
	}
	slices.SortStableFunc(out, func(a, b *ast.File) int {
		return cmp.Or(
			strings.Compare(filepath.Base(a.Name), filepath.Base(b.Name)),
			strings.Compare(a.Name, b.Name))
	})
	return out
}

// packageName settles the package name and reports the files that disagree.
// The name declared by most files wins, ties going to the first file: the
// error then points at the odd one out rather than at the majority.
func (c *checker) packageName(files []*ast.File) {
	count := map[string]int{}
	first := map[string]ast.Ident{}
	var order []string
	for _, f := range files {
		n := f.Package.Name
		if n == "" {
			continue // a syntax error, reported by the parser
		}
		if count[n] == 0 {
			order = append(order, n)
			first[n] = f.Package
		}
		count[n]++
	}
	if len(order) == 0 {
		return
	}
	name := order[0]
	for _, n := range order[1:] {
		if count[n] > count[name] {
			name = n
		}
	}
	c.pkg.Name = name
	want := first[name]
	for _, f := range files {
		if n := f.Package.Name; n != "" && n != name {
			c.report(diag.Errorf(f.Package.Pos, rulePackageMismatch,
				"package %s does not match package %s of the other files", n, name).
				With(want.Pos, "package %s declared here", name))
		}
	}
	if msg := badPackageName(name); msg != "" {
		c.errorf(want.Pos, ruleBadName, "%s", msg)
	}
}

// declare registers the top-level declarations of all files, in declaration
// order, and builds the enums and the (still field-less) events.
func (c *checker) declare(files []*ast.File) {
	for _, f := range files {
		base := filepath.Base(f.Name)
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.EnumDecl:
				if d != nil && c.declareName(d, "enum", d.Name) {
					c.enum(d, base)
				}
			case *ast.EventDecl:
				if d != nil && c.declareName(d, "event", d.Name) {
					ev := &ir.Event{Name: d.Name.Name, Input: d.Input, File: base, Pos: d.Pos}
					c.events[ev.Name] = ev
					c.evDecls = append(c.evDecls, eventDecl{ev, d})
				}
			case *ast.RecordDecl:
				if d != nil && c.declareName(d, "record", d.Name) {
					r := &ir.Record{Name: d.Name.Name, File: base, Pos: d.Pos}
					c.records[r.Name] = r
					c.recDecls = append(c.recDecls, recordDecl{r, d})
				}
			case *ast.ProcessorDecl:
				if d != nil && c.declareName(d, "processor", d.Name) {
					c.prDecls = append(c.prDecls, procDecl{file: base, decl: d})
				}
			case *ast.BuilderDecl:
				if d != nil && c.declareName(d, "builder", d.Name) {
					c.prDecls = append(c.prDecls, procDecl{file: base, builder: d})
				}
			}
		}
	}
}

// declareName checks the name of a top-level declaration and reports whether
// d is its first declaration. Enums, events, records, processors and builders
// share one namespace.
func (c *checker) declareName(d ast.Decl, kind string, name ast.Ident) bool {
	if name.Name == "" {
		return false
	}
	if !startsUpper(name.Name) {
		c.errorf(name.Pos, ruleBadName,
			"%s name %s must start with an upper-case letter: it becomes an exported Go name", kind, name.Name)
	}
	if first, ok := c.decls[name.Name]; ok {
		c.report(diag.Errorf(name.Pos, ruleDuplicateDeclaration, "%s redeclared in this package", name.Name).
			With(first.DeclName().Pos, "first declared here"))
		return false
	}
	c.decls[name.Name] = d
	return true
}

// enum builds an enum; a repeated variant is reported and left out.
func (c *checker) enum(d *ast.EnumDecl, file string) {
	e := &ir.Enum{Name: d.Name.Name, File: file, Pos: d.Pos}
	seen := map[string]ast.Pos{}
	for _, v := range d.Variants {
		if v.Name == "" {
			continue
		}
		switch v.Name {
		case "_", "true", "false", "nil":
			// A pattern reads these as the wildcard or as literals: no
			// pattern could name the variant.
			c.report(diag.Errorf(v.Pos, ruleBadVariant, "enum %s cannot have a variant named %s: a pattern would read it as %s, so no case could match the variant; rename it", e.Name, v.Name, map[string]string{"_": "the wildcard", "true": "a bool literal", "false": "a bool literal", "nil": "nil, not a variant"}[v.Name]))
			continue
		}
		if first, ok := seen[v.Name]; ok {
			c.report(diag.Errorf(v.Pos, ruleDuplicateVariant, "duplicate variant %s in enum %s", v.Name, e.Name).
				With(first, "first declared here"))
			continue
		}
		seen[v.Name] = v.Pos
		e.Variants = append(e.Variants, v.Name)
	}
	if len(d.Variants) == 0 {
		c.report(diag.Errorf(d.Name.Pos, ruleEmptyEnum, "enum %s has no variants: a field of its type could hold no value; declare at least one variant", e.Name))
	}
	c.enums[e.Name] = e
	c.pkg.Enums = append(c.pkg.Enums, e)
}

// sortDecls puts enums and events in name order and numbers the events.
func (c *checker) sortDecls() {
	slices.SortFunc(c.pkg.Enums, func(a, b *ir.Enum) int { return strings.Compare(a.Name, b.Name) })
	for _, ed := range c.evDecls {
		c.pkg.Events = append(c.pkg.Events, ed.ev)
	}
	slices.SortFunc(c.pkg.Events, func(a, b *ir.Event) int { return strings.Compare(a.Name, b.Name) })
	for i, ev := range c.pkg.Events {
		ev.Kind = i
	}
	for _, rd := range c.recDecls {
		c.pkg.Records = append(c.pkg.Records, rd.rec)
	}
	slices.SortFunc(c.pkg.Records, func(a, b *ir.Record) int { return strings.Compare(a.Name, b.Name) })
}

// declKind names the kind of a declaration for messages.
func declKind(d ast.Decl) string {
	switch d.(type) {
	case *ast.EnumDecl:
		return "an enum"
	case *ast.EventDecl:
		return "an event"
	case *ast.RecordDecl:
		return "a record"
	case *ast.BuilderDecl:
		return "a builder"
	}
	return "a processor"
}

// sortedKeys returns the keys of m in order, as candidates for suggestions.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
