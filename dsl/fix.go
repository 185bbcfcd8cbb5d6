package dsl

import (
	"bytes"
	"slices"

	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/format"
)

// MaxFixRounds bounds the rounds of Fix: a fix can bring another (removing
// an alternative can leave a case unreachable), but a few rounds are always
// enough for what the checker suggests.
const MaxFixRounds = 10

// Applied is one fix that Fix applied: the diagnostic it fixed (its
// position in the source of its round) and the fix.
type Applied struct {
	Diag  diag.Diagnostic
	Fix   diag.Fix
	Round int // 1-based
}

// Fix applies the suggested fixes of the package of the given sources
// (names and contents, as for Load), in rounds: each round loads the
// package and applies, file by file in the order of the diagnostics, the
// first fix of each diagnostic whose edits overlap no fix already chosen in
// the round (those of errors first); a round that can fix an fw:ignore
// comment fixes only those, since they decide what the package reports. It
// stops after a round that applies nothing, or after
// MaxFixRounds. A file that was formatted (fwgen fmt) is formatted again
// after its fixes: a renamed field can shift the alignment of its
// neighbours. It returns the new sources (srcs itself is not changed), the
// fixes applied, and the diagnostics of the fixed package.
func Fix(names []string, srcs [][]byte) ([][]byte, []Applied, diag.List) {
	orig := srcs
	srcs = slices.Clone(srcs)
	var (
		applied []Applied
		diags   diag.List
	)
	for round := 1; round <= MaxFixRounds; round++ {
		_, diags = Load(names, srcs)
		now := fixRound(names, srcs, diags, round)
		if len(now) == 0 {
			break
		}
		applied = append(applied, now...)
		if round == MaxFixRounds {
			_, diags = Load(names, srcs)
		}
	}
	if reformatted := keepFormatted(names, orig, srcs); reformatted {
		_, diags = Load(names, srcs)
	}
	return srcs, applied, diags
}

// fixRound applies to srcs the fixes of one round of Fix and returns them.
func fixRound(names []string, srcs [][]byte, diags diag.List, round int) []Applied {
	chosen := map[string][]diag.Edit{} // by file
	var now []Applied
	ignores := hasIgnoreFix(diags)
	for _, d := range byFixOrder(diags) {
		if len(d.Fixes) == 0 || !slices.Contains(names, d.Pos.File) || ignores && d.Rule != ruleBadIgnore {
			continue
		}
		f := d.Fixes[0]
		if overlaps(chosen[d.Pos.File], f.Edits) {
			continue
		}
		chosen[d.Pos.File] = append(chosen[d.Pos.File], f.Edits...)
		now = append(now, Applied{Diag: d, Fix: f, Round: round})
	}
	for i, name := range names {
		if edits := chosen[name]; len(edits) > 0 {
			// The checker drops the fixes that do not fit their file, and
			// the chosen ones do not overlap: Apply does not fail.
			if out, err := diag.Apply(srcs[i], edits); err == nil {
				srcs[i] = out
			} else {
				now = slices.DeleteFunc(now, func(a Applied) bool { return a.Diag.Pos.File == name })
			}
		}
	}
	return now
}

// overlaps reports whether an edit of b overlaps one of a. Two insertions
// at one offset overlap (their order would be arbitrary), as do an edit and
// an insertion inside it.
func overlaps(a, b []diag.Edit) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Pos.Offset < y.End.Offset && y.Pos.Offset < x.End.Offset || x.Pos.Offset == y.Pos.Offset ||
				x.Pos.Offset < y.Pos.Offset && y.Pos.Offset < x.End.Offset || y.Pos.Offset < x.Pos.Offset && x.Pos.Offset < y.End.Offset {
				return true
			}
		}
	}
	return false
}

// ruleBadIgnore is the rule of a misspelt fw:ignore comment.
const ruleBadIgnore = "bad-ignore"

// hasIgnoreFix reports whether a diagnostic of a misspelt fw:ignore comment
// has a fix.
func hasIgnoreFix(diags diag.List) bool {
	return slices.ContainsFunc(diags, func(d diag.Diagnostic) bool { return d.Rule == ruleBadIgnore && len(d.Fixes) > 0 })
}

// byFixOrder returns diags in the order their fixes are tried: errors, then
// warnings, each in source order.
func byFixOrder(diags diag.List) diag.List {
	out := slices.Clone(diags)
	slices.SortStableFunc(out, func(a, b diag.Diagnostic) int { return int(a.Severity) - int(b.Severity) })
	return out
}

// keepFormatted formats the files of fixed whose original was formatted,
// and reports whether that changed any.
func keepFormatted(names []string, orig, fixed [][]byte) (changed bool) {
	for i, name := range names {
		if bytes.Equal(orig[i], fixed[i]) {
			continue
		}
		if f, diags := format.Source(name, orig[i]); len(diags) > 0 || !bytes.Equal(f, orig[i]) {
			continue
		}
		if f, diags := format.Source(name, fixed[i]); len(diags) == 0 && !bytes.Equal(f, fixed[i]) {
			fixed[i], changed = f, true
		}
	}
	return changed
}
