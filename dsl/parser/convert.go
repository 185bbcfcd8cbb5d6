package parser

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
)

// converter turns the grammar structs into the AST. It also checks the
// spelling of literals, which the lexer matches loosely, and collects a
// diagnostic for each bad one.
type converter struct {
	filename string
	diags    diag.List
}

func (c *converter) pos(p lexer.Position) ast.Pos { return toPos(c.filename, p) }

func (c *converter) ident(g identG) ast.Ident {
	return ast.Ident{Pos: c.pos(g.Pos), Name: g.Name}
}

func (c *converter) idents(gs []identG) []ast.Ident {
	if len(gs) == 0 {
		return nil
	}
	out := make([]ast.Ident, len(gs))
	for i, g := range gs {
		out[i] = c.ident(g)
	}
	return out
}

// file converts the file; comments are its comment tokens.
func (c *converter) file(g *fileG, comments []lexer.Token) *ast.File {
	return &ast.File{
		Name:     c.filename,
		Package:  c.ident(g.Package),
		Decls:    c.decls(nil, g.Decls),
		Comments: c.comments(comments),
	}
}

// decls appends the declarations gs to out.
func (c *converter) decls(out []ast.Decl, gs []*declG) []ast.Decl {
	for _, d := range gs {
		switch {
		case d.Enum != nil:
			out = append(out, c.enum(d.Enum))
		case d.Event != nil:
			out = append(out, c.event(d.Event))
		case d.Record != nil:
			out = append(out, c.record(d.Record))
		case d.Processor != nil:
			out = append(out, c.processor(d.Processor))
		case d.Builder != nil:
			out = append(out, c.builder(d.Builder))
		}
	}
	return out
}

func (c *converter) comments(toks []lexer.Token) []*ast.Comment {
	if len(toks) == 0 {
		return nil
	}
	out := make([]*ast.Comment, len(toks))
	for i, t := range toks {
		// Drop the '\r' of a CRLF line ending, which the rule includes.
		text := strings.TrimSuffix(strings.TrimPrefix(t.Value, "//"), "\r")
		out[i] = &ast.Comment{Pos: c.pos(t.Pos), Text: text}
	}
	return out
}

func (c *converter) enum(g *enumG) *ast.EnumDecl {
	return &ast.EnumDecl{Pos: c.pos(g.Pos), Name: c.ident(g.Name), Variants: c.idents(g.Variants)}
}

func (c *converter) event(g *eventG) *ast.EventDecl {
	d := &ast.EventDecl{Pos: c.pos(g.Pos), Input: g.Input, Name: c.ident(g.Name)}
	d.Fields = c.fields(g.Fields)
	return d
}

func (c *converter) record(g *recordG) *ast.RecordDecl {
	return &ast.RecordDecl{Pos: c.pos(g.Pos), Name: c.ident(g.Name), Fields: c.fields(g.Fields)}
}

func (c *converter) fields(gs []fieldDeclG) []*ast.FieldDecl {
	var out []*ast.FieldDecl
	for i := range gs {
		fg := &gs[i]
		out = append(out, &ast.FieldDecl{
			Pos:      c.pos(fg.Name.Pos),
			Name:     c.ident(identG(fg.Name)),
			Type:     c.typeExpr(&fg.Type),
			Optional: fg.Optional,
		})
	}
	return out
}

// typeExpr converts a field type; a `?` after a map's key is an error.
func (c *converter) typeExpr(g *typeG) *ast.TypeExpr {
	t := &ast.TypeExpr{Pos: c.pos(g.Pos)}
	switch {
	case g.List != nil:
		t.Kind, t.Elem = ast.TypeList, c.typeExpr(g.List)
	case g.Map != nil:
		if g.Map.KeyOpt != nil {
			c.errorf(g.Map.KeyOpt.Pos, "a map key cannot be optional: \"?\" applies to a whole field type, at its end (map[K]T? is an optional map)")
		}
		t.Kind, t.Key, t.Elem = ast.TypeMap, c.typeExpr(&g.Map.Key), c.typeExpr(&g.Map.Elem)
	case g.Name != nil:
		t.Name = c.ident(*g.Name)
	}
	return t
}

func (c *converter) processor(g *processorG) *ast.ProcessorDecl {
	d := &ast.ProcessorDecl{Pos: c.pos(g.Pos), Name: c.ident(g.Name)}
	for i := range g.Provides {
		pg := &g.Provides[i]
		typ := c.ident(identG(pg.Type))
		d.Provides = append(d.Provides, &ast.Provide{Target: c.ident(identG(pg.Target)), Type: &typ})
	}
	for _, it := range g.Items {
		switch {
		case it.Partition != nil:
			c.partition(&d.Partition, it.Partition)
		case it.Option != nil:
			d.Options = append(d.Options, c.option(it.Option))
		case it.Case != nil:
			d.Cases = append(d.Cases, c.caseOf(it.Case))
		}
	}
	return d
}

// partition converts a partition clause into *dst, or reports it as a
// second one.
func (c *converter) partition(dst **ast.Partition, g *partitionG) {
	if *dst != nil {
		c.errorf(g.Pos, "a declaration has one partition clause; the first is at line %d (list the keys of every event type in it: partition by A.x, B.y into K)", (*dst).Pos.Line)
		return
	}
	if g.K.Float || isDuration(g.K.Raw) {
		c.errorf(g.K.Pos, "the number of key groups after into must be an integer, not %s", g.K.Raw)
	} else {
		c.checkInt(g.K.Pos, g.K.Raw)
	}
	p := &ast.Partition{Pos: c.pos(g.Pos), K: &ast.IntLit{Pos: c.pos(g.K.Pos), Raw: g.K.Raw}}
	for _, k := range g.By {
		ref := ast.KeyRef{Field: c.ident(identG(k.Field))}
		if k.Event != nil {
			ev := c.ident(identG(*k.Event))
			ref.Event = &ev
		}
		p.Keys = append(p.Keys, ref)
	}
	*dst = p
}

func (c *converter) builder(g *builderG) *ast.BuilderDecl {
	d := &ast.BuilderDecl{
		Pos:    c.pos(g.Pos),
		Name:   c.ident(g.Name),
		Target: c.ident(identG(g.Target)),
		Body:   g.Body,
	}
	if g.Type != nil {
		typ := c.ident(identG(*g.Type))
		d.Type = &typ
	}
	if len(g.Requires) > 0 {
		d.Requires = make([]ast.Ident, len(g.Requires))
		for i, r := range g.Requires {
			d.Requires[i] = c.ident(identG(r))
		}
	}
	if g.Persist != nil {
		persist := c.ident(identG(*g.Persist))
		d.Persist = &persist
	}
	if g.Version != nil {
		c.checkInt(g.Version.Pos, g.Version.Raw)
		d.Version = &ast.IntLit{Pos: c.pos(g.Version.Pos), Raw: g.Version.Raw}
	}
	if u := g.Use; u != nil {
		d.Use = &ast.Use{Pos: c.pos(u.Pos), Helper: c.ident(identG(u.Helper)), Parens: u.Parens}
		for i := range u.Args {
			a := &u.Args[i]
			d.Use.Args = append(d.Use.Args, &ast.Arg{
				Pos:   c.pos(a.Name.Pos),
				Name:  c.ident(a.Name),
				Value: c.operand(&a.Value, "cannot be a helper argument"),
			})
		}
	}
	for _, it := range g.Items {
		switch {
		case it.Partition != nil:
			c.partition(&d.Partition, it.Partition)
		case it.Option != nil:
			d.Options = append(d.Options, c.option(it.Option))
		case it.Case != nil:
			h := it.Case
			d.Cases = append(d.Cases, c.caseOf(&caseG{Pos: h.Pos, Lifecycle: &h.Lifecycle, Name: h.Name, Emits: h.Emits}))
		}
	}
	return d
}

func (c *converter) option(g *optionG) *ast.Option {
	o := &ast.Option{Pos: c.pos(g.Pos), Name: c.ident(identG(g.Name))}
	if g.Value != nil {
		// The values of backoff and timeout are durations, which the
		// checker reads, as it reads a duration given to another option
		// (a misspelt backoff); every other value is an integer.
		if !durationOption(o.Name.Name) && !isDuration(g.Value.Raw) {
			c.checkInt(g.Value.Pos, g.Value.Raw)
		}
		o.Value = &ast.IntLit{Pos: c.pos(g.Value.Pos), Raw: g.Value.Raw}
		if g.To != nil {
			o.To = &ast.IntLit{Pos: c.pos(g.To.Pos), Raw: g.To.Raw}
		}
	}
	if e := g.Events; e != nil {
		o.Events = make([]ast.Ident, 0, 1+len(e.Rest))
		o.Events = append(o.Events, c.ident(identG(e.First)))
		for _, g := range e.Rest {
			o.Events = append(o.Events, c.ident(g))
		}
	}
	return o
}

// durationOption reports whether the value of option name is a duration
// (backoff, timeout) rather than an integer.
func durationOption(name string) bool { return name == "backoff" || name == "timeout" }

// isDuration reports whether raw is a duration with a unit, such as 10ms.
func isDuration(raw string) bool {
	_, err := time.ParseDuration(raw)
	return err == nil && strings.TrimLeft(raw, "-0123456789.") != ""
}

var lifecycleKinds = map[string]ast.CaseKind{
	"init":      ast.CaseInit,
	"phase":     ast.CasePhase,
	"terminate": ast.CaseTerminate,
}

func (c *converter) caseOf(g *caseG) *ast.Case {
	k := &ast.Case{Pos: c.pos(g.Pos)}
	resolves, publishes := 0, 0
	for _, e := range g.Emits {
		if e.Resolve != nil {
			resolves++
		}
		if e.Publish != nil {
			publishes++
		}
	}
	if n := len(g.Emits) - resolves - publishes; n > 0 {
		k.Emits = make([]ast.Ident, 0, n)
	}
	if resolves > 0 {
		k.Resolves = make([]ast.Ident, 0, resolves)
	}
	if publishes > 0 {
		k.Publishes = make([]ast.Ident, 0, publishes)
	}
	for _, e := range g.Emits {
		switch {
		case e.Resolve != nil:
			k.Resolves = append(k.Resolves, c.ident(identG(*e.Resolve)))
		case e.Publish != nil:
			k.Publishes = append(k.Publishes, c.ident(identG(*e.Publish)))
		default:
			k.Emits = append(k.Emits, c.ident(*e.Event))
		}
	}
	switch {
	case g.Lifecycle != nil:
		k.Kind = lifecycleKinds[g.Lifecycle.Name]
	case g.Built != nil:
		k.Kind = ast.CaseBuilt
		k.Target = c.ident(identG(*g.Built))
	case g.Event != nil:
		p := g.Event
		k.Kind = ast.CaseEvent
		k.Event = c.ident(identG(p.Name))
		if p.Braces {
			// `on E{}` has an empty, non-nil list; `on E` has none.
			k.Fields = make([]*ast.FieldPattern, 0, len(p.Fields))
		}
		k.Fields = c.fieldPats(k.Fields, p.Fields)
	}
	if g.Guard != nil {
		k.Guard = c.guard(g.Guard)
	}
	if g.Name != nil {
		name := c.ident(*g.Name)
		k.Name = &name
	}
	return k
}

// fieldPats appends the entries gs of an event or record pattern to out.
func (c *converter) fieldPats(out []*ast.FieldPattern, gs []fieldPatG) []*ast.FieldPattern {
	for _, fp := range gs {
		out = append(out, &ast.FieldPattern{
			Pos:     c.pos(fp.Field.Pos),
			Field:   c.ident(identG(fp.Field)),
			Pattern: c.alts(fp.Alts),
		})
	}
	return out
}

// guard converts a guard expression: "||" and "&&" chains become
// left-associated Binary nodes.
func (c *converter) guard(g *guardG) ast.Expr {
	x := c.and(&g.And)
	for i := range g.Rest {
		y := c.and(&g.Rest[i])
		x = &ast.Binary{Pos: x.ExprPos(), Op: "||", OpPos: x.ExprPos(), X: x, Y: y}
	}
	return x
}

func (c *converter) and(g *andG) ast.Expr {
	x := c.cmp(&g.Cmp)
	for i := range g.Rest {
		y := c.cmp(&g.Rest[i])
		x = &ast.Binary{Pos: x.ExprPos(), Op: "&&", OpPos: x.ExprPos(), X: x, Y: y}
	}
	return x
}

func (c *converter) cmp(g *cmpG) ast.Expr {
	x := c.unaryExpr(&g.X)
	if g.Y == nil {
		return x
	}
	return &ast.Binary{Pos: x.ExprPos(), Op: g.Op.Op, OpPos: c.pos(g.Op.Pos), X: x, Y: c.unaryExpr(g.Y)}
}

func (c *converter) unaryExpr(g *unaryExprG) ast.Expr {
	var x ast.Expr
	switch {
	case g.Len != nil:
		x = &ast.Len{Pos: c.pos(g.Len.Pos), Arg: c.ident(g.Len.Arg)}
	case g.Paren != nil:
		x = &ast.Paren{Pos: c.pos(g.Paren.Pos), X: c.guard(&g.Paren.X)}
	case g.Operand != nil:
		switch v := c.value((*valueG)(g.Operand)).(type) {
		case *ast.Literal:
			x = v
		case *ast.Name:
			x = v
		case *ast.Nil:
			c.errorf(g.Operand.Pos, "nil cannot be used in a guard: test an optional field's presence in the pattern (field: nil or field: !nil)")
			x = &ast.Name{Pos: c.pos(g.Operand.Pos), Name: "nil"}
		default:
			c.errorf(g.Operand.Pos, "wildcard \"_\" cannot be used in a guard")
			x = &ast.Name{Pos: c.pos(g.Operand.Pos), Name: "_"}
		}
	default:
		c.errorf(g.Pos, "internal parser error: empty guard operand")
		x = &ast.Name{Pos: c.pos(g.Pos)}
	}
	for i := len(g.Not) - 1; i >= 0; i-- {
		x = &ast.Unary{Pos: c.pos(g.Not[i].Pos), Op: "!", X: x}
	}
	return x
}

// alts converts the alternatives of a pattern; none is no pattern (the
// shorthand `field`). A single alternative is that pattern itself, without
// an Alt.
func (c *converter) alts(gs []unaryG) ast.Pattern {
	switch len(gs) {
	case 0:
		return nil
	case 1:
		return c.unary(&gs[0])
	}
	// The Alt is where its first alternative is.
	alt := &ast.Alt{Pos: c.pos(gs[0].Pos), Alts: make([]ast.Pattern, len(gs))}
	for i := range gs {
		alt.Alts[i] = c.unary(&gs[i])
	}
	return alt
}

func (c *converter) unary(g *unaryG) ast.Pattern {
	pos := c.pos(g.Pos)
	switch {
	case g.Not != nil:
		if v := g.Not.Value; v != nil && v.Type == typeIdent && v.Raw == "nil" {
			return &ast.NotNil{Pos: pos} // `!= nil` is `!nil`
		}
		return &ast.Not{Pos: pos, Pattern: c.notOperand(g.Not)}
	case g.Cmp != nil:
		return &ast.Compare{Pos: pos, Op: g.CmpOp, Value: c.operand(g.Cmp, "cannot be compared")}
	case g.Prefix != nil:
		c.checkString(g.Prefix.Pos, g.Prefix.Raw)
		return &ast.Prefix{Pos: pos, Value: &ast.Literal{Pos: c.pos(g.Prefix.Pos), Kind: ast.LitString, Raw: g.Prefix.Raw}}
	case g.RangeTo != nil:
		return &ast.Range{Pos: pos, Hi: c.operand(&g.RangeTo.Hi, rangeBound), Exclusive: g.RangeTo.Op == "..<"}
	case g.Group != nil:
		return c.alts(g.Group.Alts)
	case g.Record != nil:
		// `{}` has an empty, non-nil list of entries.
		return &ast.RecordPattern{Pos: pos, Fields: c.fieldPats(make([]*ast.FieldPattern, 0, len(g.Record.Fields)), g.Record.Fields)}
	case g.NotNil != nil:
		if g.NotNil.Type != typeIdent || g.NotNil.Raw != "nil" {
			c.errorf(g.NotNil.Pos, "! applies to nil only (!nil: a present optional field); to exclude a value, write != %s", g.NotNil.Raw)
		}
		return &ast.NotNil{Pos: pos}
	case g.Value != nil:
		lo := (*valueG)(g.Value)
		switch {
		case g.Excl != nil:
			return &ast.Range{Pos: pos, Lo: c.operand(lo, rangeBound), Hi: c.operand(g.Excl, rangeBound), Exclusive: true}
		case g.Incl:
			r := &ast.Range{Pos: pos, Lo: c.operand(lo, rangeBound)}
			if g.InclHi != nil {
				r.Hi = c.operand(g.InclHi, rangeBound)
			}
			return r
		}
		return c.value(lo)
	}
	// The grammar always fills one of the branches.
	c.errorf(g.Pos, "internal parser error: empty pattern")
	return &ast.Wildcard{Pos: pos}
}

const rangeBound = "cannot be a range bound"

// notOperand converts the operand of "!=": a value, or an Alt of values
// written in parentheses (one value in parentheses is that value).
func (c *converter) notOperand(g *notG) ast.Pattern {
	const what = "cannot be negated"
	if g.Value != nil {
		return c.operand(g.Value, what)
	}
	if len(g.Alts) == 1 {
		return c.operand(&g.Alts[0], what)
	}
	// The Alt starts at its first value, inside the parenthesis.
	alt := &ast.Alt{Pos: c.pos(g.Alts[0].Pos), Alts: make([]ast.Pattern, len(g.Alts))}
	for i := range g.Alts {
		alt.Alts[i] = c.operand(&g.Alts[i], what)
	}
	return alt
}

// operand converts the value of a range, comparison or negation, which is
// a *Literal or a *Name: a wildcard is an error, "what" says why.
func (c *converter) operand(g *valueG, what string) ast.Pattern {
	p := c.value(g)
	switch p.(type) {
	case *ast.Wildcard:
		c.errorf(g.Pos, "wildcard \"_\" %s", what)
	case *ast.Nil:
		c.errorf(g.Pos, "nil %s", what)
	}
	return p
}

// value converts one value token: a literal, `_` or a name. The identifiers
// inf and nan are float literals in a pattern ("-inf" is a float token).
func (c *converter) value(g *valueG) ast.Pattern {
	pos := c.pos(g.Pos)
	switch {
	case g.Type == typeString:
		c.checkString(g.Pos, g.Raw)
		return &ast.Literal{Pos: pos, Kind: ast.LitString, Raw: g.Raw}
	case g.Type == typeFloat:
		c.checkFloat(g.Pos, g.Raw)
		return &ast.Literal{Pos: pos, Kind: ast.LitFloat, Raw: g.Raw}
	case g.Type == typeInt:
		c.checkInt(g.Pos, g.Raw)
		return &ast.Literal{Pos: pos, Kind: ast.LitInt, Raw: g.Raw}
	case g.Raw == "_":
		return &ast.Wildcard{Pos: pos}
	case g.Raw == "true" || g.Raw == "false":
		return &ast.Literal{Pos: pos, Kind: ast.LitBool, Raw: g.Raw}
	case g.Raw == "inf" || g.Raw == "nan":
		return &ast.Literal{Pos: pos, Kind: ast.LitFloat, Raw: g.Raw}
	case g.Raw == "nil":
		return &ast.Nil{Pos: pos}
	}
	return &ast.Name{Pos: pos, Name: g.Raw}
}

func (c *converter) errorf(p lexer.Position, format string, args ...any) {
	c.diags = append(c.diags, syntaxError(c.pos(p), format, args...))
}

// checkString reports the first invalid escape of a string literal (the
// lexer accepts a backslash before any character). Strings hold no newline,
// so the escape is on the line of the literal.
func (c *converter) checkString(p lexer.Position, raw string) {
	body := raw[1 : len(raw)-1]
	for i := 0; i < len(body); {
		if body[i] != '\\' {
			_, size := utf8.DecodeRuneInString(body[i:])
			i += size
			continue
		}
		_, _, tail, err := strconv.UnquoteChar(body[i:], '"')
		if err != nil {
			_, size := utf8.DecodeRuneInString(body[i+1:])
			esc := body[i : i+1+size]
			p.Offset += 1 + i
			p.Column += 1 + utf8.RuneCountInString(body[:i])
			c.errorf(p, "invalid escape sequence %s in string literal", esc)
			return
		}
		i = len(body) - len(tail)
	}
}

// checkFloat reports a malformed float literal. An out-of-range value is
// well-formed; the checker decides about values.
func (c *converter) checkFloat(p lexer.Position, raw string) {
	if _, err := strconv.ParseFloat(raw, 64); err != nil && !errors.Is(err, strconv.ErrRange) {
		c.errorf(p, "invalid floating-point literal %s", raw)
	}
}

// checkInt reports a malformed integer literal, with the wording of the Go
// compiler. The value is not checked: the checker decides about the range
// (and strconv.ParseInt stops at an overflow before seeing all digits, so it
// cannot tell syntax from range here).
func (c *converter) checkInt(p lexer.Position, raw string) {
	if msg := intSyntax(raw); msg != "" {
		c.errorf(p, "%s", msg)
	}
}

// intSyntax returns what is wrong with the integer literal raw, or "".
func intSyntax(raw string) string {
	s := strings.TrimPrefix(raw, "-")
	base, name, prefix := 10, "decimal", 0
	if len(s) >= 2 && s[0] == '0' {
		switch s[1] | 0x20 { // lower case
		case 'x':
			base, name, prefix = 16, "hexadecimal", 2
		case 'o':
			base, name, prefix = 8, "octal", 2
		case 'b':
			base, name, prefix = 2, "binary", 2
		default:
			// A leading 0 makes an octal literal, as in Go.
			base, name, prefix = 8, "octal", 1
		}
	}
	digits, ndigits := s[prefix:], 0
	for i := 0; i < len(digits); i++ {
		ch := digits[i]
		if ch == '_' {
			// '_' must separate successive digits, but may follow the
			// base prefix.
			if (i == 0 && prefix == 0) || (i > 0 && digits[i-1] == '_') || i == len(digits)-1 {
				return "'_' must separate successive digits"
			}
			continue
		}
		if digitVal(ch) >= base {
			return fmt.Sprintf("invalid digit %s in %s literal", quoteRune(rune(ch)), name)
		}
		ndigits++
	}
	if ndigits == 0 && prefix == 2 {
		return name + " literal has no digits"
	}
	return ""
}

// digitVal is the value of the digit ch, or 36 if it is not a digit (the
// lexer only lets letters, digits and '_' into an int token).
func digitVal(ch byte) int {
	switch {
	case '0' <= ch && ch <= '9':
		return int(ch - '0')
	case 'a' <= ch && ch <= 'z':
		return int(ch-'a') + 10
	case 'A' <= ch && ch <= 'Z':
		return int(ch-'A') + 10
	}
	return 36
}
