// Package parser turns .fw source into an ast.File.
//
// It uses a participle grammar (grammar.go) over a custom lexer (lexer.go,
// implemented by scan.go) and converts the grammar structs into the ast
// (convert.go); a large file is parsed in parallel (parallel.go). participle
// stops at the first syntax error, so a file with a syntax error yields one
// diagnostic, except for the errors found when converting (malformed
// literals, a wildcard as a range bound, compared or negated value), which
// are all reported. Tokens gives the tokens to tools that need the layout
// of the source, such as the formatter.
package parser

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
)

// ParseFile parses one .fw file. filename is used in positions only. On
// error it returns a nil file and diagnostics of rule "syntax".
func ParseFile(filename string, src []byte) (file *ast.File, diags diag.List) {
	defer recoverParse(filename, &file, &diags)
	defer func() {
		if file != nil {
			file.Src = src
		}
		diags = withEnds(src, diags)
	}()

	// participle's lexer would accept invalid UTF-8 and NUL bytes inside
	// strings and comments; like Go, .fw rejects them anywhere.
	if off, msg := checkEncoding(src); msg != "" {
		return nil, diag.List{syntaxError(posAt(filename, src, off), "%s", msg)}
	}
	text := string(src)
	if file, diags, ok := parseInRuns(filename, text); ok {
		return file, diags
	}
	return parseWhole(filename, text)
}

// parseWhole parses the file src, of valid encoding, in one go.
func parseWhole(filename, src string) (*ast.File, diag.List) {
	// participle reads all the tokens before parsing: lex straight into its
	// token buffer, the comments aside.
	lx := &parseLexer{scanner: newScanner(filename, src)}
	peek, err := lexer.Upgrade(lx)
	if err != nil {
		return nil, diag.List{lexError(filename, []byte(src), err)}
	}
	if lx.tooDeep {
		what := "parentheses"
		if lx.deepBrace {
			what = "braces"
		}
		return nil, diag.List{syntaxError(toPos(filename, lx.deepPos), "%s nested too deeply (more than %d)", what, maxNesting)}
	}
	g, err := parser.ParseFromLexer(peek)
	if err != nil {
		// The message depends on the tokens before the error, comments
		// included: lex again, which is cheap beside a parse.
		toks, diags := tokenize(filename, []byte(src))
		if len(diags) > 0 {
			return nil, diags
		}
		return nil, diag.List{parseError(filename, toks, err)}
	}
	c := &converter{filename: filename}
	file := c.file(g, lx.comments)
	if len(c.diags) > 0 {
		return nil, c.diags.Sort()
	}
	return file, nil
}

// recoverParse, deferred, turns a panic in participle (or in this package)
// into a diagnostic: a bad input must not take the tool down.
func recoverParse(filename string, file **ast.File, diags *diag.List) {
	r := recover()
	if r == nil {
		return
	}
	pos, msg := ast.Pos{File: filename, Line: 1, Col: 1}, fmt.Sprint(r)
	if perr, ok := r.(participle.Error); ok && perr.Position().Line > 0 {
		// Its Error() starts with the position, which the diagnostic has.
		pos, msg = toPos(filename, perr.Position()), perr.Message()
	}
	*file, *diags = nil, diag.List{syntaxError(pos, "internal parser error: %s", msg)}
}

// maxNesting bounds the nesting of parentheses, and that of braces, in patterns. participle
// parses them by recursion, and a Go stack overflow cannot be recovered.
const maxNesting = 100

// parseLexer is the lexer that participle reads: the scanner without the
// comments, which it keeps for the AST. It also finds the first "(" nested
// more than maxNesting deep.
type parseLexer struct {
	*scanner
	comments []lexer.Token
	depth    int
	braces   int
	tooDeep  bool
	deepPos  lexer.Position // of the first "(" or "{" too deep
	// deepBrace: the first too deep is a "{"
	deepBrace bool
}

func (l *parseLexer) Next() (lexer.Token, error) {
	for {
		t, err := l.scanner.Next()
		if err != nil {
			return t, err
		}
		switch {
		case t.Type == typeComment:
			l.comments = append(l.comments, t)
			continue
		case t.Type != typePunct:
		case t.Value == "(":
			if l.depth++; l.depth > maxNesting && !l.tooDeep {
				l.tooDeep, l.deepPos = true, t.Pos
			}
		case t.Value == ")":
			l.depth = max(l.depth-1, 0)
		case t.Value == "{":
			// Record patterns nest braces: participle recurses on them too.
			if l.braces++; l.braces > maxNesting && !l.tooDeep {
				l.tooDeep, l.deepPos, l.deepBrace = true, t.Pos, true
			}
		case t.Value == "}":
			l.braces = max(l.braces-1, 0)
		}
		return t, nil
	}
}

// parseError turns participle's error into a diagnostic at the offending
// token. participle's message has the form `unexpected token "x" (expected
// <EBNF of the rest of the production>)`, which says little to a user; we
// keep only which production was expected and rephrase it with the help of
// the tokens that come before (see expectation).
func parseError(filename string, toks []lexer.Token, err error) diag.Diagnostic {
	var uerr *participle.UnexpectedTokenError
	if !errors.As(err, &uerr) {
		var perr participle.Error
		if errors.As(err, &perr) {
			msg := perr.Message()
			if strings.HasPrefix(msg, "too many iterations") {
				// participle caps repetitions and names the EBNF.
				msg = fmt.Sprintf("too many entries (more than %d)", participle.MaxIterations)
			}
			return syntaxError(toPos(filename, perr.Position()), "%s", msg)
		}
		return syntaxError(ast.Pos{File: filename, Line: 1, Col: 1}, "%v", err)
	}
	tok := uerr.Unexpected
	if tok.Type == typePunct && tok.Value == "." {
		// A '.' is valid only in a partition key (Event.field); elsewhere
		// it was meant as a decimal point or a range.
		if _, prev := contextOf(toks, tok); prev != nil && (prev.Type == typeInt || prev.Type == typeFloat) &&
			prev.Pos.Offset+len(prev.Value) == tok.Pos.Offset {
			return syntaxError(toPos(filename, tok.Pos), "invalid character '.' (a decimal point must be followed by a digit)")
		}
		return syntaxError(toPos(filename, tok.Pos), `invalid character '.' (expected ".." or "..<")`)
	}
	expect := ""
	if _, e, ok := strings.Cut(uerr.Message(), " (expected "); ok {
		expect = strings.TrimSuffix(e, ")")
	}
	msg := "unexpected " + describe(tok)
	if want := expectation(toks, tok, expect); want != "" {
		msg += ", expected " + want
		switch {
		case tok.Type == typeKeyword && wantsName(want):
			msg += fmt.Sprintf(" (%q is a reserved keyword)", tok.Value)
		case tok.Type == typeIdent && builderNames[want] != "" && isBuilderWord(tok.Value):
			msg += fmt.Sprintf(" (%q cannot be %s)", tok.Value, builderNames[want])
		case tok.Type == typeIdent && builderNames[want] != "" && tok.Value == "input":
			msg += ` ("input event" starts a declaration)`
		case tok.Type == typeIdent && strings.HasPrefix(want, `"init"`):
			msg += " (a builder's cases are its requirements; its body has only lifecycle cases)"
		case tok.Type == typeIdent && clauseRank[tok.Value] > 0 && strings.Contains(want, " or a declaration"):
			msg += " (a builder's clauses go in the order provides, requires, persist, version, use)"
		case tok.Type == typeIdent && isUpper(tok.Value) && strings.HasPrefix(want, "an option,"):
			if _, prev := contextOf(toks, tok); prev == nil || prev.Type != typeIdent || !isUpper(prev.Value) {
				// Not a missing "," in an option's event list.
				msg += " (option names start with a lower-case letter)"
			}
		}
	}
	return syntaxError(toPos(filename, tok.Pos), "%s", msg)
}

// builderNames maps the expectation of a name in a builder declaration or
// an `on built` case to what a word of the builder's clauses cannot be.
var builderNames = map[string]string{"a target name": "a target name", "an artifact type": "a type", "a helper name": "a helper name"}

// describe names a token for a message.
func describe(t lexer.Token) string {
	switch t.Type {
	case lexer.EOF:
		return "end of file"
	case typeKeyword:
		return fmt.Sprintf("keyword %q", t.Value)
	case typeIdent:
		return fmt.Sprintf("name %q", t.Value)
	case typeInt, typeFloat:
		return "number " + t.Value
	case typeString:
		const maxRunes = 24
		v := t.Value
		if r := []rune(v); len(r) > maxRunes {
			v = string(r[:maxRunes]) + `..."`
		}
		return "string " + v
	}
	return fmt.Sprintf("%q", t.Value)
}

// block is the kind of braces a token is in.
type block int

const (
	topLevel block = iota
	enumBody
	eventBody
	processorBody
	builderBody
	patternBody
)

// opens maps a keyword to the block that its next "{" opens.
var opens = map[string]block{"enum": enumBody, "event": eventBody, "processor": processorBody, "builder": builderBody, "on": patternBody}

// contextOf returns the block that tok is in and the token before it,
// comments skipped (nil if tok is the first).
func contextOf(toks []lexer.Token, tok lexer.Token) (block, *lexer.Token) {
	var (
		stack   []block
		opening = topLevel // what the next "{" opens
		prev    *lexer.Token
	)
	for i := range toks {
		t := &toks[i]
		if t.EOF() || t.Pos.Offset >= tok.Pos.Offset {
			break
		}
		if t.Type == typeComment {
			continue
		}
		switch {
		case t.Type == typeKeyword:
			opening = opens[t.Value]
		case t.Type == typeIdent && t.Value == "record" && len(stack) == 0:
			opening = eventBody // a record's body is an event's
		case t.Type == typePunct && t.Value == "{":
			stack = append(stack, opening)
		case t.Type == typePunct && t.Value == "}" && len(stack) > 0:
			stack = stack[:len(stack)-1]
		}
		prev = t
	}
	if len(stack) == 0 {
		return topLevel, prev
	}
	return stack[len(stack)-1], prev
}

// inGuard reports whether tok is in a case's guard: after an `if` that
// follows the last `on` before it, outside braces.
func inGuard(toks []lexer.Token, tok lexer.Token) bool {
	guard, depth := false, 0
	for i := range toks {
		t := &toks[i]
		if t.EOF() || t.Pos.Offset >= tok.Pos.Offset {
			break
		}
		switch {
		case t.Type == typeKeyword && t.Value == "on":
			guard, depth = false, 0
		case t.Type == typePunct && t.Value == "{":
			depth++
		case t.Type == typePunct && t.Value == "}":
			if depth--; depth < 0 {
				guard = false // the processor's end
			}
		case t.Type == typeIdent && t.Value == "if" && depth == 0:
			guard = true
		}
	}
	return guard
}

// expectation phrases what the parser expected at tok, given the EBNF of
// the production that participle was trying to match (empty when it was
// not in the middle of one). Only the head of the EBNF matters.
func expectation(toks []lexer.Token, tok lexer.Token, expect string) string {
	b, prev := contextOf(toks, tok)
	prevIs := func(vals ...string) bool {
		if prev == nil || prev.Type == typeString {
			return false
		}
		for _, v := range vals {
			if prev.Value == v {
				return true
			}
		}
		return false
	}
	head, _, _ := strings.Cut(expect, " ")
	header := builderHeader(toks, tok)
	switch head {
	case `"{"`, `"event"`, `"provides"`, `":"`:
		return head
	case `")"`:
		if inGuard(toks, tok) {
			return `an operator or ")"`
		}
		if header != nil {
			// The arguments of a helper.
			if prevIs("(") {
				return `an argument name or ")"`
			}
			return `"," or ")"`
		}
		return `"|" or ")"`
	case `"by"`:
		return `"by" (partition by field into K)`
	case `"into"`:
		return `"," or "into" (partition by field into K)`
	case "countG":
		return "the number of key groups (partition by field into K)"
	case "keyFieldG", "KeyRefG":
		return "a field name (a partition key is field or Event.field)"
	case `"."`:
		return `"." (a partition key is a lower-case field name, or Event.field)`
	case "TypeG":
		return "a field type"
	case "MapG":
		return `"["`
	case `"]"`:
		return head
	case "targetG", "ProvideG":
		return "a target name"
	case "typeNameG":
		return "an artifact type"
	case "helperNameG":
		return "a helper name"
	case "intG":
		return "a version number"
	case "numG":
		return "a duration, as in backoff 10ms..1s"
	case "ArgG":
		return "an argument name"
	case "EmitG":
		return `an event name, "resolve" or "publish"`
	case "lifecycleG":
		return `"init", "phase" or "terminate"`
	case "GuardG", "AndG", "CmpG", "UnaryExprG", "BangG", "lenCallG", "guardValueG", "(lenCallG", "ParenG":
		return "a guard operand (a bound name, len(name) or a literal)"
	case "PatternG", "UnaryG":
		return "a pattern"
	case "valueG", "(valueG":
		if prevIs("..", "..<") {
			return "a range bound"
		}
		return "a value"
	case "NotG":
		return `a value or "("`
	case "stringG":
		return "a string"
	case "FieldPatG":
		return "a field pattern"
	case "(EventPatG":
		return `an event name, "init", "phase", "terminate" or "built"`
	case "identG":
		switch {
		case b == eventBody:
			// The event's name comes before its "{".
			return "a field type"
		case prevIs("package"):
			return "a package name"
		case prevIs("enum"):
			return "an enum name"
		case prevIs("event"):
			return "an event name"
		case prevIs("record"):
			return "a record name"
		case prevIs("processor"):
			return "a processor name"
		case prevIs("builder"):
			return "a builder name"
		case prevIs("as"):
			return "a case name"
		case prevIs("->", ","):
			return "an event name"
		}
		return "a name"
	case `"}"`, "":
		switch b {
		case enumBody:
			return `an enum variant or "}"`
		case eventBody:
			return `a field name or "}"`
		case processorBody, builderBody:
			return `an option, "on" or "}"`
		case patternBody:
			if prevIs("{", ",") {
				return `a field pattern or "}"`
			}
			return `"," or "}"`
		}
		if prev == nil {
			return `"package"`
		}
		if header != nil {
			return builderFollow(header) + " or a declaration"
		}
		return `"enum", "event", "input event", "record", "processor" or "builder"`
	}
	return ""
}

// builderHeader returns the tokens of the builder header that tok is in or
// follows, from its keyword to the token before tok, comments skipped; nil
// if tok is not after a builder's keyword and before its body.
func builderHeader(toks []lexer.Token, tok lexer.Token) []lexer.Token {
	end := len(toks)
	for i := range toks {
		if toks[i].EOF() || toks[i].Pos.Offset >= tok.Pos.Offset {
			end = i
			break
		}
	}
	for i := end - 1; i >= 0; i-- {
		t := toks[i]
		switch {
		case t.Type == typePunct && (t.Value == "{" || t.Value == "}"):
			return nil
		case t.Type == typeKeyword:
			if t.Value != "builder" {
				return nil
			}
			var header []lexer.Token
			for _, t := range toks[i:end] {
				if t.Type != typeComment {
					header = append(header, t)
				}
			}
			return header
		}
	}
	return nil
}

// clauseRank orders the words that start the clauses of a builder.
var clauseRank = map[string]int{"provides": 1, "requires": 2, "persist": 3, "version": 4, "use": 5}

// builderFollow phrases what may follow the complete builder header toks:
// the rest of its last clause, the clauses that may come after it, and the
// body.
func builderFollow(toks []lexer.Token) string {
	last, typed := 0, false
	for _, t := range toks[min(2, len(toks)):] { // after the keyword and the name
		switch {
		case t.Type == typeIdent && clauseRank[t.Value] > last:
			last = clauseRank[t.Value]
		case t.Type == typePunct && t.Value == ":" && last == clauseRank["provides"]:
			typed = true
		}
	}
	prev := toks[len(toks)-1]
	var want []string
	switch last {
	case clauseRank["provides"]:
		if !typed {
			want = append(want, `":"`)
		}
	case clauseRank["requires"]:
		want = append(want, `","`)
	case clauseRank["use"]:
		if prev.Type == typeIdent {
			want = append(want, `"("`)
		}
	}
	for _, w := range []string{"requires", "persist", "version", "use"} {
		if clauseRank[w] > last {
			want = append(want, strconv.Quote(w))
		}
	}
	want = append(want, `"{"`)
	return strings.Join(want, ", ")
}

// wantsName reports whether an expectation includes a name or a pattern,
// where a keyword may have been meant as one.
func wantsName(want string) bool {
	for _, w := range []string{"name", "pattern", "variant", "value", "bound"} {
		if strings.Contains(want, w) {
			return true
		}
	}
	return false
}
