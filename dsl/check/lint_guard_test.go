package check

import (
	"strings"
	"testing"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/ir"
	"github.com/fwgo/fw/dsl/space"
)

// TestGuardAgainstPattern: the guard rules intersect a guard's comparisons
// with the case's pattern on the same field, when the pattern both
// constrains and binds it (as `on Order{amount: 0..10, amount}` will), and
// decide through &&, || and !.
func TestGuardAgainstPattern(t *testing.T) {
	amount := &ir.Field{Name: "amount", Type: ir.Type{Kind: ir.Int}}
	status := &ir.Field{Name: "status", Index: 1, Type: ir.Type{Kind: ir.EnumType, Enum: &ir.Enum{Name: "Status", Variants: []string{"NEW", "PAID", "CANCELLED"}}}}
	region := &ir.Field{Name: "region", Index: 2, Type: ir.Type{Kind: ir.String}}
	ev := &ir.Event{Name: "Order", Fields: []*ir.Field{amount, status, region}}
	bind := func(f *ir.Field) ir.Operand {
		return ir.Operand{Kind: ir.OperandBind, Name: f.Name, Field: f, Type: f.Type}
	}
	lit := func(f *ir.Field, v space.Value) ir.Operand {
		return ir.Operand{Kind: ir.OperandLit, Type: f.Type, Lit: v}
	}
	cmp := func(f *ir.Field, op string, v space.Value) *ir.Guard {
		return &ir.Guard{Op: ir.GuardCompare, Cmp: op, L: bind(f), R: lit(f, v)}
	}
	and := func(x, y *ir.Guard) *ir.Guard { return &ir.Guard{Op: ir.GuardAnd, X: x, Y: y} }
	or := func(x, y *ir.Guard) *ir.Guard { return &ir.Guard{Op: ir.GuardOr, X: x, Y: y} }
	not := func(x *ir.Guard) *ir.Guard { return &ir.Guard{Op: ir.GuardNot, X: x} }
	small := &fieldInfo{field: amount, set: space.IntBetween(amount.Domain(), 0, 10)}
	paid := &fieldInfo{field: status, set: space.IntValue(status.Domain(), 1)}
	eu := &fieldInfo{field: region, set: space.StringValue("eu")}
	tests := []struct {
		name   string
		fields []*fieldInfo
		guard  *ir.Guard
		want   string // the rule reported, or ""
	}{
		{"beyond the range", []*fieldInfo{small}, cmp(amount, ">", space.Value{Int: 10}), ruleGuardNeverHolds},
		{"inside the range", []*fieldInfo{small}, cmp(amount, ">=", space.Value{Int: 0}), ruleGuardAlwaysHolds},
		{"splits the range", []*fieldInfo{small}, cmp(amount, ">", space.Value{Int: 5}), ""},
		{"unconstrained", nil, cmp(amount, ">", space.Value{Int: 10}), ""},
		{"other variant", []*fieldInfo{paid}, cmp(status, "==", space.Value{Int: 0}), ruleGuardNeverHolds},
		{"negated other variant", []*fieldInfo{paid}, not(cmp(status, "==", space.Value{Int: 0})), ruleGuardAlwaysHolds},
		{"other string", []*fieldInfo{eu}, cmp(region, "==", space.Value{Str: "us"}), ruleGuardNeverHolds},
		{"both fields, one never", []*fieldInfo{small, eu}, and(cmp(region, "!=", space.Value{Str: "us"}), cmp(amount, "<", space.Value{Int: 0})), ruleGuardNeverHolds},
		{"or with one always", []*fieldInfo{small, eu}, or(cmp(region, "==", space.Value{Str: "eu"}), cmp(amount, ">", space.Value{Int: 5})), ruleGuardAlwaysHolds},
		{"two bound values", []*fieldInfo{small}, &ir.Guard{Op: ir.GuardCompare, Cmp: "<", L: bind(amount), R: bind(amount)}, ""},
		{"unknown and never", []*fieldInfo{small}, and(&ir.Guard{Op: ir.GuardCompare, Cmp: "<", L: bind(amount), R: bind(amount)}, cmp(amount, ">", space.Value{Int: 10})), ruleGuardNeverHolds},
	}
	for _, tt := range tests {
		c := &checker{}
		l := &linter{c: c}
		decl := &ast.Case{Pos: ast.Pos{Line: 1, Col: 1}, Guard: &ast.Name{Pos: ast.Pos{Line: 1, Col: 20}, Name: "g"}}
		ci := &caseInfo{ic: &ir.Case{Name: "C", Event: ev, Guard: tt.guard}, decl: decl, ok: true, fields: tt.fields, guarded: true}
		l.guards(&procInfo{cases: []*caseInfo{ci}})
		var got []string
		for _, d := range l.diags {
			got = append(got, d.d.Rule)
		}
		want := []string{}
		if tt.want != "" {
			want = []string{tt.want}
		}
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%s: %v, want %v", tt.name, got, want)
		}
	}
}
