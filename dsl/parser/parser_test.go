package parser

import (
	"os"
	"strings"
	"testing"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/internal/testenv"
)

// parseOK parses src and fails the test on diagnostics. It also checks all
// positions of the result.
func parseOK(t *testing.T, src string) *ast.File {
	t.Helper()
	f, diags := ParseFile("x.fw", []byte(src))
	if len(diags) > 0 || f == nil {
		t.Fatalf("ParseFile(%q): unexpected diagnostics:\n%s", src, diags.Text())
	}
	checkPositions(t, "x.fw", []byte(src), f)
	return f
}

func TestParseExample(t *testing.T) {
	src, err := os.ReadFile("testdata/example.fw")
	if err != nil {
		t.Fatal(err)
	}
	f, diags := ParseFile("testdata/example.fw", src)
	if len(diags) > 0 {
		t.Fatalf("unexpected diagnostics:\n%s", diags.Text())
	}
	checkPositions(t, "testdata/example.fw", src, f)
	want := `package shop@1:9
enum@4:1 Status@4:6 {NEW@4:15 PAID@4:19 CANCELLED@4:24}
event@6:1 Order@6:7
  id@7:5 string@7:12
  region@8:5 string@8:12
  amount@9:5 int@9:12
  status@10:5 Status@10:12
event@12:1 Invoice@12:7
  id@12:17 string@12:20
  total@12:28 int@12:34
event@13:1 Tick@13:7
processor@15:1 Billing@15:11
  option concurrency@16:5 4@16:17
  on@17:5 init -> Order@17:16
  on@18:5 Order@18:8{region@18:14: string:"EU"@18:22, amount@18:28: name:a@18:36} as Domestic@18:42 -> Invoice@18:54
  on@19:5 Order@19:8{status@19:14: name:CANCELLED@19:22}
  on@20:5 Order@20:8{id@20:14, amount@20:18: _@20:26} as Other@20:32 -> Invoice@20:41
  on@21:5 phase
  on@22:5 terminate
comment@3:1 " Line comments start with // and run to the end of the line."
`
	if got := dump(f, true); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if f.Name != "testdata/example.fw" {
		t.Errorf("Name = %q", f.Name)
	}
}

func TestParseValid(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"package only", "package p", "package p\n"},
		{"everything on one line", "package p event E {a int} processor P {on E}",
			"package p\nevent E\n  a int\nprocessor P\n  on E\n"},
		{"enum separators", "package p\nenum E { A, B; C\n D, }",
			"package p\nenum E {A B C D}\n"},
		{"empty enum", "package p\nenum E {}", "package p\nenum E {}\n"},
		{"event with all types", "package p\nevent E { s string; i int, f float\n b bool bytes bytes st Status; }",
			"package p\nevent E\n  s string\n  i int\n  f float\n  b bool\n  bytes bytes\n  st Status\n"},
		{"empty event", "package p\nevent Tick {}", "package p\nevent Tick\n"},
		{"identifiers with _ and digits", "package p_1\nevent E_2 { _x int; y9 T_3 }",
			"package p_1\nevent E_2\n  _x int\n  y9 T_3\n"},
		{"unreserved keywords as names", "package init\nevent as { phase int; true bool }\nenum terminate { init as }",
			"package init\nevent as\n  phase int\n  true bool\nenum terminate {init as}\n"},
		{"processor options", "package p\nprocessor P { concurrency 4; verbose\n limit 0x10; depth -1 }",
			"package p\nprocessor P\n  option concurrency 4\n  option verbose\n  option limit 0x10\n  option depth -1\n"},
		{"options and cases mixed", "package p\nprocessor P { on init; concurrency 2; on A\n debug }",
			"package p\nprocessor P\n  option concurrency 2\n  option debug\n  on init\n  on A\n"},
		{"lifecycle cases", "package p\nprocessor P { on init -> A, B; on phase on terminate\n on init as Start }",
			"package p\nprocessor P\n  on init -> A, B\n  on phase\n  on terminate\n  on init as Start\n"},
		{"event cases with and without braces", "package p\nprocessor P { on A on B{} on C{x} }",
			"package p\nprocessor P\n  on A\n  on B{}\n  on C{x}\n"},
		{"bindings and wildcard", "package p\nprocessor P { on A{id, amount: a, region: _, who: initial} }",
			"package p\nprocessor P\n  on A{id, amount: name:a, region: _, who: name:initial}\n"},
		{"trailing comma in pattern", "package p\nprocessor P { on A{id, amount: 1,} }",
			"package p\nprocessor P\n  on A{id, amount: int:1}\n"},
		{"as and emits", "package p\nprocessor P { on A{r: \"EU\"} as Domestic -> Invoice, Audit , Log; on B -> C }",
			"package p\nprocessor P\n  on A{r: string:\"EU\"} as Domestic -> Invoice, Audit, Log\n  on B -> C\n"},
		{"literals", `package p
processor P { on E{
	a: "EU", b: "a\tb\"\u00e9\\", c: "", d: "é€",
	e: 42, f: -7, g: 0x1F, h: 0o17, i: 0b101, j: 1_000, k: 0, l: 017, m: -0x8000000000000000,
	n: 1.5, o: -0.0, p: 1e9, q: 2.5e-3, r: -1.5, s: 1E+3, t: 1_0.5,
	u: true, v: false, w: PAID, x: _, y: True,
} }`,
			"package p\nprocessor P\n  on E{" +
				`a: string:"EU", b: string:"a\tb\"\u00e9\\", c: string:"", d: string:"é€", ` +
				"e: int:42, f: int:-7, g: int:0x1F, h: int:0o17, i: int:0b101, j: int:1_000, k: int:0, l: int:017, m: int:-0x8000000000000000, " +
				"n: float:1.5, o: float:-0.0, p: float:1e9, q: float:2.5e-3, r: float:-1.5, s: float:1E+3, t: float:1_0.5, " +
				"u: bool:true, v: bool:false, w: name:PAID, x: _, y: name:True}\n"},
		{"out-of-range numbers are the checker's business", "package p\nprocessor P { limit 99999999999999999999; on E{a: 1e999} }",
			"package p\nprocessor P\n  option limit 99999999999999999999\n  on E{a: float:1e999}\n"},
		{"comments", "// head\npackage p // pkg\n// before\nenum E { A // a\n B } // after\nprocessor P {\n // in\n on A{ // x\n x: 1 // y\n }\n}\n// last",
			"package p\nenum E {A B}\nprocessor P\n  on A{x: int:1}\n" +
				"comment \" head\"\ncomment \" pkg\"\ncomment \" before\"\ncomment \" a\"\ncomment \" after\"\n" +
				"comment \" in\"\ncomment \" x\"\ncomment \" y\"\ncomment \" last\"\n"},
		{"comment at end of file without newline", "package p //end", "package p\ncomment \"end\"\n"},
		{"empty comment", "package p\n//\n", "package p\ncomment \"\"\n"},
		{"CRLF line endings", "package p\r\n// crlf\r\nenum E {\r\n A\r\n}\r\n",
			"package p\nenum E {A}\ncomment \" crlf\"\n"},
		{"tabs and blank lines", "\n\n\tpackage\tp\n\n\n\tevent\tE\t{\ta\tint\t}\n",
			"package p\nevent E\n  a int\n"},
		// Builders.
		{"source builder", "package p\nbuilder Words provides words: string",
			"package p\nbuilder Words provides words: string\n"},
		{"builder without type", "package p\nbuilder B provides t", "package p\nbuilder B provides t\n"},
		{"every clause", "package p\nbuilder B provides t: T requires a, b,c persist version 0x2 use H(a: 1, b: -2.5, c: \"s\", d: x, e: true) { }",
			"package p\nbuilder B provides t: T requires a, b, c persist version 0x2 use H(a: int:1, b: float:-2.5, c: string:\"s\", d: name:x, e: bool:true) {}\n"},
		{"builders one after another", "package p builder A provides a builder B provides b requires a builder C provides c use H event E {}",
			"package p\nbuilder A provides a\nbuilder B provides b requires a\nbuilder C provides c use H\nevent E\n"},
		{"builder before input event", "package p\nbuilder A provides a requires b\ninput event E {}",
			"package p\nbuilder A provides a requires b\ninput event E\n"},
		{"builder before input event after type", "package p\nbuilder A provides a: T\ninput event E {}",
			"package p\nbuilder A provides a: T\ninput event E\n"},
		{"input as a target", "package p\nbuilder A provides input: input requires input, x use input",
			"package p\nbuilder A provides input: input requires input, x use input\n"},
		{"helper with empty parentheses", "package p\nbuilder A provides a use H()", "package p\nbuilder A provides a use H()\n"},
		{"persist without version", "package p\nbuilder A provides a persist", "package p\nbuilder A provides a persist\n"},
		{"version without persist", "package p\nbuilder A provides a version 3", "package p\nbuilder A provides a version 3\n"},
		{"builder body", "package p\nbuilder A provides a { concurrency 2; on init -> resolve b on phase as P -> E, resolve c; on terminate; debug }",
			"package p\nbuilder A provides a {}\n  option concurrency 2\n  option debug\n  on init resolves b\n  on phase as P -> E resolves c\n  on terminate\n"},
		{"clause words as other names", "package provides\nbuilder requires provides t requires x\nevent resolve { built int; use version }\nprocessor use { persist 1 }",
			"package provides\nbuilder requires provides t requires x\nevent resolve\n  built int\n  use version\nprocessor use\n  option persist 1\n"},
		{"built cases", "package p\nprocessor P { on built words; on built all as All -> E, resolve x }",
			"package p\nprocessor P\n  on built words\n  on built all as All -> E resolves x\n"},
		{"resolve entries mixed with events", "package p\nprocessor P { on A -> resolve a, B, resolve b, C; on init -> resolve input }",
			"package p\nprocessor P\n  on A -> B, C resolves a, b\n  on init resolves input\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := parseOK(t, tt.src)
			if got := dump(f, false); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestParseBuilders(t *testing.T) {
	src, err := os.ReadFile("testdata/builders.fw")
	if err != nil {
		t.Fatal(err)
	}
	f, diags := ParseFile("testdata/builders.fw", src)
	if len(diags) > 0 {
		t.Fatalf("unexpected diagnostics:\n%s", diags.Text())
	}
	checkPositions(t, "testdata/builders.fw", src, f)
	want := `package words@1:9
input event@4:1 Token@4:13
  pkg@4:21 string@4:25
  text@4:33 string@4:38
event@5:1 Line@5:7
  text@5:14 string@5:19
builder@7:1 Words@7:9 provides words@7:24: string@7:31
builder@8:1 Upper@8:9 provides upper@8:24: string@8:31 requires words@8:47
builder@9:1 Count@9:9 provides counts@9:24: Line@9:32 requires words@9:46, upper@9:53 persist@9:59 version 2@9:75
builder@10:1 Slow@10:9 provides slow@10:23: string@10:29 requires words@10:45 {}
  option concurrency@11:5 4@11:17
  on@12:5 init resolves upper@12:24
  on@13:5 phase as Flush@13:17 -> Line@13:26 resolves counts@13:40
  on@14:5 terminate
builder@16:1 Tokens@16:9 provides tokens@16:25: Token@16:33
builder@17:1 AllWords@17:9 provides all@17:27 requires words@17:40 use@17:46 Collector@17:50
builder@18:1 ByPkg@18:9 provides byPkg@18:24 requires tokens@18:39 use@18:46 Grouper@18:50(by@18:58: name:pkg@18:62)
builder@19:1 ByLen@19:9 provides byLen@19:24 requires words@19:39 use@19:45 Grouper@19:49(key@19:57: name:int@19:62)
builder@20:1 Runs@20:9 provides runs@20:23 requires tokens@20:37 use@20:44 StreamGrouper@20:48(by@20:62: name:pkg@20:66)
builder@21:1 Some@21:9 provides some@21:23 requires words@21:37 use@21:43 StreamSampler@21:47(p@21:61: float:0.25@21:64, seed@21:70: int:7@21:76)
builder@22:1 Sample@22:9 provides sample@22:25 requires words@22:41 use@22:47 ReservoirSampler@22:51(k@22:68: int:10@22:71, seed@22:75: int:42@22:81) {}
builder@23:1 Empty@23:9 provides empty@23:24 requires words@23:39 use@23:45 Collector@23:49()
processor@25:1 Printer@25:11
  on@26:5 init resolves words@26:24, all@26:39
  on@27:5 built words@27:14 as Word@27:23 -> Line@27:31
  on@28:5 built all@28:14
  on@29:5 Token@29:8{pkg@29:14: string:"fmt"@29:19} -> Line@29:44 resolves byPkg@29:37, runs@29:58
comment@3:1 " Builders provide targets; processors consume and resolve them."
`
	if got := dump(f, true); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestParsePublish parses a processor's provides clause, publish entries in
// emit lists and a builder that requires an event type (issue 15).
func TestParsePublish(t *testing.T) {
	src := []byte(`package p

input event Order { id string; region string }
event Alert { id string }

processor Intake provides orders: Order, big: Alert {
    on Order{region: "EU"} as Eu -> publish orders, Alert, resolve byRegion, publish big
    on Order -> publish orders
}

builder ByRegion provides byRegion requires Order, orders use Grouper(by: region)
`)
	f, diags := ParseFile("x.fw", src)
	if len(diags) > 0 {
		t.Fatalf("unexpected diagnostics:\n%s", diags.Text())
	}
	checkPositions(t, "x.fw", src, f)
	want := `package p@1:9
input event@3:1 Order@3:13
  id@3:21 string@3:24
  region@3:32 string@3:39
event@4:1 Alert@4:7
  id@4:15 string@4:18
processor@6:1 Intake@6:11 provides orders@6:27: Order@6:35, big@6:42: Alert@6:47
  on@7:5 Order@7:8{region@7:14: string:"EU"@7:22} as Eu@7:31 -> Alert@7:53 resolves byRegion@7:68 publishes orders@7:45, big@7:86
  on@8:5 Order@8:8 publishes orders@8:25
builder@11:1 ByRegion@11:9 provides byRegion@11:27 requires Order@11:45, orders@11:52 use@11:59 Grouper@11:63(by@11:71: name:region@11:75)
`
	if got := dump(f, true); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	for _, bad := range []struct{ src, want string }{
		{"package p\nprocessor P provides { }", `x.fw:2:22: error: unexpected "{", expected a target name [syntax]`},
		{"package p\nprocessor P provides t { }", `x.fw:2:24: error: unexpected "{", expected ":" [syntax]`},
		{"package p\nprocessor P provides t: { }", `x.fw:2:25: error: unexpected "{", expected an artifact type [syntax]`},
		{"package p\nprocessor P { on A -> publish }", `x.fw:2:31: error: unexpected "}", expected a target name [syntax]`},
	} {
		_, diags := ParseFile("x.fw", []byte(bad.src))
		if got := diags.Text(); strings.TrimSpace(got) != bad.want {
			t.Errorf("%q:\n got: %s\nwant: %s", bad.src, got, bad.want)
		}
	}
}

func TestParseBuilderNilVersusEmpty(t *testing.T) {
	f := parseOK(t, "package p\nbuilder A provides a\nbuilder B provides b {}\nprocessor P { on built a; on init -> resolve a; on A -> B }")
	a, b := f.Decls[0].(*ast.BuilderDecl), f.Decls[1].(*ast.BuilderDecl)
	if a.Body || a.Type != nil || a.Requires != nil || a.Persist != nil || a.Version != nil || a.Use != nil || a.Options != nil || a.Cases != nil {
		t.Errorf("builder A: %+v", a)
	}
	if !b.Body || b.Options != nil || b.Cases != nil {
		t.Errorf("builder B: %+v", b)
	}
	cases := f.Decls[2].(*ast.ProcessorDecl).Cases
	if c := cases[0]; c.Kind != ast.CaseBuilt || c.Target.Name != "a" || c.Event != (ast.Ident{}) || c.Fields != nil || c.Emits != nil || c.Resolves != nil {
		t.Errorf("on built a: %+v", c)
	}
	if c := cases[1]; c.Kind != ast.CaseInit || c.Emits != nil || len(c.Resolves) != 1 || c.Target != (ast.Ident{}) {
		t.Errorf("on init -> resolve a: %+v", c)
	}
	if c := cases[2]; c.Kind != ast.CaseEvent || len(c.Emits) != 1 || c.Resolves != nil {
		t.Errorf("on A -> B: %+v", c)
	}
	f = parseOK(t, "package p\nbuilder A provides a use H")
	if u := f.Decls[0].(*ast.BuilderDecl).Use; u.Parens || u.Args != nil {
		t.Errorf("use H: %+v", u)
	}
	f = parseOK(t, "package p\nbuilder A provides a use H()")
	if u := f.Decls[0].(*ast.BuilderDecl).Use; !u.Parens || u.Args != nil {
		t.Errorf("use H(): %+v", u)
	}
}

func TestParseFieldsNilVersusEmpty(t *testing.T) {
	f := parseOK(t, "package p\nprocessor P { on A; on B{}; on init }")
	cases := f.Decls[0].(*ast.ProcessorDecl).Cases
	if cases[0].Fields != nil {
		t.Errorf("on A: Fields = %#v, want nil", cases[0].Fields)
	}
	if cases[1].Fields == nil || len(cases[1].Fields) != 0 {
		t.Errorf("on B{}: Fields = %#v, want empty and non-nil", cases[1].Fields)
	}
	if cases[2].Fields != nil || cases[2].Kind != ast.CaseInit || cases[2].Event != (ast.Ident{}) || cases[2].Name != nil || cases[2].Emits != nil {
		t.Errorf("on init: %+v", cases[2])
	}
	if cases[0].Kind != ast.CaseEvent || cases[0].Name != nil || cases[0].Emits != nil {
		t.Errorf("on A: %+v", cases[0])
	}
}

func TestParseKindsAndPositions(t *testing.T) {
	// Columns count runes: the é and € before the patterns take one each.
	src := "package p\n// é€\nprocessor P { on E{s: \"é€\", n: -1, f: -2.5, b: false, w: _, x: y} as Z }"
	f := parseOK(t, src)
	c := f.Decls[0].(*ast.ProcessorDecl).Cases[0]
	type want struct {
		kind      string
		raw       string
		line, col int
		offset    int
	}
	wants := []want{
		{"string", `"é€"`, 3, 23, 41},
		{"int", "-1", 3, 32, 53}, // byte column would be 35
		{"float", "-2.5", 3, 39, 60},
		{"bool", "false", 3, 48, 69},
		{"wildcard", "_", 3, 58, 79},
		{"name", "y", 3, 64, 85},
	}
	for i, w := range wants {
		var kind, raw string
		var pos ast.Pos
		switch p := c.Fields[i].Pattern.(type) {
		case *ast.Literal:
			kind, raw, pos = p.Kind.String(), p.Raw, p.Pos
		case *ast.Wildcard:
			kind, raw, pos = "wildcard", "_", p.Pos
		case *ast.Name:
			kind, raw, pos = "name", p.Name, p.Pos
		}
		got := want{kind, raw, pos.Line, pos.Col, pos.Offset}
		if got != w || pos.File != "x.fw" {
			t.Errorf("pattern %d: got %+v in %q, want %+v", i, got, pos.File, w)
		}
	}
	if c.Name.Pos.Col != 70 || c.Name.Pos.Offset != 91 {
		t.Errorf("as name at %+v, want col 70, offset 91", c.Name.Pos)
	}
	if cm := f.Comments[0]; cm.Text != " é€" || cm.Pos.Line != 2 || cm.Pos.Col != 1 || cm.Pos.Offset != 10 {
		t.Errorf("comment %+v", cm)
	}
}

func TestParseInvalid(t *testing.T) {
	tests := []struct{ name, src, want string }{
		// File structure.
		{"empty file", "", `x.fw:1:1: error: unexpected end of file, expected "package" [syntax]`},
		{"only a comment", "// c\n", `x.fw:2:1: error: unexpected end of file, expected "package" [syntax]`},
		{"misspelled package", "packag p", `x.fw:1:1: error: unexpected name "packag", expected "package" [syntax]`},
		{"no package name", "package", `x.fw:1:8: error: unexpected end of file, expected a package name [syntax]`},
		{"keyword as package name", "package on",
			`x.fw:1:9: error: unexpected keyword "on", expected a package name ("on" is a reserved keyword) [syntax]`},
		{"stray name at top level", "package p\nfoo",
			`x.fw:2:1: error: unexpected name "foo", expected "enum", "event", "input event", "record", "processor" or "builder" [syntax]`},
		{"stray brace at top level", "package p\nevent E {} }",
			`x.fw:2:12: error: unexpected "}", expected "enum", "event", "input event", "record", "processor" or "builder" [syntax]`},
		{"second package clause", "package p\npackage q",
			`x.fw:2:1: error: unexpected keyword "package", expected "enum", "event", "input event", "record", "processor" or "builder" [syntax]`},
		// Field types and records.
		{"optional map key", "package p\nevent E { m map[string?]int }",
			`x.fw:2:23: error: a map key cannot be optional: "?" applies to a whole field type, at its end (map[K]T? is an optional map) [syntax]`},
		{"optional list item", "package p\nevent E { l []?int }", `x.fw:2:15: error: unexpected "?", expected a field type [syntax]`},
		{"double optional", "package p\nevent E { l []int?? }", `x.fw:2:19: error: unexpected "?", expected a field name or "}" [syntax]`},
		{"list without bracket", "package p\nevent E { l [int }", `x.fw:2:14: error: unexpected name "int", expected "]" [syntax]`},
		{"map without key", "package p\nevent E { m map string }", `x.fw:2:17: error: unexpected name "string", expected "[" [syntax]`},
		{"map without value", "package p\nevent E { m map[string] }", `x.fw:2:25: error: unexpected "}", expected a field type [syntax]`},
		{"record without name", "package p\nrecord { a int }", `x.fw:2:8: error: unexpected "{", expected a record name [syntax]`},
		{"record field without type", "package p\nrecord R { a }", `x.fw:2:14: error: unexpected "}", expected a field type [syntax]`},
		// Enums.
		{"enum without name", "package p\nenum { A }", `x.fw:2:6: error: unexpected "{", expected an enum name [syntax]`},
		{"enum without brace", "package p\nenum E A }", `x.fw:2:8: error: unexpected name "A", expected "{" [syntax]`},
		{"double comma in enum", "package p\nenum E { A,, B }",
			`x.fw:2:12: error: unexpected ",", expected an enum variant or "}" [syntax]`},
		{"number in enum", "package p\nenum E { A, 3 }",
			`x.fw:2:13: error: unexpected number 3, expected an enum variant or "}" [syntax]`},
		{"unclosed enum", "package p\nenum E { A",
			`x.fw:2:11: error: unexpected end of file, expected an enum variant or "}" [syntax]`},
		// Events.
		{"field without type", "package p\nevent E { a }", `x.fw:2:13: error: unexpected "}", expected a field type [syntax]`},
		{"field type as string", "package p\nevent E { a \"a long string literal, longer than shown\" }",
			`x.fw:2:13: error: unexpected string "a long string literal, ...", expected a field type [syntax]`},
		{"keyword as field name", "package p\nevent E { on int }",
			`x.fw:2:11: error: unexpected keyword "on", expected a field name or "}" ("on" is a reserved keyword) [syntax]`},
		{"field named as without type", "package p\nevent E { as }", `x.fw:2:14: error: unexpected "}", expected a field type [syntax]`},
		{"colon in event", "package p\nevent E { a: int }", `x.fw:2:12: error: unexpected ":", expected a field type [syntax]`},
		// Processors.
		{"number in processor", "package p\nprocessor P { 4 }",
			`x.fw:2:15: error: unexpected number 4, expected an option, "on" or "}" [syntax]`},
		{"comma after option", "package p\nprocessor P { concurrency 4, on A }",
			`x.fw:2:28: error: unexpected ",", expected an option, "on" or "}" [syntax]`},
		{"on without event", "package p\nprocessor P { on }",
			`x.fw:2:18: error: unexpected "}", expected an event name, "init", "phase", "terminate" or "built" [syntax]`},
		{"event named init", "package p\nprocessor P { on init{} }",
			`x.fw:2:22: error: unexpected "{", expected an option, "on" or "}" [syntax]`},
		{"as without name", "package p\nprocessor P { on A as }", `x.fw:2:23: error: unexpected "}", expected a case name [syntax]`},
		{"arrow without event", "package p\nprocessor P { on A -> }", `x.fw:2:23: error: unexpected "}", expected an event name, "resolve" or "publish" [syntax]`},
		{"trailing comma in emits", "package p\nprocessor P { on A -> B, }", `x.fw:2:26: error: unexpected "}", expected an event name, "resolve" or "publish" [syntax]`},
		{"unclosed processor", "package p\nprocessor P { on A",
			`x.fw:2:19: error: unexpected end of file, expected an option, "on" or "}" [syntax]`},
		// Builders.
		{"builder without name", "package p\nbuilder provides t", `x.fw:2:18: error: unexpected name "t", expected "provides" [syntax]`},
		{"builder name missing before brace", "package p\nbuilder { }", `x.fw:2:9: error: unexpected "{", expected a builder name [syntax]`},
		{"builder without provides", "package p\nbuilder B requires a",
			`x.fw:2:11: error: unexpected name "requires", expected "provides" [syntax]`},
		{"missing target after provides", "package p\nbuilder B provides requires a",
			`x.fw:2:20: error: unexpected name "requires", expected a target name ("requires" cannot be a target name) [syntax]`},
		{"missing target at end of file", "package p\nbuilder B provides",
			`x.fw:2:19: error: unexpected end of file, expected a target name [syntax]`},
		{"missing target before body", "package p\nbuilder B provides { }", `x.fw:2:20: error: unexpected "{", expected a target name [syntax]`},
		{"keyword as target", "package p\nbuilder B provides event",
			`x.fw:2:20: error: unexpected keyword "event", expected a target name ("event" is a reserved keyword) [syntax]`},
		{"missing type after colon", "package p\nbuilder B provides t: requires a",
			`x.fw:2:23: error: unexpected name "requires", expected an artifact type ("requires" cannot be a type) [syntax]`},
		{"requires without target", "package p\nbuilder B provides t requires\nprocessor P {}",
			`x.fw:3:1: error: unexpected keyword "processor", expected a target name ("processor" is a reserved keyword) [syntax]`},
		{"requires with a trailing comma", "package p\nbuilder B provides t requires a, b,\nprocessor P {}",
			`x.fw:3:1: error: unexpected keyword "processor", expected a target name ("processor" is a reserved keyword) [syntax]`},
		{"requires with a trailing comma before input event", "package p\nbuilder B provides t requires a,\ninput event E {}",
			`x.fw:3:1: error: unexpected name "input", expected a target name ("input event" starts a declaration) [syntax]`},
		{"requires with a trailing comma before body", "package p\nbuilder B provides t requires a, { }",
			`x.fw:2:34: error: unexpected "{", expected a target name [syntax]`},
		{"requires with a trailing comma at end of file", "package p\nbuilder B provides t requires a,",
			`x.fw:2:33: error: unexpected end of file, expected a target name [syntax]`},
		{"requires a clause word", "package p\nbuilder B provides t requires persist",
			`x.fw:2:31: error: unexpected name "persist", expected a target name ("persist" cannot be a target name) [syntax]`},
		{"missing comma in requires", "package p\nbuilder B provides t requires a b",
			`x.fw:2:33: error: unexpected name "b", expected ",", "persist", "version", "use", "{" or a declaration [syntax]`},
		{"misspelt clause", "package p\nbuilder B provides t require a",
			`x.fw:2:22: error: unexpected name "require", expected ":", "requires", "persist", "version", "use", "{" or a declaration [syntax]`},
		{"builder named as a clause word", "package p\nbuilder use provides t x",
			`x.fw:2:24: error: unexpected name "x", expected ":", "requires", "persist", "version", "use", "{" or a declaration [syntax]`},
		{"misspelt clause after type", "package p\nbuilder B provides t: T require a",
			`x.fw:2:25: error: unexpected name "require", expected "requires", "persist", "version", "use", "{" or a declaration [syntax]`},
		{"clauses out of order", "package p\nbuilder B provides t persist requires a",
			`x.fw:2:30: error: unexpected name "requires", expected "version", "use", "{" or a declaration (a builder's clauses go in the order provides, requires, persist, version, use) [syntax]`},
		{"use before version", "package p\nbuilder B provides t use H version 2",
			`x.fw:2:28: error: unexpected name "version", expected "(", "{" or a declaration (a builder's clauses go in the order provides, requires, persist, version, use) [syntax]`},
		{"stray token after arguments", "package p\nbuilder B provides t use H(k: 1) 2",
			`x.fw:2:34: error: unexpected number 2, expected "{" or a declaration [syntax]`},
		{"version without number", "package p\nbuilder B provides t version use H",
			`x.fw:2:30: error: unexpected name "use", expected a version number [syntax]`},
		{"version as a float", "package p\nbuilder B provides t version 1.5",
			`x.fw:2:30: error: unexpected number 1.5, expected a version number [syntax]`},
		{"malformed version", "package p\nbuilder B provides t version 0x", `x.fw:2:30: error: hexadecimal literal has no digits [syntax]`},
		{"use without helper name", "package p\nbuilder B provides t requires a use\nprocessor P {}",
			`x.fw:3:1: error: unexpected keyword "processor", expected a helper name ("processor" is a reserved keyword) [syntax]`},
		{"use without helper name before arguments", "package p\nbuilder B provides t use (k: 1)",
			`x.fw:2:26: error: unexpected "(", expected a helper name [syntax]`},
		{"use without helper name at end of file", "package p\nbuilder B provides t use",
			`x.fw:2:25: error: unexpected end of file, expected a helper name [syntax]`},
		{"argument without colon", "package p\nbuilder B provides t use Grouper(by pkg)",
			`x.fw:2:37: error: unexpected name "pkg", expected ":" [syntax]`},
		{"argument with equals", "package p\nbuilder B provides t use Grouper(by = pkg)",
			`x.fw:2:37: error: invalid character '=' [syntax]`},
		{"argument without value", "package p\nbuilder B provides t use Grouper(by: )",
			`x.fw:2:38: error: unexpected ")", expected a value [syntax]`},
		{"argument without name", "package p\nbuilder B provides t use Grouper(: pkg)",
			`x.fw:2:34: error: unexpected ":", expected an argument name or ")" [syntax]`},
		{"argument as a pattern", "package p\nbuilder B provides t use Grouper(by: a | b)",
			`x.fw:2:40: error: unexpected "|", expected "," or ")" [syntax]`},
		{"missing comma between arguments", "package p\nbuilder B provides t use S(p: 0.5 seed: 1)",
			`x.fw:2:35: error: unexpected name "seed", expected "," or ")" [syntax]`},
		{"trailing comma in arguments", "package p\nbuilder B provides t use S(p: 0.5,)",
			`x.fw:2:35: error: unexpected ")", expected an argument name [syntax]`},
		{"unclosed arguments", "package p\nbuilder B provides t use S(p: 0.5\nprocessor P {}",
			`x.fw:3:1: error: unexpected keyword "processor", expected "," or ")" [syntax]`},
		{"wildcard argument", "package p\nbuilder B provides t use S(p: _)",
			`x.fw:2:31: error: wildcard "_" cannot be a helper argument [syntax]`},
		{"event case in a builder", "package p\nbuilder B provides t { on Order }",
			`x.fw:2:27: error: unexpected name "Order", expected "init", "phase" or "terminate" (a builder's cases are its requirements; its body has only lifecycle cases) [syntax]`},
		{"built case in a builder", "package p\nbuilder B provides t requires a { on built a }",
			`x.fw:2:38: error: unexpected name "built", expected "init", "phase" or "terminate" (a builder's cases are its requirements; its body has only lifecycle cases) [syntax]`},
		{"number in a builder", "package p\nbuilder B provides t { 4 }",
			`x.fw:2:24: error: unexpected number 4, expected an option, "on" or "}" [syntax]`},
		{"unclosed builder", "package p\nbuilder B provides t { on phase",
			`x.fw:2:32: error: unexpected end of file, expected an option, "on" or "}" [syntax]`},
		{"built without target", "package p\nprocessor P { on built }", `x.fw:2:24: error: unexpected "}", expected a target name [syntax]`},
		{"built with a pattern", "package p\nprocessor P { on built t{} }",
			`x.fw:2:25: error: unexpected "{", expected an option, "on" or "}" [syntax]`},
		{"resolve without target", "package p\nprocessor P { on A -> B, resolve }", `x.fw:2:34: error: unexpected "}", expected a target name [syntax]`},
		{"resolve before comma", "package p\nprocessor P { on A -> resolve, B }", `x.fw:2:30: error: unexpected ",", expected a target name [syntax]`},
		{"resolve a clause word", "package p\nprocessor P { on init -> resolve use }",
			`x.fw:2:34: error: unexpected name "use", expected a target name ("use" cannot be a target name) [syntax]`},
		{"keyword builder as a name", "package p\nevent E { builder int }",
			`x.fw:2:11: error: unexpected keyword "builder", expected a field name or "}" ("builder" is a reserved keyword) [syntax]`},
		// Event patterns.
		{"missing pattern", "package p\nprocessor P { on A{region: } }", `x.fw:2:28: error: unexpected "}", expected a pattern [syntax]`},
		{"missing comma", "package p\nprocessor P { on A{a b} }", `x.fw:2:22: error: unexpected name "b", expected "," or "}" [syntax]`},
		{"double comma", "package p\nprocessor P { on A{a,,b} }", `x.fw:2:22: error: unexpected ",", expected a field pattern [syntax]`},
		{"leading comma", "package p\nprocessor P { on A{,} }", `x.fw:2:20: error: unexpected ",", expected a field pattern or "}" [syntax]`},
		{"semicolon in pattern", "package p\nprocessor P { on A{a; b} }", `x.fw:2:21: error: unexpected ";", expected "," or "}" [syntax]`},
		{"keyword as pattern", "package p\nprocessor P { on A{a: on} }",
			`x.fw:2:23: error: unexpected keyword "on", expected a pattern ("on" is a reserved keyword) [syntax]`},
		{"nested colon", "package p\nprocessor P { on A{a: b: c} }", `x.fw:2:24: error: unexpected ":", expected "," or "}" [syntax]`},
		{"error on a later line", "package p\n\nprocessor P {\n  on A{\n    x: ,\n  }\n}",
			`x.fw:5:8: error: unexpected ",", expected a pattern [syntax]`},
		{"column after multibyte string", "package p\nprocessor P { on A{s: \"é€\" t} }",
			`x.fw:2:28: error: unexpected name "t", expected "," or "}" [syntax]`},
		// Lexical errors.
		{"invalid character", "package p\nevent E { a @ }", `x.fw:2:13: error: invalid character '@' [syntax]`},
		{"lone minus", "package p\nprocessor P { on A{a: - 1} }",
			`x.fw:2:23: error: invalid character '-' (expected "->" or a number) [syntax]`},
		{"single slash", "package p / c", `x.fw:1:11: error: invalid character '/' (comments start with "//") [syntax]`},
		{"unterminated string", "package p\nprocessor P { on A{a: \"abc} }\n}",
			`x.fw:2:23: error: string literal not terminated [syntax]`},
		{"invalid escape", "package p\nprocessor P { on A{a: \"é\\q\"} }",
			`x.fw:2:25: error: invalid escape sequence \q in string literal [syntax]`},
		{"short unicode escape", "package p\nprocessor P { on A{a: \"\\u12\"} }",
			`x.fw:2:24: error: invalid escape sequence \u in string literal [syntax]`},
		{"surrogate escape", "package p\nprocessor P { on A{a: \"\\ud800\"} }",
			`x.fw:2:24: error: invalid escape sequence \u in string literal [syntax]`},
		{"single quote escape", "package p\nprocessor P { on A{a: \"\\'\"} }",
			`x.fw:2:24: error: invalid escape sequence \' in string literal [syntax]`},
		{"invalid UTF-8", "package p\nevent E { a \xff }", `x.fw:2:13: error: invalid UTF-8 encoding [syntax]`},
		{"NUL byte", "package p\x00", `x.fw:1:10: error: invalid NUL character [syntax]`},
		{"non-breaking space", "package\u00a0p", `x.fw:1:8: error: invalid character U+00A0 [syntax]`},
		{"malformed numbers, all reported", "package p\nprocessor P { limit 0x; on A{a: 12abc, b: 08, c: 1__0, d: 1.5e, e: 0b102, f: 1_, g: 0x_1F, h: 0_7} }",
			"x.fw:2:21: error: hexadecimal literal has no digits [syntax]\n" +
				"x.fw:2:33: error: invalid digit 'a' in decimal literal [syntax]\n" +
				"x.fw:2:43: error: invalid digit '8' in octal literal [syntax]\n" +
				"x.fw:2:50: error: '_' must separate successive digits [syntax]\n" +
				"x.fw:2:59: error: invalid floating-point literal 1.5e [syntax]\n" +
				"x.fw:2:68: error: invalid digit '2' in binary literal [syntax]\n" +
				"x.fw:2:78: error: '_' must separate successive digits [syntax]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, diags := ParseFile("x.fw", []byte(tt.src))
			if f != nil {
				t.Errorf("got a file, want nil")
			}
			if got := strings.TrimSuffix(diags.Text(), "\n"); got != tt.want {
				t.Errorf("diagnostics\n got: %s\nwant: %s", got, tt.want)
			}
			for _, d := range diags {
				if d.Severity != diag.Error || d.Rule != "syntax" || d.Pos.File != "x.fw" {
					t.Errorf("diagnostic %+v: want an error of rule syntax in x.fw", d)
				}
				if want := posAt("x.fw", []byte(tt.src), d.Pos.Offset); d.Pos != want {
					t.Errorf("diagnostic at %+v, but its offset is at %+v", d.Pos, want)
				}
			}
		})
	}
}

func TestParseErrorFallbacks(t *testing.T) {
	pos := lexer.Position{Filename: "x.fw", Offset: 10, Line: 2, Column: 3}
	d := parseError("x.fw", nil, participle.Errorf(pos, "too many iterations of (X)* (> %d)", participle.MaxIterations))
	if want := "x.fw:2:3: error: too many entries (more than 1000000) [syntax]"; d.String() != want {
		t.Errorf("got %s, want %s", d, want)
	}
	d = parseError("x.fw", nil, participle.Errorf(pos, "something else"))
	if want := "x.fw:2:3: error: something else [syntax]"; d.String() != want {
		t.Errorf("got %s, want %s", d, want)
	}
}

func TestParseRecoversPanics(t *testing.T) {
	f, diags := func() (f *ast.File, diags diag.List) {
		defer recoverParse("x.fw", &f, &diags)
		f = &ast.File{}
		panic("boom")
	}()
	if f != nil || diags.Text() != "x.fw:1:1: error: internal parser error: boom [syntax]\n" {
		t.Errorf("got %v, %q", f, diags.Text())
	}
	f, diags = func() (f *ast.File, diags diag.List) {
		defer recoverParse("x.fw", &f, &diags)
		panic(participle.Errorf(lexer.Position{Line: 3, Column: 4, Offset: 20}, "bad branch"))
	}()
	if f != nil || diags.Text() != "x.fw:3:4: error: internal parser error: bad branch [syntax]\n" {
		t.Errorf("got %v, %q", f, diags.Text())
	}
}

// TestParseErrorsSayWhatWasExpected breaks the example file in many ways
// (dropping a token, inserting one) and checks that every syntax error names
// what was expected, at a valid position.
func TestParseErrorsSayWhatWasExpected(t *testing.T) {
	for _, name := range []string{"testdata/example.fw", "testdata/patterns.fw", "testdata/builders.fw"} {
		t.Run(name, func(t *testing.T) { testErrorsSayWhatWasExpected(t, name) })
	}
}

func testErrorsSayWhatWasExpected(t *testing.T, name string) {
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	toks, diags := tokenize("x.fw", src)
	if len(diags) > 0 {
		t.Fatal(diags.Text())
	}
	var variants []string
	for _, tok := range toks {
		off := tok.Pos.Offset
		if !tok.EOF() && tok.Type != typeComment {
			variants = append(variants, string(src[:off])+string(src[off+len(tok.Value):]))
		}
		for _, ins := range []string{"{", "}", ",", ":", ";", "->", "x", "1", `"s"`, "on", "as", "event",
			"|", "..", "..<", "(", ")", "!=", "<=", "prefix", "input", "X",
			"builder", "provides", "requires", "persist", "version", "use", "built", "resolve"} {
			variants = append(variants, string(src[:off])+" "+ins+" "+string(src[off:]))
		}
	}
	failed, tried := 0, 0
	// A sample of the variants under the race detector (see testenv).
	stride := testenv.Stride(5)
	for i, v := range variants {
		if i%stride != 0 {
			continue
		}
		tried++
		f, diags := ParseFile("x.fw", []byte(v))
		if len(diags) == 0 {
			continue
		}
		failed++
		if f != nil || len(diags) != 1 {
			t.Errorf("%q: got file %v and %d diagnostics", v, f != nil, len(diags))
		}
		d := diags[0]
		// The converter's own errors about values say what is wrong instead.
		converted := strings.HasPrefix(d.Message, `wildcard "_" cannot be `) || strings.Contains(d.Message, " literal")
		if !converted && (!strings.HasPrefix(d.Message, "unexpected ") || !strings.Contains(d.Message, ", expected ")) {
			t.Errorf("%q: message does not say what was expected: %s", v, d)
		}
		if want := posAt("x.fw", []byte(v), d.Pos.Offset); d.Pos != want {
			t.Errorf("%q: diagnostic at %+v, but its offset is at %+v", v, d.Pos, want)
		}
	}
	if failed < tried/2 {
		t.Errorf("only %d of %d variants failed to parse", failed, tried)
	}
}

// TestParseEventFieldName: the keyword event is a field name where one is
// expected, so that a failure event can declare and match its documented
// event field (issue 13); it stays a keyword everywhere else.
func TestParseEventFieldName(t *testing.T) {
	f := parseOK(t, "package p\nevent Failed { proc string; event string }\nevent Next {}\nprocessor P { on Failed{event: \"Order\", proc} ; on Failed{event} }")
	ev := f.Decls[0].(*ast.EventDecl)
	if len(ev.Fields) != 2 || ev.Fields[1].Name.Name != "event" || ev.Fields[1].Type.Name.Name != "string" {
		t.Fatalf("fields %+v", ev.Fields)
	}
	if f.Decls[1].(*ast.EventDecl).Name.Name != "Next" {
		t.Errorf("the declaration after the field is %+v", f.Decls[1])
	}
	cases := f.Decls[2].(*ast.ProcessorDecl).Cases
	if cases[0].Fields[0].Field.Name != "event" || cases[0].Fields[0].Pattern == nil || cases[1].Fields[0].Field.Name != "event" || cases[1].Fields[0].Pattern != nil {
		t.Errorf("cases %+v %+v", cases[0].Fields, cases[1].Fields)
	}
	for _, src := range []string{
		"package p\nevent event {}",
		"package p\nprocessor P { on event }",
		"package p\nenum E { event }",
	} {
		if _, diags := ParseFile("x.fw", []byte(src)); len(diags) == 0 {
			t.Errorf("%q parses", src)
		}
	}
}
