package check

import (
	"slices"
	"strings"
	"time"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/ir"
)

// knownOptions are the processor options, for suggestions.
var knownOptions = []string{"backoff", "cached", "concurrency", "exhaustive", "failures", "retry", "timeout", "version"}

// builderOptions are the options of a builder's body.
var builderOptions = []string{"concurrency"}

// maxConcurrency bounds `concurrency N`: more overlapping calls than this is
// certainly a typo, and the runtime sizes buffers by it.
const maxConcurrency = 1 << 16

// resolveProcessors builds the processors and builders in declaration order.
func (c *checker) resolveProcessors() {
	for i, pd := range c.prDecls {
		if pd.builder != nil {
			c.pkg.Processors = append(c.pkg.Processors, c.builder(pd, i))
			continue
		}
		c.pkg.Processors = append(c.pkg.Processors, c.processor(pd, i))
	}
}

// owner names a processor or builder for messages: "processor Billing".
func owner(p *ir.Processor) string {
	if p.Builder != nil {
		return "builder " + p.Name
	}
	return "processor " + p.Name
}

func (c *checker) processor(pd procDecl, index int) *ir.Processor {
	d := pd.decl
	p := pd.proc // created by declareTargets, with the targets it provides
	p.Index = index
	exhaustive := c.options(p, d.Options)
	pi := &procInfo{p: p, decl: d, exhaustive: map[*ir.Event]ast.Pos{}}
	c.procs = append(c.procs, pi)

	// The first lifecycle case of each kind: later ones are duplicates, and an
	// event case that takes a lifecycle name points at it.
	lifecycle := map[ast.CaseKind]*ast.Case{}
	for _, cs := range d.Cases {
		if _, ok := lifecycleNames[kindOf(cs)]; ok && lifecycle[cs.Kind] == nil {
			lifecycle[cs.Kind] = cs
		}
	}
	names := map[string]ast.Pos{} // event case names
	for _, cs := range d.Cases {
		switch kindOf(cs) {
		case ast.CaseInit, ast.CasePhase, ast.CaseTerminate:
			c.lifecycleCase(p, cs, lifecycle[cs.Kind])
		case ast.CaseEvent:
			if cs.IsCatchAll() {
				c.catchAllCase(pi, cs, names, lifecycle)
				continue
			}
			c.eventCase(pi, cs, names, lifecycle)
		case ast.CaseBuilt:
			c.builtCase(pi, cs, names, lifecycle)
		}
	}
	c.exhaustive(pi, exhaustive)
	return p
}

// kindOf is the kind of a case; nil cases and unknown kinds are -1, so that
// they match no switch arm.
func kindOf(cs *ast.Case) ast.CaseKind {
	if cs == nil || cs.Kind < ast.CaseEvent || cs.Kind > ast.CaseBuilt {
		return -1
	}
	return cs.Kind
}

// processorOnly are the options that a builder's body may not take, with
// the message saying why (%s: the builder's name).
var processorOnly = map[string]string{
	"cached":     "cached is an option of processors: a builder is cached with the clause persist (builder %s provides ... persist)",
	"version":    "version is a clause of builders, not an option of their body: builder %s provides ... persist version N",
	"retry":      "retry is an option of processors, not of builders (builder %s)",
	"backoff":    "backoff is an option of processors, not of builders (builder %s)",
	"timeout":    "timeout is an option of processors, not of builders (builder %s)",
	"failures":   "failures is an option of processors, not of builders (builder %s)",
	"exhaustive": "exhaustive is an option of processors: builder %s has no event cases",
}

// options sets the processor's options but `exhaustive`, which needs the
// cases: those options are returned, for exhaustive.
func (c *checker) options(p *ir.Processor, opts []*ast.Option) (exhaustive []*ast.Option) {
	first := map[string]*ast.Option{} // every option but exhaustive may be given once
	for _, o := range opts {
		if o == nil || o.Name.Name == "" {
			continue
		}
		name := o.Name.Name
		if msg, ok := processorOnly[name]; ok && p.Builder != nil {
			c.errorf(o.Name.Pos, ruleBadOption, msg, p.Name)
			continue
		}
		if prev := first[name]; prev != nil && name != "exhaustive" {
			c.report(diag.Errorf(o.Name.Pos, ruleBadOption, "%s given twice in %s", name, owner(p)).
				With(prev.Name.Pos, "first given here"))
			continue
		}
		first[name] = o
		if o.To != nil && name != "backoff" {
			c.errorf(o.To.Pos, ruleBadOption, "%s takes one value, not a range: only backoff takes min..max", name)
		}
		switch name {
		case "concurrency":
			if n, ok := c.intOption(o, maxConcurrency, "concurrency needs a value, e.g. concurrency 4"); ok {
				p.Concurrency = n
			}
		case "cached":
			if o.Value != nil {
				c.errorf(o.Value.Pos, ruleBadOption, "cached takes no value: for a version, write cached version %s", o.Value.Raw)
			}
			p.Cached = true
		case "version":
			if n, ok := c.intOption(o, maxVersion, "version needs a value, e.g. cached version 2"); ok {
				p.Version = n
			}
		case "retry":
			if n, ok := c.intOption(o, maxRetry, "retry needs a value: the number of attempts after a failed one, e.g. retry 2"); ok {
				p.Retry = n
			}
		case "backoff":
			if lo, ok := c.durationValue(o, o.Value, "backoff needs a duration or a range, e.g. backoff 10ms or backoff 10ms..1s"); ok {
				hi := lo
				if o.To != nil {
					if hi, ok = c.durationValue(o, o.To, ""); !ok {
						break
					}
					if hi < lo {
						c.errorf(o.To.Pos, ruleBadOption, "backoff %s..%s: the first duration is the wait before the first retry and the second the longest wait, so the first cannot exceed the second", o.Value.Raw, o.To.Raw)
						break
					}
				}
				p.BackoffMin, p.BackoffMax = lo, hi
			}
		case "timeout":
			if d, ok := c.durationValue(o, o.Value, "timeout needs a duration, e.g. timeout 2s: the deadline of each attempt of a call"); ok {
				p.Timeout = d
			}
		case "failures":
			if o.Value != nil || len(o.Events) != 1 {
				c.errorf(o.Name.Pos, ruleBadOption, "failures needs one event type, e.g. failures Failed: each failed call becomes such an event")
				continue
			}
			p.Failures = c.failureEvent(o.Events[0])
			continue // its event name is not an error below
		case "exhaustive":
			if o.Value != nil {
				c.errorf(o.Value.Pos, ruleBadOption, "exhaustive takes event names, not a number: exhaustive or exhaustive Order, Refund")
				continue
			}
			exhaustive = append(exhaustive, o)
		default:
			delete(first, name)
			if p.Builder != nil {
				if hint := didYouMean(name, builderOptions); hint != "" {
					c.report(withRename(diag.Errorf(o.Name.Pos, ruleUnknownOption, "unknown option %s%s", name, hint), o.Name.Pos, name, builderOptions))
				} else {
					c.errorf(o.Name.Pos, ruleUnknownOption, "unknown option %s: the only option of builders is concurrency", name)
				}
				continue
			}
			if hint := didYouMean(name, knownOptions); hint != "" {
				c.report(withRename(diag.Errorf(o.Name.Pos, ruleUnknownOption, "unknown option %s%s", name, hint), o.Name.Pos, name, knownOptions))
			} else {
				c.errorf(o.Name.Pos, ruleUnknownOption, "unknown option %s: the options are %s and %s", name,
					strings.Join(knownOptions[:len(knownOptions)-1], ", "), knownOptions[len(knownOptions)-1])
			}
		}
		if name != "exhaustive" && len(o.Events) > 0 {
			c.errorf(o.Events[0].Pos, ruleBadOption, "only exhaustive takes event names")
		}
	}
	if b := first["backoff"]; b != nil && first["retry"] == nil {
		c.errorf(b.Name.Pos, ruleBadOption, "backoff needs retry: the wait is between the attempts of a failed call, e.g. retry 3 backoff %s (processor %s does not retry)", durationText(b), p.Name)
	}
	if v := first["version"]; v != nil && first["cached"] == nil {
		c.errorf(v.Name.Pos, ruleBadOption, "version needs cached: write cached version N (processor %s is not cached)", p.Name)
	}
	return exhaustive
}

// intOption reads the value of option o, an integer from 1 to max; need is
// the message when the value is missing.
func (c *checker) intOption(o *ast.Option, max int64, need string) (int, bool) {
	if o.Value == nil {
		c.errorf(o.Name.Pos, ruleBadOption, "%s", need)
		return 0, false
	}
	n, msg := parseInt(o.Value.Raw)
	if msg != "" || n < 1 || n > max {
		c.errorf(o.Value.Pos, ruleBadOption, "%s must be an integer from 1 to %d, not %s", o.Name.Name, max, o.Value.Raw)
		return 0, false
	}
	return int(n), true
}

// maxDuration bounds the durations of backoff and timeout: longer is
// certainly a mistake (a unit typed wrong).
const maxDuration = 24 * time.Hour

// durationValue reads v, a value of option o, as a duration from 1ns to
// maxDuration; need is the message when v is missing.
func (c *checker) durationValue(o *ast.Option, v *ast.IntLit, need string) (time.Duration, bool) {
	if v == nil {
		c.errorf(o.Name.Pos, ruleBadOption, "%s", need)
		return 0, false
	}
	d, err := time.ParseDuration(v.Raw)
	switch {
	case err != nil && isDigits(v.Raw):
		c.errorf(v.Pos, ruleBadOption, "%s %s needs a unit: %sms or %ss, say (units ns, us, ms, s, m, h)", o.Name.Name, v.Raw, v.Raw, v.Raw)
	case err != nil:
		c.errorf(v.Pos, ruleBadOption, "%s takes a duration such as 500ms, 1.5s or 1m30s (units ns, us, ms, s, m, h), not %s", o.Name.Name, v.Raw)
	case d <= 0:
		c.errorf(v.Pos, ruleBadOption, "%s must be a positive duration, not %s", o.Name.Name, v.Raw)
	case d > maxDuration:
		c.errorf(v.Pos, ruleBadOption, "%s must be at most 24h, not %s", o.Name.Name, v.Raw)
	default:
		return d, true
	}
	return 0, false
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// durationText is the value of a backoff or timeout option as written.
func durationText(o *ast.Option) string {
	switch {
	case o.Value == nil:
		return "10ms"
	case o.To != nil:
		return o.Value.Raw + ".." + o.To.Raw
	}
	return o.Value.Raw
}

// maxRetry bounds `retry N`.
const maxRetry = 1000

// failureFields are the fields a failure event may declare, with their types:
// the runtime fills them from the failed call (docs/language.md, Failures).
var failureFields = map[string]ir.TypeKind{
	"proc": ir.String, "case": ir.String, "event": ir.String, "error": ir.String,
	"payload": ir.String, "phase": ir.Int, "step": ir.Int, "input": ir.Int,
	"attempts": ir.Int,
}

// failureEvent resolves the event of `failures E`: every field must be one
// of failureFields, with its type.
func (c *checker) failureEvent(id ast.Ident) *ir.Event {
	ev := c.lookupEvent(id)
	if ev == nil {
		return nil
	}
	names := sortedKeys(failureFields)
	for _, f := range ev.Fields {
		want, ok := failureFields[f.Name]
		switch {
		case !ok:
			c.report(withRename(diag.Errorf(id.Pos, ruleBadOption, "failure event %s has field %s, which the runtime cannot fill%s: its fields must be among %s",
				ev.Name, f.Name, didYouMean(f.Name, names), strings.Join(names, ", ")).With(f.Pos, "field %s declared here", f.Name), f.Pos, f.Name, names))
		case f.Type.Kind != want:
			typ := "string"
			if want == ir.Int {
				typ = "int"
			}
			c.report(diag.Errorf(id.Pos, ruleBadOption, "field %s of failure event %s must be of type %s", f.Name, ev.Name, typ).
				With(f.Pos, "field %s declared here", f.Name))
		}
	}
	return ev
}

// exhaustive resolves the `exhaustive` options of a processor into
// p.Exhaustive: a bare `exhaustive` names every event type the processor has
// cases for; `exhaustive Order, Refund` names those, which must each have a case.
func (c *checker) exhaustive(pi *procInfo, opts []*ast.Option) {
	p := pi.p
	var handled []*ir.Event // in case order
	for _, ci := range pi.cases {
		if !slices.Contains(handled, ci.ic.Event) {
			handled = append(handled, ci.ic.Event)
		}
	}
	add := func(ev *ir.Event, pos ast.Pos) {
		if _, ok := pi.exhaustive[ev]; !ok {
			pi.exhaustive[ev] = pos
			p.Exhaustive = append(p.Exhaustive, ev)
		}
	}
	for _, o := range opts {
		if len(o.Events) == 0 {
			if len(handled) == 0 && pi.catchAll == nil && !c.hasUnresolvedCase(pi) {
				c.errorf(o.Name.Pos, ruleBadOption, "exhaustive: processor %s has no event cases", p.Name)
			}
			for _, ev := range handled {
				add(ev, o.Name.Pos)
			}
			continue
		}
		for _, id := range o.Events {
			ev := c.lookupEvent(id)
			switch {
			case ev == nil:
			case !slices.Contains(handled, ev) && pi.catchAll == nil: // the catch-all handles every event type
				c.errorf(id.Pos, ruleBadOption, "exhaustive %s: processor %s has no case for %s", id.Name, p.Name, id.Name)
			default:
				add(ev, id.Pos)
			}
		}
	}
	slices.SortFunc(p.Exhaustive, func(a, b *ir.Event) int { return a.Kind - b.Kind })
}

// hasUnresolvedCase reports whether the processor has an event case whose
// event did not resolve (and was reported).
func (c *checker) hasUnresolvedCase(pi *procInfo) bool {
	return slices.ContainsFunc(pi.decl.Cases, func(cs *ast.Case) bool {
		return kindOf(cs) == ast.CaseEvent && !cs.IsCatchAll() && c.events[cs.Event.Name] == nil
	})
}

// lifecycleCase checks `on init`, `on phase` or `on terminate` of a processor
// or builder; first is its first case of that kind.
func (c *checker) lifecycleCase(p *ir.Processor, cs, first *ast.Case) {
	name := lifecycleNames[cs.Kind]
	kw := "on " + cs.Kind.String()
	if cs.Name != nil && cs.Name.Name != "" {
		c.errorf(cs.Name.Pos, ruleBadName, "%s cannot be renamed: its handler method is always %s", kw, name)
	}
	if cs != first {
		c.report(diag.Errorf(cs.Pos, ruleDuplicateCase, "duplicate %s in %s", kw, owner(p)).
			With(first.Pos, "first %s here", kw))
	}
	ic := &ir.Case{Name: name, Index: -1, Kind: cs.Kind, Pos: cs.Pos}
	switch {
	case cs.Kind == ast.CaseTerminate && len(cs.Emits) > 0:
		// The events of an emit would never be delivered: the run is over.
		// The emit list is not resolved, so that removing it fixes everything.
		c.errorf(cs.Emits[0].Pos, ruleTerminateEmits, "on terminate may not emit: the run is over when it is called")
	case p.Builder != nil && len(cs.Emits) > 0:
		c.errorf(cs.Emits[0].Pos, ruleBadBuilder,
			"a builder's case may resolve targets but not emit events: builder %s publishes artifacts", p.Name)
	default:
		ic.Emits = c.emits(cs.Emits)
	}
	if cs.Kind == ast.CaseTerminate && len(cs.Resolves) > 0 {
		c.errorf(cs.Resolves[0].Pos, ruleTerminateEmits, "on terminate may not resolve targets: the run is over when it is called")
	} else {
		ic.Resolves = c.resolves(cs.Resolves)
	}
	switch {
	case len(cs.Publishes) == 0:
	case cs.Kind == ast.CaseTerminate:
		c.errorf(cs.Publishes[0].Pos, ruleTerminateEmits, "on terminate may not publish: the run is over when it is called")
	case p.Builder != nil:
		c.errorf(cs.Publishes[0].Pos, ruleBadBuilder,
			"a builder's case cannot publish to a target: builder %s publishes artifacts of its own target with its context's Publish", p.Name)
	default:
		ic.Publishes = c.publishes(p, cs.Publishes)
	}
	if cs != first {
		return
	}
	switch cs.Kind {
	case ast.CaseInit:
		p.Init = ic
	case ast.CasePhase:
		p.Phase = ic
	case ast.CaseTerminate:
		p.Terminate = ic
	}
}

// eventCase checks an `on Event{...}` case; names holds the names of the
// processor's earlier event and built cases.
func (c *checker) eventCase(pi *procInfo, cs *ast.Case, names map[string]ast.Pos, lifecycle map[ast.CaseKind]*ast.Case) {
	p := pi.p
	ev := c.lookupEvent(cs.Event)
	name := c.caseNameCheck(p, cs, names, lifecycle)
	ic := &ir.Case{Name: name, Index: len(p.Cases), Kind: ast.CaseEvent, Pos: cs.Pos, Event: ev}
	errs := len(c.diags) // only errors are reported before lint
	fields := c.patterns(cs, ev, ic)
	if ev != nil {
		ic.Guard = c.guard(cs, ev, ic)
	}
	ok := len(c.diags) == errs // before the emits: a bad emit does not change what the case matches
	ic.Emits = c.emits(cs.Emits)
	ic.Resolves = c.resolves(cs.Resolves)
	ic.Publishes = c.publishes(p, cs.Publishes)
	p.Cases = append(p.Cases, ic)
	if ev != nil {
		pi.cases = append(pi.cases, &caseInfo{ic: ic, decl: cs, ok: ok, fields: fields, guarded: cs.Guard != nil})
	}
}

// catchAllCase checks the catch-all case `on _`: no pattern, no guard (it
// binds nothing), and a name like any case's.
func (c *checker) catchAllCase(pi *procInfo, cs *ast.Case, names map[string]ast.Pos, lifecycle map[ast.CaseKind]*ast.Case) {
	p := pi.p
	name := c.caseNameCheck(p, cs, names, lifecycle)
	ic := &ir.Case{Name: name, Index: len(p.Cases), Kind: ast.CaseEvent, Pos: cs.Pos, CatchAll: true}
	if cs.Fields != nil {
		c.errorf(cs.Event.Pos, ruleBadPattern, "the catch-all case on _ takes no field patterns: it receives events of every type")
	}
	if cs.Guard != nil {
		c.errorf(cs.Guard.ExprPos(), ruleBadGuard, "the catch-all case on _ cannot have a guard: it binds nothing (its handler receives the event)")
	}
	ic.Emits = c.emits(cs.Emits)
	ic.Resolves = c.resolves(cs.Resolves)
	ic.Publishes = c.publishes(p, cs.Publishes)
	p.Cases = append(p.Cases, ic)
	if pi.catchAll == nil {
		pi.catchAll = &caseInfo{ic: ic, decl: cs, ok: true}
	}
}

// builtCase checks an `on built target` case of a processor; names holds the
// names of the processor's earlier event and built cases.
func (c *checker) builtCase(pi *procInfo, cs *ast.Case, names map[string]ast.Pos, lifecycle map[ast.CaseKind]*ast.Case) {
	p := pi.p
	t := c.lookupTarget(cs.Target)
	name := c.caseNameCheck(p, cs, names, lifecycle)
	ic := &ir.Case{Name: name, Index: len(p.Cases), Kind: ast.CaseBuilt, Pos: cs.Pos, Target: t}
	ic.Emits = c.emits(cs.Emits)
	ic.Resolves = c.resolves(cs.Resolves)
	ic.Publishes = c.publishes(p, cs.Publishes)
	p.Cases = append(p.Cases, ic)
	if t != nil {
		pi.built = append(pi.built, &caseInfo{ic: ic, decl: cs, ok: true})
	}
}

// caseNameCheck returns the name of an event or built case, reporting a name
// reserved for a lifecycle case or taken by an earlier case (and recording
// it in names otherwise).
func (c *checker) caseNameCheck(p *ir.Processor, cs *ast.Case, names map[string]ast.Pos, lifecycle map[ast.CaseKind]*ast.Case) string {
	name, pos := caseName(cs)
	if kind, ok := isLifecycleName(name); ok {
		var d diag.Diagnostic
		switch {
		case cs.Name != nil && cs.Name.Name != "":
			d = diag.Errorf(pos, ruleNameCollision,
				"case name %s is reserved for on %s: choose another name", name, kind)
		case cs.Kind == ast.CaseBuilt:
			d = diag.Errorf(pos, ruleNameCollision,
				`case name %s (from target %s) is reserved for on %s: rename the case with "as Name"`, name, cs.Target.Name, kind)
		default:
			d = diag.Errorf(pos, ruleNameCollision,
				`case name %s (from event %s) is reserved for on %s: rename the case with "as Name"`, name, name, kind)
		}
		if lc := lifecycle[kind]; lc != nil {
			d = d.With(lc.Pos, "on %s declared here", kind)
		}
		c.report(d)
	} else if first, ok := names[name]; ok {
		c.report(diag.Errorf(pos, ruleDuplicateCase,
			`duplicate case %s in processor %s: rename this one with "as Name"`, name, p.Name).
			With(first, "first case %s here", name))
	} else if name != "" {
		names[name] = pos
	}
	return name
}

// lookupEvent resolves an event name, reporting an unknown one. It returns nil
// for an empty name: the parser has reported it.
func (c *checker) lookupEvent(id ast.Ident) *ir.Event {
	if id.Name == "" {
		return nil
	}
	if ev, ok := c.events[id.Name]; ok {
		return ev
	}
	if d, ok := c.decls[id.Name]; ok {
		msg := "%s is %s, not an event"
		if _, ok := d.(*ast.RecordDecl); ok {
			msg = "%s is %s, not an event: a record is a value carried in fields of events, never received or emitted by itself"
		}
		c.report(diag.Errorf(id.Pos, ruleUnknownEvent, msg, id.Name, declKind(d)).
			With(d.DeclName().Pos, "%s declared here", id.Name))
		return nil
	}
	cands := sortedKeys(c.events)
	c.report(withRename(diag.Errorf(id.Pos, ruleUnknownEvent, "unknown event %s%s", id.Name, didYouMean(id.Name, cands)), id.Pos, id.Name, cands))
	return nil
}

// emits resolves an emit list: deduplicated and sorted by event kind.
func (c *checker) emits(ids []ast.Ident) []*ir.Event {
	var out []*ir.Event
	for _, id := range ids {
		if ev := c.lookupEvent(id); ev != nil && !slices.Contains(out, ev) {
			out = append(out, ev)
		}
	}
	slices.SortFunc(out, func(a, b *ir.Event) int { return a.Kind - b.Kind })
	return out
}
