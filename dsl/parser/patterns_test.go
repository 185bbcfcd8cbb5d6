package parser

import (
	"strings"
	"testing"

	"github.com/fwgo/fw/dsl/ast"
)

// onA wraps field patterns into a file: `on A{<pats>}` is on line 2, and
// the patterns start at column 20.
func onA(pats string) string { return "package p\nprocessor P { on A{" + pats + "} }" }

func TestParsePatterns(t *testing.T) {
	tests := []struct{ name, pats, want string }{
		{"alternatives", `r: "EU" | "UK" | "US"`, `alt(string:"EU" | string:"UK" | string:"US")`},
		{"alternatives of every kind", `r: _ | a | 1 | -2.5 | true | NEW`,
			"alt(_ | name:a | int:1 | float:-2.5 | bool:true | name:NEW)"},
		{"parentheses make no node", `r: (1)`, "int:1"},
		{"nested parentheses", `r: ((("EU")))`, `string:"EU"`},
		{"parenthesised alternatives stay nested", `r: (1 | 2) | 3`, "alt(alt(int:1 | int:2) | int:3)"},
		{"parentheses around all alternatives", `r: (1 | (2 | 3))`, "alt(int:1 | alt(int:2 | int:3))"},
		{"inclusive range", "n: 1..5", "range(int:1 .. int:5)"},
		{"half-open range", "n: 1..<5", "range(int:1 ..< int:5)"},
		{"range without low bound", "n: ..5", "range(nil .. int:5)"},
		{"half-open range without low bound", "n: ..<5", "range(nil ..< int:5)"},
		{"range without high bound", "n: 1..", "range(int:1 .. nil)"},
		{"negative bounds", "n: -1..-5", "range(int:-1 .. int:-5)"},
		{"negative high bound only", "n: ..-1", "range(nil .. int:-1)"},
		{"half-open negative", "n: -10..<-1", "range(int:-10 ..< int:-1)"},
		{"float bounds", "f: 1.5..2.5e3", "range(float:1.5 .. float:2.5e3)"},
		{"hex bounds", "n: 0x10..<0x1F", "range(int:0x10 ..< int:0x1F)"},
		{"enum variant bounds", "s: NEW..PAID", "range(name:NEW .. name:PAID)"},
		{"spaced range", "n: 1 .. 5", "range(int:1 .. int:5)"},
		{"permissive bounds", `s: "a".."m", b: false..true`,
			`range(string:"a" .. string:"m"), b: range(bool:false .. bool:true)`},
		{"comparisons", "a: < 5, b: <= -1, c: > 2.5, d: >= MAX, e: <5",
			"cmp(< int:5), b: cmp(<= int:-1), c: cmp(> float:2.5), d: cmp(>= name:MAX), e: cmp(< int:5)"},
		{"negations", `a: != 1, b: != "x", c: != PAID, d: != (NEW | PAID), e: != (1), f: !=-1`,
			`not(int:1), b: not(string:"x"), c: not(name:PAID), d: not(alt(name:NEW | name:PAID)), e: not(int:1), f: not(int:-1)`},
		{"prefix", `url: prefix "https://"`, `prefix(string:"https://")`},
		{"prefix with escapes", `url: prefix "\u00e9\t"`, `prefix(string:"\u00e9\t")`},
		{"float words", "a: inf, b: -inf, c: nan, d: -inf..inf, e: > -inf, f: != nan, g: inf | nan",
			"float:inf, b: float:-inf, c: float:nan, d: range(float:-inf .. float:inf), e: cmp(> float:-inf), " +
				"f: not(float:nan), g: alt(float:inf | float:nan)"},
		{"float words are not bindings, longer names are", "a: infinity, b: nan_, c: Inf",
			"name:infinity, b: name:nan_, c: name:Inf"},
		{"operators apply to one value", `a: != 1 | 2, b: < 1 | > 9, c: prefix "a" | "b", d: 1..2 | 5..`,
			"alt(not(int:1) | int:2), b: alt(cmp(< int:1) | cmp(> int:9)), " +
				`c: alt(prefix(string:"a") | string:"b"), d: alt(range(int:1 .. int:2) | range(int:5 .. nil))`},
		{"operators inside parentheses", `a: (< 1 | != 5) | (..<0)`,
			"alt(alt(cmp(< int:1) | not(int:5)) | range(nil ..< int:0))"},
		{"open range before a bar", "a: 1.. | 5", "alt(range(int:1 .. nil) | int:5)"},
		{"open range before a comma", "a: 1.., b", "range(int:1 .. nil), b"},
		{"newlines are white space", "a: 1\n|\n2\n..\n3", "alt(int:1 | range(int:2 .. int:3))"},
		{"comments inside a pattern", "a: 1 // one\n | 2 // two\n", "alt(int:1 | int:2)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := parseOK(t, onA(tt.pats))
			// The case is on the third line of the dump: "  on A{a: ...}".
			lines := strings.Split(dump(f, false), "\n")
			_, got, _ := strings.Cut(lines[2], ": ")
			got = strings.TrimSuffix(got, "}")
			if got != tt.want {
				t.Errorf("got:  %s\nwant: %s", got, tt.want)
			}
		})
	}
}

func TestParsePatternPositions(t *testing.T) {
	src := "package p\n" +
		"processor P {\n" +
		"    on A{a: ((1 | 2)) | (3), b: != (X | Y), c: ..<-5, d: 1.5.., e: >= z}\n" +
		"    on A{f: prefix \"é\" | -inf..nan, g: NEW..PAID, h: (< 1 | 2)}\n" +
		"}\n"
	f := parseOK(t, src)
	want := `package p@1:9
processor@2:1 P@2:11
  on@3:5 A@3:8{a@3:10: alt@3:13(alt@3:15(int:1@3:15 | int:2@3:19) | int:3@3:26), ` +
		`b@3:30: not@3:33(alt@3:37(name:X@3:37 | name:Y@3:41)), c@3:45: range@3:48(nil ..< int:-5@3:51), ` +
		`d@3:55: range@3:58(float:1.5@3:58 .. nil), e@3:65: cmp@3:68(>= name:z@3:71)}
  on@4:5 A@4:8{f@4:10: alt@4:13(prefix@4:13(string:"é"@4:20) | range@4:26(float:-inf@4:26 .. float:nan@4:32)), ` +
		`g@4:37: range@4:40(name:NEW@4:40 .. name:PAID@4:45), h@4:51: alt@4:55(cmp@4:55(< int:1@4:57) | int:2@4:61)}
`
	if got := dump(f, true); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestParseInputAndOptions(t *testing.T) {
	src := "package p\n" +
		"input event Order { id string }\n" +
		"event input { input int }\n" +
		"processor P {\n" +
		"    exhaustive\n" +
		"    verbose\n" +
		"    exhaustive Order, Refund , Audit\n" +
		"    concurrency 4\n" +
		"    limit 2 Order\n" +
		"    check Order,\n" +
		"        other\n" +
		"    on Order\n" +
		"}\n"
	f := parseOK(t, src)
	want := `package p@1:9
input event@2:1 Order@2:13
  id@2:21 string@2:24
event@3:1 input@3:7
  input@3:15 int@3:21
processor@4:1 P@4:11
  option exhaustive@5:5
  option verbose@6:5
  option exhaustive@7:5 events Order@7:16, Refund@7:23, Audit@7:32
  option concurrency@8:5 4@8:17
  option limit@9:5 2@9:11 events Order@9:13
  option check@10:5 events Order@10:11, other@11:9
  on@12:5 Order@12:8
`
	if got := dump(f, true); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if d := f.Decls[0].(*ast.EventDecl); !d.Input {
		t.Errorf("input event: Input = false")
	}
	if d := f.Decls[1].(*ast.EventDecl); d.Input {
		t.Errorf("event input: Input = true")
	}
	if o := f.Decls[2].(*ast.ProcessorDecl).Options[0]; o.Events != nil || o.Value != nil {
		t.Errorf("exhaustive: %+v, want no value and nil events", o)
	}
}

func TestParseInvalidPatterns(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"bar without pattern", onA("a: 1 |"), `x.fw:2:26: error: unexpected "}", expected a pattern [syntax]`},
		{"double bar", onA("a: 1 | | 2"), `x.fw:2:27: error: unexpected "|", expected a pattern [syntax]`},
		{"leading bar", onA("a: | 2"), `x.fw:2:23: error: unexpected "|", expected a pattern [syntax]`},
		{"empty parentheses", onA("a: ()"), `x.fw:2:24: error: unexpected ")", expected a pattern [syntax]`},
		{"unclosed parenthesis", onA("a: (1 | 2"), `x.fw:2:29: error: unexpected "}", expected "|" or ")" [syntax]`},
		{"extra parenthesis", onA("a: (1))"), `x.fw:2:26: error: unexpected ")", expected "," or "}" [syntax]`},
		{"range without bounds", onA("a: .."), `x.fw:2:25: error: unexpected "}", expected a range bound [syntax]`},
		{"half-open range without high bound", onA("a: 1..<"), `x.fw:2:27: error: unexpected "}", expected a range bound [syntax]`},
		{"half-open range without bounds", onA("a: ..<, b"), `x.fw:2:26: error: unexpected ",", expected a range bound [syntax]`},
		{"chained range", onA("a: 1..2..3"), `x.fw:2:27: error: unexpected "..", expected "," or "}" [syntax]`},
		{"three dots", onA("a: 1...3"), `x.fw:2:26: error: invalid character '.' (expected ".." or "..<") [syntax]`},
		{"parenthesised bound", onA("a: (1)..3"), `x.fw:2:26: error: unexpected "..", expected "," or "}" [syntax]`},
		{"pattern as bound", onA("a: ..(1)"), `x.fw:2:25: error: unexpected "(", expected a range bound [syntax]`},
		{"wildcard as low bound", onA("a: _..3"), `x.fw:2:23: error: wildcard "_" cannot be a range bound [syntax]`},
		{"wildcard as high bound", onA("a: 1..<_"), `x.fw:2:27: error: wildcard "_" cannot be a range bound [syntax]`},
		{"comparison without value", onA("a: <"), `x.fw:2:24: error: unexpected "}", expected a value [syntax]`},
		{"comparison of a pattern", onA("a: >= (1 | 2)"), `x.fw:2:26: error: unexpected "(", expected a value [syntax]`},
		{"comparison of a range", onA("a: < 1..2"), `x.fw:2:26: error: unexpected "..", expected "," or "}" [syntax]`},
		{"double comparison", onA("a: < < 1"), `x.fw:2:25: error: unexpected "<", expected a value [syntax]`},
		{"wildcard compared", onA("a: > _"), `x.fw:2:25: error: wildcard "_" cannot be compared [syntax]`},
		{"keyword compared", onA("a: > on"), `x.fw:2:25: error: unexpected keyword "on", expected a value ("on" is a reserved keyword) [syntax]`},
		{"equals sign", onA("a: = 1"), `x.fw:2:23: error: invalid character '=' [syntax]`},
		{"double equals", onA("a: == 1"), `x.fw:2:23: error: unexpected "==", expected a pattern [syntax]`},
		{"negation without value", onA("a: != "), `x.fw:2:26: error: unexpected "}", expected a value or "(" [syntax]`},
		{"bang", onA("a: ! 1"), `x.fw:2:23: error: unexpected "!", expected a pattern [syntax]`},
		{"negated wildcard", onA("a: != _"), `x.fw:2:26: error: wildcard "_" cannot be negated [syntax]`},
		{"negated wildcard in alternatives", onA("a: != (1 | _)"), `x.fw:2:31: error: wildcard "_" cannot be negated [syntax]`},
		{"negated range", onA("a: != 1..2"), `x.fw:2:27: error: unexpected "..", expected "," or "}" [syntax]`},
		{"negated range in alternatives", onA("a: != (1 | 2..3)"), `x.fw:2:32: error: unexpected "..", expected "|" or ")" [syntax]`},
		{"double negation", onA("a: != != 1"), `x.fw:2:26: error: unexpected "!=", expected a value or "(" [syntax]`},
		{"negated nested parentheses", onA("a: != ((1 | 2))"), `x.fw:2:27: error: unexpected "(", expected a value [syntax]`},
		{"negated empty parentheses", onA("a: != ()"), `x.fw:2:27: error: unexpected ")", expected a value [syntax]`},
		{"unclosed negation", onA("a: != (1 | 2"), `x.fw:2:32: error: unexpected "}", expected "|" or ")" [syntax]`},
		{"prefix of a number", onA("a: prefix 5"), `x.fw:2:30: error: unexpected number 5, expected a string [syntax]`},
		{"prefix of a name", onA("a: prefix p"), `x.fw:2:30: error: unexpected name "p", expected a string [syntax]`},
		{"prefix alone", onA("a: prefix"), `x.fw:2:29: error: unexpected "}", expected a string [syntax]`},
		{"prefix of alternatives", onA(`a: prefix ("a" | "b")`), `x.fw:2:30: error: unexpected "(", expected a string [syntax]`},
		{"prefix with a bad escape", onA(`a: prefix "\q"`), `x.fw:2:31: error: invalid escape sequence \q in string literal [syntax]`},
		{"trailing point", onA("a: 1."), `x.fw:2:24: error: invalid character '.' (a decimal point must be followed by a digit) [syntax]`},
		{"minus infinity spelled out", onA("a: -infinity"), `x.fw:2:23: error: invalid character '-' (expected "->" or a number) [syntax]`},
		{"minus nan", onA("a: -nan"), `x.fw:2:23: error: invalid character '-' (expected "->" or a number) [syntax]`},
		{"bad bounds, all reported", onA("a: 1_..0x, b: < 08, c: != (1.5e | 0b2)"),
			"x.fw:2:23: error: '_' must separate successive digits [syntax]\n" +
				"x.fw:2:27: error: hexadecimal literal has no digits [syntax]\n" +
				"x.fw:2:36: error: invalid digit '8' in octal literal [syntax]\n" +
				"x.fw:2:47: error: invalid floating-point literal 1.5e [syntax]\n" +
				"x.fw:2:54: error: invalid digit '2' in binary literal [syntax]"},
		{"too deep", onA("a: " + strings.Repeat("(", 101) + "1" + strings.Repeat(")", 101)),
			"x.fw:2:123: error: parentheses nested too deeply (more than 100) [syntax]"},
		// input and options.
		{"input before enum", "package p\ninput enum E {}", `x.fw:2:7: error: unexpected keyword "enum", expected "event" [syntax]`},
		{"input alone", "package p\ninput", `x.fw:2:6: error: unexpected end of file, expected "event" [syntax]`},
		{"input twice", "package p\ninput input event E {}", `x.fw:2:7: error: unexpected name "input", expected "event" [syntax]`},
		{"input in a processor is an option", "package p\nprocessor P { input event }",
			`x.fw:2:21: error: unexpected keyword "event", expected an option, "on" or "}" [syntax]`},
		{"option events with trailing comma", "package p\nprocessor P { exhaustive Order, }",
			`x.fw:2:33: error: unexpected "}", expected an event name [syntax]`},
		{"option events with double comma", "package p\nprocessor P { exhaustive Order,, Refund }",
			`x.fw:2:32: error: unexpected ",", expected an event name [syntax]`},
		{"upper-case option", "package p\nprocessor P { Concurrency 4 }",
			`x.fw:2:15: error: unexpected name "Concurrency", expected an option, "on" or "}" (option names start with a lower-case letter) [syntax]`},
		{"upper-case option after another", "package p\nprocessor P { debug; A 0 }",
			`x.fw:2:22: error: unexpected name "A", expected an option, "on" or "}" (option names start with a lower-case letter) [syntax]`},
		{"option events without comma", "package p\nprocessor P { exhaustive Order Refund }",
			`x.fw:2:32: error: unexpected name "Refund", expected an option, "on" or "}" [syntax]`},
		{"option events before the value", "package p\nprocessor P { limit Order 4 }",
			`x.fw:2:27: error: unexpected number 4, expected an option, "on" or "}" [syntax]`},
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
				if want := posAt("x.fw", []byte(tt.src), d.Pos.Offset); d.Pos != want {
					t.Errorf("diagnostic at %+v, but its offset is at %+v", d.Pos, want)
				}
			}
		})
	}
}

func TestTokens(t *testing.T) {
	src := "package p // c\r\nprocessor P { on A{a: -1..<-inf | != \"é\"} -> B }"
	toks, diags := Tokens("x.fw", []byte(src))
	if len(diags) > 0 {
		t.Fatal(diags.Text())
	}
	var got []string
	for _, tok := range toks {
		if string([]byte(src)[tok.Pos.Offset:tok.End()]) != tok.Text {
			t.Errorf("token %q at %d..%d: source there is %q", tok.Text, tok.Pos.Offset, tok.End(), src[tok.Pos.Offset:tok.End()])
		}
		if want := posAt("x.fw", []byte(src), tok.Pos.Offset); tok.Pos != want {
			t.Errorf("token %q at %+v, want %+v", tok.Text, tok.Pos, want)
		}
		got = append(got, []string{"comment", "keyword", "ident", "int", "float", "string", "punct"}[tok.Kind]+":"+tok.Text)
	}
	want := "keyword:package ident:p comment:// c\r keyword:processor ident:P punct:{ keyword:on ident:A punct:{ " +
		`ident:a punct:: int:-1 punct:..< float:-inf punct:| punct:!= string:"é" punct:} punct:-> ident:B punct:}`
	if g := strings.Join(got, " "); g != want {
		t.Errorf("got  %s\nwant %s", g, want)
	}
	if _, diags := Tokens("x.fw", []byte("a @")); diags.Text() != "x.fw:1:3: error: invalid character '@' [syntax]\n" {
		t.Errorf("bad token: %q", diags.Text())
	}
}
