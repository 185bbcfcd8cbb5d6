package fw

import "testing"

func TestPositionKey(t *testing.T) {
	for _, tc := range []struct {
		p    Position
		want string
	}{
		{Position{Phase: 0, Step: 2, Processor: "Billing", Case: "Domestic", Input: 17, Emission: 3}, "Billing/0/2/17"},
		{Position{Phase: 1, Step: 3, Processor: "Audit", Case: "phase"}, "Audit/1/3/phase"},
		{Position{Processor: "Audit", Case: "init"}, "Audit/0/0/init"},
	} {
		if got := tc.p.Key(); got != tc.want {
			t.Errorf("%+v: Key() = %q, want %q", tc.p, got, tc.want)
		}
	}
}
