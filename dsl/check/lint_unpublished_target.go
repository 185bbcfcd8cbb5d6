package check

import (
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/ir"
)

// unpublishedTargets reports [unpublished-target]: a target that a processor
// provides (`processor P provides t: T`) but that none of its cases
// publishes (`-> publish t`): its consumers would never receive anything.
// Reported at the target, in the processor's provides clause.
func (l *linter) unpublishedTargets() {
	for _, pi := range l.c.procs {
		p := pi.p
		published := map[*ir.Target]bool{}
		for _, ic := range p.AllCases() {
			for _, t := range ic.Publishes {
				published[t] = true
			}
		}
		for _, t := range p.Provides {
			if t == nil || t.Provider != p || published[t] {
				continue
			}
			l.warn(nil, diag.Warningf(t.Pos, ruleUnpublishedTarget,
				"processor %s provides target %s, but none of its cases publishes it: add -> publish %s to a case, or remove it",
				p.Name, t.Name, t.Name))
		}
	}
}
