package check

import (
	"math"
	"slices"
	"strconv"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/ir"
)

// helperNames are the runtime's helpers, in ir.HelperKind order.
var helperNames = []string{"Collector", "Grouper", "StreamGrouper", "StreamSampler", "ReservoirSampler"}

// helperKinds maps a helper's name to its kind.
var helperKinds = map[string]ir.HelperKind{
	"Collector":        ir.Collector,
	"Grouper":          ir.Grouper,
	"StreamGrouper":    ir.StreamGrouper,
	"StreamSampler":    ir.StreamSampler,
	"ReservoirSampler": ir.ReservoirSampler,
}

// helperParams are the argument names each helper takes.
var helperParams = map[ir.HelperKind][]string{
	ir.Collector:        nil,
	ir.Grouper:          {"by", "key"},
	ir.StreamGrouper:    {"by", "key"},
	ir.StreamSampler:    {"p", "seed"},
	ir.ReservoirSampler: {"k", "seed"},
}

// maxSample bounds ReservoirSampler's k: the sample is allocated up front.
const maxSample = 1 << 30

// helperArgs checks the arguments of a helper builder, fills its ir.Helper,
// and returns the type of its artifacts, inferred from in, the type of its
// requirement (from). in is nil when unknown: the checks that need it are
// skipped (the reason was reported).
func (c *checker) helperArgs(bi *builderInfo, from *ir.Target, in *ir.Artifact) *ir.Artifact {
	h := bi.p.Builder.Helper
	u := bi.decl.Use
	name := u.Helper.Name
	params := helperParams[h.Kind]
	args := map[string]*ast.Arg{}
	unknown := false // an unknown argument: perhaps a misspelt required one, not reported missing
	for _, a := range u.Args {
		if a == nil || a.Name.Name == "" {
			continue
		}
		an := a.Name.Name
		switch {
		case len(params) == 0:
			c.errorf(a.Name.Pos, ruleBadHelperArg, "%s takes no arguments", name)
			continue
		case !slices.Contains(params, an):
			unknown = true
			if hint := didYouMean(an, params); hint != "" {
				c.report(withRename(diag.Errorf(a.Name.Pos, ruleBadHelperArg, "%s has no argument %s%s", name, an, hint), a.Name.Pos, an, params))
			} else {
				c.errorf(a.Name.Pos, ruleBadHelperArg, "%s has no argument %s: its arguments are %s", name, an, caseList(params))
			}
			continue
		}
		if first, ok := args[an]; ok {
			c.report(diag.Errorf(a.Name.Pos, ruleBadHelperArg, "argument %s given twice", an).
				With(first.Name.Pos, "first given here"))
			continue
		}
		args[an] = a
	}

	switch h.Kind {
	case ir.Grouper, ir.StreamGrouper:
		key, keyOK := c.groupKey(bi, h, args, from, in, unknown)
		if in == nil || !keyOK {
			return nil
		}
		return &ir.Artifact{Kind: ir.ArtifactGroup, Key: key, Elem: in}
	case ir.StreamSampler:
		if a := args["p"]; a == nil {
			if !unknown {
				c.errorf(u.Helper.Pos, ruleBadHelperArg, "StreamSampler needs p, the probability of keeping an input: StreamSampler(p: 0.1)")
			}
		} else if lit, isLit := a.Value.(*ast.Literal); !isLit || lit == nil || lit.Kind != ast.LitFloat && lit.Kind != ast.LitInt {
			c.errorf(valuePos(a), ruleBadHelperArg, "p takes a number greater than 0 and at most 1, not %s", valueText(a))
		} else if v, msg := parseFloat(lit.Raw, lit.Kind); msg != "" || !(v > 0 && v <= 1) {
			c.errorf(lit.Pos, ruleBadHelperArg, "p must be a probability greater than 0 and at most 1, not %s", lit.Raw)
		} else {
			h.P = v
		}
		h.Seed = c.seed(args["seed"])
	case ir.ReservoirSampler:
		if a := args["k"]; a == nil {
			if !unknown {
				c.errorf(u.Helper.Pos, ruleBadHelperArg, "ReservoirSampler needs k, the sample size: ReservoirSampler(k: 100)")
			}
		} else if lit, isLit := a.Value.(*ast.Literal); !isLit || lit == nil || lit.Kind != ast.LitInt {
			c.errorf(valuePos(a), ruleBadHelperArg, "k takes an integer from 1 to %d, not %s", maxSample, valueText(a))
		} else if n, msg := parseInt(lit.Raw); msg != "" || n < 1 || n > maxSample {
			c.errorf(lit.Pos, ruleBadHelperArg, "k must be an integer from 1 to %d, not %s", maxSample, lit.Raw)
		} else {
			h.K = int(n)
		}
		h.Seed = c.seed(args["seed"])
	}
	if in == nil {
		return nil
	}
	switch h.Kind {
	case ir.StreamSampler:
		return in
	case ir.Collector, ir.ReservoirSampler:
		return &ir.Artifact{Kind: ir.ArtifactSlice, Elem: in}
	}
	return nil
}

// seed checks a `seed:` argument (nil when absent: seed 0) and returns its value.
func (c *checker) seed(a *ast.Arg) uint64 {
	if a == nil {
		return 0
	}
	lit, isLit := a.Value.(*ast.Literal)
	if !isLit || lit == nil || lit.Kind != ast.LitInt {
		c.errorf(valuePos(a), ruleBadHelperArg, "seed takes an integer from 0 to %d, not %s", uint64(math.MaxUint64), valueText(a))
		return 0
	}
	v, err := strconv.ParseUint(lit.Raw, 0, 64)
	if err != nil {
		c.errorf(lit.Pos, ruleBadHelperArg, "seed must be an integer from 0 to %d, not %s", uint64(math.MaxUint64), lit.Raw)
		return 0
	}
	return v
}

// groupKey checks the key of a Grouper or StreamGrouper, `by: field` or
// `key: type`, and returns the key type.
func (c *checker) groupKey(bi *builderInfo, h *ir.Helper, args map[string]*ast.Arg, from *ir.Target, in *ir.Artifact, unknown bool) (ir.Type, bool) {
	u := bi.decl.Use
	name := u.Helper.Name
	by, key := args["by"], args["key"]
	switch {
	case by != nil && key != nil:
		later := key
		if key.Pos.Before(by.Pos) {
			later = by
		}
		c.errorf(later.Name.Pos, ruleBadHelperArg, "%s takes by or key, not both", name)
		return ir.Type{}, false
	case by == nil && key == nil:
		if unknown {
			return ir.Type{}, false
		}
		c.errorf(u.Helper.Pos, ruleBadHelperArg,
			"%s needs a key: %s(by: field) groups by a field of the input event, %s(key: type) by a method that the application supplies",
			name, name, name)
		return ir.Type{}, false
	case by != nil:
		n, isName := by.Value.(*ast.Name)
		if !isName || n == nil {
			c.errorf(valuePos(by), ruleBadHelperArg, "by takes the name of a field of the input event, not %s", valueText(by))
			return ir.Type{}, false
		}
		if in == nil {
			return ir.Type{}, false
		}
		if in.Kind != ir.ArtifactEvent {
			c.errorf(n.Pos, ruleBadHelperArg, "%s(by: %s) needs events as input, but %s carries %s: write key: type for a key method",
				name, n.Name, from.Name, in.String())
			return ir.Type{}, false
		}
		f := c.lookupField(in.Event, ast.Ident{Pos: n.Pos, Name: n.Name})
		if f == nil || c.badType[f] {
			return ir.Type{}, false
		}
		if f.Optional {
			c.errorf(n.Pos, ruleBadHelperArg, "%s cannot group by %s: it is optional, and its keys are %s", helperNames[h.Kind], f.Name, keyTypes(h.Kind))
			return ir.Type{}, false
		}
		if !c.keyType(h, f.Type, n.Pos) {
			return ir.Type{}, false
		}
		h.By, h.Key = f, f.Type
		return f.Type, true
	default:
		n, isName := key.Value.(*ast.Name)
		if !isName || n == nil {
			c.errorf(valuePos(key), ruleBadHelperArg, "key takes a type: %s, not %s", keyTypes(h.Kind), valueText(key))
			return ir.Type{}, false
		}
		t, ok := c.namedType(ast.Ident{Pos: n.Pos, Name: n.Name})
		if !ok || !c.keyType(h, t, n.Pos) {
			return ir.Type{}, false
		}
		h.Key = t
		return t, true
	}
}

// keyType reports whether t can be a key of the helper, reporting it if not:
// Grouper orders its keys (cmp.Ordered), StreamGrouper compares them (comparable).
func (c *checker) keyType(h *ir.Helper, t ir.Type, pos ast.Pos) bool {
	if t.Kind == ir.Bytes || t.Kind == ir.Bool && h.Kind == ir.Grouper || !t.Scalar() {
		c.errorf(pos, ruleBadHelperArg, "%s cannot group by %s: its keys are %s", helperNames[h.Kind], t.String(), keyTypes(h.Kind))
		return false
	}
	return true
}

// keyTypes lists the key types of a grouping helper, for messages.
func keyTypes(k ir.HelperKind) string {
	if k == ir.StreamGrouper {
		return "string, int, float, bool or an enum"
	}
	return "string, int, float or an enum"
}

// valuePos is the position of an argument's value, or of its name when it has none.
func valuePos(a *ast.Arg) ast.Pos {
	if a.Value != nil && !isNil(a.Value) {
		return a.Value.PatPos()
	}
	return a.Name.Pos
}

// valueText is an argument's value as written, for messages.
func valueText(a *ast.Arg) string {
	switch v := a.Value.(type) {
	case *ast.Literal:
		if v != nil {
			return v.Raw
		}
	case *ast.Name:
		if v != nil {
			return v.Name
		}
	}
	return "this"
}
