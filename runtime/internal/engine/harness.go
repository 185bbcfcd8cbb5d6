package engine

import "context"

// NewTestCall returns a call of case cs of processor proc, with the message m,
// outside any run: the call of a handler test (fwimpl.TestCase). It has no
// arena: its emissions are allocated on their own. For a partitioned
// processor, at.KeyGroup is the instance's key group (c.KeyGroup()).
func NewTestCall(ctx context.Context, prog *Program, proc, cs int32, m Msg, at Position) *Call {
	return &Call{ctx: ctx, prog: prog, proc: proc, kg: int32(at.KeyGroup), cs: cs, phase: at.Phase, step: at.Step, input: at.Input, msg: m}
}

// Emitted returns the emissions of a call made by NewTestCall, in order.
func (c *Call) Emitted() []Msg { return c.out[c.mark:] }
