package fedmatch_test

import "github.com/fwgo/fw/generated/fedmatch"

type p0 struct{}

func (p0) OnA(c fedmatch.P0AContext, id string) error { return nil }
func (p0) OnB(c fedmatch.P0BContext) error            { return nil }

type p1 struct{}

func (p1) OnA(c fedmatch.P1AContext, id string) error { return nil }
func (p1) OnB(c fedmatch.P1BContext) error            { return nil }

type p2 struct{}

func (p2) OnA(c fedmatch.P2AContext, id string) error { return nil }
func (p2) OnB(c fedmatch.P2BContext) error            { return nil }

type p3 struct{}

func (p3) OnA(c fedmatch.P3AContext, id string) error { return nil }
func (p3) OnB(c fedmatch.P3BContext) error            { return nil }

type p4 struct{}

func (p4) OnA(c fedmatch.P4AContext, id string) error { return nil }
func (p4) OnB(c fedmatch.P4BContext) error            { return nil }

type p5 struct{}

func (p5) OnA(c fedmatch.P5AContext, id string) error { return nil }
func (p5) OnB(c fedmatch.P5BContext) error            { return nil }

type p6 struct{}

func (p6) OnA(c fedmatch.P6AContext, id string) error { return nil }
func (p6) OnB(c fedmatch.P6BContext) error            { return nil }

type p7 struct{}

func (p7) OnA(c fedmatch.P7AContext, id string) error { return nil }
func (p7) OnB(c fedmatch.P7BContext) error            { return nil }

type p8 struct{}

func (p8) OnA(c fedmatch.P8AContext, id string) error { return nil }
func (p8) OnB(c fedmatch.P8BContext) error            { return nil }

type p9 struct{}

func (p9) OnA(c fedmatch.P9AContext, id string) error { return nil }
func (p9) OnB(c fedmatch.P9BContext) error            { return nil }

type p10 struct{}

func (p10) OnA(c fedmatch.P10AContext, id string) error { return nil }
func (p10) OnB(c fedmatch.P10BContext) error            { return nil }

type p11 struct{}

func (p11) OnA(c fedmatch.P11AContext, id string) error { return nil }
func (p11) OnB(c fedmatch.P11BContext) error            { return nil }

func fillP(h *fedmatch.Handlers) {
	h.P0 = p0{}
	h.P1 = p1{}
	h.P2 = p2{}
	h.P3 = p3{}
	h.P4 = p4{}
	h.P5 = p5{}
	h.P6 = p6{}
	h.P7 = p7{}
	h.P8 = p8{}
	h.P9 = p9{}
	h.P10 = p10{}
	h.P11 = p11{}
}
