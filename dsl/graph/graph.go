// Package graph draws the event flow of a checked .fw package: which processor
// handles which event, in which cases, and which events it emits. Dot writes it
// in Graphviz's DOT language, Mermaid as a Mermaid flowchart; both are plain
// functions of the IR, byte-identical across runs.
//
// The drawing has a node per event (an ellipse; events marked input have a
// double outline) and per processor (a box, with its lifecycle cases, if any,
// on a second line: "on init, phase, terminate"); an edge from an event to each
// processor with cases for it, labelled with those cases' names in source
// order; and a dashed edge labelled "emits" from a processor to each event that
// one of its cases (lifecycle cases included) declares it emits. Nodes are
// listed events first, then processors, each sorted by name; edges sorted by
// their source, then their target.
package graph

import (
	"bytes"
	"cmp"
	"fmt"
	"html"
	"slices"
	"strings"

	"github.com/fwgo/fw/dsl/ir"
)

// flow is the drawing, independent of the output language.
type flow struct {
	name       string
	events     []*ir.Event     // by name
	processors []*ir.Processor // by name
	edges      []edge          // by from, then to
}

type nodeKind int

const (
	eventNode nodeKind = iota
	processorNode
)

type node struct {
	kind nodeKind
	name string
}

type edge struct {
	from, to node
	cases    []string // handles: the names of the cases, in source order
	emits    bool     // from a processor to an event it emits
}

func compareNodes(a, b node) int {
	return cmp.Or(cmp.Compare(a.kind, b.kind), strings.Compare(a.name, b.name))
}

func newFlow(pkg *ir.Package) *flow {
	f := &flow{
		name:       pkg.Name,
		events:     slices.Clone(pkg.Events),
		processors: slices.Clone(pkg.Processors),
	}
	slices.SortFunc(f.events, func(a, b *ir.Event) int { return strings.Compare(a.Name, b.Name) })
	slices.SortFunc(f.processors, func(a, b *ir.Processor) int { return strings.Compare(a.Name, b.Name) })
	for _, p := range f.processors {
		pn := node{processorNode, p.Name}
		// Handles: one edge per event, its cases in source order.
		var handled []*ir.Event
		cases := map[*ir.Event][]string{}
		for _, c := range p.Cases {
			if c.Event == nil {
				continue
			}
			if _, ok := cases[c.Event]; !ok {
				handled = append(handled, c.Event)
			}
			cases[c.Event] = append(cases[c.Event], c.Name)
		}
		for _, ev := range handled {
			f.edges = append(f.edges, edge{from: node{eventNode, ev.Name}, to: pn, cases: cases[ev]})
		}
		// Emits: one edge per event, whichever cases emit it.
		emitted := map[string]bool{}
		for _, c := range allCases(p) {
			for _, ev := range c.Emits {
				if !emitted[ev.Name] {
					emitted[ev.Name] = true
					f.edges = append(f.edges, edge{from: pn, to: node{eventNode, ev.Name}, emits: true})
				}
			}
		}
	}
	slices.SortFunc(f.edges, func(a, b edge) int {
		return cmp.Or(compareNodes(a.from, b.from), compareNodes(a.to, b.to))
	})
	return f
}

// allCases returns the event and lifecycle cases of p.
func allCases(p *ir.Processor) []*ir.Case {
	cs := slices.Clone(p.Cases)
	for _, c := range []*ir.Case{p.Init, p.Phase, p.Terminate} {
		if c != nil {
			cs = append(cs, c)
		}
	}
	return cs
}

// lifecycle returns the note for p's lifecycle cases, "" if it has none.
func lifecycle(p *ir.Processor) string {
	var hooks []string
	for _, h := range []struct {
		c    *ir.Case
		name string
	}{{p.Init, "init"}, {p.Phase, "phase"}, {p.Terminate, "terminate"}} {
		if h.c != nil {
			hooks = append(hooks, h.name)
		}
	}
	if len(hooks) == 0 {
		return ""
	}
	return "on " + strings.Join(hooks, ", ")
}

// Dot returns the event flow of pkg as a Graphviz digraph, laid out from left
// to right. Render it with, for example, dot -Tsvg.
func Dot(pkg *ir.Package) []byte {
	f := newFlow(pkg)
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Event flow of package %s, drawn by fwgen graph.\n", oneLine(f.name))
	fmt.Fprintf(&b, "digraph %s {\n", dotString(f.name))
	b.WriteString("\trankdir=LR;\n")
	b.WriteString("\tnode [fontname=\"Helvetica\", fontsize=12];\n")
	b.WriteString("\tedge [fontname=\"Helvetica\", fontsize=10];\n")
	if len(f.events) > 0 {
		b.WriteString("\n\t// events\n")
	}
	for _, ev := range f.events {
		attrs := "shape=ellipse"
		if ev.Input {
			attrs += ", peripheries=2"
		}
		fmt.Fprintf(&b, "\t%s [label=%s, %s];\n", dotID(node{eventNode, ev.Name}), dotString(ev.Name), attrs)
	}
	if len(f.processors) > 0 {
		b.WriteString("\n\t// processors\n")
	}
	for _, p := range f.processors {
		label := dotString(p.Name)
		if note := lifecycle(p); note != "" {
			// An HTML-like label, for the note's smaller type.
			label = "<" + html.EscapeString(p.Name) + `<BR/><FONT POINT-SIZE="9">` + html.EscapeString(note) + "</FONT>>"
		}
		fmt.Fprintf(&b, "\t%s [label=%s, shape=box];\n", dotID(node{processorNode, p.Name}), label)
	}
	if len(f.edges) > 0 {
		b.WriteString("\n\t// edges: event -> processor (its cases), processor -> event (emits)\n")
	}
	for _, e := range f.edges {
		attrs := "label=" + dotString(strings.Join(e.cases, ", "))
		if e.emits {
			attrs = `label="emits", style=dashed`
		}
		fmt.Fprintf(&b, "\t%s -> %s [%s];\n", dotID(e.from), dotID(e.to), attrs)
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// dotID is the node's DOT identifier: "event:Name" or "processor:Name", so
// that an event and a processor of the same name stay apart.
func dotID(n node) string {
	prefix := "event:"
	if n.kind == processorNode {
		prefix = "processor:"
	}
	return dotString(prefix + n.name)
}

// dotString quotes s as a DOT string.
func dotString(s string) string { return `"` + dotEscape(s) + `"` }

// dotEscape escapes s for the inside of a DOT string.
func dotEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Mermaid returns the event flow of pkg as a Mermaid flowchart, laid out from
// left to right; GitHub and many Markdown viewers render it in a ```mermaid
// block. Events are stadium-shaped (Mermaid has no ellipse), input events
// drawn with a thick outline (class input).
func Mermaid(pkg *ir.Package) []byte {
	f := newFlow(pkg)
	var b bytes.Buffer
	fmt.Fprintf(&b, "%%%% Event flow of package %s, drawn by fwgen graph.\n", oneLine(f.name))
	b.WriteString("flowchart LR\n")
	var inputs []string
	for _, ev := range f.events {
		id := mermaidID(node{eventNode, ev.Name})
		fmt.Fprintf(&b, "    %s([%s])\n", id, mermaidString(ev.Name))
		if ev.Input {
			inputs = append(inputs, id)
		}
	}
	for _, p := range f.processors {
		label := mermaidEscape(p.Name)
		if note := lifecycle(p); note != "" {
			label += "<br/><i>" + mermaidEscape(note) + "</i>"
		}
		fmt.Fprintf(&b, "    %s[\"%s\"]\n", mermaidID(node{processorNode, p.Name}), label)
	}
	for _, e := range f.edges {
		arrow := "-->|" + mermaidString(strings.Join(e.cases, ", ")) + "|"
		if e.emits {
			arrow = `-.->|"emits"|`
		}
		fmt.Fprintf(&b, "    %s %s %s\n", mermaidID(e.from), arrow, mermaidID(e.to))
	}
	if len(inputs) > 0 {
		b.WriteString("    classDef input stroke-width:3px\n")
		fmt.Fprintf(&b, "    class %s input\n", strings.Join(inputs, ","))
	}
	return b.Bytes()
}

// mermaidID is the node's Mermaid identifier: e_Name for events, p_Name for
// processors (which also keeps clear of keywords such as end). Names are .fw
// identifiers; anything else is spelled out so that distinct names keep
// distinct ids: "_" as "__", another character as _xHEX_.
func mermaidID(n node) string {
	var b strings.Builder
	if n.kind == processorNode {
		b.WriteString("p_")
	} else {
		b.WriteString("e_")
	}
	for _, r := range n.name {
		switch {
		case r == '_':
			b.WriteString("__")
		case r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'):
			b.WriteRune(r)
		default:
			fmt.Fprintf(&b, "_x%x_", r)
		}
	}
	return b.String()
}

// mermaidString quotes s as a Mermaid label.
func mermaidString(s string) string { return `"` + mermaidEscape(s) + `"` }

// mermaidEscape writes the characters of s that would end or break a quoted
// Mermaid label as entity codes.
func mermaidEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString("#quot;")
		case '#':
			b.WriteString("#35;")
		case '<':
			b.WriteString("#lt;")
		case '>':
			b.WriteString("#gt;")
		case '&':
			b.WriteString("#amp;")
		case '|':
			b.WriteString("#124;")
		case '\n', '\r':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// oneLine keeps s on a comment's line.
func oneLine(s string) string {
	return strings.NewReplacer("\n", " ", "\r", " ").Replace(s)
}
