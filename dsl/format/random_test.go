package format

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/fwgo/fw/dsl/parser"
)

// TestRandomSources generates random valid sources, every form of the
// grammar with random separators, white space and comments between the
// tokens, and checks the properties on each.
func TestRandomSources(t *testing.T) {
	n := 1000
	if testing.Short() {
		n = 100
	}
	for i := range n {
		g := &gen{r: rand.New(rand.NewPCG(uint64(i), 7))}
		src := g.file()
		name := fmt.Sprintf("random%d.fw", i)
		if _, diags := parser.ParseFile(name, []byte(src)); len(diags) > 0 {
			t.Fatalf("generated source does not parse:\n%s\n%s", diags.Text(), src)
		}
		checkProperties(t, name, []byte(src))
		if t.Failed() {
			t.Fatalf("source:\n%s", src)
		}
	}
}

type gen struct {
	r        *rand.Rand
	toks     []string
	comments int
}

func (g *gen) emit(toks ...string) { g.toks = append(g.toks, toks...) }

func (g *gen) pick(xs ...string) string { return xs[g.r.IntN(len(xs))] }

func (g *gen) maybe(p float64) bool { return g.r.Float64() < p }

func (g *gen) upper() string { return g.pick("A", "Order", "NEW", "PAID", "X1", "Tick") }
func (g *gen) lower() string { return g.pick("a", "id", "amount", "x_y", "_z", "region") }

// file joins the tokens with random white space and comments.
func (g *gen) file() string {
	g.emit("package", g.lower())
	for range g.r.IntN(7) {
		switch g.r.IntN(5) {
		case 0:
			g.enum()
		case 1:
			g.event()
		case 4:
			g.record()
		case 2:
			g.builder()
		default:
			g.processor()
		}
	}
	var b strings.Builder
	for i, tok := range g.toks {
		if i > 0 || g.maybe(0.1) {
			b.WriteString(g.space())
		}
		b.WriteString(tok)
	}
	if g.maybe(0.3) {
		b.WriteString(g.space())
	}
	return b.String()
}

func (g *gen) space() string {
	g.comments++
	switch x := g.r.IntN(100); {
	case x < 50:
		return " "
	case x < 65:
		return "\n"
	case x < 70:
		return "\n\n\n"
	case x < 80:
		return fmt.Sprintf(" // c%d\n", g.comments)
	case x < 90:
		return fmt.Sprintf("\n// c%d\n", g.comments)
	case x < 95:
		return fmt.Sprintf("\n\n//fw:ignore r%d \n\n", g.comments)
	}
	return "\t"
}

func (g *gen) sep(seps ...string) {
	if g.maybe(0.3) {
		g.emit(g.pick(seps...))
	}
}

func (g *gen) enum() {
	g.emit("enum", g.upper(), "{")
	for range g.r.IntN(6) {
		g.emit(g.upper())
		g.sep(",", ";")
	}
	g.emit("}")
}

func (g *gen) event() {
	if g.maybe(0.3) {
		g.emit("input")
	}
	g.emit("event", g.upper(), "{")
	g.fields()
}

func (g *gen) record() {
	g.emit("record", g.upper(), "{")
	g.fields()
}

// fields emits the fields of an event or a record, and its "}".
func (g *gen) fields() {
	for range g.r.IntN(5) {
		g.emit(g.pick("a", "region", "amount_total", "x"))
		g.typ(0)
		if g.maybe(0.2) {
			g.emit("?")
		}
		g.sep(",", ";")
	}
	g.emit("}")
}

// typ emits a field type: a name, a list or a map.
func (g *gen) typ(depth int) {
	switch x := g.r.IntN(10); {
	case x == 0 && depth < 3:
		g.emit("[", "]")
		g.typ(depth + 1)
	case x == 1 && depth < 3:
		g.emit("map", "[", g.pick("string", "int"), "]")
		g.typ(depth + 1)
	default:
		g.emit(g.pick("int", "string", "Status", "float", "time", "duration", "Address"))
	}
}

func (g *gen) processor() {
	g.emit("processor", g.upper(), "{")
	part := g.maybe(0.3) // a partition clause among the entries
	for i := range g.r.IntN(6) {
		if part && i == 0 || part && g.maybe(0.2) {
			g.partition()
			part = false
		} else if g.maybe(0.3) {
			g.emit(g.pick("concurrency", "exhaustive", "limit", "x", "by", "into"))
			if g.maybe(0.4) {
				g.emit(g.pick("4", "0x10", "-1"))
			}
			if g.maybe(0.4) {
				g.emit(g.upper())
				for range g.r.IntN(3) {
					g.emit(",", g.pick(g.upper(), g.lower()))
				}
			}
		} else {
			g.caseOf()
		}
		g.sep(";")
	}
	g.emit("}")
}

// partition emits a partition clause: a key, or keys by event type.
func (g *gen) partition() {
	g.emit("partition", "by")
	for i := range 1 + g.r.IntN(3) {
		if i > 0 {
			g.emit(",")
		}
		if g.maybe(0.5) {
			g.emit(g.upper(), ".")
		}
		g.emit(g.lower())
	}
	g.emit("into", g.pick("8", "1", "0x10", "4096"))
}

func (g *gen) target() string { return g.pick("words", "all", "t", "byPkg", "in_put") }

// builder emits a builder declaration, every clause optional but the first.
func (g *gen) builder() {
	g.emit("builder", g.upper(), "provides", g.target())
	if g.maybe(0.5) {
		g.emit(":", g.pick("string", "int", "Order", "Status"))
	}
	if g.maybe(0.6) {
		g.emit("requires", g.target())
		for range g.r.IntN(3) {
			g.emit(",", g.target())
		}
	}
	if g.maybe(0.2) {
		g.emit("persist")
	}
	if g.maybe(0.2) {
		g.emit("version", g.pick("1", "2", "0x10"))
	}
	if g.maybe(0.4) {
		g.emit("use", g.pick("Collector", "Grouper", "StreamSampler", "ReservoirSampler"))
		if g.maybe(0.7) {
			g.emit("(")
			for i := range g.r.IntN(3) {
				if i > 0 {
					g.emit(",")
				}
				g.emit(g.pick("by", "key", "p", "k", "seed"), ":", g.value())
			}
			g.emit(")")
		}
	}
	if g.maybe(0.4) {
		g.emit("{")
		part := g.maybe(0.3)
		for range g.r.IntN(4) {
			if part && g.maybe(0.5) {
				g.partition()
				part = false
			} else if g.maybe(0.3) {
				g.emit(g.pick("concurrency", "debug"))
				if g.maybe(0.5) {
					g.emit(g.pick("4", "0x10"))
				}
			} else {
				g.emit("on", g.pick("init", "phase", "terminate"))
				g.emits()
			}
			g.sep(";")
		}
		g.emit("}")
	}
}

// emits emits an optional emit list, events and resolve entries mixed.
func (g *gen) emits() {
	if !g.maybe(0.4) {
		return
	}
	g.emit("->")
	for i := range 1 + g.r.IntN(3) {
		if i > 0 {
			g.emit(",")
		}
		if g.maybe(0.3) {
			g.emit("resolve", g.target())
		} else {
			g.emit(g.upper())
		}
	}
}

func (g *gen) caseOf() {
	g.emit("on")
	switch g.r.IntN(6) {
	case 0:
		g.emit(g.pick("init", "phase", "terminate"))
	case 5:
		g.emit("built", g.target())
	case 1:
		g.emit(g.upper())
	default:
		g.emit(g.upper(), "{")
		n := g.r.IntN(4)
		for i := range n {
			if i > 0 {
				g.emit(",")
			}
			g.emit(g.lower())
			if g.maybe(0.8) {
				g.emit(":")
				g.pattern(0)
			}
		}
		if n > 0 && g.maybe(0.2) {
			g.emit(",")
		}
		g.emit("}")
		if g.maybe(0.3) {
			g.emit("if")
			g.guard(0)
		}
	}
	if g.maybe(0.4) {
		g.emit("as", g.upper())
	}
	g.emits()
}

// guard emits a guard expression of at most a few levels.
func (g *gen) guard(depth int) {
	for i := range 1 + g.r.IntN(2) {
		if i > 0 {
			g.emit(g.pick("&&", "||"))
		}
		g.guardOperand(depth)
		if g.maybe(0.6) {
			g.emit(g.pick("==", "!=", "<", "<=", ">", ">="))
			g.guardOperand(depth)
		}
	}
}

func (g *gen) guardOperand(depth int) {
	for g.maybe(0.2) {
		g.emit("!")
	}
	switch {
	case depth < 2 && g.maybe(0.2):
		g.emit("(")
		g.guard(depth + 1)
		g.emit(")")
	case g.maybe(0.2):
		g.emit("len", "(", g.lower(), ")")
	default:
		g.emit(g.value())
	}
}

func (g *gen) value() string {
	switch g.r.IntN(5) {
	case 0:
		return g.pick("1", "-5", "0x1F", "1_000", "012", "0")
	case 1:
		return g.pick("1.5", "-0.0", "1e9", "2.5e-3", "inf", "-inf", "nan")
	case 2:
		return g.pick(`"EU"`, `"a\tb"`, `""`, `"é"`)
	case 3:
		return g.pick("true", "false")
	}
	return g.pick(g.upper(), g.lower())
}

func (g *gen) pattern(depth int) {
	g.unary(depth)
	for g.maybe(0.3) {
		g.emit("|")
		g.unary(depth)
	}
}

func (g *gen) unary(depth int) {
	switch g.r.IntN(10) {
	case 0:
		g.emit("!=")
		if g.maybe(0.5) {
			g.emit(g.value())
		} else {
			g.emit("(", g.value())
			for range g.r.IntN(3) {
				g.emit("|", g.value())
			}
			g.emit(")")
		}
	case 1:
		g.emit(g.pick("<", "<=", ">", ">="), g.value())
	case 2:
		g.emit("prefix", g.pick(`"p"`, `"https://"`))
	case 3:
		g.emit(g.pick("..", "..<"), g.value())
	case 4:
		if depth < 3 {
			g.emit("(")
			g.pattern(depth + 1)
			g.emit(")")
		} else {
			g.emit("_")
		}
	case 5:
		g.emit(g.value(), g.pick("..", "..<"), g.value())
	case 6:
		g.emit(g.value(), "..")
	case 7:
		g.emit("_")
	default:
		g.emit(g.value())
	}
}
