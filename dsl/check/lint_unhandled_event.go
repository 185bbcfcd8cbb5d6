package check

import (
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/ir"
)

// unhandledEvents reports [unhandled-event]: an event that a case emits but
// that no processor of the package has a case for and no builder requires,
// at each emit.
func (l *linter) unhandledEvents() {
	handled := l.handled(true)
	required := l.required()
	for _, pi := range l.c.procs {
		for _, cs := range pi.decl.Cases {
			if cs == nil {
				continue
			}
			seen := map[*ir.Event]bool{}
			for _, id := range cs.Emits {
				ev := l.c.events[id.Name]
				if ev == nil || handled[ev] != nil || required[ev] != nil || seen[ev] {
					continue
				}
				seen[ev] = true
				l.warn(cs, diag.Warningf(id.Pos, ruleUnhandledEvent,
					"event %s is emitted here but no processor handles it", ev.Name))
			}
		}
	}
}

// handler is the first case of a processor for some event type.
type handler struct {
	proc *procInfo
	cs   *caseInfo
}

// handled maps each event that some processor has a case for to the first
// such case of each processor. With catchAll, a catch-all case `on _`
// handles every event type that no earlier case of its processor names.
func (l *linter) handled(catchAll bool) map[*ir.Event][]handler {
	out := map[*ir.Event][]handler{}
	for _, pi := range l.c.procs {
		seen := map[*ir.Event]bool{}
		for _, ci := range pi.cases {
			if all := pi.catchAll; catchAll && all != nil && all.ic.Index < ci.ic.Index {
				break
			}
			if ev := ci.ic.Event; !seen[ev] {
				seen[ev] = true
				out[ev] = append(out[ev], handler{pi, ci})
			}
		}
		if catchAll && pi.catchAll != nil {
			for _, ev := range l.c.pkg.Events {
				if !seen[ev] {
					out[ev] = append(out[ev], handler{pi, pi.catchAll})
				}
			}
		}
	}
	return out
}

// required maps each event type that some builder requires to those
// builders' cases for it, in declaration order.
func (l *linter) required() map[*ir.Event][]*ir.Case {
	out := map[*ir.Event][]*ir.Case{}
	for _, p := range l.c.pkg.Processors {
		if p.Builder == nil {
			continue
		}
		for _, ic := range p.Cases {
			if ic.Event != nil {
				out[ic.Event] = append(out[ic.Event], ic)
			}
		}
	}
	return out
}
