// Package graph draws the event flow of a checked .fw package: which processor
// handles which event, in which cases, and which events it emits, and which
// builder provides the artifacts that each builder and processor consumes.
// Dot writes it in Graphviz's DOT language, Mermaid as a Mermaid flowchart;
// both are plain functions of the IR, byte-identical across runs.
//
// The drawing has a node per event (an ellipse; events marked input have a
// double outline), per processor (a box, with its lifecycle cases, if any,
// on a second line: "on init, phase, terminate") and per builder (a rounded
// box, with "provides t" on a second line and, on a third, its helper, "use
// Collector", or its lifecycle cases); an edge from an event to each
// processor with cases for it, labelled with those cases' names in source
// order; a dashed edge labelled "emits" from a processor or builder to each
// event that one of its cases (lifecycle cases included) declares it emits;
// a bold edge from a builder to each builder that requires its target and
// each processor with `on built` cases for it, labelled with the target's
// name (and, for a processor, " as " and its cases' names when one of them
// is not the default); and a dashed edge labelled "resolve" from a
// processor or builder to the builder of each target that one of its cases
// resolves. Events into builders (issue 15): an edge labelled "requires"
// from an event to each builder that requires it; a processor that provides
// targets has "provides t" under its name, and the bold edges of its
// targets start at it, as a builder's do. A partitioned processor or
// builder (issue 16) has "K key groups" under its name. Nodes are listed events first, then processors, then builders,
// each sorted by name; edges sorted by their source, then their target.
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
	processors []*ir.Processor // by name, builders left out
	builders   []*ir.Processor // by name
	edges      []edge          // by from, then to
}

type nodeKind int

const (
	eventNode nodeKind = iota
	processorNode
	builderNode
)

type node struct {
	kind nodeKind
	name string
}

// edgeKind is what an edge stands for.
type edgeKind int

const (
	handles  edgeKind = iota // event -> processor, labelled with its cases
	emits                    // processor or builder -> event
	built                    // builder -> consumer of its target
	resolves                 // processor or builder -> builder
)

type edge struct {
	from, to node
	kind     edgeKind
	label    string
}

// nodeOf is the node of a processor or builder.
func nodeOf(p *ir.Processor) node {
	if p.Builder != nil {
		return node{builderNode, p.Name}
	}
	return node{processorNode, p.Name}
}

func compareNodes(a, b node) int {
	return cmp.Or(cmp.Compare(a.kind, b.kind), strings.Compare(a.name, b.name))
}

func newFlow(pkg *ir.Package) *flow {
	f := &flow{name: pkg.Name, events: slices.Clone(pkg.Events)}
	for _, p := range pkg.Processors {
		if p.Builder != nil {
			f.builders = append(f.builders, p)
		} else {
			f.processors = append(f.processors, p)
		}
	}
	byName := func(a, b *ir.Processor) int { return strings.Compare(a.Name, b.Name) }
	slices.SortFunc(f.events, func(a, b *ir.Event) int { return strings.Compare(a.Name, b.Name) })
	slices.SortFunc(f.processors, byName)
	slices.SortFunc(f.builders, byName)
	for _, p := range slices.Concat(f.processors, f.builders) {
		pn := nodeOf(p)
		// Handles: one edge per event, its cases in source order; built:
		// one edge per target, from its provider.
		var (
			handled []*ir.Event
			cases   = map[*ir.Event][]string{}
			targets []*ir.Target
			named   = map[*ir.Target][]string{}
		)
		for _, c := range p.Cases {
			switch {
			case c.Event != nil:
				if _, ok := cases[c.Event]; !ok {
					handled = append(handled, c.Event)
				}
				cases[c.Event] = append(cases[c.Event], c.Name)
			case c.Target != nil:
				if _, ok := named[c.Target]; !ok {
					targets = append(targets, c.Target)
				}
				named[c.Target] = append(named[c.Target], c.Name)
			}
		}
		if all := p.CatchAllCase(); all != nil {
			// The catch-all case receives what the cases before it leave of
			// every event type.
			for _, ev := range f.events {
				if _, ok := cases[ev]; !ok {
					handled = append(handled, ev)
				}
				cases[ev] = append(cases[ev], all.Name)
			}
		}
		for _, ev := range handled {
			label := strings.Join(cases[ev], ", ")
			if p.Builder != nil {
				label = "requires" // a builder's requirement on an event type
			}
			f.edges = append(f.edges, edge{from: node{eventNode, ev.Name}, to: pn, kind: handles, label: label})
		}
		for _, t := range targets {
			if t.Provider == nil {
				continue // not drawn: the checker reports it
			}
			label := t.Name
			if p.Builder == nil && slices.ContainsFunc(named[t], func(n string) bool { return n != ir.GoFieldName(t.Name) }) {
				label += " as " + strings.Join(named[t], ", ")
			}
			f.edges = append(f.edges, edge{from: nodeOf(t.Provider), to: pn, kind: built, label: label})
		}
		// Emits: one edge per event, whichever cases emit it; resolves:
		// one per target.
		emitted := map[string]bool{}
		resolved := map[*ir.Target]bool{}
		for _, c := range allCases(p) {
			for _, ev := range c.Emits {
				if !emitted[ev.Name] {
					emitted[ev.Name] = true
					f.edges = append(f.edges, edge{from: pn, to: node{eventNode, ev.Name}, kind: emits, label: "emits"})
				}
			}
			for _, t := range c.Resolves {
				if !resolved[t] && t.Provider != nil {
					resolved[t] = true
					f.edges = append(f.edges, edge{from: pn, to: nodeOf(t.Provider), kind: resolves, label: "resolve"})
				}
			}
		}
	}
	slices.SortFunc(f.edges, func(a, b edge) int {
		return cmp.Or(compareNodes(a.from, b.from), compareNodes(a.to, b.to), cmp.Compare(a.kind, b.kind))
	})
	return f
}

// hasBuilders reports whether the drawing has builders.
func (f *flow) hasBuilders() bool { return len(f.builders) > 0 }

// helperNames names the helpers as written after `use`.
var helperNames = map[ir.HelperKind]string{
	ir.Collector:        "Collector",
	ir.Grouper:          "Grouper",
	ir.StreamGrouper:    "StreamGrouper",
	ir.StreamSampler:    "StreamSampler",
	ir.ReservoirSampler: "ReservoirSampler",
}

// builderNotes returns the lines under a builder's name: what it provides,
// then its helper or, for a user builder, its lifecycle cases (a helper's
// phase case is the runtime's).
func builderNotes(b *ir.Processor) []string {
	var notes []string
	if t := b.Builder.Provides; t != nil {
		notes = append(notes, "provides "+t.Name)
	}
	if pt := b.Partition; pt != nil {
		notes = append(notes, fmt.Sprintf("%d key groups", pt.K))
	}
	if h := b.Builder.Helper; h != nil {
		name, ok := helperNames[h.Kind]
		if !ok {
			name = fmt.Sprintf("helper %d", h.Kind)
		}
		notes = append(notes, "use "+name)
	} else if note := lifecycle(b); note != "" {
		notes = append(notes, note)
	}
	return notes
}

// processorNotes returns the lines under a processor's name: the targets it
// provides (its cases publish them), then its lifecycle cases.
func processorNotes(p *ir.Processor) []string {
	var notes []string
	var provides []string
	for _, t := range p.Provides {
		if t != nil && t.Provider == p {
			provides = append(provides, t.Name)
		}
	}
	if len(provides) > 0 {
		notes = append(notes, "provides "+strings.Join(provides, ", "))
	}
	if pt := p.Partition; pt != nil {
		notes = append(notes, fmt.Sprintf("%d key groups", pt.K))
	}
	if note := lifecycle(p); note != "" {
		notes = append(notes, note)
	}
	return notes
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
		fmt.Fprintf(&b, "\t%s [label=%s, shape=box];\n", dotID(node{processorNode, p.Name}), dotLabel(p.Name, processorNotes(p)))
	}
	if f.hasBuilders() {
		b.WriteString("\n\t// builders\n")
	}
	for _, p := range f.builders {
		fmt.Fprintf(&b, "\t%s [label=%s, shape=box, style=rounded];\n", dotID(node{builderNode, p.Name}), dotLabel(p.Name, builderNotes(p)))
	}
	if len(f.edges) > 0 {
		b.WriteString("\n\t// edges: event -> processor (its cases), processor -> event (emits)")
		if f.hasBuilders() {
			b.WriteString(",\n\t// builder -> consumer (target), -> builder (resolve)")
		}
		b.WriteString("\n")
	}
	for _, e := range f.edges {
		attrs := "label=" + dotString(e.label)
		switch e.kind {
		case emits, resolves:
			attrs += ", style=dashed"
		case built:
			attrs += ", style=bold"
		}
		fmt.Fprintf(&b, "\t%s -> %s [%s];\n", dotID(e.from), dotID(e.to), attrs)
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// dotLabel is a node's label: its name, and the notes, if any, on lines
// below it in smaller type (an HTML-like label).
func dotLabel(name string, notes []string) string {
	if len(notes) == 0 {
		return dotString(name)
	}
	escaped := make([]string, len(notes))
	for i, n := range notes {
		escaped[i] = html.EscapeString(n)
	}
	return "<" + html.EscapeString(name) + `<BR/><FONT POINT-SIZE="9">` + strings.Join(escaped, "<BR/>") + "</FONT>>"
}

// dotID is the node's DOT identifier: "event:Name", "processor:Name" or
// "builder:Name", so that an event and a processor of the same name stay
// apart.
func dotID(n node) string {
	prefix := "event:"
	switch n.kind {
	case processorNode:
		prefix = "processor:"
	case builderNode:
		prefix = "builder:"
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
// drawn with a thick outline (class input); builders are rounded, and the
// edges from a builder to the consumers of its target thick.
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
		fmt.Fprintf(&b, "    %s[\"%s\"]\n", mermaidID(node{processorNode, p.Name}), mermaidLabel(p.Name, processorNotes(p)))
	}
	for _, p := range f.builders {
		fmt.Fprintf(&b, "    %s(\"%s\")\n", mermaidID(node{builderNode, p.Name}), mermaidLabel(p.Name, builderNotes(p)))
	}
	for _, e := range f.edges {
		arrow := "-->"
		switch e.kind {
		case emits, resolves:
			arrow = "-.->"
		case built:
			arrow = "==>"
		}
		fmt.Fprintf(&b, "    %s %s|%s| %s\n", mermaidID(e.from), arrow, mermaidString(e.label), mermaidID(e.to))
	}
	if len(inputs) > 0 {
		b.WriteString("    classDef input stroke-width:3px\n")
		fmt.Fprintf(&b, "    class %s input\n", strings.Join(inputs, ","))
	}
	return b.Bytes()
}

// mermaidLabel is a node's label, without quotes: its name, and the notes,
// if any, in italics on lines below it.
func mermaidLabel(name string, notes []string) string {
	label := mermaidEscape(name)
	if len(notes) > 0 {
		escaped := make([]string, len(notes))
		for i, n := range notes {
			escaped[i] = mermaidEscape(n)
		}
		label += "<br/><i>" + strings.Join(escaped, "<br/>") + "</i>"
	}
	return label
}

// mermaidID is the node's Mermaid identifier: e_Name for events, p_Name for
// processors, b_Name for builders (which also keeps clear of keywords such
// as end). Names are .fw identifiers; anything else is spelled out so that
// distinct names keep distinct ids: "_" as "__", another character as
// _xHEX_.
func mermaidID(n node) string {
	var b strings.Builder
	switch n.kind {
	case processorNode:
		b.WriteString("p_")
	case builderNode:
		b.WriteString("b_")
	default:
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
