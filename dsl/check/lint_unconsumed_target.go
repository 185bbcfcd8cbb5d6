package check

import (
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/ir"
)

// unconsumedTargets reports [unconsumed-target]: a target that no builder
// requires, no processor has a built case for and no case resolves, at the
// target in its provider's declaration. Only the application could resolve
// it, and its artifacts would reach nobody.
func (l *linter) unconsumedTargets() {
	used := map[*ir.Target]bool{}
	for _, p := range l.c.pkg.Processors {
		for _, ic := range append([]*ir.Case{p.Init, p.Phase, p.Terminate}, p.Cases...) {
			if ic == nil {
				continue
			}
			if ic.Target != nil {
				used[ic.Target] = true // a builder's requirement or a processor's built case
			}
			for _, t := range ic.Resolves {
				used[t] = true
			}
		}
	}
	for _, t := range l.c.pkg.Targets {
		if used[t] {
			continue
		}
		l.warn(nil, diag.Warningf(t.Pos, ruleUnconsumedTarget,
			"target %s is never used: no builder requires it, no processor has a case on built %s, and no case resolves it",
			t.Name, t.Name))
	}
}
