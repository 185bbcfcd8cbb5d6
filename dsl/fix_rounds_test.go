package dsl_test

import (
	"testing"

	"github.com/fwgo/fw/dsl"
)

// TestFixRounds: a fix can bring another; Fix goes on until none is left,
// and leaves its input alone.
func TestFixRounds(t *testing.T) {
	src := `package shop

input event Order { amount int }

processor Billing {
    on Order{amount: 0} as Free
    on Ordr{amount: 0} as Again
    on Order as Other
}
`
	srcs := [][]byte{[]byte(src)}
	fixed, applied, diags := dsl.Fix([]string{"shop.fw"}, srcs)
	if string(srcs[0]) != src {
		t.Error("Fix changed its input")
	}
	want := `package shop

input event Order { amount int }

processor Billing {
    on Order{amount: 0} as Free
    on Order as Other
}
`
	if string(fixed[0]) != want {
		t.Errorf("fixed:\n%s\nwant:\n%s", fixed[0], want)
	}
	if len(diags) != 0 {
		t.Errorf("diagnostics left:\n%s", diags.Text())
	}
	var got []string
	for _, a := range applied {
		got = append(got, a.Diag.Rule+"@"+string(rune('0'+a.Round))+": "+a.Fix.Message)
	}
	wantApplied := []string{"unknown-event@1: Replace Ordr with Order", "unreachable-case@2: Remove case Again"}
	if len(got) != len(wantApplied) || got[0] != wantApplied[0] || got[1] != wantApplied[1] {
		t.Errorf("applied %q, want %q", got, wantApplied)
	}
}

// TestFixCRLF: removing a case of a file with CRLF line ends removes its
// whole line, "\r\n" included.
func TestFixCRLF(t *testing.T) {
	src := "package shop\r\n\r\ninput event Order { amount int }\r\n\r\nprocessor Billing {\r\n    on Order as All\r\n    on Order{amount: 0} as Zero // never\r\n}\r\n"
	fixed, applied, diags := dsl.Fix([]string{"shop.fw"}, [][]byte{[]byte(src)})
	want := "package shop\r\n\r\ninput event Order { amount int }\r\n\r\nprocessor Billing {\r\n    on Order as All\r\n}\r\n"
	if string(fixed[0]) != want || len(applied) != 1 || len(diags) != 0 {
		t.Errorf("fixed %q (applied %d), want %q; left:\n%s", fixed[0], len(applied), want, diags.Text())
	}
}
