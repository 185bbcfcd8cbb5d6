package check

import (
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/ir"
)

// unproducedEvents reports [unproduced-event]: an event that some processor
// handles but that no case emits and that is not declared `input` (submitted
// from outside), at its declaration.
func (l *linter) unproducedEvents() {
	emitted := map[*ir.Event]bool{}
	for _, p := range l.c.pkg.Processors {
		if p.Failures != nil {
			emitted[p.Failures] = true
		}
		for _, ic := range append([]*ir.Case{p.Init, p.Phase, p.Terminate}, p.Cases...) {
			if ic != nil {
				for _, ev := range ic.Emits {
					emitted[ev] = true
				}
			}
		}
	}
	handled := l.handled(false) // a catch-all does not ask for any event in particular
	required := l.required()
	for _, ed := range l.c.evDecls {
		ev := ed.ev
		if ev.Input || emitted[ev] || handled[ev] == nil && required[ev] == nil {
			continue
		}
		d := diag.Warningf(ev.Pos, ruleUnproducedEvent,
			"event %s is handled but no case emits it; if it comes from outside, declare it as input event %s",
			ev.Name, ev.Name)
		for _, h := range handled[ev][:min(len(handled[ev]), maxRelated)] {
			d = d.With(h.cs.decl.Pos, "handled by case %s of processor %s", h.cs.ic.Name, h.proc.p.Name)
		}
		for _, ic := range required[ev][:min(len(required[ev]), maxRelated)] {
			d = d.With(ic.Pos, "required by a builder")
		}
		l.warn(nil, d)
	}
}
