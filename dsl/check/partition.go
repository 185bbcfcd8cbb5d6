package check

import (
	"fmt"
	"strings"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/ir"
)

// The rules of the partition clause (`partition by f into K`).
const (
	ruleBadPartition  = "bad-partition"
	rulePartitionNoop = "partition-noop" // a lint rule: `into 1`
)

// maxKeyGroups bounds K: an instance is a handler value and an inbox, and
// more key groups than this is certainly a mistake.
const maxKeyGroups = 4096

// partitions checks the partition clauses of the processors and builders
// and sets Processor.Partition. It runs once the artifact types are known.
// `into 1` is checked as any other K, and leaves Partition nil: it is the
// program without the clause (lint partition-noop says so).
func (c *checker) partitions() {
	for _, pd := range c.prDecls {
		var (
			part *ast.Partition
			p    *ir.Processor
		)
		switch {
		case pd.decl != nil:
			part, p = pd.decl.Partition, pd.proc
		case pd.builder != nil && pd.info != nil:
			part, p = pd.builder.Partition, pd.info.p
		}
		if part == nil || p == nil {
			continue
		}
		pc := &partChecker{c: c, p: p, part: part}
		k, okK := pc.count()
		ok := pc.inputs()
		if !ok || !okK {
			continue
		}
		pt, ok := pc.keys()
		if !ok {
			continue
		}
		if k == 1 {
			c.noops = append(c.noops, part)
			continue
		}
		pt.K = k
		p.Partition = pt
		c.partitioned = append(c.partitioned, p)
	}
}

// partChecker checks the partition clause of one processor or builder.
type partChecker struct {
	c    *checker
	p    *ir.Processor
	part *ast.Partition
}

func (pc *partChecker) errorf(pos ast.Pos, format string, args ...any) diag.Diagnostic {
	return diag.Errorf(pos, ruleBadPartition, format, args...)
}

// count reads K: an integer from 1 to maxKeyGroups.
func (pc *partChecker) count() (int, bool) {
	lit := pc.part.K
	n, msg := parseInt(lit.Raw)
	if msg != "" || n < 1 || n > maxKeyGroups {
		pc.c.report(pc.errorf(lit.Pos, "the number of key groups of %s must be an integer from 1 to %d, not %s",
			owner(pc.p), maxKeyGroups, lit.Raw))
		return 0, false
	}
	return int(n), true
}

// inputs checks that the declaration has inputs to partition, and that they
// may be split by key: not a source builder, not a helper that needs its
// whole input, a Grouper only by its group field.
func (pc *partChecker) inputs() bool {
	p, pos := pc.p, pc.part.Pos
	if b := p.Builder; b != nil {
		switch {
		case b.Source():
			pc.c.report(pc.errorf(pos, "builder %s is a source builder: it has no inputs to partition (its Build yields every artifact of %s); partition the processors or builders that consume them",
				p.Name, b.Provides.Name))
			return false
		case b.Helper != nil:
			return pc.helper(b.Helper)
		}
	}
	if len(p.Cases) == 0 {
		pc.c.report(pc.errorf(pos, "%s has only lifecycle cases: it has no inputs to partition; remove the clause", owner(p)))
		return false
	}
	return true
}

// helper checks that helper h may be partitioned by the clause's key.
func (pc *partChecker) helper(h *ir.Helper) bool {
	p, pos := pc.p, pc.part.Pos
	name := helperNames[h.Kind]
	switch h.Kind {
	case ir.Collector, ir.ReservoirSampler, ir.StreamSampler:
		what := map[ir.HelperKind]string{
			ir.Collector:        "collects every input of a phase into one artifact",
			ir.ReservoirSampler: "samples from the whole of its input",
			ir.StreamSampler:    "chooses each input by its position in the whole input",
		}[h.Kind]
		pc.c.report(pc.errorf(pos, "builder %s cannot be partitioned: helper %s %s, which key groups would split; partition the builders that make its inputs, or use Grouper",
			p.Name, name, what))
		return false
	}
	// Grouper and StreamGrouper: the groups must stay whole.
	if h.By == nil {
		pc.c.report(pc.errorf(pos, "builder %s cannot be partitioned: helper %s groups by a key method, so its groups could span key groups; group by a field, %s(by: field), and partition by that field",
			p.Name, name, name))
		return false
	}
	for _, k := range pc.part.Keys {
		if k.Field.Name != h.By.Name {
			pc.c.report(pc.errorf(k.Pos(), "builder %s uses %s(by: %s): partition it by %s, not %s, so that each group stays whole in one key group",
				p.Name, name, h.By.Name, h.By.Name, k.String()))
			return false
		}
	}
	return true
}

// input is one type of value that the declaration receives, with the first
// case that receives it.
type input struct {
	name   string // the type's name: an event's or a record's
	ev     *ir.Event
	rec    *ir.Record
	fields []*ir.Field
	cs     *ir.Case
}

// received lists the types the cases receive, in the order of their first
// case; a catch-all case receives every event type of the package. It
// reports false (and an error) for a built case whose artifacts are not
// events or records.
func (pc *partChecker) received() ([]*input, bool) {
	var (
		ins  []*input
		seen = map[string]bool{}
		ok   = true
	)
	add := func(in *input) {
		if !seen[in.name] {
			seen[in.name] = true
			ins = append(ins, in)
		}
	}
	for _, cs := range pc.p.Cases {
		switch {
		case cs.CatchAll:
			for _, ev := range pc.c.pkg.Events {
				add(&input{name: ev.Name, ev: ev, fields: ev.Fields, cs: cs})
			}
		case cs.Event != nil:
			add(&input{name: cs.Event.Name, ev: cs.Event, fields: cs.Event.Fields, cs: cs})
		case cs.Target != nil:
			a := cs.Target.Type
			switch {
			case a == nil:
				ok = false // unknown: reported
			case a.Kind == ir.ArtifactEvent:
				add(&input{name: a.Event.Name, ev: a.Event, fields: a.Event.Fields, cs: cs})
			case a.Kind == ir.ArtifactField && a.Field.Kind == ir.RecordType && a.Field.Record != nil:
				r := a.Field.Record
				add(&input{name: r.Name, rec: r, fields: r.Fields, cs: cs})
			default:
				pc.c.report(pc.errorf(pc.part.Pos, "%s cannot be partitioned by a field: its case %s receives the artifacts of %s, of type %s, which has no fields; a partitioned declaration receives events or records",
					owner(pc.p), caseLabel(cs), cs.Target.Name, a).
					With(cs.Pos, "case %s", caseLabel(cs)))
				ok = false
			}
		}
	}
	return ins, ok
}

// caseLabel names a case for messages: `on built t` or its name.
func caseLabel(cs *ir.Case) string {
	switch {
	case cs.CatchAll:
		return "on _"
	case cs.Kind == ast.CaseBuilt && cs.Target != nil:
		return "on built " + cs.Target.Name
	}
	return cs.Name
}

// keys resolves the key of every received type and checks their type.
func (pc *partChecker) keys() (*ir.Partition, bool) {
	ins, ok := pc.received()
	if !ok {
		return nil, false
	}
	keys := pc.part.Keys
	pt := &ir.Partition{Keys: map[*ir.Event]*ir.Field{}, RecordKeys: map[*ir.Record]*ir.Field{}, Pos: pc.part.Pos}
	byType := map[string]ast.KeyRef{}
	qualified := len(keys) > 1 || keys[0].Event != nil
	if qualified {
		names := map[string]bool{}
		for _, in := range ins {
			names[in.name] = true
		}
		for _, k := range keys {
			if k.Event == nil {
				pc.c.report(pc.errorf(k.Pos(), "key %s of %s names no type: with several keys, each is Type.field, one per type the declaration receives (%s)",
					k.Field.Name, owner(pc.p), inputNames(ins)))
				return nil, false
			}
			t := k.Event.Name
			if first, dup := byType[t]; dup {
				pc.c.report(pc.errorf(k.Pos(), "%s has two keys for %s: %s and %s; a type has one key", owner(pc.p), t, first.String(), k.String()).
					With(first.Pos(), "first key of %s", t))
				return nil, false
			}
			if !names[t] {
				pc.c.report(pc.errorf(k.Pos(), "%s receives no %s: its keys are for the types it receives (%s)", owner(pc.p), t, inputNames(ins)))
				return nil, false
			}
			byType[t] = k
		}
	}
	var (
		first    *ir.Field
		firstKey ast.KeyRef
	)
	for _, in := range ins {
		k := keys[0]
		if qualified {
			var has bool
			if k, has = byType[in.name]; !has {
				pc.c.report(pc.errorf(pc.part.Pos, "%s has no key for %s, which its case %s receives: add %s.field to the keys", owner(pc.p), in.name, caseLabel(in.cs), in.name).
					With(in.cs.Pos, "case %s", caseLabel(in.cs)))
				return nil, false
			}
		}
		f := fieldNamed(in.fields, k.Field.Name)
		if f == nil {
			names := make([]string, len(in.fields))
			for i, f := range in.fields {
				names[i] = f.Name
			}
			hint := didYouMean(k.Field.Name, names)
			d := pc.errorf(k.Field.Pos, "%s has no field %s, and case %s of %s receives it: every input needs the key field%s", in.name, k.Field.Name, caseLabel(in.cs), owner(pc.p), hint)
			if in.cs.CatchAll {
				d = pc.errorf(k.Field.Pos, "%s has no field %s, and case on _ of %s receives every event type: every event type needs the key field%s", in.name, k.Field.Name, owner(pc.p), hint)
			}
			pc.c.report(d.With(in.cs.Pos, "case %s", caseLabel(in.cs)))
			return nil, false
		}
		if why := keyTypeProblem(f); why != "" {
			pc.c.report(pc.errorf(k.Field.Pos, "%s.%s cannot be a partition key: %s", in.name, f.Name, why).With(f.Pos, "%s declared here", f.Name))
			return nil, false
		}
		if first == nil {
			first, firstKey = f, k
		} else if !sameType(first.Type, f.Type) {
			pc.c.report(pc.errorf(k.Field.Pos, "the keys of %s have different types: %s.%s is %s, %s is %s; the keys of all inputs must have one type",
				owner(pc.p), in.name, f.Name, f.Type, firstKey.String(), first.Type).With(f.Pos, "%s declared here", f.Name))
			return nil, false
		}
		if in.ev != nil {
			pt.Keys[in.ev] = f
		} else {
			pt.RecordKeys[in.rec] = f
		}
	}
	if first == nil {
		return nil, false // no inputs: reported
	}
	pt.Type = first.Type
	return pt, true
}

// keyTypeProblem says why field f cannot be a key, or "".
func keyTypeProblem(f *ir.Field) string {
	if f.Optional {
		return fmt.Sprintf("it is optional (%s): an absent key has no key group; make it required", f.TypeString())
	}
	switch f.Type.Kind {
	case ir.String, ir.Int, ir.Bool, ir.Bytes, ir.EnumType, ir.Time, ir.Duration:
		return ""
	case ir.Float:
		return "it is a float: -0 and +0, and NaNs with different payloads, are equal or alike but encode differently, so equal-looking keys would land in different key groups; use an int or a string"
	case ir.List, ir.Map:
		return fmt.Sprintf("it is a %s (%s): a key is one value; partition by a scalar field", map[ir.TypeKind]string{ir.List: "list", ir.Map: "map"}[f.Type.Kind], f.Type)
	}
	return fmt.Sprintf("it is a record (%s): a key is one value; partition by a scalar field", f.Type)
}

// sameType reports whether two key types are one type.
func sameType(a, b ir.Type) bool { return a.Kind == b.Kind && a.Enum == b.Enum }

func fieldNamed(fields []*ir.Field, name string) *ir.Field {
	for _, f := range fields {
		if f.Name == name {
			return f
		}
	}
	return nil
}

func inputNames(ins []*input) string {
	names := make([]string, len(ins))
	for i, in := range ins {
		names[i] = in.name
	}
	return strings.Join(names, ", ")
}

// partitionNoops reports [partition-noop]: `into 1` makes one key group,
// the program without the clause.
func (l *linter) partitionNoops() {
	for _, part := range l.c.noops {
		l.warn(nil, diag.Warningf(part.K.Pos, rulePartitionNoop,
			"partition into 1 makes one key group: the program is the same without the clause; remove it, or give more key groups"))
	}
}

// factoryNames returns the generated names of the handler factory of the
// partitioned processor or builder name (ir.FactoryNames), nil when it is
// not partitioned or takes no handler (a helper without hooks).
func (c *checker) factoryNames(name string) []ir.GoName {
	for _, p := range c.partitioned {
		if p.Name == name && (p.Builder == nil || p.Builder.Helper == nil || p.Builder.Helper.Hooks()) {
			return ir.FactoryNames(name)
		}
	}
	return nil
}
