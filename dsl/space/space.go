// Package space is the value-set algebra behind patterns: the set of values of
// one field that a field pattern accepts, for every field type, and the
// partition of a field's domain into atoms that the usefulness analysis (lint)
// and the compiled matcher (gen) both work on.
//
// Ints (and enums, over [0, n-1]) are unions of disjoint inclusive intervals.
// Floats are unions of intervals over [-Inf, +Inf], with or without their ends,
// plus a NaN flag; -0.0 is the same value as 0.0. Strings (and bytes) are a
// finite union of literals and prefixes, or the complement of a finite set of
// literals. Bools are a subset of {false, true}.
//
// An optional field's domain also holds nil, its absence: a set may hold it
// (Set.Nil) beside values, and it is an atom of its own. A record field is
// matched only on its presence (its fields are domains of their own): the
// domain of kind Record has one value, a present record, and nil when the
// field is optional.
package space

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Kind is the kind of a domain.
type Kind uint8

const (
	Int Kind = iota // int64, and enums as variant indexes
	Float
	String // strings and bytes
	Bool
	Record // the presence of a record: its one value is a present record
)

// Domain is the universe of one field: its kind, and for Int its bounds
// ([MinInt64, MaxInt64] for ints, [0, n-1] for an enum of n variants).
type Domain struct {
	Kind     Kind
	Min, Max int64
	Variants []string // enum variant names, for messages; nil for plain ints
	Optional bool     // nil (absent) is a value of the domain too
	Unit     Unit     // Int: what the ints stand for, for messages
}

// Unit tells what the values of an Int domain stand for.
type Unit uint8

const (
	Plain    Unit = iota // ints, enum variants
	Time                 // instants, as Unix nanoseconds
	Duration             // durations, in nanoseconds
)

// Values returns d without nil: the domain of the values of an optional field.
func (d Domain) Values() Domain {
	d.Optional = false
	return d
}

// IntDomain is the domain of int64 fields.
func IntDomain() Domain { return Domain{Kind: Int, Min: math.MinInt64, Max: math.MaxInt64} }

// EnumDomain is the domain of an enum with these variants.
func EnumDomain(variants []string) Domain {
	return Domain{Kind: Int, Min: 0, Max: int64(len(variants)) - 1, Variants: variants}
}

// IntRange is the inclusive interval [Lo, Hi].
type IntRange struct{ Lo, Hi int64 }

// FloatRange is an interval of floats; Lo may be -Inf and Hi +Inf.
type FloatRange struct {
	Lo, Hi         float64
	LoOpen, HiOpen bool // the end is excluded
}

// Set is a set of values of one domain. The zero Set of a kind is empty.
type Set struct {
	Kind   Kind
	Ints   []IntRange   // Int: sorted, disjoint and non-adjacent
	Floats []FloatRange // Float: sorted and disjoint
	NaN    bool         // Float: contains NaN
	Str    Strings      // String
	Bools  uint8        // Bool: bit 0 is false, bit 1 is true
	Rec    bool         // Record: holds the present record
	Nil    bool         // holds nil, the absence of an optional field
}

// Strings is a set of strings: Lits ∪ {s | s has a prefix in Prefixes}, or, when
// Neg, the complement of Lits (Prefixes is then empty).
type Strings struct {
	Neg      bool
	Lits     []string // sorted, distinct
	Prefixes []string // sorted, distinct, none a prefix of another
}

// Value is one value of a domain, for Contains: only the member of the domain's
// kind matters (enums in Int, bytes in Str).
type Value struct {
	Int   int64
	Float float64
	Str   string
	Bool  bool
	Nil   bool // nil, an absent optional field (the other members do not matter)
}

// Empty returns the empty set of kind k.
func Empty(k Kind) Set { return Set{Kind: k} }

// Full returns the whole domain d.
func Full(d Domain) Set {
	s := fullValues(d)
	s.Nil = d.Optional
	return s
}

func fullValues(d Domain) Set {
	switch d.Kind {
	case Int:
		if d.Min > d.Max {
			return Empty(Int)
		}
		return Set{Kind: Int, Ints: []IntRange{{d.Min, d.Max}}}
	case Float:
		return Set{Kind: Float, Floats: []FloatRange{{Lo: math.Inf(-1), Hi: math.Inf(1)}}, NaN: true}
	case String:
		return Set{Kind: String, Str: Strings{Neg: true}}
	case Record:
		return Set{Kind: Record, Rec: true}
	}
	return Set{Kind: Bool, Bools: 3}
}

// NilValue returns {nil} of kind k.
func NilValue(k Kind) Set { return Set{Kind: k, Nil: true} }

// IntBetween returns [lo, hi] ∩ d (empty when lo > hi).
func IntBetween(d Domain, lo, hi int64) Set {
	lo, hi = max(lo, d.Min), min(hi, d.Max)
	if lo > hi {
		return Empty(Int)
	}
	return Set{Kind: Int, Ints: []IntRange{{lo, hi}}}
}

// IntValue returns {v} ∩ d.
func IntValue(d Domain, v int64) Set { return IntBetween(d, v, v) }

// FloatBetween returns the interval from lo to hi, each end included unless
// open. A NaN bound gives the empty set (callers report NaN bounds first).
func FloatBetween(lo, hi float64, loOpen, hiOpen bool) Set {
	if math.IsNaN(lo) || math.IsNaN(hi) {
		return Empty(Float)
	}
	lo, hi = zero(lo), zero(hi)
	if lo > hi || lo == hi && (loOpen || hiOpen) {
		return Empty(Float)
	}
	return Set{Kind: Float, Floats: []FloatRange{{lo, hi, loOpen, hiOpen}}}
}

// FloatValue returns {v}; {NaN} is empty, since NaN equals nothing.
func FloatValue(v float64) Set { return FloatBetween(v, v, false, false) }

// StringValue returns {s}.
func StringValue(s string) Set { return Set{Kind: String, Str: Strings{Lits: []string{s}}} }

// StringPrefix returns the strings that start with p.
func StringPrefix(p string) Set { return Set{Kind: String, Str: Strings{Prefixes: []string{p}}} }

// BoolValue returns {b}.
func BoolValue(b bool) Set {
	if b {
		return Set{Kind: Bool, Bools: 2}
	}
	return Set{Kind: Bool, Bools: 1}
}

// zero maps -0.0 to 0.0: the two are one value for matching.
func zero(f float64) float64 {
	if f == 0 {
		return 0
	}
	return f
}

// IsEmpty reports whether s has no value. (An Int set is assumed to lie
// within its domain, as every constructor here makes it.)
func (s Set) IsEmpty() bool {
	if s.Nil {
		return false
	}
	switch s.Kind {
	case Int:
		return len(s.Ints) == 0
	case Float:
		return len(s.Floats) == 0 && !s.NaN
	case String:
		return !s.Str.Neg && len(s.Str.Lits) == 0 && len(s.Str.Prefixes) == 0
	case Record:
		return !s.Rec
	}
	return s.Bools == 0
}

// HasValues reports whether s holds a value other than nil.
func (s Set) HasValues() bool {
	s.Nil = false
	return !s.IsEmpty()
}

// Contains reports whether v is in s.
func (s Set) Contains(v Value) bool {
	if v.Nil {
		return s.Nil
	}
	switch s.Kind {
	case Int:
		i, found := slices.BinarySearchFunc(s.Ints, v.Int, func(r IntRange, x int64) int {
			if r.Hi < x {
				return -1
			}
			if r.Lo > x {
				return 1
			}
			return 0
		})
		_ = i
		return found
	case Float:
		if math.IsNaN(v.Float) {
			return s.NaN
		}
		x := zero(v.Float)
		for _, r := range s.Floats {
			if r.containsFloat(x) {
				return true
			}
		}
		return false
	case String:
		return s.Str.contains(v.Str)
	case Record:
		return s.Rec
	}
	if v.Bool {
		return s.Bools&2 != 0
	}
	return s.Bools&1 != 0
}

func (r FloatRange) containsFloat(x float64) bool {
	if x < r.Lo || x > r.Hi {
		return false
	}
	if x == r.Lo && r.LoOpen || x == r.Hi && r.HiOpen {
		return false
	}
	return true
}

func (t Strings) contains(s string) bool {
	_, lit := slices.BinarySearch(t.Lits, s)
	if t.Neg {
		return !lit
	}
	if lit {
		return true
	}
	for _, p := range t.Prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// Union returns s ∪ t (same kind).
func Union(s, t Set) Set {
	u := unionValues(s, t)
	u.Nil = s.Nil || t.Nil
	return u
}

func unionValues(s, t Set) Set {
	switch s.Kind {
	case Int:
		return Set{Kind: Int, Ints: normInts(append(slices.Clone(s.Ints), t.Ints...))}
	case Float:
		return Set{Kind: Float, Floats: normFloats(append(slices.Clone(s.Floats), t.Floats...)), NaN: s.NaN || t.NaN}
	case String:
		return Set{Kind: String, Str: unionStrings(s.Str, t.Str)}
	case Record:
		return Set{Kind: Record, Rec: s.Rec || t.Rec}
	}
	return Set{Kind: Bool, Bools: s.Bools | t.Bools}
}

// Complement returns d \ s. For strings, s must not hold prefixes (the
// language only negates literals).
func Complement(d Domain, s Set) Set {
	c := complementValues(d, s)
	c.Nil = d.Optional && !s.Nil
	return c
}

func complementValues(d Domain, s Set) Set {
	switch d.Kind {
	case Int:
		var out []IntRange
		next := d.Min
		done := false
		for _, r := range s.Ints {
			if r.Lo > next {
				out = append(out, IntRange{next, r.Lo - 1})
			}
			if r.Hi == math.MaxInt64 || r.Hi >= d.Max {
				done = true
				break
			}
			next = r.Hi + 1
		}
		if !done && next <= d.Max {
			out = append(out, IntRange{next, d.Max})
		}
		return Set{Kind: Int, Ints: out}
	case Float:
		var out []FloatRange
		lo, loOpen := math.Inf(-1), false
		for _, r := range s.Floats {
			if r.Lo > lo || r.Lo == lo && !loOpen && r.LoOpen {
				out = append(out, FloatRange{lo, r.Lo, loOpen, !r.LoOpen})
			}
			lo, loOpen = r.Hi, !r.HiOpen
		}
		if lo < math.Inf(1) || !loOpen {
			out = append(out, FloatRange{lo, math.Inf(1), loOpen, false})
		}
		return Set{Kind: Float, Floats: normFloats(out), NaN: !s.NaN}
	case String:
		if s.Str.Neg {
			return Set{Kind: String, Str: Strings{Lits: slices.Clone(s.Str.Lits)}}
		}
		return Set{Kind: String, Str: Strings{Neg: true, Lits: slices.Clone(s.Str.Lits)}}
	case Record:
		return Set{Kind: Record, Rec: !s.Rec}
	}
	return Set{Kind: Bool, Bools: 3 &^ s.Bools}
}

// normInts sorts ranges and merges overlapping or adjacent ones.
func normInts(rs []IntRange) []IntRange {
	slices.SortFunc(rs, func(a, b IntRange) int { return cmp.Compare(a.Lo, b.Lo) })
	out := rs[:0]
	for _, r := range rs {
		if n := len(out); n > 0 && (out[n-1].Hi == math.MaxInt64 || r.Lo <= out[n-1].Hi+1) {
			out[n-1].Hi = max(out[n-1].Hi, r.Hi)
			continue
		}
		out = append(out, r)
	}
	return slices.Clip(out)
}

// normFloats sorts ranges, drops empty ones and merges those that overlap or
// touch (a closed end meeting an open one).
func normFloats(rs []FloatRange) []FloatRange {
	rs = slices.DeleteFunc(rs, func(r FloatRange) bool { return r.Lo > r.Hi || r.Lo == r.Hi && (r.LoOpen || r.HiOpen) })
	slices.SortFunc(rs, func(a, b FloatRange) int {
		if c := cmp.Compare(a.Lo, b.Lo); c != 0 {
			return c
		}
		return boolCmp(!a.LoOpen, !b.LoOpen) * -1 // closed start first
	})
	out := rs[:0]
	for _, r := range rs {
		if n := len(out); n > 0 {
			last := &out[n-1]
			if r.Lo < last.Hi || r.Lo == last.Hi && (!r.LoOpen || !last.HiOpen) {
				if r.Hi > last.Hi || r.Hi == last.Hi && !r.HiOpen {
					last.Hi, last.HiOpen = r.Hi, r.HiOpen
				}
				continue
			}
		}
		out = append(out, r)
	}
	return slices.Clip(out)
}

func boolCmp(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

func unionStrings(a, b Strings) Strings {
	switch {
	case a.Neg && b.Neg: // ¬A ∪ ¬B = ¬(A ∩ B)
		var both []string
		for _, l := range a.Lits {
			if _, ok := slices.BinarySearch(b.Lits, l); ok {
				both = append(both, l)
			}
		}
		return Strings{Neg: true, Lits: both}
	case a.Neg || b.Neg: // ¬A ∪ B = ¬(A \ B)
		if b.Neg {
			a, b = b, a
		}
		var rest []string
		for _, l := range a.Lits {
			if !b.contains(l) {
				rest = append(rest, l)
			}
		}
		return Strings{Neg: true, Lits: rest}
	}
	prefixes := minimalPrefixes(append(slices.Clone(a.Prefixes), b.Prefixes...))
	var lits []string
	for _, l := range append(slices.Clone(a.Lits), b.Lits...) {
		if !(Strings{Prefixes: prefixes}).contains(l) {
			lits = append(lits, l)
		}
	}
	slices.Sort(lits)
	return Strings{Lits: slices.Compact(lits), Prefixes: prefixes}
}

// minimalPrefixes sorts prefixes and drops those that another one covers.
func minimalPrefixes(ps []string) []string {
	slices.Sort(ps)
	ps = slices.Compact(ps)
	out := ps[:0]
	for _, p := range ps {
		if n := len(out); n > 0 && strings.HasPrefix(p, out[n-1]) {
			continue
		}
		out = append(out, p)
	}
	return slices.Clip(out)
}

// String renders s in pattern syntax, for messages: `1..5 | 7`, `!= ("a" | "b")`.
func (s Set) String() string {
	return s.Format(Domain{Kind: s.Kind, Min: math.MinInt64, Max: math.MaxInt64})
}

// Format renders s in pattern syntax using d (enum variant names).
func (s Set) Format(d Domain) string {
	var parts []string
	if s.Nil {
		parts = append(parts, "nil")
		if !s.HasValues() {
			return "nil"
		}
		if isFull(d, s) {
			return "_"
		}
	}
	switch s.Kind {
	case Int:
		name := func(v int64) string {
			if d.Variants != nil && v >= 0 && v < int64(len(d.Variants)) {
				return d.Variants[v]
			}
			if d.Unit != Plain {
				return FormatValue(d, Value{Int: v})
			}
			return strconv.FormatInt(v, 10)
		}
		for _, r := range s.Ints {
			switch {
			case r.Lo == r.Hi:
				parts = append(parts, name(r.Lo))
			case r.Lo == d.Min && d.Variants == nil:
				parts = append(parts, ".."+name(r.Hi))
			case r.Hi == d.Max && d.Variants == nil:
				parts = append(parts, name(r.Lo)+"..")
			default:
				parts = append(parts, name(r.Lo)+".."+name(r.Hi))
			}
		}
	case Float:
		for _, r := range s.Floats {
			parts = append(parts, r.String())
		}
		if s.NaN {
			parts = append(parts, "nan")
		}
	case String:
		var lits []string
		for _, l := range s.Str.Lits {
			lits = append(lits, strconv.Quote(l))
		}
		if s.Str.Neg {
			neg := "!= (" + strings.Join(lits, " | ") + ")"
			switch len(lits) {
			case 0:
				neg = "!nil"
				if !d.Optional {
					return "_"
				}
			case 1:
				neg = "!= " + lits[0]
			}
			return strings.Join(append(parts, neg), " | ")
		}
		parts = append(parts, lits...)
		for _, p := range s.Str.Prefixes {
			parts = append(parts, "prefix "+strconv.Quote(p))
		}
	case Bool:
		if s.Bools&1 != 0 {
			parts = append(parts, "false")
		}
		if s.Bools&2 != 0 {
			parts = append(parts, "true")
		}
	case Record:
		if s.Rec {
			parts = append(parts, "!nil")
		}
	}
	if len(parts) == 0 {
		return "(nothing)"
	}
	return strings.Join(parts, " | ")
}

// isFull reports whether s (holding nil) is the whole of d.
func isFull(d Domain, s Set) bool {
	if s.Kind == String {
		return s.Str.Neg && len(s.Str.Lits) == 0 || slices.Contains(s.Str.Prefixes, "")
	}
	return Complement(d, s).IsEmpty()
}

// FormatFloat renders a float as the language writes it.
func FormatFloat(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eE") {
		s += ".0"
	}
	return s
}

func (r FloatRange) String() string {
	lo, hi := FormatFloat(r.Lo), FormatFloat(r.Hi)
	switch {
	case r.Lo == r.Hi:
		return lo
	case math.IsInf(r.Lo, -1) && !r.LoOpen && math.IsInf(r.Hi, 1) && !r.HiOpen:
		return "-inf..inf"
	case r.LoOpen && r.HiOpen:
		return "> " + lo + " & < " + hi
	case r.LoOpen:
		return "> " + lo + " & <= " + hi
	case r.HiOpen:
		return lo + "..<" + hi
	}
	return lo + ".." + hi
}
