package check

import "github.com/fwgo/fw/dsl/diag"

// analysisIncomplete reports [analysis-incomplete]: a search over the cases
// of m exceeded its work bound (maxSteps, maxMatrixSteps) and gave up, so
// that unreachable-case, redundant-alternative and non-exhaustive may have
// missed something there. A user can then tell "proved fine" from "gave up".
func (l *linter) analysisIncomplete(pi *procInfo, m *matrix) {
	l.warn(nil, diag.Warningf(pi.decl.Pos, ruleAnalysisIncomplete,
		"the pattern analysis of processor %s for %s gave up after %d steps: unreachable cases, redundant alternatives and missing values may go unreported",
		pi.p.Name, m.ev.Name, m.steps))
}
