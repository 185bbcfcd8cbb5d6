package check

import (
	"fmt"
	"strings"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/ir"
)

// The lint rules: warnings, which stop nothing. Each has its own file.
const (
	ruleUnreachableCase         = "unreachable-case"
	ruleRedundantAlternative    = "redundant-alternative"
	ruleOverlappingAlternatives = "overlapping-alternatives"
	ruleRangeEndpointOverlap    = "range-endpoint-overlap"
	ruleSingleValueGap          = "single-value-gap"
	ruleNonExhaustive           = "non-exhaustive"
	ruleUnhandledEvent          = "unhandled-event"
	ruleUnproducedEvent         = "unproduced-event"
	ruleUnconsumedTarget        = "unconsumed-target"
	ruleBadIgnore               = "bad-ignore"
	ruleAnalysisIncomplete      = "analysis-incomplete"
	ruleUnservableResolve       = "unservable-resolve"
	ruleUnpublishedTarget       = "unpublished-target"
)

// lintRules are the rules a //fw:ignore comment may name.
var lintRules = []string{
	ruleUnreachableCase, ruleRedundantAlternative, ruleOverlappingAlternatives,
	ruleRangeEndpointOverlap, ruleSingleValueGap, ruleNonExhaustive,
	ruleUnhandledEvent, ruleUnproducedEvent, ruleUnconsumedTarget, ruleBadIgnore,
	ruleAnalysisIncomplete, ruleUnservableResolve, ruleGuardNeverHolds, ruleGuardAlwaysHolds,
	ruleUnpublishedTarget, rulePartitionNoop,
}

// procInfo is what the lint rules need of a processor.
type procInfo struct {
	p          *ir.Processor
	decl       *ast.ProcessorDecl
	cases      []*caseInfo           // event cases whose event resolved, in source order
	built      []*caseInfo           // built cases whose target resolved, in source order
	catchAll   *caseInfo             // the first catch-all case `on _`, nil when none
	exhaustive map[*ir.Event]ast.Pos // the events of p.Exhaustive, with the option that named them
}

// caseInfo is what the lint rules need of an event case.
// Of a built case, only ic and decl are set.
type caseInfo struct {
	ic     *ir.Case
	decl   *ast.Case
	ok     bool         // its patterns checked without error: it takes part in the usefulness analysis
	fields []*fieldInfo // the field patterns that constrain their field, in field order
	// guarded: the case has a guard, so it covers nothing: later cases,
	// alternatives and exhaustiveness do not count on it.
	guarded bool
}

// lintDiag is a warning with the lines at which a //fw:ignore comment applies.
type lintDiag struct {
	d       diag.Diagnostic
	anchors []int // the warning's line, and the line of its case
}

// linter collects the warnings of one Check call.
type linter struct {
	c     *checker
	diags []lintDiag
}

// warn records a warning; cs is the case it concerns, nil for none.
func (l *linter) warn(cs *ast.Case, d diag.Diagnostic) {
	anchors := []int{d.Pos.Line}
	if cs != nil && cs.Pos.Line != d.Pos.Line {
		anchors = append(anchors, cs.Pos.Line)
	}
	l.diags = append(l.diags, lintDiag{d, anchors})
}

// lint runs the lint rules and adds their warnings, but those that a
// //fw:ignore comment silences, to the diagnostics. The rules about patterns
// consider only the cases that checked without error.
func (c *checker) lint(files []*ast.File) {
	l := &linter{c: c}
	for _, pi := range c.procs {
		l.unreachableBuilt(pi)
		l.unreachableAfterCatchAll(pi)
		l.alternatives(pi)
		l.guards(pi)
		for _, m := range pi.matrices() {
			unreachable := l.unreachableCases(m)
			// A guarded case covers nothing: the rules about what earlier
			// cases leave to later ones skip it, as they skip dead cases.
			skip := unreachable.clone()
			skip.orWith(m.guarded)
			l.coveredAlternatives(m, skip)
			l.rangeEndpointOverlaps(m, skip)
			l.singleValueGaps(m, skip)
			// A case left out for an error could cover what seems missing;
			// a catch-all case covers everything.
			if pos, ok := pi.exhaustive[m.ev]; ok && len(m.rows) == pi.count(m.ev) && pi.catchAll == nil {
				l.nonExhaustive(pi, m, pos)
			}
			if m.incomplete {
				l.analysisIncomplete(pi, m)
			}
			if matrixHook != nil {
				matrixHook(m)
			}
		}
	}
	if !c.diags.HasErrors() {
		// The flow rules look at the whole package: after an error (an
		// unknown event in an emit list, say) they would only echo it.
		l.unhandledEvents()
		l.unproducedEvents()
		l.unconsumedTargets()
		l.unpublishedTargets()
		l.unservableResolves(files)
	}
	l.partitionNoops()
	ignores := l.ignores(files)
	for _, ld := range l.diags {
		if !ignores.silences(ld) {
			c.report(ld.d)
		}
	}
}

// matrixHook, when set (by tests), sees every matrix after the rules.
var matrixHook func(m *matrix)

// matrices groups the valid cases of a processor by event type, in the
// order of each type's first case.
func (pi *procInfo) matrices() []*matrix {
	var order []*ir.Event
	byEvent := map[*ir.Event][]*caseInfo{}
	for _, ci := range pi.cases {
		if !ci.ok || pi.afterCatchAll(ci) {
			continue
		}
		if byEvent[ci.ic.Event] == nil {
			order = append(order, ci.ic.Event)
		}
		byEvent[ci.ic.Event] = append(byEvent[ci.ic.Event], ci)
	}
	ms := make([]*matrix, len(order))
	for i, ev := range order {
		ms[i] = newMatrix(ev, byEvent[ev])
	}
	return ms
}

// afterCatchAll reports whether ci comes after the processor's catch-all
// case, which leaves it nothing.
func (pi *procInfo) afterCatchAll(ci *caseInfo) bool {
	return pi.catchAll != nil && pi.catchAll.ic.Index < ci.ic.Index
}

// count returns the number of cases of the processor for ev, valid or not.
func (pi *procInfo) count(ev *ir.Event) int {
	n := 0
	for _, ci := range pi.cases {
		if ci.ic.Event == ev {
			n++
		}
	}
	return n
}

// maxRelated bounds the related positions of a warning that lists cases:
// past a few, more lines hide the warning rather than explain it.
const maxRelated = 5

// caseList names cases for a message: "A", "A and B", "A, B and C", and past
// four names "A, B, C and 5 more".
func caseList(names []string) string {
	const most = 4
	if len(names) > most {
		return fmt.Sprintf("%s and %d more", strings.Join(names[:most-1], ", "), len(names)-most+1)
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// plural returns one when n is 1, else many.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
