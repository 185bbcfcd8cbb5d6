package check

import (
	"cmp"
	"slices"
	"strings"

	"github.com/fwgo/fw/dsl/ir"
	"github.com/fwgo/fw/dsl/space"
)

// The usefulness analysis follows Maranget, "Warnings for pattern matching"
// (JFP 2007): a vector of value sets q is useful with respect to the rows P of
// a match when some value in q matches no row of P. Cases are unreachable when
// not useful with respect to the earlier cases; a match is exhaustive when the
// all-wildcard vector is not useful.
//
// Columns are the fields that some case tests. As rustc_pattern_analysis does
// with integer ranges, each column's domain is split into atoms (see
// space.Partition): sets of values that every pattern of the column either
// contains whole or not at all. A cell is then a set of atoms, and the
// algorithm specialises a column by groups of atoms instead of by
// constructors: atoms that the same rows contain behave alike, so each such
// group is explored once. Failures are memoised by (column, rows, cells of q
// from the column on), and shared by the searches of a matrix.

// maxSteps bounds the work of one search, and maxMatrixSteps that of all the
// searches of one matrix (variables, for the tests). Usefulness is NP-complete in the number of columns;
// past the bound a search gives up, the rule that asked stays silent rather
// than guess, and [analysis-incomplete] says so.
var (
	maxSteps       = 200_000
	maxMatrixSteps = 2_000_000
)

// matrix holds the cases of one processor for one event type.
type matrix struct {
	ev   *ir.Event
	rows []*caseInfo // in source order
	cols []*column
	// guarded holds the rows of guarded cases, which cover nothing: they
	// are asked about (is the case reachable?) but never count as covering.
	guarded bitset
	steps   int // of all searches so far
	// incomplete: some search gave up, so a rule may have stayed silent
	// about a case, an alternative or a missing value.
	incomplete bool
	// failed[c] holds the sub-problems at column c that have no answer:
	// a row set and the cells of q from c on. They hold whatever the search
	// that found them, so every search of the matrix shares them.
	failed []map[string]struct{}
}

// column is one tested field of a matrix.
type column struct {
	field          *ir.Field
	dom            space.Domain
	atoms          []space.Atom
	lits, prefixes []string // every literal and prefix of the column, for witnesses
	cells          []bitset // per row: the atoms its pattern matches; nil when it does not test the field
	runs           [][]run  // per row: the cell as maximal runs of consecutive atoms
	rowsOf         []bitset // per atom: the rows whose cell holds it (nil cells included)
	wild           bitset   // the rows that do not test the field
	all            bitset   // every atom
}

// newMatrix builds the matrix of rows, cases of event ev whose patterns
// checked without error.
func newMatrix(ev *ir.Event, rows []*caseInfo) *matrix {
	m := &matrix{ev: ev, rows: rows, guarded: newBitset(len(rows))}
	for i, r := range rows {
		if r.guarded {
			m.guarded.set(i)
		}
	}
	for _, f := range ev.Fields {
		var sets []space.Set
		for _, r := range rows {
			if fi := r.field(f); fi != nil {
				sets = append(sets, fi.set)
				// The alternatives of a `|` are asked about one by one
				// (coveredAlternatives): each must be a union of atoms.
				if len(fi.top) > 1 {
					for _, p := range fi.top {
						sets = append(sets, p.set)
					}
				}
			}
		}
		if len(sets) == 0 {
			continue
		}
		col := &column{field: f, dom: f.Domain()}
		col.atoms = partition(col.dom, sets)
		col.lits, col.prefixes = space.Lits(sets)
		col.all = fullBitset(len(col.atoms))
		col.cells = make([]bitset, len(rows))
		col.rowsOf = make([]bitset, len(col.atoms))
		col.wild = newBitset(len(rows))
		col.runs = make([][]run, len(rows))
		for i, r := range rows {
			if fi := r.field(f); fi != nil {
				col.cells[i] = cover(col.dom, col.atoms, fi.set)
				col.runs[i] = runsOf(col.cells[i])
			} else {
				col.wild.set(i)
			}
		}
		for a := range col.atoms {
			col.rowsOf[a] = col.wild.clone()
		}
		for i, cell := range col.cells {
			for a := range cell.all {
				col.rowsOf[a].set(i)
			}
		}
		m.cols = append(m.cols, col)
	}
	// Splitting the small columns first keeps the search tree narrow near
	// its root, where the most rows are left.
	slices.SortStableFunc(m.cols, func(a, b *column) int { return cmp.Compare(len(a.atoms), len(b.atoms)) })
	return m
}

// run is the atoms lo, ..., hi-1.
type run struct{ lo, hi int }

// runEnd is an end of a run: at atom at, row enters (or leaves) the row set.
type runEnd struct {
	at, row int
	enter   bool
}

// runsOf returns the members of b as maximal runs.
func runsOf(b bitset) []run {
	var out []run
	for i := range b.all {
		if n := len(out); n > 0 && out[n-1].hi == i {
			out[n-1].hi++
		} else {
			out = append(out, run{i, i + 1})
		}
	}
	return out
}

// field returns the pattern of the case for f, or nil when it does not test f.
func (ci *caseInfo) field(f *ir.Field) *fieldInfo {
	for _, fi := range ci.fields {
		if fi.field == f && !fi.full {
			return fi
		}
	}
	return nil
}

// cell returns the atoms that row i matches in column c.
func (m *matrix) cell(i, c int) bitset {
	if cell := m.cols[c].cells[i]; cell != nil {
		return cell
	}
	return m.cols[c].all
}

// overlapping returns the rows among cands whose patterns share a value with
// q (a cell per column).
func (m *matrix) overlapping(q []bitset, cands bitset) bitset {
	out := cands.clone()
	for c, col := range m.cols {
		if q[c].equal(col.all) {
			continue // every row has a value in common with the whole domain
		}
		inter := newBitset(len(m.rows))
		for a := range q[c].all {
			inter.orWith(col.rowsOf[a])
		}
		out.andWith(inter)
		if !out.any() {
			break
		}
	}
	return out
}

// rowCells returns the cells of row i, one per column.
func (m *matrix) rowCells(i int) []bitset {
	q := make([]bitset, len(m.cols))
	for c := range m.cols {
		q[c] = m.cell(i, c)
	}
	return q
}

// search is one usefulness question: is some value of q matched by none of
// the rows it is asked about?
type search struct {
	m         *matrix
	q         []bitset
	coverFrom []bitset // coverFrom[c]: rows whose cells contain q in every column from c on
	qkeys     []string // qkeys[c]: the cells of q from column c on, as a key
	keyBuf    []byte
	wit       []bitset // when useful: per column, atoms of a value that no row matches
	ends      []runEnd // scratch space of groups
	steps     int
	aborted   bool
}

// useful looks for a value of q that none of rows matches: s.isUseful()
// tells whether there is one, and s.wit then holds it.
func (m *matrix) useful(q []bitset, rows bitset) *search {
	s := &search{m: m, q: q, wit: make([]bitset, len(m.cols))}
	n := len(m.cols)
	if m.failed == nil {
		m.failed = make([]map[string]struct{}, n)
	}
	s.qkeys = make([]string, n+1)
	for c := n - 1; c >= 0; c-- {
		s.qkeys[c] = q[c].key() + s.qkeys[c+1]
	}
	s.coverFrom = make([]bitset, n+1)
	s.coverFrom[n] = rows.clone()
	for c := n - 1; c >= 0; c-- {
		s.coverFrom[c] = s.coverFrom[c+1].clone()
		for r := range s.coverFrom[c].all {
			if cell := m.cols[c].cells[r]; cell != nil && !q[c].subsetOf(cell) {
				s.coverFrom[c][r/64] &^= 1 << (r % 64)
			}
		}
	}
	if !s.run(0, rows) {
		s.wit = nil
	}
	return s
}

// isUseful reports whether the search found a value, or gave up
// (s.aborted): an unproven case counts as reachable.
func (s *search) isUseful() bool { return s.wit != nil }

// run answers the question for columns col and on, given rows, the rows that
// match the atoms chosen for the columns before col.
func (s *search) run(col int, rows bitset) bool {
	if !rows.any() {
		for c := col; c < len(s.q); c++ {
			s.wit[c] = s.q[c]
		}
		return true
	}
	if col == len(s.q) || rows.intersects(s.coverFrom[col]) {
		return false // some row matches all that is left of q
	}
	if _, ok := s.m.failed[col][string(s.key(rows, col))]; ok {
		return false
	}
	s.steps++
	if s.m.steps++; s.steps > maxSteps || s.m.steps > maxMatrixSteps {
		s.aborted = true
		s.m.incomplete = true
		for c := col; c < len(s.q); c++ {
			s.wit[c] = s.q[c]
		}
		return true
	}
	for _, g := range s.groups(col, rows) {
		if s.run(col+1, g.rows) {
			s.wit[col] = g.atoms
			return true
		}
	}
	if s.m.failed[col] == nil {
		s.m.failed[col] = map[string]struct{}{}
	}
	s.m.failed[col][string(s.key(rows, col))] = struct{}{}
	return false
}

// key returns the key of a sub-problem in m.failed, in a buffer that the
// next call reuses (a map lookup of string(key) does not allocate).
func (s *search) key(rows bitset, col int) []byte {
	s.keyBuf = append(append(s.keyBuf[:0], rows.key()...), s.qkeys[col]...)
	return s.keyBuf
}

// group is a set of atoms of one column that the same rows contain.
type group struct {
	atoms, rows bitset
	n           int // number of rows
}

// groups splits the atoms of q in column col by the rows (among rows) that
// contain them. Rows that do not test the field contain every atom; for the
// others, the row set changes only at the ends of the runs of their cells, so
// a sweep over those ends finds the groups without visiting every atom.
// Groups with fewer rows come first: they lead to a witness soonest.
func (s *search) groups(col int, rows bitset) []*group {
	c := s.m.cols[col]
	q := s.q[col]
	cur := rows.and(c.wild)
	spec := rows.clone()
	for i := range spec {
		spec[i] &^= c.wild[i]
	}
	if !spec.any() {
		return []*group{{atoms: q, rows: cur, n: cur.count()}}
	}
	if q.count() <= smallColumn {
		return s.smallGroups(col, rows)
	}
	ends := s.ends[:0]
	for r := range spec.all {
		for _, ru := range c.runs[r] {
			ends = append(ends, runEnd{ru.lo, r, true}, runEnd{ru.hi, r, false})
		}
	}
	slices.SortFunc(ends, func(a, b runEnd) int { return cmp.Compare(a.at, b.at) })
	s.ends = ends

	var gs []*group
	index := map[string]*group{}
	add := func(lo, hi int) {
		if lo >= hi || !q.anyIn(lo, hi) {
			return
		}
		k := cur.key()
		g := index[k]
		if g == nil {
			r := cur.clone()
			g = &group{atoms: newBitset(len(c.atoms)), rows: r, n: r.count()}
			index[k] = g
			gs = append(gs, g)
		}
		g.atoms.orRange(q, lo, hi)
	}
	prev := 0
	for _, e := range ends {
		if e.at != prev {
			add(prev, e.at)
			prev = e.at
		}
		if e.enter {
			cur.set(e.row)
		} else {
			cur[e.row/64] &^= 1 << (e.row % 64)
		}
	}
	add(prev, len(c.atoms))
	slices.SortStableFunc(gs, func(a, b *group) int { return cmp.Compare(a.n, b.n) })
	return gs
}

// smallColumn is the number of atoms of q up to which groups finds the row
// set of each atom directly, without sorting the ends of runs.
const smallColumn = 16

// smallGroups is groups for few atoms: the rows of each atom are rows ∩
// rowsOf[atom], and atoms of equal row sets go together.
func (s *search) smallGroups(col int, rows bitset) []*group {
	c := s.m.cols[col]
	q := s.q[col]
	n := q.count()
	// One allocation for the groups and one for their bits.
	slab := make([]group, n)
	words := make(bitset, n*(len(rows)+len(q)))
	gs := make([]*group, 0, n)
	for a := range q.all {
		r := bitset(words[:len(rows):len(rows)])
		for i := range r {
			r[i] = rows[i] & c.rowsOf[a][i]
		}
		var g *group
		for _, h := range gs {
			if h.rows.equal(r) {
				g = h
				break
			}
		}
		if g == nil {
			words = words[len(rows):]
			g = &slab[len(gs)]
			g.rows, g.n = r, r.count()
			g.atoms = words[:len(q):len(q)]
			words = words[len(q):]
			gs = append(gs, g)
		}
		g.atoms.set(a)
	}
	slices.SortStableFunc(gs, func(a, b *group) int { return cmp.Compare(a.n, b.n) })
	return gs
}

// formatWitness renders a witness in pattern syntax: Order{status: CANCELLED, amount: 0},
// with `_` for a tested field whose every value would do.
func (m *matrix) formatWitness(wit []bitset) string {
	byField := make([]string, len(m.ev.Fields))
	for c, col := range m.cols {
		v := "_"
		if !wit[c].equal(col.all) {
			v = space.FormatValue(col.dom, witness(col, wit[c]))
		}
		byField[col.field.Index] = col.field.Name + ": " + v
	}
	parts := slices.DeleteFunc(byField, func(s string) bool { return s == "" })
	return m.ev.Name + "{" + strings.Join(parts, ", ") + "}"
}
