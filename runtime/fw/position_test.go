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

func TestPositionKeyKeyGroup(t *testing.T) {
	for _, c := range []struct {
		p    Position
		want string
	}{
		{Position{Processor: "Billing", Phase: 0, Step: 2, Input: 17, Case: "Order", KeyGroup: 5, KeyGroups: 8}, "Billing[5]/0/2/17"},
		{Position{Processor: "Billing", Phase: 1, Step: 0, Case: "phase", KeyGroup: 0, KeyGroups: 3}, "Billing[0]/1/0/phase"},
		// K = 1 is an unpartitioned processor: the key is as it always was.
		{Position{Processor: "Billing", Phase: 0, Step: 2, Input: 17, Case: "Order", KeyGroups: 1}, "Billing/0/2/17"},
		{Position{Processor: "Billing", Phase: 0, Step: 2, Input: 17, Case: "Order"}, "Billing/0/2/17"},
	} {
		if got := c.p.Key(); got != c.want {
			t.Errorf("%+v: Key() = %q, want %q", c.p, got, c.want)
		}
	}
}
