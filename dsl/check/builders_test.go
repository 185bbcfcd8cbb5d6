package check

import (
	"fmt"
	"strings"
	"testing"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/ir"
)

// dumpBuilders renders the targets and the builder side of the IR, one line
// per target, processor and case.
func dumpBuilders(p *ir.Package) string {
	var b strings.Builder
	for i, t := range p.Targets {
		fmt.Fprintf(&b, "target %s index=%d %s type=%s provider=%s built=%d resolve=%d consumers=[",
			t.Name, t.Index, t.Pos, t.Type.String(), t.Provider.Name, p.BuiltKind(t), p.ResolveKind(t))
		for j, c := range t.Consumers {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(c.Name)
		}
		b.WriteString("]\n")
		if t.Index != i {
			fmt.Fprintf(&b, "BAD-INDEX(%d)\n", i)
		}
	}
	for i, pr := range p.Processors {
		fmt.Fprintf(&b, "%s %s index=%d %s concurrency=%d", map[bool]string{true: "builder", false: "processor"}[pr.Builder != nil],
			pr.Name, pr.Index, pr.Pos, pr.Concurrency)
		if pr.Index != i {
			fmt.Fprintf(&b, " BAD-INDEX(%d)", i)
		}
		if bd := pr.Builder; bd != nil {
			fmt.Fprintf(&b, " provides=%s", bd.Provides.Name)
			for _, t := range bd.Requires {
				fmt.Fprintf(&b, " requires=%s", t.Name)
			}
			if bd.Source() {
				b.WriteString(" source")
			}
			if bd.Persist {
				b.WriteString(" persist")
			}
			if bd.Version != 0 {
				fmt.Fprintf(&b, " version=%d", bd.Version)
			}
			if h := bd.Helper; h != nil {
				fmt.Fprintf(&b, " helper=%s", helperNames[h.Kind])
				if h.By != nil {
					fmt.Fprintf(&b, " by=%s", h.By.Name)
				}
				if h.Kind == ir.Grouper || h.Kind == ir.StreamGrouper {
					fmt.Fprintf(&b, " key=%s", h.Key.String())
				}
				switch h.Kind {
				case ir.StreamSampler:
					fmt.Fprintf(&b, " p=%g seed=%d", h.P, h.Seed)
				case ir.ReservoirSampler:
					fmt.Fprintf(&b, " k=%d seed=%d", h.K, h.Seed)
				}
			}
		}
		b.WriteByte('\n')
		for j, c := range pr.Cases {
			dumpBuiltCase(&b, c)
			if c.Index != j {
				fmt.Fprintf(&b, "\tBAD-INDEX(%d)\n", j)
			}
		}
		for _, c := range []*ir.Case{pr.Init, pr.Phase, pr.Terminate} {
			if c != nil {
				dumpBuiltCase(&b, c)
			}
		}
	}
	return b.String()
}

func dumpBuiltCase(b *strings.Builder, c *ir.Case) {
	fmt.Fprintf(b, "\tcase %s index=%d %s %s", c.Name, c.Index, c.Kind, c.Pos)
	if c.Event != nil {
		fmt.Fprintf(b, " event=%s", c.Event.Name)
	}
	if c.Target != nil {
		fmt.Fprintf(b, " target=%s", c.Target.Name)
	}
	for _, e := range c.Emits {
		fmt.Fprintf(b, " ->%s", e.Name)
	}
	for _, t := range c.Resolves {
		fmt.Fprintf(b, " ->resolve %s", t.Name)
	}
	b.WriteByte('\n')
}

var builderSrc = src{"b.fw", `package demo

enum Kind { WORD NUMBER }
input event Start {}
event Token { pkg string; kind Kind; size float; text string }

processor Printer {
    on Start -> resolve words, resolve tokens, resolve words
    on built words as Word -> Start
    on built all
    on built byPkg
    on phase -> resolve sample
}
builder Words provides words: string
builder Upper provides upper: string requires words persist version 2 {
    concurrency 4
    on init
    on phase -> resolve counts
    on terminate
}
builder Toks provides tokens: Token
builder Count provides counts: Kind requires tokens, upper persist
builder AllWords provides all requires words use Collector
builder ByPkg provides byPkg requires tokens use Grouper(by: pkg)
builder ByKind provides byKind requires tokens use StreamGrouper(by: kind)
builder BySize provides bySize requires tokens use Grouper(by: size)
builder ByLen provides byLen requires words use Grouper(key: int)
builder ByFlag provides byFlag requires words use StreamGrouper(key: bool)
builder Some provides some requires tokens use StreamSampler(p: 0.25, seed: 7)
builder Every provides every requires some use StreamSampler(p: 1)
builder Sample provides sample requires words use ReservoirSampler(k: 10, seed: 42)
builder Groups provides groups requires byPkg use ReservoirSampler(k: 0x10)
builder AllGroups provides allGroups requires groups use Collector
`}

func TestBuilderIR(t *testing.T) {
	pkg, diags := Check(parse(t, builderSrc))
	if pkg == nil {
		t.Fatalf("errors:\n%s", diags.Text())
	}
	got := dumpBuilders(pkg)
	want := `target all index=0 b.fw:23:27 type=[]string provider=AllWords built=2 resolve=17 consumers=[]
target allGroups index=1 b.fw:33:28 type=[][]Group[string, Token] provider=AllGroups built=3 resolve=18 consumers=[]
target byFlag index=2 b.fw:28:25 type=Group[bool, string] provider=ByFlag built=4 resolve=19 consumers=[]
target byKind index=3 b.fw:25:25 type=Group[Kind, Token] provider=ByKind built=5 resolve=20 consumers=[]
target byLen index=4 b.fw:27:24 type=Group[int, string] provider=ByLen built=6 resolve=21 consumers=[]
target byPkg index=5 b.fw:24:24 type=Group[string, Token] provider=ByPkg built=7 resolve=22 consumers=[Groups]
target bySize index=6 b.fw:26:25 type=Group[float, Token] provider=BySize built=8 resolve=23 consumers=[]
target counts index=7 b.fw:22:24 type=Kind provider=Count built=9 resolve=24 consumers=[]
target every index=8 b.fw:30:24 type=Token provider=Every built=10 resolve=25 consumers=[]
target groups index=9 b.fw:32:25 type=[]Group[string, Token] provider=Groups built=11 resolve=26 consumers=[AllGroups]
target sample index=10 b.fw:31:25 type=[]string provider=Sample built=12 resolve=27 consumers=[]
target some index=11 b.fw:29:23 type=Token provider=Some built=13 resolve=28 consumers=[Every]
target tokens index=12 b.fw:21:23 type=Token provider=Toks built=14 resolve=29 consumers=[Count ByPkg ByKind BySize Some]
target upper index=13 b.fw:15:24 type=string provider=Upper built=15 resolve=30 consumers=[Count]
target words index=14 b.fw:14:24 type=string provider=Words built=16 resolve=31 consumers=[Upper AllWords ByLen ByFlag Sample]
processor Printer index=0 b.fw:7:1 concurrency=1
	case Start index=0 event b.fw:8:5 event=Start ->resolve tokens ->resolve words
	case Word index=1 built b.fw:9:5 target=words ->Start
	case All index=2 built b.fw:10:5 target=all
	case ByPkg index=3 built b.fw:11:5 target=byPkg
	case Phase index=-1 phase b.fw:12:5 ->resolve sample
builder Words index=1 b.fw:14:1 concurrency=1 provides=words source
builder Upper index=2 b.fw:15:1 concurrency=4 provides=upper requires=words persist version=2
	case Words index=0 built b.fw:15:47 target=words
	case Init index=-1 init b.fw:17:5
	case Phase index=-1 phase b.fw:18:5 ->resolve counts
	case Terminate index=-1 terminate b.fw:19:5
builder Toks index=3 b.fw:21:1 concurrency=1 provides=tokens source
builder Count index=4 b.fw:22:1 concurrency=1 provides=counts requires=tokens requires=upper persist
	case Tokens index=0 built b.fw:22:46 target=tokens
	case Upper index=1 built b.fw:22:54 target=upper
builder AllWords index=5 b.fw:23:1 concurrency=1 provides=all requires=words helper=Collector
	case Words index=0 built b.fw:23:40 target=words
	case Phase index=-1 phase b.fw:23:46
builder ByPkg index=6 b.fw:24:1 concurrency=1 provides=byPkg requires=tokens helper=Grouper by=pkg key=string
	case Tokens index=0 built b.fw:24:39 target=tokens
	case Phase index=-1 phase b.fw:24:46
builder ByKind index=7 b.fw:25:1 concurrency=1 provides=byKind requires=tokens helper=StreamGrouper by=kind key=Kind
	case Tokens index=0 built b.fw:25:41 target=tokens
	case Phase index=-1 phase b.fw:25:48
builder BySize index=8 b.fw:26:1 concurrency=1 provides=bySize requires=tokens helper=Grouper by=size key=float
	case Tokens index=0 built b.fw:26:41 target=tokens
	case Phase index=-1 phase b.fw:26:48
builder ByLen index=9 b.fw:27:1 concurrency=1 provides=byLen requires=words helper=Grouper key=int
	case Words index=0 built b.fw:27:39 target=words
	case Phase index=-1 phase b.fw:27:45
builder ByFlag index=10 b.fw:28:1 concurrency=1 provides=byFlag requires=words helper=StreamGrouper key=bool
	case Words index=0 built b.fw:28:41 target=words
	case Phase index=-1 phase b.fw:28:47
builder Some index=11 b.fw:29:1 concurrency=1 provides=some requires=tokens helper=StreamSampler p=0.25 seed=7
	case Tokens index=0 built b.fw:29:37 target=tokens
	case Phase index=-1 phase b.fw:29:44
builder Every index=12 b.fw:30:1 concurrency=1 provides=every requires=some helper=StreamSampler p=1 seed=0
	case Some index=0 built b.fw:30:39 target=some
	case Phase index=-1 phase b.fw:30:44
builder Sample index=13 b.fw:31:1 concurrency=1 provides=sample requires=words helper=ReservoirSampler k=10 seed=42
	case Words index=0 built b.fw:31:41 target=words
	case Phase index=-1 phase b.fw:31:47
builder Groups index=14 b.fw:32:1 concurrency=1 provides=groups requires=byPkg helper=ReservoirSampler k=16 seed=0
	case ByPkg index=0 built b.fw:32:41 target=byPkg
	case Phase index=-1 phase b.fw:32:47
builder AllGroups index=15 b.fw:33:1 concurrency=1 provides=allGroups requires=groups helper=Collector
	case Groups index=0 built b.fw:33:47 target=groups
	case Phase index=-1 phase b.fw:33:54
`
	if got != want {
		t.Errorf("IR:\n%s\nwant:\n%s", got, want)
	}
}

// TestBuilderTypes checks the artifact types in depth: the inferred types
// share the input's artifact, and the key of a by: grouping is its field.
func TestBuilderTypes(t *testing.T) {
	pkg, diags := Check(parse(t, builderSrc))
	if pkg == nil {
		t.Fatalf("errors:\n%s", diags.Text())
	}
	target := map[string]*ir.Target{}
	for _, tg := range pkg.Targets {
		target[tg.Name] = tg
	}
	var token *ir.Event
	for _, ev := range pkg.Events {
		if ev.Name == "Token" {
			token = ev
		}
	}
	if a := target["tokens"].Type; a.Kind != ir.ArtifactEvent || a.Event != token {
		t.Errorf("tokens: %+v", a)
	}
	if a := target["words"].Type; a.Kind != ir.ArtifactField || a.Field.Kind != ir.String {
		t.Errorf("words: %+v", a)
	}
	if a := target["counts"].Type; a.Kind != ir.ArtifactField || a.Field.Kind != ir.EnumType || a.Field.Enum.Name != "Kind" {
		t.Errorf("counts: %+v", a)
	}
	byPkg := target["byPkg"]
	if a := byPkg.Type; a.Kind != ir.ArtifactGroup || a.Key.Kind != ir.String || a.Elem != target["tokens"].Type {
		t.Errorf("byPkg: %+v", a)
	}
	if h := byPkg.Provider.Builder.Helper; h.By != token.Fields[0] || h.Key.Kind != ir.String {
		t.Errorf("byPkg helper: %+v", h)
	}
	if a := target["all"].Type; a.Kind != ir.ArtifactSlice || a.Elem != target["words"].Type {
		t.Errorf("all: %+v", a)
	}
	if a := target["some"].Type; a != target["tokens"].Type {
		t.Errorf("some: %+v, want the artifact of tokens", a)
	}
	if h := target["byLen"].Provider.Builder.Helper; h.By != nil || h.Key.Kind != ir.Int {
		t.Errorf("byLen helper: %+v", h)
	}
}

// TestDependencyCycle checks the cycle's path, its position (the first
// requires entry of the path, in the component's first builder by declaration
// order: files by name, then source order) and the related positions (the
// other entries, in path order).
func TestDependencyCycle(t *testing.T) {
	files := parse(t,
		src{"b.fw", "package p\nbuilder C provides c: int requires a\nbuilder Out provides out: int requires c\n"},
		src{"a.fw", "package p\nbuilder A provides a: int requires x, b\nbuilder B provides b: int requires out, c\nbuilder X provides x: int\n"},
	)
	_, diags := Check(files)
	var cycles []string
	for _, d := range diags {
		if d.Rule != ruleDependencyCycle {
			continue
		}
		s := d.Pos.String() + " " + d.Message
		for _, r := range d.Related {
			s += " | " + r.Pos.String() + " " + r.Message
		}
		cycles = append(cycles, s)
	}
	// A's way back through b: b -> c -> a (B requires c directly) is shorter
	// than b -> out -> c -> a.
	want := []string{"a.fw:2:39 dependency cycle: a -> b -> c -> a | a.fw:3:41 builder B requires c | b.fw:2:36 builder C requires a"}
	if strings.Join(cycles, "\n") != strings.Join(want, "\n") {
		t.Errorf("cycles:\n%s\nwant:\n%s\nall diagnostics:\n%s", strings.Join(cycles, "\n"), strings.Join(want, "\n"), diags.Text())
	}
}

// TestBuilderSuggestions checks the "did you mean" hints of targets and helpers.
func TestBuilderSuggestions(t *testing.T) {
	_, diags := Check(parse(t, src{"a.fw", `package p
builder Words provides words: string
builder WordCount provides wordCount: int requires Words
builder All provides all requires words use collector
builder Far provides far requires words use Histogram
processor P {
    on built wordcount
    on built alll
    on init -> resolve xyz
}
`}))
	want := `a.fw:3:52: error: no builder provides target Words; did you mean words? [missing-provider]
a.fw:4:45: error: unknown helper collector; did you mean Collector? [unknown-helper]
a.fw:5:45: error: unknown helper Histogram: the helpers are Collector, Grouper, StreamGrouper, StreamSampler and ReservoirSampler [unknown-helper]
a.fw:7:14: error: no builder provides target wordcount; did you mean wordCount? [missing-provider]
a.fw:8:14: error: no builder provides target alll; did you mean all? [missing-provider]
a.fw:9:24: error: no builder provides target xyz [missing-provider]
`
	if got := diags.Text(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
}

// TestBuilderOddAST feeds builder ASTs that the parser does not produce: a
// typed nil, empty names, nil arguments and values, and event and built
// cases in a builder's body (a syntax error today). Check must not panic.
func TestBuilderOddAST(t *testing.T) {
	pos := func(line, col int) ast.Pos { return ast.Pos{File: "odd.fw", Line: line, Col: col} }
	id := func(name string, line, col int) ast.Ident { return ast.Ident{Pos: pos(line, col), Name: name} }
	files := []*ast.File{{Name: "odd.fw", Package: id("odd", 1, 9), Decls: []ast.Decl{
		(*ast.BuilderDecl)(nil),
		&ast.BuilderDecl{Name: id("", 2, 9)},
		&ast.BuilderDecl{Name: id("Anon", 3, 9), Type: &ast.Ident{Pos: pos(3, 30), Name: "string"}},
		&ast.BuilderDecl{Name: id("W", 4, 9), Target: id("w", 4, 20), Type: &ast.Ident{Pos: pos(4, 23), Name: "string"},
			Requires: []ast.Ident{{}},
			Options:  []*ast.Option{nil},
			Cases: []*ast.Case{nil, {Kind: 99, Pos: pos(5, 5)},
				{Kind: ast.CaseEvent, Pos: pos(6, 5), Event: id("E", 6, 8)},
				{Kind: ast.CaseBuilt, Pos: pos(7, 5), Target: id("w", 7, 14)}},
			Body: true},
		&ast.BuilderDecl{Name: id("H", 8, 9), Target: id("h", 8, 20), Requires: []ast.Ident{id("w", 8, 31)},
			Use: &ast.Use{Pos: pos(8, 33), Helper: id("StreamSampler", 8, 37), Parens: true, Args: []*ast.Arg{
				nil,
				{Name: id("", 8, 51)},
				{Pos: pos(8, 55), Name: id("p", 8, 55)},
				{Pos: pos(8, 60), Name: id("seed", 8, 60), Value: (*ast.Literal)(nil)},
			}}},
		&ast.BuilderDecl{Name: id("G", 9, 9), Target: id("g", 9, 20), Requires: []ast.Ident{id("h", 9, 31)},
			Use: &ast.Use{Pos: pos(9, 33), Helper: id("", 9, 37)}},
		&ast.ProcessorDecl{Name: id("P", 10, 11), Cases: []*ast.Case{
			{Kind: ast.CaseBuilt, Pos: pos(11, 5)}, // no target name
			{Kind: ast.CaseBuilt, Pos: pos(12, 5), Target: id("h", 12, 14), Resolves: []ast.Ident{{}, id("g", 12, 27)}},
		}},
	}}}
	pkg, diags := Check(files)
	want := `odd.fw:6:5: error: a builder's body holds only on init, on phase and on terminate: builder W receives the artifacts of its requirements, one method each [bad-builder]
odd.fw:7:5: error: a builder's body holds only on init, on phase and on terminate: builder W receives the artifacts of its requirements, one method each [bad-builder]
odd.fw:8:55: error: p takes a number greater than 0 and at most 1, not this [bad-helper-arg]
odd.fw:8:60: error: seed takes an integer from 0 to 18446744073709551615, not this [bad-helper-arg]
`
	if got := diags.Text(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	if pkg != nil {
		t.Errorf("package is not nil despite errors")
	}
}
