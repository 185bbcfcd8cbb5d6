package gen

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"

	"github.com/fwgo/fw/dsl/ir"
	"github.com/fwgo/fw/dsl/space"
)

// This file emits the compiled matchers of match.go: per event type, one
// package-level table (fwTable<Event>), one atom lookup method per tested field
// (fwAtom<Field>) and the match method (fwMatch) that Route and DispatchAll call.

// matchers returns the compiled matcher of each event kind, nil where the event
// type is matched by direct switches (few rows, or the package's table budget,
// options.maxEntries, is spent). The first call builds them; the parts that
// need them may call it concurrently.
func (g *generator) matchers() []*matcher {
	g.matchOnce.Do(func() {
		g.match = make([]*matcher, len(g.pkg.Events))
		used, work := 0, 0
		for _, ev := range g.pkg.Events {
			// A compiled matcher's rows are deliveries without a key
			// group: a partitioned processor's cases are switches.
			if rows := eventRows(g.pkg, ev); g.opt.useCompiled(rows) && !g.receivedByPartitioned(ev) {
				o, left := g.opt, 0
				if o.maxEntries > 0 { // no group may take more than what is left
					left = o.maxEntries - used
					if left < o.maxEntries/16 { // too little left to be worth building
						continue
					}
					o.maxLeaves, o.maxDAG = min(o.maxLeaves, left), min(o.maxDAG, left)
				}
				if o.dagWork > 0 { // the package's tables and decision graphs share one work budget
					o.dagWork = max(o.dagWork-work, 1)
				}
				// One that would not fit is given up as soon as that is sure.
				m := newMatcherLimit(ev, rows, o, left)
				work += m.work
				if n := m.entries(); !m.over && (g.opt.maxEntries <= 0 || used+n <= g.opt.maxEntries) {
					g.match[ev.Kind] = m
					used += n
				}
			}
		}
	})
	return g.match
}

func tableName(ev *ir.Event) string { return "fwTable" + ev.Name }

// uintType is the smallest unsigned type that holds max.
func uintType(max int) string {
	switch {
	case max <= math.MaxUint8:
		return "uint8"
	case max <= math.MaxUint16:
		return "uint16"
	}
	return "uint32"
}

// arrayLit renders [len(items)]typ{...}: perLine items a line, or, when
// comments is set, one item a line with its comment.
func arrayLit(typ string, items, comments []string, perLine int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "[%d]%s{", len(items), typ)
	writeItems(&b, items, comments, perLine)
	if len(items) > 0 {
		b.WriteString("\n")
	}
	b.WriteString("}")
	return b.String()
}

// writeItems writes the items of arrayLit, each line after a newline.
func writeItems(b *strings.Builder, items, comments []string, perLine int) {
	for i, it := range items {
		switch {
		case comments != nil:
			b.WriteString("\n" + it + ", // " + comments[i])
		case i%perLine == 0:
			b.WriteString("\n" + it + ",")
		default:
			b.WriteString(" " + it + ",")
		}
	}
}

// arrayTexts holds the long array literals of a part, which go/format would
// spend most of the part's time on (it measures every element of a composite
// literal), in the part's code as placeholders: the literal [n]T{fwArray<i>,}
// (see lit). renderPart formats the part, then writes the items in place of the
// placeholders as go/format writes them: at the placeholder's indentation,
// perLine a line, separated by ", ", each followed by a comma.
type arrayTexts struct {
	arrays []arrayText
}

type arrayText struct {
	items   []string
	perLine int
}

// lit is arrayLit(typ, items, nil, perLine) in a part's code: with the items
// held in a, if a is not nil.
func (a *arrayTexts) lit(typ string, items []string, perLine int) string {
	if a == nil || len(items) == 0 {
		return arrayLit(typ, items, nil, perLine)
	}
	a.arrays = append(a.arrays, arrayText{items, perLine})
	return fmt.Sprintf("[%d]%s{\n%s%d,\n}", len(items), typ, arrayPlaceholder, len(a.arrays)-1)
}

const arrayPlaceholder = "fwArrayItems"

// fill writes code with the items of a in place of its placeholders: code
// formatted (each placeholder on a line of its own, then indented like
// it), or as it was before formatting (each placeholder between newlines).
func (a *arrayTexts) fill(code []byte, formatted bool) []byte {
	if a == nil || len(a.arrays) == 0 {
		return code
	}
	var b strings.Builder
	for line := range strings.Lines(string(code)) {
		item := strings.TrimLeft(line, "\t")
		indent := line[:len(line)-len(item)]
		n, ok := strings.CutPrefix(strings.TrimSuffix(item, "\n"), arrayPlaceholder)
		i, err := strconv.Atoi(strings.TrimSuffix(n, ","))
		if !ok || !strings.HasSuffix(n, ",") || err != nil || i < 0 || i >= len(a.arrays) {
			b.WriteString(line)
			continue
		}
		arr := a.arrays[i]
		if !formatted {
			var items strings.Builder
			writeItems(&items, arr.items, nil, arr.perLine)
			b.WriteString(items.String()[1:] + "\n")
			continue
		}
		for j, it := range arr.items {
			switch {
			case j%arr.perLine == 0:
				b.WriteString(indent + it + ",")
			default:
				b.WriteString(" " + it + ",")
			}
			if j%arr.perLine == arr.perLine-1 || j == len(arr.items)-1 {
				b.WriteString("\n")
			}
		}
	}
	return []byte(b.String())
}

func itoas(xs []int) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = strconv.Itoa(x)
	}
	return out
}

// tableField is one field of an fwTable struct: its declaration and value.
type tableField struct {
	name, typ, comment, value string
}

// matchCode emits the compiled matchers and the helpers they use.
func (g *generator) matchCode(f *jen.File, a *arrayTexts) {
	var searchInt, searchFloat, dags bool
	for _, m := range g.matchers() {
		if m == nil {
			continue
		}
		plans := make([]*lookup, len(m.fields))
		for i, fd := range m.fields {
			plans[i] = fd.plan(g.opt)
			if m.used(i) {
				searchInt = searchInt || plans[i].kind == intSearch
				searchFloat = searchFloat || plans[i].kind == floatSearch
			}
		}
		g.matchTable(f, m, plans, a)
		for i, fd := range m.fields {
			if m.used(i) {
				g.atomMethod(f, m, fd, plans[i])
			}
		}
		g.matchMethod(f, m)
		if m.guarded() {
			g.guardMethod(f, m)
		}
		if len(m.rows) > g.opt.callRows {
			g.callMethod(f, m)
		}
		for gi, gr := range m.groups {
			if gr.kind == dagGroup {
				g.walkMethod(f, m, gi, gr)
				dags = true
			}
		}
	}
	if dags {
		f.Comment("fwNode is a node of a decision graph (see the fwWalk methods).")
		f.Type().Id("fwNode").Struct(
			jen.Id("field").Uint32().Comment("the field to look up"),
			jen.Id("dense").Bool().Comment("the class of atom a is dense[lo+a], else dflt unless exc[lo:hi] lists a"),
			jen.List(jen.Id("dflt"), jen.Id("lo"), jen.Id("hi")).Uint32(),
			jen.Id("base").Uint32().Comment("the next reference of class c is next[base+c]"),
		)
		f.Comment("fwExc is an exception of a node's class map.")
		f.Type().Id("fwExc").Struct(jen.List(jen.Id("atom"), jen.Id("class")).Uint32())
	}
	if searchInt {
		f.Comment("fwSearchInt64 returns how many of the ascending cuts are <= v.")
		f.Func().Id("fwSearchInt64").Params(jen.Id("cuts").Index().Int64(), jen.Id("v").Int64()).Int().Block(searchBody()...)
	}
	if searchFloat {
		f.Comment("fwSearchFloat64 returns how many of the ascending points are <= v (v is no NaN).")
		f.Func().Id("fwSearchFloat64").Params(jen.Id("cuts").Index().Float64(), jen.Id("v").Float64()).Int().Block(searchBody()...)
	}
}

func searchBody() []jen.Code {
	return []jen.Code{
		jen.List(jen.Id("i"), jen.Id("j")).Op(":=").List(jen.Lit(0), jen.Len(jen.Id("cuts"))),
		jen.For(jen.Id("i").Op("<").Id("j")).Block(
			jen.Id("h").Op(":=").Int().Parens(jen.Uint().Parens(jen.Id("i").Op("+").Id("j")).Op(">>").Lit(1)),
			jen.If(jen.Id("cuts").Index(jen.Id("h")).Op("<=").Id("v")).Block(
				jen.Id("i").Op("=").Id("h").Op("+").Lit(1),
			).Else().Block(
				jen.Id("j").Op("=").Id("h"),
			),
		),
		jen.Return(jen.Id("i")),
	}
}

// size describes the rows of m.
func (m *matcher) size() string {
	return plural(len(m.rows), "case") + " of " + plural(len(m.procRuns()), "processor")
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// groupDoc describes the processors of a group.
func (m *matcher) groupDoc(gr *group) string {
	first, last := m.rows[gr.rows[0]].proc, m.rows[gr.rows[len(gr.rows)-1]].proc
	if first == last {
		return "processor " + first.Name
	}
	return "processors " + first.Name + " to " + last.Name
}

// matchTable emits fwTable<Event>.
func (g *generator) matchTable(f *jen.File, m *matcher, plans []*lookup, a *arrayTexts) {
	ev := m.ev
	rowType := uintType(len(m.rows) - 1)
	var flat []int
	var spans []string
	for _, l := range m.lists {
		spans = append(spans, fmt.Sprintf("{%d, %d}", len(flat), len(flat)+len(l)))
		flat = append(flat, l...)
	}
	listType := uintType(len(m.lists) - 1)
	spanType := "[2]" + uintType(len(flat))

	var rows, rowDocs []string
	for _, r := range m.rows {
		rows = append(rows, fmt.Sprintf("{Proc: %d, Case: %d}", r.proc.Index, r.cas.Index))
		rowDocs = append(rowDocs, r.proc.Name+": "+r.cas.Name)
	}
	fields := []tableField{
		{"rows", fmt.Sprintf("[%d]fwimpl.Delivery", len(rows)), "row → delivery: the cases for " + ev.Name + ", in processor order", arrayLit("fwimpl.Delivery", rows, rowDocs, 0)},
		{"lists", fmt.Sprintf("[%d]%s", len(spans), spanType), "match list l is match[lists[l][0]:lists[l][1]]", a.lit(spanType, spans, 8)},
		{"match", fmt.Sprintf("[%d]%s", len(flat), rowType), "the match lists: rows, per processor its first matching case", a.lit(rowType, itoas(flat), 16)},
	}
	for i, fd := range m.fields {
		p, name := plans[i], fd.name
		if !m.used(i) {
			continue
		}
		switch p.kind {
		case intDense:
			vals := itoas(p.dense)
			fields = append(fields, tableField{"dense_" + name, fmt.Sprintf("[%d]%s", len(vals), uintType(len(fd.atoms))),
				fmt.Sprintf("the atom of %s for each value from %d", fd.key, p.cuts[0]), a.lit(uintType(len(fd.atoms)), vals, 16)})
		case intSearch:
			vals := make([]string, len(p.cuts))
			for j, c := range p.cuts {
				vals[j] = strconv.FormatInt(c, 10)
			}
			fields = append(fields, tableField{"cuts_" + name, fmt.Sprintf("[%d]int64", len(vals)),
				fmt.Sprintf("atom i+1 of %s starts at cuts_%s[i]", fd.key, name), a.lit("int64", vals, 8)})
		case strSwitch:
			for _, x := range p.litIdx {
				fields = append(fields, litIndexField(fd, x))
			}
		case floatSearch:
			vals := make([]string, len(p.pts))
			for j, v := range p.pts {
				vals[j] = formatFloat(v)
			}
			slots := make([]int, len(p.slots))
			for j, a := range p.slots {
				slots[j] = max(a, 0)
			}
			fields = append(fields,
				tableField{"pts_" + name, fmt.Sprintf("[%d]float64", len(vals)),
					fmt.Sprintf("the finite points that split %s, ascending", fd.key), a.lit("float64", vals, 8)},
				tableField{"slots_" + name, fmt.Sprintf("[%d]%s", len(slots), uintType(len(fd.atoms))),
					fmt.Sprintf("the atom below pts_%s[j] (2j; the last is above them all) and at it (2j+1)", name),
					a.lit(uintType(len(fd.atoms)), itoas(slots), 16)})
		}
	}
	for gi, gr := range m.groups {
		doc := m.groupDoc(gr)
		if gr.kind == switchGroup {
			continue
		}
		if gr.kind == dagGroup {
			fields = append(fields, dagFields(gi, gr.dag, doc, a)...)
			continue
		}
		if len(gr.fields) == 1 {
			// One field: the leaf table is indexed by its atoms directly.
			fd := m.fields[gr.fields[0]]
			vals := make([]int, fd.natoms())
			for a := range vals {
				vals[a] = gr.leaves[gr.class[0][a]]
			}
			fields = append(fields, tableField{fmt.Sprintf("leaf%d", gi), fmt.Sprintf("[%d]%s", len(vals), listType),
				fmt.Sprintf("%s: the match list of each atom of %s", doc, fd.key), a.lit(listType, itoas(vals), 16)})
			continue
		}
		var names []string
		for i, fi := range gr.fields {
			fd := m.fields[fi]
			names = append(names, fd.key)
			offs := make([]int, fd.natoms())
			for a := range offs {
				offs[a] = gr.class[i][a] * gr.stride[i]
			}
			t := uintType(len(gr.leaves) - 1)
			fields = append(fields, tableField{fmt.Sprintf("off%d_%s", gi, fd.name), fmt.Sprintf("[%d]%s", len(offs), t),
				fmt.Sprintf("%s: the leaf offset of each atom of %s", doc, fd.key), a.lit(t, itoas(offs), 16)})
		}
		what := "the match list of each leaf (the sum of the offsets of " + strings.Join(names, ", ") + ")"
		if len(gr.fields) == 0 {
			what = "the match list of every " + ev.Name
		}
		fields = append(fields, tableField{fmt.Sprintf("leaf%d", gi), fmt.Sprintf("[%d]%s", len(gr.leaves), listType),
			doc + ": " + what, a.lit(listType, itoas(gr.leaves), 16)})
	}

	name := tableName(ev)
	f.Commentf("%s is the compiled matching of %s events: %s in %s", name, ev.Name, m.size(), plural(len(m.groups), "group"))
	f.Commentf("(see %s.fwMatch). Each field that a case tests is split into atoms, sets of", ev.Name)
	f.Comment("values that every pattern holds whole or not at all; a group's table (or decision")
	f.Comment("graph) maps the atoms to a match list: per processor, its first matching case.")
	var decl []jen.Code
	var vals strings.Builder
	vals.WriteString("{\n")
	for _, tf := range fields {
		decl = append(decl, jen.Id(tf.name).Id(tf.typ).Comment(tf.comment))
		vals.WriteString(tf.name + ": " + tf.value + ",\n")
	}
	vals.WriteString("}")
	f.Var().Id(name).Op("=").Struct(decl...).Id(vals.String())
}

// dagFields are the tables of a decision graph.
func dagFields(gi int, d *dag, doc string, a *arrayTexts) []tableField {
	var nodes, next, dense, exc []string
	for _, nd := range d.nodes {
		nodes = append(nodes, fmt.Sprintf("{%d, %t, %d, %d, %d, %d}", nd.field, nd.dense, nd.dflt, nd.lo, nd.hi, nd.base))
	}
	next = itoas(d.next)
	dense = itoas(d.dense)
	for _, e := range d.exc {
		exc = append(exc, fmt.Sprintf("{%d, %d}", e[0], e[1]))
	}
	out := []tableField{
		{fmt.Sprintf("nodes%d", gi), fmt.Sprintf("[%d]fwNode", len(nodes)), doc + ": the nodes of the decision graph", a.lit("fwNode", nodes, 4)},
		{fmt.Sprintf("next%d", gi), fmt.Sprintf("[%d]uint32", len(next)), doc + ": the next references of the classes", a.lit("uint32", next, 16)},
	}
	if len(dense) > 0 {
		out = append(out, tableField{fmt.Sprintf("dense%d", gi), fmt.Sprintf("[%d]uint32", len(dense)), doc + ": the dense class maps", a.lit("uint32", dense, 16)})
	}
	if len(exc) > 0 {
		out = append(out, tableField{fmt.Sprintf("exc%d", gi), fmt.Sprintf("[%d]fwExc", len(exc)), doc + ": the exceptions of the sparse class maps", a.lit("fwExc", exc, 8)})
	}
	return out
}

// atomDoc describes an atom for comments.
func atomDoc(fd *matchField, a int) string {
	switch {
	case a == fd.nilAtom():
		return "nil"
	case a == len(fd.atoms):
		return "no variant"
	}
	at := fd.atoms[a]
	d := fd.field.Domain()
	switch at.Kind {
	case space.AtomInts:
		if at.Lo == at.Hi {
			return space.FormatValue(d, space.Value{Int: at.Lo})
		}
		return space.Set{Kind: space.Int, Ints: []space.IntRange{{Lo: at.Lo, Hi: at.Hi}}}.Format(d)
	case space.AtomPoint:
		return space.FormatFloat(at.F)
	case space.AtomOpen:
		return "> " + space.FormatFloat(at.F) + " & < " + space.FormatFloat(at.G)
	case space.AtomNaN:
		return "nan"
	case space.AtomLit:
		return strconv.Quote(at.S)
	case space.AtomPrefix:
		return "prefix " + strconv.Quote(at.S)
	case space.AtomOtherStr:
		return "any other string"
	case space.AtomRecord:
		return "present"
	}
	return strconv.FormatBool(at.B)
}

// atomMethod emits fwAtom<Field>, the atom lookup of one field.
func (g *generator) atomMethod(f *jen.File, m *matcher, fd *matchField, p *lookup) {
	ev, name := m.ev, fd.name
	tbl := jen.Id(tableName(ev))
	ret := func(a int) *jen.Statement { return jen.Return(jen.Lit(a)) }
	var body []jen.Code
	// An absent field, or record on the way, is the nil atom.
	for i, pf := range fd.path {
		if pf.Optional {
			body = append(body, jen.If(fieldExpr(jen.Id("e"), fd.path[:i+1]).Op("==").Nil()).Block(ret(p.nilAtom)))
		}
	}
	x := valueExpr(jen.Id("e"), fd.path)
	if fd.field.Optional && (fd.field.Type.Kind == ir.String || fd.field.Type.Kind == ir.Bytes) && len(fd.atoms) > 1 {
		// A switch and slices read the value: read the pointer once.
		body = append(body, jen.Id("s").Op(":=").Add(x))
		x = jen.Id("s")
	}
	switch p.kind {
	case presence:
		body = append(body, ret(0))
	case intChain, intDense, intSearch, intTree:
		enum := fd.field.Type.Kind == ir.EnumType
		lit := func(v int64) *jen.Statement {
			if enum {
				return jen.Id(fd.field.Type.Enum.Name + fd.field.Type.Enum.Variants[v])
			}
			return jen.Op(strconv.FormatInt(v, 10))
		}
		if p.kind == intChain && len(p.cuts) == 0 && !enum {
			body = append(body, ret(0)) // one atom: only nil is told apart
			break
		}
		body = append(body, jen.Id("v").Op(":=").Add(x))
		var chain []jen.Code
		if enum {
			chain = append(chain, jen.Case(jen.Id("v").Op(">=").Lit(int(p.nvar))).Add(ret(p.outside)).Comment("no variant"))
		}
		switch p.kind {
		case intChain:
			for i, c := range p.cuts {
				chain = append(chain, jen.Case(jen.Id("v").Op("<").Add(lit(c))).Add(ret(i)))
			}
			body = append(body, jen.Switch().Block(chain...), ret(len(p.cuts)))
		case intDense:
			chain = append(chain, jen.Case(jen.Id("v").Op("<").Add(lit(p.cuts[0]))).Add(ret(0)))
			dense := tbl.Clone().Dot("dense_" + name)
			diff := jen.Id("v").Op("-").Add(lit(p.cuts[0]))
			if !enum && p.cuts[0] < 0 {
				diff = jen.Id("v").Op("-").Parens(lit(p.cuts[0]))
			}
			body = append(body,
				jen.Switch().Block(chain...),
				jen.If(jen.Id("d").Op(":=").Uint64().Parens(diff), jen.Id("d").Op("<").Uint64().Parens(jen.Len(dense))).Block(
					jen.Return(jen.Int().Parens(dense.Clone().Index(jen.Id("d"))))),
				ret(len(p.cuts)))
		case intSearch:
			v := jen.Id("v")
			if enum {
				v = jen.Int64().Parens(v)
				body = append(body, jen.Switch().Block(chain...))
			}
			body = append(body, jen.Return(jen.Id("fwSearchInt64").Call(tbl.Clone().Dot("cuts_"+name).Index(jen.Op(":")), v)))
		case intTree:
			if enum {
				body = append(body, jen.Switch().Block(chain...))
			}
			body = append(body, cutTree(p.cuts, 0, len(p.cuts), lit)...)
		}
	case floatChain, floatSearch:
		v := jen.Id("v")
		chain := []jen.Code{
			jen.Case(jen.Qual("math", "IsNaN").Call(v)).Add(ret(p.nan)),
			jen.Case(v.Clone().Op("<").Op("-").Qual("math", "MaxFloat64")).Add(ret(p.negInf)).Comment("-inf"),
		}
		body = append(body, jen.Id("v").Op(":=").Add(x))
		if p.kind == floatChain {
			for j := 0; j <= len(p.pts); j++ {
				hi := jen.Qual("math", "MaxFloat64")
				op := "<="
				if j < len(p.pts) {
					hi, op = jen.Op(formatFloat(p.pts[j])), "<"
				}
				if p.slots[2*j] >= 0 {
					chain = append(chain, jen.Case(v.Clone().Op(op).Add(hi)).Add(ret(p.slots[2*j])))
				}
				if j < len(p.pts) {
					chain = append(chain, jen.Case(v.Clone().Op("<=").Op(formatFloat(p.pts[j]))).Add(ret(p.slots[2*j+1])))
				}
			}
			body = append(body, jen.Switch().Block(chain...), ret(p.posInf).Comment("inf"))
			break
		}
		chain = append(chain, jen.Case(v.Clone().Op(">").Qual("math", "MaxFloat64")).Add(ret(p.posInf)).Comment("inf"))
		pts, slots := tbl.Clone().Dot("pts_"+name), tbl.Clone().Dot("slots_"+name)
		body = append(body,
			jen.Switch().Block(chain...),
			jen.Id("j").Op(":=").Id("fwSearchFloat64").Call(pts.Clone().Index(jen.Op(":")), v),
			jen.If(jen.Id("j").Op(">").Lit(0).Op("&&").Add(pts.Clone()).Index(jen.Id("j").Op("-").Lit(1)).Op("==").Id("v")).Block(
				jen.Return(jen.Int().Parens(slots.Clone().Index(jen.Lit(2).Op("*").Id("j").Op("-").Lit(1))))),
			jen.Return(jen.Int().Parens(slots.Clone().Index(jen.Lit(2).Op("*").Id("j")))))
	case strSwitch:
		s := x
		slice := func(n int) *jen.Statement { return x.Clone().Index(jen.Op(":").Lit(n)) }
		if fd.field.Type.Kind == ir.Bytes {
			// A switch on string(b) does not allocate.
			s = jen.String().Parens(x)
			slice = func(n int) *jen.Statement { return jen.String().Parens(x.Clone().Index(jen.Op(":").Lit(n))) }
		}
		if len(p.litIdx) > 0 {
			body = append(body, jen.Switch(jen.Len(x.Clone())).BlockFunc(func(sw *jen.Group) {
				for _, li := range p.litIdx {
					sw.Case(jen.Lit(li.n)).Block(litIndexSwitch(tbl.Clone().Dot(litField(name, li.n)), li, x, s, p.lits)...)
				}
			}))
		}
		rest := slices.ContainsFunc(fd.atoms, func(a space.Atom) bool { return a.Kind == space.AtomLit && p.indexOf(len(a.S)) == nil })
		if rest {
			body = append(body, jen.Switch(s).BlockFunc(func(sw *jen.Group) {
				for _, a := range fd.atoms {
					if a.Kind == space.AtomLit && p.indexOf(len(a.S)) == nil {
						sw.Case(jen.Lit(a.S)).Add(ret(p.lits[a.S]))
					}
				}
			}))
		}
		for _, ps := range p.byLen {
			n := len(ps[0])
			body = append(body, jen.If(jen.Len(x).Op(">=").Lit(n)).Block(jen.Switch(slice(n)).BlockFunc(func(sw *jen.Group) {
				for _, pr := range ps {
					sw.Case(jen.Lit(pr)).Add(ret(p.prefix[pr])).Comment("prefix")
				}
			})))
		}
		body = append(body, ret(p.other))
	case boolLookup:
		body = append(body, jen.If(x).Block(ret(1)), ret(0))
	}
	f.Commentf("fwAtom%s returns the atom of e.%s in %s.", name, selector(fd.path), tableName(ev))
	if n := fd.natoms(); n <= 8 {
		var docs []string
		for a := 0; a < n; a++ {
			docs = append(docs, fmt.Sprintf("%d: %s", a, atomDoc(fd, a)))
		}
		f.Comment("Atoms: " + strings.Join(docs, "; "))
	} else {
		f.Commentf("%s has %d atoms.", fd.key, n)
	}
	f.Func().Params(jen.Id("e").Op("*").Id(ev.Name)).Id("fwAtom" + name).Params().Int().Block(body...)
}

// selector is the Go selector of the field at path: Customer.Address.City.
func selector(path []*ir.Field) string {
	parts := make([]string, len(path))
	for i, f := range path {
		parts[i] = GoName(f.Name)
	}
	return strings.Join(parts, ".")
}

// cutTree is the binary search of v among cuts[lo:hi], unrolled into nested
// ifs: it returns the number of cuts <= v, the cuts before lo being <= v and
// those from hi on not.
func cutTree(cuts []int64, lo, hi int, lit func(int64) *jen.Statement) []jen.Code {
	if lo == hi {
		return []jen.Code{jen.Return(jen.Lit(lo))}
	}
	mid := (lo + hi) / 2
	return append([]jen.Code{jen.If(jen.Id("v").Op("<").Add(lit(cuts[mid]))).Block(cutTree(cuts, lo, mid, lit)...)},
		cutTree(cuts, mid+1, hi, lit)...)
}

// litField is the name of the table field of the index of the n-byte literals
// of field name.
func litField(name string, n int) string { return fmt.Sprintf("lit_%s_%d", name, n) }

// litIndexField is the table field of index x of field fd: per position read,
// each byte's cell offset.
func litIndexField(fd *matchField, x *litIndex) tableField {
	t := uintType(len(x.cells) - 1)
	var items []string
	for i, bs := range x.bytes {
		var b strings.Builder
		b.WriteString("{")
		for j, c := range bs {
			if j%8 == 0 {
				b.WriteString("\n")
			} else {
				b.WriteString(" ")
			}
			fmt.Fprintf(&b, "%s: %d,", byteLit(c), x.off[i][c])
		}
		b.WriteString("\n}")
		items = append(items, b.String())
	}
	return tableField{litField(fd.name, x.n), fmt.Sprintf("[%d][256]%s", len(x.pos), t),
		fmt.Sprintf("the cell offset of each byte at %s of the %d-byte literals of %s", positions(x.pos), x.n, fd.key),
		arrayLit("[256]"+t, items, nil, 1)}
}

// byteLit is the Go literal of b: a quoted character if printable ASCII.
func byteLit(b byte) string {
	if b < utf8.RuneSelf && strconv.IsPrint(rune(b)) {
		return strconv.QuoteRune(rune(b))
	}
	return fmt.Sprintf("0x%02x", b)
}

// positions describes byte positions: "byte 3", "bytes 2, 3 and 4".
func positions(pos []int) string {
	ps := itoas(pos)
	if len(ps) == 1 {
		return "byte " + ps[0]
	}
	return "bytes " + strings.Join(ps[:len(ps)-1], ", ") + " and " + ps[len(ps)-1]
}

// litIndexSwitch is the lookup of the literals of index x (in table field
// field), reading the field as x (its bytes) and s (a string): the switch on
// the cell, each case comparing s with the cell's literals and returning the
// atom of the one it equals. A string equal to none leaves the switch.
func litIndexSwitch(field *jen.Statement, x *litIndex, xs, s *jen.Statement, atoms map[string]int) []jen.Code {
	var cell *jen.Statement
	for i, p := range x.pos {
		t := field.Clone().Index(jen.Lit(i)).Index(xs.Clone().Index(jen.Lit(p)))
		if cell == nil {
			cell = t
		} else {
			cell = cell.Op("+").Add(t)
		}
	}
	verb := "pick"
	if len(x.pos) == 1 {
		verb = "picks"
	}
	return []jen.Code{
		jen.Commentf("%s: %s %s one of %d cells.", plural(x.nlits, "literal"), positions(x.pos), verb, len(x.cells)),
		jen.Switch(cell).BlockFunc(func(sw *jen.Group) {
			for c, lits := range x.cells {
				switch len(lits) {
				case 0:
				case 1:
					sw.Case(jen.Lit(c)).Block(jen.If(s.Clone().Op("==").Lit(lits[0])).Block(jen.Return(jen.Lit(atoms[lits[0]]))))
				default:
					sw.Case(jen.Lit(c)).Block(jen.Switch(s.Clone()).BlockFunc(func(ls *jen.Group) {
						for _, l := range lits {
							ls.Case(jen.Lit(l)).Block(jen.Return(jen.Lit(atoms[l])))
						}
					}))
				}
			}
		}),
	}
}

// matchMethod emits fwMatch: the rows of the event's table that it matches.
func (g *generator) matchMethod(f *jen.File, m *matcher) {
	ev := m.ev
	tbl := jen.Id(tableName(ev))
	rowType := uintType(len(m.rows) - 1)
	list := func(l jen.Code) *jen.Statement {
		span := tbl.Clone().Dot("lists").Index(l)
		return tbl.Clone().Dot("match").Index(span.Clone().Index(jen.Lit(0)).Op(":").Add(span.Clone()).Index(jen.Lit(1)))
	}
	call := func(fi int) jen.Code { return jen.Id("ev").Dot("fwAtom" + m.fields[fi].name).Call() }
	// leaf is the match list of group gi, reading the atom of field fi as atom(fi).
	leaf := func(gi int, gr *group, atom func(int) jen.Code) *jen.Statement {
		switch {
		case gr.kind == dagGroup:
			return jen.Id("ev").Dot(fmt.Sprintf("fwWalk%d", gi)).Call()
		case len(gr.fields) == 0:
			return tbl.Clone().Dot(fmt.Sprintf("leaf%d", gi)).Index(jen.Lit(0))
		case len(gr.fields) == 1:
			return tbl.Clone().Dot(fmt.Sprintf("leaf%d", gi)).Index(atom(gr.fields[0]))
		}
		var sum *jen.Statement
		for _, fi := range gr.fields {
			off := tbl.Clone().Dot(fmt.Sprintf("off%d_%s", gi, m.fields[fi].name)).Index(atom(fi))
			if sum == nil {
				sum = off
			} else {
				sum = sum.Op("+").Add(off)
			}
		}
		return tbl.Clone().Dot(fmt.Sprintf("leaf%d", gi)).Index(sum)
	}

	f.Commentf("fwMatch returns the rows of %s.rows that ev matches: per processor with a", tableName(ev))
	if len(m.groups) == 1 && m.groups[0].kind != switchGroup {
		f.Comment("matching case, the first one, in processor order.")
		// One span read (not lists[l][0] and lists[l][1]): the method stays
		// cheap enough for the compiler to inline.
		span := jen.Id("span")
		f.Func().Params(jen.Id("ev").Op("*").Id(ev.Name)).Id("fwMatch").Params().Index().Id(rowType).Block(
			jen.Add(span).Op(":=").Add(tbl.Clone().Dot("lists").Index(leaf(0, m.groups[0], call))),
			jen.Return(tbl.Clone().Dot("match").Index(span.Clone().Index(jen.Lit(0)).Op(":").Add(span.Clone()).Index(jen.Lit(1)))),
		)
		return
	}
	f.Comment("matching case, the first one, in processor order: the lists of the groups of")
	f.Comment("processors, in order.")
	var body []jen.Code
	// Look each field that tables read up once: several may read it.
	var names, calls []jen.Code
	for fi, fd := range m.fields {
		if slices.ContainsFunc(m.groups, func(gr *group) bool { return slices.Contains(gr.fields, fi) }) {
			names = append(names, jen.Id("a"+fd.name))
			calls = append(calls, call(fi))
		}
	}
	if len(names) > 0 {
		body = append(body, jen.List(names...).Op(":=").List(calls...))
	}
	atom := func(fi int) jen.Code { return jen.Id("a" + m.fields[fi].name) }
	for gi, gr := range m.groups {
		l := jen.Id(fmt.Sprintf("l%d", gi))
		switch gr.kind {
		case switchGroup:
			body = append(body,
				jen.Comment(m.groupDoc(gr)+": its case switch (its decision graph would be too large)"),
				jen.Add(l).Op(":=").Id(uintType(len(m.lists)-1)).Parens(jen.Lit(gr.empty)),
				jen.Switch().BlockFunc(func(sw *jen.Group) {
					for k, r := range gr.rows {
						c := m.rows[r].cas
						if c.Unconditional() {
							sw.Default().Add(l.Clone()).Op("=").Lit(gr.rowList[k])
							return
						}
						sw.Case(caseCond(c)).Add(l.Clone()).Op("=").Lit(gr.rowList[k])
					}
				}))
		case dagGroup:
			body = append(body, jen.Comment(m.groupDoc(gr)+": a decision graph"), jen.Add(l).Op(":=").Add(leaf(gi, gr, atom)))
		default:
			body = append(body, jen.Comment(m.groupDoc(gr)+": a table"), jen.Add(l).Op(":=").Add(leaf(gi, gr, atom)))
		}
		body = append(body, jen.Id("m").Index(jen.Lit(gi)).Op("=").Add(list(l)))
	}
	body = append(body, jen.Return())
	f.Func().Params(jen.Id("ev").Op("*").Id(ev.Name)).Id("fwMatch").Params().Params(
		jen.Id("m").Index(jen.Lit(len(m.groups))).Index().Id(rowType)).Block(body...)
}

// guardMethod emits fwGuard, which tells whether the guard of a row holds
// (true for a row without one).
func (g *generator) guardMethod(f *jen.File, m *matcher) {
	ev := m.ev
	f.Commentf("fwGuard reports whether the guard of row r of %s.rows holds for ev (true for a row without one).", tableName(ev))
	f.Func().Params(jen.Id("ev").Op("*").Id(ev.Name)).Id("fwGuard").Params(jen.Id("r").Id(uintType(len(m.rows)-1))).Bool().Block(
		jen.Switch(jen.Id("r")).BlockFunc(func(sw *jen.Group) {
			for i, r := range m.rows {
				if r.cas.Guard != nil {
					sw.Case(jen.Lit(i)).Block(jen.Comment(r.proc.Name+": "+r.cas.Name), jen.Return(guardCond(r.cas.Guard, false)))
				}
			}
		}),
		jen.Return(jen.True()),
	)
}

// callMethod emits fwCall<Event>, which DispatchAll uses for event types with
// many rows: the handler call of a row, with its bound values.
func (g *generator) callMethod(f *jen.File, m *matcher) {
	ev := m.ev
	f.Commentf("fwCall%s calls the handler of row r of %s.rows with its bound values.", ev.Name, tableName(ev))
	f.Func().Params(jen.Id("d").Op("*").Id("fwDispatcher")).Id("fwCall"+ev.Name).Params(
		jen.Id("c").Op("*").Add(rt("Call")), jen.Id("r").Id(uintType(len(m.rows)-1)), jen.Id("ev").Op("*").Id(ev.Name),
	).Error().Block(
		jen.Switch(jen.Id("r")).BlockFunc(func(sw *jen.Group) {
			for i, r := range m.rows {
				sw.Case(jen.Lit(i)).Block(jen.Comment(r.proc.Name+": "+r.cas.Name), jen.Return(handlerCall(r.proc, r.cas, jen.Id("ev"))))
			}
		}),
		jen.Return(jen.Nil()),
	)
}

// walkMethod emits fwWalk<group>, the walk of a group's decision graph.
func (g *generator) walkMethod(f *jen.File, m *matcher, gi int, gr *group) {
	d := gr.dag
	tbl := func(name string) *jen.Statement { return jen.Id(tableName(m.ev)).Dot(fmt.Sprintf("%s%d", name, gi)) }
	n := len(d.nodes)
	hasDense, hasExc := len(d.dense) > 0, len(d.exc) > 0
	var lookup []jen.Code
	switch {
	case hasDense && hasExc:
		lookup = []jen.Code{jen.If(jen.Id("nd").Dot("dense")).Block(
			jen.Id("c").Op("=").Uint32().Parens(tbl("dense").Index(jen.Id("nd").Dot("lo").Op("+").Id("a"))),
		).Else().Block(excLoop(tbl("exc")))}
	case hasDense:
		lookup = []jen.Code{jen.Id("c").Op("=").Uint32().Parens(tbl("dense").Index(jen.Id("nd").Dot("lo").Op("+").Id("a")))}
	default:
		lookup = []jen.Code{excLoop(tbl("exc"))}
	}
	f.Commentf("fwWalk%d returns the match list of %s: it walks their decision", gi, m.groupDoc(gr))
	f.Commentf("graph from the root. Node i (%s.nodes%d[i]) looks one field up and maps", tableName(m.ev), gi)
	f.Comment("its atom to a class (a dense map, or a default and exceptions), and the class to the")
	f.Commentf("next node, or past the last node (%d) to a match list.", n)
	f.Func().Params(jen.Id("ev").Op("*").Id(m.ev.Name)).Id(fmt.Sprintf("fwWalk%d", gi)).Params().Uint32().Block(
		jen.Id("ref").Op(":=").Uint32().Parens(jen.Lit(d.root)),
		jen.For(jen.Id("ref").Op("<").Lit(n)).Block(
			jen.Id("nd").Op(":=").Op("&").Add(tbl("nodes")).Index(jen.Id("ref")),
			jen.Var().Id("a").Uint32(),
			jen.Switch(jen.Id("nd").Dot("field")).BlockFunc(func(sw *jen.Group) {
				for _, fi := range d.order {
					sw.Case(jen.Lit(fi)).Id("a").Op("=").Uint32().Parens(jen.Id("ev").Dot("fwAtom" + m.fields[fi].name).Call())
				}
			}),
			jen.Id("c").Op(":=").Id("nd").Dot("dflt"),
			jen.Add(lookup...),
			jen.Id("ref").Op("=").Add(tbl("next")).Index(jen.Id("nd").Dot("base").Op("+").Id("c")),
		),
		jen.Return(jen.Id("ref").Op("-").Lit(n)),
	)
}

func excLoop(exc *jen.Statement) jen.Code {
	return jen.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Add(exc).Index(jen.Id("nd").Dot("lo").Op(":").Id("nd").Dot("hi"))).Block(
		jen.If(jen.Id("e").Dot("atom").Op("==").Id("a")).Block(
			jen.Id("c").Op("=").Id("e").Dot("class"),
			jen.Break(),
		),
	)
}

// compiledBody is the body of Route's or DispatchAll's case for an event type
// with a compiled matcher: for each row that fwMatch gives, the delivery.
func (g *generator) compiledBody(m *matcher, route bool, deliver func(*ir.Processor, *ir.Case) jen.Code) []jen.Code {
	ev := m.ev
	var each []jen.Code
	if m.guarded() {
		// A match list holds, per processor, its rows up to the first
		// unguarded one: the first whose guard holds is delivered.
		each = append(each,
			jen.Id("p").Op(":=").Id(tableName(ev)).Dot("rows").Index(jen.Id("r")).Dot("Proc"),
			jen.If(jen.Id("p").Op("==").Id("served").Op("||").Op("!").Id("ev").Dot("fwGuard").Call(jen.Id("r"))).Block(jen.Continue()),
			jen.Id("served").Op("=").Id("p"),
		)
	}
	if route {
		each = append(each, jen.Id("dst").Op("=").Append(jen.Id("dst"), jen.Id(tableName(ev)).Dot("rows").Index(jen.Id("r"))))
	} else if len(m.rows) > g.opt.callRows {
		// Many rows: the calls are in fwCall<Event>, so that DispatchAll stays
		// small enough for the compiler to inline Begin and End.
		each = append(each,
			jen.Id("dl").Op(":=").Id(tableName(ev)).Dot("rows").Index(jen.Id("r")),
			jen.If(
				jen.Id("c").Op(":=").Add(g.beginCallKG(jen.Id("dl").Dot("Proc"), nil, jen.Id("dl").Dot("Case"))),
				jen.Id("c").Op("!=").Nil(),
			).Block(jen.Id("x").Dot("End").Call(jen.Id("d").Dot("fwCall"+ev.Name).Call(jen.Id("c"), jen.Id("r"), jen.Id("ev")))),
		)
	} else {
		each = append(each, jen.Switch(jen.Id("r")).BlockFunc(func(sw *jen.Group) {
			for i, r := range m.rows {
				sw.Case(jen.Lit(i)).Block(jen.Comment(r.proc.Name+": "+r.cas.Name), deliver(r.proc, r.cas))
			}
		}))
	}
	var match, decl jen.Code
	if route && !m.guarded() {
		match = jen.Id("m").Dot("Ev").Assert(jen.Op("*").Id(ev.Name)).Dot("fwMatch").Call()
	} else {
		decl = jen.Id("ev").Op(":=").Id("m").Dot("Ev").Assert(jen.Op("*").Id(ev.Name))
		match = jen.Id("ev").Dot("fwMatch").Call()
	}
	var served jen.Code
	if m.guarded() {
		served = jen.Id("served").Op(":=").Int32().Parens(jen.Lit(-1))
	}
	var loop jen.Code
	if len(m.groups) == 1 && m.groups[0].kind != switchGroup {
		loop = jen.For(jen.List(jen.Id("_"), jen.Id("r")).Op(":=").Range().Add(match)).Block(each...)
	} else {
		loop = jen.For(jen.List(jen.Id("_"), jen.Id("rs")).Op(":=").Range().Add(match)).Block(
			jen.For(jen.List(jen.Id("_"), jen.Id("r")).Op(":=").Range().Id("rs")).Block(each...))
	}
	comment := jen.Commentf("%s: compiled (%s).", m.size(), tableName(ev))
	out := []jen.Code{comment, loop}
	if served != nil {
		out = []jen.Code{comment, served, loop}
	}
	if decl != nil {
		out = append([]jen.Code{decl}, out...)
	}
	return out
}
