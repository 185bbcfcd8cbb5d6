package gen

import (
	"encoding/binary"
	"fmt"
	"maps"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"

	"github.com/fwgo/fw/dsl/ir"
	"github.com/fwgo/fw/dsl/space"
)

// This file builds the compiled matcher of one event type: every processor's
// cases for it, matched together. It is pure data (emitted as tables and
// lookups by matchgen.go) with a reference evaluator, eval, for the tests.
//
// Each field that some case tests is split into atoms: the space.Partition of
// its domain by every test set on it, so that each set holds an atom whole or
// not at all. A lookup maps the field's value to its atom index (a chain of
// comparisons, a direct table, a binary search unrolled into nested ifs or in
// a table, or, for strings, a switch on the cell of a few of their bytes for
// literals of one length that are many (litindex.go), a Go string switch for
// the other literals, then longest-prefix switches). The case rows (processors
// in order, each one's cases in order) are cut into groups of consecutive
// processors, each matched one of three ways:
//
//   - a table: the atoms of a field that no row of the group tells apart share
//     a class, and the table, indexed by the classes of the group's fields
//     (mixed radix), gives the match list: per processor, its first matching
//     row. Used when it has at most options.maxLeaves entries.
//   - else a decision graph: each node looks one field up and splits only the
//     rows still alive, so a field that one row in a thousand tests costs a node
//     with one exception rather than a table dimension. At most options.maxDAG
//     entries.
//   - else the processors are halved; a single processor that fits neither
//     keeps its case switch.
//
// Match lists are deduplicated across the event type. Route and DispatchAll
// concatenate the groups' lists, which follow processor order. The cost of an
// event is one lookup per tested field and one table read (or graph walk) per
// group, plus its deliveries: it does not grow with the processors whose
// patterns exclude it. Fields that no pattern tests are never read.

// strategy chooses how an event type is matched.
type strategy uint8

const (
	auto     strategy = iota // compiled above options.directRows case rows, else direct
	direct                   // per processor, a switch over its cases
	compiled                 // tables over every processor's cases
)

// options tune the generator; tests change them to reach every code path.
type options struct {
	strategy   strategy
	directRows int // auto: event types with at most this many case rows stay direct
	maxLeaves  int // cap on the entries of one group's table
	maxDAG     int // cap on the table entries of one group's decision graph
	// dagWork bounds the work (row-atom and row-field visits) of building the
	// tables and decision graphs of a package's matchers, all attempts
	// together: a matcher whose construction would pass it is given up, and
	// its event type keeps direct switches (as one over maxEntries does); the
	// matchers already built stay. 0: no bound.
	dagWork   int
	linearMax int // a lookup over at most this many cut points is a chain of comparisons
	denseMax  int // an int lookup whose cut points span fewer values than this is a direct table
	// intTreeMax: another int lookup over at most this many cut points is a
	// binary search unrolled into nested ifs (no loop, no table read), and one
	// over more searches a table.
	intTreeMax int
	callRows   int // DispatchAll calls the handlers of event types with more rows through fwCall<Event> (compiled) or Invoke (direct)
	// maxEntries caps the table entries of all compiled matchers of a package
	// together: event types are compiled in kind order while they fit, and the
	// others keep direct switches, so that a package of thousands of cases
	// does not generate (and gofmt) tens of megabytes of tables.
	maxEntries int
	partCases  int  // the processors of a source file are built and formatted in parts of about this many cases
	whole      bool // format each file whole rather than part by part (tests compare the two)
	// litIndexMin: a string lookup indexes the literals of one length (see
	// litIndex) when there are at least this many; 0 never indexes.
	litIndexMin int
}

var defaultOptions = options{
	strategy:    auto,
	directRows:  8,
	maxLeaves:   1 << 16,
	maxDAG:      1 << 17,
	dagWork:     1 << 23,
	linearMax:   4,
	denseMax:    256,
	intTreeMax:  4096,
	callRows:    16,
	maxEntries:  1 << 17,
	partCases:   256,
	litIndexMin: 16,
}

// entries counts the table entries m generates: its match lists, its groups'
// leaves and decision graphs, and its atom lookups (about one per atom).
func (m *matcher) entries() int {
	n := 0
	for _, l := range m.lists {
		n += 1 + len(l)
	}
	for _, g := range m.groups {
		n += groupEntries(g)
	}
	return n
}

// row is one case of one processor for the event type.
type row struct {
	proc  *ir.Processor
	cas   *ir.Case
	tests []rowTest
}

// rowTest is a test of a row on a matched field (index into matcher.fields).
type rowTest struct {
	field int
	set   space.Set
}

// matchField is a field that some row tests, with its atoms.
type matchField struct {
	field *ir.Field
	atoms []space.Atom
	// outside is set for enum fields: atom index len(atoms) holds the values of
	// the Go type that are no variant, which no test holds.
	outside bool
	lits    []string // strings: the listed literals and prefixes, for Witness
	prefs   []string
}

// natoms is the number of atom indexes, the outside atom included.
func (f *matchField) natoms() int {
	if f.outside {
		return len(f.atoms) + 1
	}
	return len(f.atoms)
}

// contains reports whether set s holds atom a of f.
func (f *matchField) contains(s space.Set, a int) bool {
	if a == len(f.atoms) {
		return false // outside
	}
	return s.ContainsAtom(f.atoms[a])
}

// group is a run of consecutive processors matched one way: by a table over
// the classes of its fields (mixed radix), by a decision graph, or (a single
// processor whose graph would be too large) by its case switch.
type group struct {
	kind   groupKind
	rows   []int // row indexes, ascending
	fields []int // tableGroup: matched fields that its rows test, ascending
	// class[i][a] is the class of atom a of fields[i]; nclass[i] counts them.
	class  [][]int
	nclass []int
	stride []int // leaf = Σ class[i][atom_i] * stride[i]
	leaves []int // leaf → match list
	dag    *dag  // dagGroup
	// switchGroup: rowList[k] is the match list holding only rows[k]; empty
	// is the empty list.
	rowList []int
	empty   int
}

type groupKind uint8

const (
	tableGroup groupKind = iota
	dagGroup
	switchGroup
)

// matcher is the compiled matching of one event type.
type matcher struct {
	ev     *ir.Event
	rows   []row
	fields []*matchField
	groups []*group
	lists  [][]int           // distinct match lists: rows, ascending
	listID map[string]int    // the lists by key (their rows as uvarints)
	key    []byte            // list's buffer
	first  []int             // firstPerProc's buffer
	accept map[[2]int][]bool // (row, field) → atom → the row's test on the field holds it
	// limit, if positive, is the most entries the matcher may have: once a
	// lower bound of entries() exceeds it, building stops and over is set (the
	// package's table budget would reject the matcher anyway).
	limit int
	over  bool
	spent int // entries of the lists and of the groups so far: entries() without the group being built
	work  int // work of tables and decision graphs so far, against workLimit
	// workLimit, if positive, bounds work: past it the matcher gives up (over
	// is set) and its event type keeps direct switches.
	workLimit int
}

// eventRows returns the case rows of ev: per processor in order, its cases for
// ev in order, up to the first that tests nothing (the later ones are dead).
func eventRows(pkg *ir.Package, ev *ir.Event) []row {
	var rows []row
	for _, p := range pkg.Processors {
		for _, c := range p.CasesFor(ev) {
			rows = append(rows, row{proc: p, cas: c})
			if c.Unconditional() {
				break
			}
		}
	}
	return rows
}

// useCompiled decides the strategy of ev.
func (o options) useCompiled(rows []row) bool {
	tested := false
	for _, r := range rows {
		tested = tested || len(r.cas.Tests) > 0
	}
	switch o.strategy {
	case direct:
		return false
	case compiled:
		return tested
	}
	return tested && len(rows) > o.directRows
}

// newMatcher builds the compiled matcher of ev from its rows.
func newMatcher(ev *ir.Event, rows []row, o options) *matcher {
	return newMatcherLimit(ev, rows, o, 0)
}

// newMatcherLimit is newMatcher that gives up (returns a matcher with over
// set) as soon as the matcher is sure to have more than limit entries, when
// limit is positive.
func newMatcherLimit(ev *ir.Event, rows []row, o options, limit int) *matcher {
	m := &matcher{ev: ev, rows: rows, listID: map[string]int{}, accept: map[[2]int][]bool{}, limit: limit, workLimit: o.dagWork}
	byField := map[*ir.Field]int{}
	var sets [][]space.Set
	for _, fd := range ev.Fields {
		for _, r := range rows {
			for _, t := range r.cas.Tests {
				if t.Field != fd {
					continue
				}
				i, ok := byField[fd]
				if !ok {
					i = len(m.fields)
					byField[fd] = i
					m.fields = append(m.fields, &matchField{field: fd, outside: fd.Type.Kind == ir.EnumType})
					sets = append(sets, nil)
				}
				sets[i] = append(sets[i], t.Set)
			}
		}
	}
	for i, f := range m.fields {
		f.atoms = space.Partition(f.field.Domain(), sets[i])
		f.lits, f.prefs = space.Lits(sets[i])
	}
	for i := range m.rows {
		for _, t := range m.rows[i].cas.Tests {
			m.rows[i].tests = append(m.rows[i].tests, rowTest{field: byField[t.Field], set: t.Set})
		}
	}
	m.list(nil) // list 0 is the empty list
	m.split(m.procRuns(), o)
	return m
}

// accepts returns, for each atom of field f, whether row r's test on f holds
// it; nil when r does not test f.
func (m *matcher) accepts(r, f int) []bool {
	k := [2]int{r, f}
	if acc, ok := m.accept[k]; ok {
		return acc
	}
	var acc []bool
	for _, t := range m.rows[r].tests {
		if t.field == f {
			fd := m.fields[f]
			acc = make([]bool, fd.natoms())
			for a := range acc {
				acc[a] = fd.contains(t.set, a)
			}
		}
	}
	m.accept[k] = acc
	return acc
}

// spendWork adds n to the matcher's work and reports whether it is still
// within workLimit; past it, it sets over.
func (m *matcher) spendWork(n int) bool {
	if m.workLimit <= 0 {
		return true
	}
	if m.work += n; m.work > m.workLimit {
		m.over = true
	}
	return !m.over
}

// tests reports whether row r tests field f (without building accepts(r, f):
// a table over the work budget is given up before it reads them).
func (m *matcher) tests(r, f int) bool {
	for _, t := range m.rows[r].tests {
		if t.field == f {
			return true
		}
	}
	return false
}

// used reports whether a table or graph reads field f (else only case switches
// test it, or nothing).
func (m *matcher) used(f int) bool {
	for _, g := range m.groups {
		if slices.Contains(g.fields, f) {
			return true
		}
		if g.dag != nil && slices.Contains(g.dag.order, f) {
			return true
		}
	}
	return false
}

// list returns the id of the match list rs, adding it if new.
func (m *matcher) list(rs []int) int {
	k := m.key[:0]
	for _, r := range rs {
		k = binary.AppendUvarint(k, uint64(r))
	}
	m.key = k
	if id, ok := m.listID[string(k)]; ok { // no allocation
		return id
	}
	m.lists = append(m.lists, slices.Clone(rs))
	m.listID[string(k)] = len(m.lists) - 1
	m.spend(1 + len(rs))
	return len(m.lists) - 1
}

// spend adds n entries to m.spent and sets m.over if that passes m.limit.
func (m *matcher) spend(n int) {
	m.spent += n
	if m.limit > 0 && m.spent > m.limit {
		m.over = true
	}
}

// groupEntries counts the entries of g other than its match lists (see entries).
func groupEntries(g *group) int {
	n := len(g.leaves) + len(g.rowList)
	if g.dag != nil {
		n += len(g.dag.next) + len(g.dag.dense) + len(g.dag.exc)
	}
	for _, c := range g.class {
		n += len(c)
	}
	return n
}

// firstPerProc returns the first of rs (ascending) of each processor, in a
// buffer that the next call reuses; a guarded row does not count as first:
// it is listed with the rows of its processor after it, up to the first
// unguarded one, and the generated code (as eval) takes the first row of
// each processor whose guard holds.
func (m *matcher) firstPerProc(rs []int) []int {
	out := m.first[:0]
	var closed *ir.Processor
	for _, r := range rs {
		if p := m.rows[r].proc; p != closed {
			out = append(out, r)
			if m.rows[r].cas.Guard == nil {
				closed = p
			}
		}
	}
	m.first = out
	return out
}

// guarded reports whether some row of m has a guard.
func (m *matcher) guarded() bool {
	return slices.ContainsFunc(m.rows, func(r row) bool { return r.cas.Guard != nil })
}

// procRuns splits the rows into runs of one processor each.
func (m *matcher) procRuns() [][]int {
	var runs [][]int
	for i, r := range m.rows {
		if i == 0 || m.rows[i-1].proc != r.proc {
			runs = append(runs, nil)
		}
		runs[len(runs)-1] = append(runs[len(runs)-1], i)
	}
	return runs
}

// split matches the processors of runs (consecutive) by a table if it fits
// the cap, else by a decision graph if that fits, else halves them; a single
// processor that fits neither keeps its case switch.
func (m *matcher) split(runs [][]int, o options) {
	if m.over {
		return
	}
	rows := slices.Concat(runs...)
	if g := m.table(rows, o.maxLeaves); g != nil || m.over {
		m.addGroup(g)
		return
	}
	if d := m.buildDAG(rows, o); m.over || d != nil && len(d.nodes) > 0 {
		if d != nil {
			m.addGroup(&group{kind: dagGroup, rows: rows, dag: d})
		}
		return
	}
	if len(runs) > 1 {
		m.split(runs[:len(runs)/2], o)
		m.split(runs[len(runs)/2:], o)
		return
	}
	g := &group{kind: switchGroup, rows: rows, empty: m.list(nil)}
	for _, r := range rows {
		g.rowList = append(g.rowList, m.list([]int{r}))
	}
	m.addGroup(g)
}

// addGroup appends g (if not nil) to m's groups and spends its entries.
func (m *matcher) addGroup(g *group) {
	if g != nil {
		m.groups = append(m.groups, g)
		m.spend(groupEntries(g))
	}
}

// classes numbers the atoms of field f by what rows rs make of them: atoms
// that every row's test on f holds alike share a class. Classes are numbered
// in order of their first atom.
func (m *matcher) classes(f int, rs []int) (class []int, n int) {
	class = make([]int, m.fields[f].natoms())
	ids := map[string]int{}
	key := make([]byte, 0, len(rs))
	for a := range class {
		key = key[:0]
		for _, r := range rs {
			if acc := m.accepts(r, f); acc != nil && !acc[a] {
				key = append(key, 0)
			} else {
				key = append(key, 1)
			}
		}
		id, ok := ids[string(key)]
		if !ok {
			id = len(ids)
			ids[string(key)] = id
		}
		class[a] = id
	}
	return class, len(ids)
}

// table returns the table group of rows, or nil when it would have more than
// max leaves.
func (m *matcher) table(rows []int, max int) *group {
	g := &group{rows: rows}
	nleaves := 1
	for f := range m.fields {
		var rs []int
		for _, r := range rows {
			if m.tests(r, f) {
				rs = append(rs, r)
			}
		}
		if len(rs) == 0 {
			continue
		}
		if !m.spendWork(len(rs) * m.fields[f].natoms()) {
			return nil
		}
		c, n := m.classes(f, rs)
		if nleaves *= n; nleaves > max {
			return nil
		}
		g.fields = append(g.fields, f)
		g.class = append(g.class, c)
		g.nclass = append(g.nclass, n)
	}
	if nleaves > max {
		return nil
	}
	g.stride = make([]int, len(g.fields))
	for i, n := len(g.fields)-1, 1; i >= 0; i-- {
		g.stride[i] = n
		n *= g.nclass[i]
	}
	// acc[i][c]: the rows of the group (bit k for rows[k]) that accept class
	// c of fields[i]; rows that do not test the field accept every class.
	words := (len(rows) + 63) / 64
	acc := make([][][]uint64, len(g.fields))
	for i, f := range g.fields {
		rep := make([]int, g.nclass[i]) // an atom of each class
		for a := len(g.class[i]) - 1; a >= 0; a-- {
			rep[g.class[i][a]] = a
		}
		acc[i] = make([][]uint64, g.nclass[i])
		for c := range acc[i] {
			bs := make([]uint64, words)
			for k, r := range rows {
				if ac := m.accepts(r, f); ac == nil || ac[rep[c]] {
					bs[k/64] |= 1 << (k % 64)
				}
			}
			acc[i][c] = bs
		}
	}
	g.leaves = make([]int, nleaves)
	// The group will be kept: its leaves and classes count against the limit.
	own := groupEntries(g)
	m.spend(own)
	bs := make([]uint64, words)
	var rs []int
	for leaf := range g.leaves {
		if m.over {
			return nil
		}
		for w := range bs {
			bs[w] = ^uint64(0)
		}
		for i := range g.fields {
			for w, x := range acc[i][leaf/g.stride[i]%g.nclass[i]] {
				bs[w] &= x
			}
		}
		rs = rs[:0]
		for w, x := range bs {
			for ; x != 0; x &= x - 1 {
				if k := w*64 + bits.TrailingZeros64(x); k < len(rows) {
					rs = append(rs, rows[k])
				}
			}
		}
		g.leaves[leaf] = m.list(m.firstPerProc(rs))
	}
	m.spent -= own // addGroup spends them
	return g
}

// A dag is a decision graph over the fields of a group: each node looks one
// field up and maps its atom to a class, the class to the next node or, at the
// end, to a match list. A node splits only the rows still alive (not yet ruled
// out, nor behind a row of their processor that is sure to match), so that
// a field tested by one row in a thousand costs a node with one exception, not
// a table dimension.
type dag struct {
	order []int // the fields, most atoms first
	nodes []dagNode
	next  []int // child references: below len(nodes) a node, else a match list + len(nodes)
	dense []int // dense class maps, each natoms long
	exc   [][2]int
	root  int // a reference, as in next
	size  int // table entries, against the cap
}

// dagNode is one node of a dag.
type dagNode struct {
	field int  // matched field
	dense bool // class is dense[lo+atom], else dflt unless exc[lo:hi] lists the atom
	dflt  int
	lo    int
	hi    int
	base  int // the child of class c is next[base+c]
}

// sparseMax is the most exceptions a node lists before its class map is dense.
const sparseMax = 8

// buildDAG returns the decision graph of rows, or nil when it would exceed
// the cap.
func (m *matcher) buildDAG(rows []int, o options) *dag {
	if m.over {
		return nil
	}
	d := &dag{}
	for f := range m.fields {
		if slices.ContainsFunc(rows, func(r int) bool { return m.tests(r, f) }) {
			d.order = append(d.order, f)
		}
	}
	slices.SortStableFunc(d.order, func(a, b int) int { return m.fields[b].natoms() - m.fields[a].natoms() })
	type ref struct{ node, list int } // list >= 0 for a leaf
	memo := map[string]ref{}
	denseIDs := map[string]int{}
	var refs [][]ref // per node, its children
	var build func(j int, alive []int) (ref, bool)
	build = func(j int, alive []int) (ref, bool) {
		// The work of a node is about its alive rows times the fields left
		// (pruning and memo keys) plus times its field's atoms (classes and
		// children): over the budget, give up as over maxDAG.
		if !m.spendWork(len(alive) * (1 + len(d.order) - j)) {
			return ref{}, false
		}
		// Per processor, keep the alive rows up to the first that no field
		// from j on can rule out: it is sure to match.
		var pruned []int
		var sure *ir.Processor
		for _, r := range alive {
			if p := m.rows[r].proc; p != sure {
				pruned = append(pruned, r)
				// A guarded row is never sure: its guard may fail.
				if m.rows[r].cas.Guard == nil && !slices.ContainsFunc(d.order[j:], func(f int) bool { return m.tests(r, f) }) {
					sure = p
				}
			}
		}
		alive = pruned
		for j < len(d.order) && !slices.ContainsFunc(alive, func(r int) bool { return m.tests(r, d.order[j]) }) {
			j++
		}
		if j == len(d.order) {
			l := m.list(m.firstPerProc(alive))
			return ref{-1, l}, !m.over
		}
		var key strings.Builder
		key.WriteString(strconv.Itoa(j) + ":")
		for _, r := range alive {
			key.WriteString(strconv.Itoa(r) + ",")
		}
		if r, ok := memo[key.String()]; ok {
			return r, true
		}
		f := d.order[j]
		if !m.spendWork(len(alive) * m.fields[f].natoms()) {
			return ref{}, false
		}
		class, n := m.classes(f, alive)
		// A class's rows: the alive rows that hold its atoms.
		rep := make([]int, n)
		for a := len(class) - 1; a >= 0; a-- {
			rep[class[a]] = a
		}
		nd := dagNode{field: f}
		count := make([]int, n)
		for _, c := range class {
			count[c]++
		}
		nd.dflt = 0
		for c := range count {
			if count[c] > count[nd.dflt] {
				nd.dflt = c
			}
		}
		if len(class)-count[nd.dflt] <= sparseMax {
			nd.lo = len(d.exc)
			for a, c := range class {
				if c != nd.dflt {
					d.exc = append(d.exc, [2]int{a, c})
				}
			}
			nd.hi = len(d.exc)
			d.size += nd.hi - nd.lo
		} else {
			nd.dense = true
			k := fmt.Sprint(class)
			lo, ok := denseIDs[k]
			if !ok {
				lo = len(d.dense)
				denseIDs[k] = lo
				d.dense = append(d.dense, class...)
				d.size += len(class)
			}
			nd.lo = lo
		}
		id := len(d.nodes)
		d.nodes = append(d.nodes, nd)
		refs = append(refs, nil)
		d.size += 1 + n
		if d.size > o.maxDAG {
			return ref{}, false
		}
		memo[key.String()] = ref{id, -1}
		kids := make([]ref, n)
		for c := range n {
			var next []int
			for _, r := range alive {
				if acc := m.accepts(r, f); acc == nil || acc[rep[c]] {
					next = append(next, r)
				}
			}
			k, ok := build(j+1, next)
			if !ok {
				return ref{}, false
			}
			kids[c] = k
		}
		refs[id] = kids
		return ref{id, -1}, true
	}
	root, ok := build(0, rows)
	if !ok {
		return nil
	}
	enc := func(r ref) int {
		if r.list >= 0 {
			return len(d.nodes) + r.list
		}
		return r.node
	}
	d.root = enc(root)
	for i := range d.nodes {
		d.nodes[i].base = len(d.next)
		for _, k := range refs[i] {
			d.next = append(d.next, enc(k))
		}
	}
	return d
}

// walk is the reference of the generated graph walk: the match list of the
// event whose field atoms are atoms.
func (d *dag) walk(atoms []int) int {
	ref := d.root
	for ref < len(d.nodes) {
		nd := d.nodes[ref]
		a := atoms[nd.field]
		c := nd.dflt
		if nd.dense {
			c = d.dense[nd.lo+a]
		} else {
			for _, e := range d.exc[nd.lo:nd.hi] {
				if e[0] == a {
					c = e[1]
					break
				}
			}
		}
		ref = d.next[nd.base+c]
	}
	return ref - len(d.nodes)
}

// A lookup is the plan of one field's atom lookup, shared by the generated code
// and the reference evaluator.
type lookup struct {
	kind  lookupKind
	cuts  []int64   // ints: atom i+1 starts at cuts[i]
	dense []int     // intDense: the atom of cuts[0]+k
	pts   []float64 // floats: the finite points, ascending
	// floats: atom of the gap below pts[j] (slot 2j, the last one above every
	// point) and of pts[j] (slot 2j+1); gaps too narrow to hold a float get -1.
	slots   []int
	negInf  int // floats: the atom of -Inf, of +Inf and of NaN
	posInf  int
	nan     int
	lits    map[string]int // strings: literal → atom
	litIdx  []*litIndex    // strings: the indexed literals, by ascending length; the others are switched on
	byLen   [][]string     // strings: prefixes grouped by length, longest first
	prefix  map[string]int // prefix → atom
	other   int            // strings: the atom of strings no literal or prefix claims
	nvar    int64          // enums: the number of variants; outside is atom len(atoms)
	outside int
}

type lookupKind uint8

const (
	intChain lookupKind = iota
	intDense
	intSearch
	intTree
	floatChain
	floatSearch
	strSwitch
	boolLookup
)

// plan returns the lookup of f.
func (f *matchField) plan(o options) *lookup {
	l := &lookup{outside: len(f.atoms)}
	if f.outside {
		l.nvar = int64(len(f.field.Type.Enum.Variants))
	}
	switch f.field.Domain().Kind {
	case space.Int:
		for _, a := range f.atoms[1:] {
			l.cuts = append(l.cuts, a.Lo)
		}
		span := uint64(l.cuts[len(l.cuts)-1]) - uint64(l.cuts[0])
		switch {
		case len(l.cuts) <= o.linearMax:
			l.kind = intChain
		case span < uint64(o.denseMax):
			l.kind = intDense
			a := 0
			for v := l.cuts[0]; ; v++ {
				for a+1 < len(f.atoms) && f.atoms[a+1].Lo <= v {
					a++
				}
				l.dense = append(l.dense, a)
				if v == l.cuts[len(l.cuts)-1] {
					break
				}
			}
		case len(l.cuts) <= o.intTreeMax:
			l.kind = intTree
		default:
			l.kind = intSearch
		}
	case space.Float:
		l.kind = floatChain
		for i, a := range f.atoms {
			switch a.Kind {
			case space.AtomPoint:
				switch {
				case math.IsInf(a.F, -1):
					l.negInf = i
				case math.IsInf(a.F, 1):
					l.posInf = i
				default:
					l.pts = append(l.pts, a.F)
				}
			case space.AtomNaN:
				l.nan = i
			}
		}
		l.slots = make([]int, 2*len(l.pts)+1)
		for i := range l.slots {
			l.slots[i] = -1
		}
		j := 0 // points seen
		for i, a := range f.atoms {
			switch {
			case a.Kind == space.AtomPoint && !math.IsInf(a.F, 0):
				l.slots[2*j+1] = i
				j++
			case a.Kind == space.AtomOpen:
				l.slots[2*j] = i
			}
		}
		if len(l.pts) > o.linearMax {
			l.kind = floatSearch
		}
	case space.String:
		l.kind = strSwitch
		l.lits, l.prefix = map[string]int{}, map[string]int{}
		l.other = -1
		for i, a := range f.atoms {
			switch a.Kind {
			case space.AtomLit:
				l.lits[a.S] = i
			case space.AtomPrefix:
				l.prefix[a.S] = i
				n := len(a.S)
				k := slices.IndexFunc(l.byLen, func(ps []string) bool { return len(ps[0]) == n })
				if k < 0 {
					l.byLen = append(l.byLen, nil)
					k = len(l.byLen) - 1
				}
				l.byLen[k] = append(l.byLen[k], a.S)
			case space.AtomOtherStr:
				l.other = i
			}
		}
		slices.SortFunc(l.byLen, func(a, b []string) int { return len(b[0]) - len(a[0]) })
		if o.litIndexMin > 0 {
			byLen := map[int][]string{}
			for _, a := range f.atoms {
				if a.Kind == space.AtomLit {
					byLen[len(a.S)] = append(byLen[len(a.S)], a.S)
				}
			}
			for _, n := range slices.Sorted(maps.Keys(byLen)) {
				if lits := byLen[n]; len(lits) >= o.litIndexMin {
					if x := newLitIndex(lits); x != nil {
						l.litIdx = append(l.litIdx, x)
					}
				}
			}
		}
		if l.other < 0 { // the prefix "" claims every other string
			l.other = l.prefix[""]
			if n := len(l.byLen); n > 0 && l.byLen[n-1][0] == "" {
				l.byLen = l.byLen[:n-1]
			}
		}
	default:
		l.kind = boolLookup
	}
	return l
}

// atomOf is the reference of the generated lookup: the atom index of v.
func (l *lookup) atomOf(v space.Value) int {
	switch l.kind {
	case intChain, intDense, intSearch, intTree:
		x := v.Int
		if l.nvar > 0 && (x < 0 || x >= l.nvar) {
			return l.outside
		}
		switch l.kind {
		case intChain:
			for i, c := range l.cuts {
				if x < c {
					return i
				}
			}
			return len(l.cuts)
		case intDense:
			if x < l.cuts[0] {
				return 0
			}
			if d := uint64(x) - uint64(l.cuts[0]); d < uint64(len(l.dense)) {
				return l.dense[d]
			}
			return len(l.cuts)
		}
		n, _ := slices.BinarySearch(l.cuts, x)
		if n < len(l.cuts) && l.cuts[n] == x {
			n++
		}
		return n
	case floatChain, floatSearch:
		x := v.Float
		switch {
		case x != x:
			return l.nan
		case x < -math.MaxFloat64:
			return l.negInf
		case x > math.MaxFloat64:
			return l.posInf
		}
		j := 0 // points <= x
		for j < len(l.pts) && l.pts[j] <= x {
			j++
		}
		if j > 0 && l.pts[j-1] == x {
			return l.slots[2*j-1]
		}
		return l.slots[2*j]
	case strSwitch:
		if x := l.indexOf(len(v.Str)); x != nil {
			for _, lit := range x.cells[x.cell(v.Str)] {
				if lit == v.Str {
					return l.lits[lit]
				}
			}
		} else if a, ok := l.lits[v.Str]; ok {
			return a
		}
		for _, ps := range l.byLen {
			if n := len(ps[0]); len(v.Str) >= n {
				if a, ok := l.prefix[v.Str[:n]]; ok {
					return a
				}
			}
		}
		return l.other
	}
	if v.Bool {
		return 1
	}
	return 0
}

// value reads the value of a field for eval.
type valueFunc func(*ir.Field) space.Value

// eval is the reference of the generated matcher: the rows that an event with
// these field values matches, as Route lists them.
func (m *matcher) eval(o options, val valueFunc) []int {
	atoms := make([]int, len(m.fields))
	for i, f := range m.fields {
		if m.used(i) {
			atoms[i] = f.plan(o).atomOf(val(f.field))
		}
	}
	var out []int
	for _, g := range m.groups {
		switch g.kind {
		case switchGroup:
			for _, r := range g.rows {
				if m.rows[r].holds(val) && guardHolds(m.rows[r].cas.Guard, val) {
					out = append(out, r)
					break
				}
			}
		case dagGroup:
			out = append(out, m.lists[g.dag.walk(atoms)]...)
		default:
			leaf := 0
			for i, f := range g.fields {
				leaf += g.class[i][atoms[f]] * g.stride[i]
			}
			out = append(out, m.lists[g.leaves[leaf]]...)
		}
	}
	return m.served(out, val)
}

// served keeps of the rows rs (a concatenation of match lists) the first of
// each processor whose guard holds, as the generated code does.
func (m *matcher) served(rs []int, val valueFunc) []int {
	out := rs[:0]
	var done *ir.Processor
	for _, r := range rs {
		if p := m.rows[r].proc; p != done && guardHolds(m.rows[r].cas.Guard, val) {
			out = append(out, r)
			done = p
		}
	}
	return out
}

// guardHolds evaluates guard g (true when nil) on the values, in the
// semantics of the generated code (Go's: no comparison holds for NaN but
// !=, strings compare bytewise, len counts bytes). It models the scalar
// types only, as the matcher's tests do: space.Value holds no time.
func guardHolds(g *ir.Guard, val valueFunc) bool {
	if g == nil {
		return true
	}
	switch g.Op {
	case ir.GuardAnd:
		return guardHolds(g.X, val) && guardHolds(g.Y, val)
	case ir.GuardOr:
		return guardHolds(g.X, val) || guardHolds(g.Y, val)
	case ir.GuardNot:
		return !guardHolds(g.X, val)
	case ir.GuardBool:
		return val(g.L.Field).Bool
	}
	l, r := operandValue(g.L, val), operandValue(g.R, val)
	t := g.L.Type
	if g.L.Kind == ir.OperandLen || g.R.Kind == ir.OperandLen {
		t = ir.Type{Kind: ir.Int}
	}
	var c int
	switch t.Kind {
	case ir.Float:
		x, y := l.Float, r.Float
		if math.IsNaN(x) || math.IsNaN(y) {
			return g.Cmp == "!="
		}
		c = cmpOf(x, y)
	case ir.String, ir.Bytes:
		c = strings.Compare(l.Str, r.Str)
	case ir.Bool:
		c = cmpOf(b2i(l.Bool), b2i(r.Bool))
	default: // ints, enums (uint32 values, never negative), lens
		c = cmpOf(l.Int, r.Int)
	}
	switch g.Cmp {
	case "==":
		return c == 0
	case "!=":
		return c != 0
	case "<":
		return c < 0
	case "<=":
		return c <= 0
	case ">":
		return c > 0
	}
	return c >= 0
}

// operandValue is the value of a guard's operand.
func operandValue(o ir.Operand, val valueFunc) space.Value {
	switch o.Kind {
	case ir.OperandBind:
		return val(o.Field)
	case ir.OperandLen:
		return space.Value{Int: int64(len(val(o.Field).Str))}
	}
	return o.Lit
}

func cmpOf[T int64 | float64](x, y T) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// holds reports whether every test of r holds for the values.
func (r row) holds(val valueFunc) bool {
	for _, t := range r.cas.Tests {
		if !t.Set.Contains(val(t.Field)) {
			return false
		}
	}
	return true
}
