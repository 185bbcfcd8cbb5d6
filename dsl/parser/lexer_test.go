package parser

import (
	"fmt"
	"strings"
	"testing"

	"github.com/alecthomas/participle/v2/lexer"
)

// tokenNames names the token types for the tests.
var tokenNames = lexer.SymbolsByRune(lexDef)

// showTokens renders tokens as kind:value@line:col/offset, EOF left out.
func showTokens(toks []lexer.Token) string {
	var out []string
	for _, t := range toks {
		if t.EOF() {
			continue
		}
		out = append(out, fmt.Sprintf("%s:%s@%d:%d/%d", tokenNames[t.Type], t.Value, t.Pos.Line, t.Pos.Column, t.Pos.Offset))
	}
	return strings.Join(out, " ")
}

func TestLexer(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"arrows and negative numbers", "A->B x->-1 -> -2",
			"Ident:A@1:1/0 Arrow:->@1:2/1 Ident:B@1:4/3 Ident:x@1:6/5 Arrow:->@1:7/6 Int:-1@1:9/8 Arrow:->@1:12/11 Int:-2@1:15/14"},
		{"floats before ints", "1.5 -0.0 1e9 2.5e-3 1_000.5 42 0x1e9 0b101 0o17 1_000",
			"Float:1.5@1:1/0 Float:-0.0@1:5/4 Float:1e9@1:10/9 Float:2.5e-3@1:14/13 Float:1_000.5@1:21/20 " +
				"Int:42@1:29/28 Int:0x1e9@1:32/31 Int:0b101@1:38/37 Int:0o17@1:44/43 Int:1_000@1:49/48"},
		{"malformed numbers are one token", "12abc 1.5e 1.2.3",
			"Int:12abc@1:1/0 Float:1.5e@1:7/6 Float:1.2.3@1:12/11"},
		{"keywords and identifiers", "package enum event processor on onX on_ on2 events init as _ true",
			"Keyword:package@1:1/0 Keyword:enum@1:9/8 Keyword:event@1:14/13 Keyword:processor@1:20/19 Keyword:on@1:30/29 " +
				"Ident:onX@1:33/32 Ident:on_@1:37/36 Ident:on2@1:41/40 Ident:events@1:45/44 Ident:init@1:52/51 " +
				"Ident:as@1:57/56 Ident:_@1:60/59 Ident:true@1:62/61"},
		{"builder is reserved, its clause words are not", "builder builders provides requires persist version use built resolve",
			"Keyword:builder@1:1/0 Ident:builders@1:9/8 Ident:provides@1:18/17 Ident:requires@1:27/26 Ident:persist@1:36/35 " +
				"Ident:version@1:44/43 Ident:use@1:52/51 Ident:built@1:56/55 Ident:resolve@1:62/61"},
		{"punctuation", "{}:,;", "Punct:{@1:1/0 Punct:}@1:2/1 Punct::@1:3/2 Punct:,@1:4/3 Punct:;@1:5/4"},
		{"operators", "..<.. <=>=!=<>|()", "Punct:..<@1:1/0 Punct:..@1:4/3 Punct:<=@1:7/6 Punct:>=@1:9/8 Punct:!=@1:11/10 " +
			"Punct:<@1:13/12 Punct:>@1:14/13 Punct:|@1:15/14 Punct:(@1:16/15 Punct:)@1:17/16"},
		{"ranges of ints", "1..5 -1..-5 ..-1 1..<-2 0x1F..<0x2F 1..",
			"Int:1@1:1/0 Punct:..@1:2/1 Int:5@1:4/3 Int:-1@1:6/5 Punct:..@1:8/7 Int:-5@1:10/9 Punct:..@1:13/12 Int:-1@1:15/14 " +
				"Int:1@1:18/17 Punct:..<@1:19/18 Int:-2@1:22/21 Int:0x1F@1:25/24 Punct:..<@1:29/28 Int:0x2F@1:32/31 Int:1@1:37/36 Punct:..@1:38/37"},
		{"ranges of floats and names", "1.5..2.5 1e3..<1e-3 NEW..PAID a..",
			"Float:1.5@1:1/0 Punct:..@1:4/3 Float:2.5@1:6/5 Float:1e3@1:10/9 Punct:..<@1:13/12 Float:1e-3@1:16/15 " +
				"Ident:NEW@1:21/20 Punct:..@1:24/23 Ident:PAID@1:26/25 Ident:a@1:31/30 Punct:..@1:32/31"},
		{"arrows are not comparisons", "A->B <-1 >-1 !=-1",
			"Ident:A@1:1/0 Arrow:->@1:2/1 Ident:B@1:4/3 Punct:<@1:6/5 Int:-1@1:7/6 Punct:>@1:10/9 Int:-1@1:11/10 Punct:!=@1:14/13 Int:-1@1:16/15"},
		{"float words", "inf -inf nan -inf..inf",
			"Ident:inf@1:1/0 Float:-inf@1:5/4 Ident:nan@1:10/9 Float:-inf@1:14/13 Punct:..@1:18/17 Ident:inf@1:20/19"},
		{"strings keep quotes and escapes", `"a\"b" "\u00e9\t"`,
			`String:"a\"b"@1:1/0 String:"\u00e9\t"@1:8/7`},
		{"comments and newlines", "a // one\n\t// two\r\nb//three",
			"Ident:a@1:1/0 Comment:// one@1:3/2 Comment:// two\r@2:2/10 Ident:b@3:1/18 Comment://three@3:2/19"},
		{"columns count runes", "\"é€😀\" x // ü\ny",
			"String:\"é€😀\"@1:1/0 Ident:x@1:7/12 Comment:// ü@1:9/14 Ident:y@2:1/20"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks, diags := tokenize("x.fw", []byte(tt.src))
			if len(diags) > 0 {
				t.Fatalf("unexpected diagnostics:\n%s", diags.Text())
			}
			if got := showTokens(toks); got != tt.want {
				t.Errorf("tokens\n got: %s\nwant: %s", got, tt.want)
			}
			if last := toks[len(toks)-1]; !last.EOF() || last.Pos.Offset != len(tt.src) {
				t.Errorf("last token %v at offset %d, want EOF at %d", last, last.Pos.Offset, len(tt.src))
			}
		})
	}
}

func TestLexerErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"a @", "x.fw:1:3: error: invalid character '@' [syntax]"},
		{"a - >", `x.fw:1:3: error: invalid character '-' (expected "->" or a number) [syntax]`},
		{"a -info", `x.fw:1:3: error: invalid character '-' (expected "->" or a number) [syntax]`},
		{"a & b", `x.fw:1:3: error: invalid character '&' (expected "&&") [syntax]`},
		{"a = b", `x.fw:1:3: error: invalid character '=' [syntax]`},
		{"..<=", `x.fw:1:4: error: invalid character '=' [syntax]`},
		{"a / b", `x.fw:1:3: error: invalid character '/' (comments start with "//") [syntax]`},
		{"a\n  \"abc\nb", "x.fw:2:3: error: string literal not terminated [syntax]"},
		{`"abc\"`, "x.fw:1:1: error: string literal not terminated [syntax]"},
		{"\"é\" \u00a0", "x.fw:1:5: error: invalid character U+00A0 [syntax]"},
		{"\"é\" ü", "x.fw:1:5: error: invalid character 'ü' [syntax]"},
		{"a\n// \xff in a comment", "x.fw:2:4: error: invalid UTF-8 encoding [syntax]"},
		{"é \"\xc3\"", "x.fw:1:4: error: invalid UTF-8 encoding [syntax]"},
		{"a\n\"\x00\"", "x.fw:2:2: error: invalid NUL character [syntax]"},
	}
	for _, tt := range tests {
		toks, diags := tokenize("x.fw", []byte(tt.src))
		if toks != nil {
			t.Errorf("%q: got tokens %s", tt.src, showTokens(toks))
		}
		if got := strings.TrimSuffix(diags.Text(), "\n"); got != tt.want {
			t.Errorf("%q:\n got: %s\nwant: %s", tt.src, got, tt.want)
		}
	}
}

func TestPosAt(t *testing.T) {
	src := []byte("ab\né€x\n\ny")
	tests := []struct{ off, line, col int }{
		{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {5, 2, 2}, {8, 2, 3}, {9, 2, 4}, {10, 3, 1}, {11, 4, 1}, {12, 4, 2},
	}
	for _, tt := range tests {
		p := posAt("f", src, tt.off)
		if p.Line != tt.line || p.Col != tt.col || p.Offset != tt.off || p.File != "f" {
			t.Errorf("posAt(%d) = %+v, want %d:%d", tt.off, p, tt.line, tt.col)
		}
	}
}
