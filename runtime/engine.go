package runtime

import "context"

// Call is the context of one handler call. Generated per-case context types wrap it
// and expose only the emits the case declares.
type Call struct {
	ctx   context.Context
	phase int
	msg   Msg
	out   []Msg
}

// Context returns the run's context.
func (c *Call) Context() context.Context { return c.ctx }

// Phase returns the current phase (for `on phase`, the phase that completed).
func (c *Call) Phase() int { return c.phase }

// Msg returns the event being handled (the zero Msg for lifecycle calls).
func (c *Call) Msg() Msg { return c.msg }

// Emit records an emission; it takes effect only if the call returns nil.
func (c *Call) Emit(m Msg) { c.out = append(c.out, m) }

// Engine runs a Program. STUB: being implemented.
type Engine struct{}

// New returns an engine for p that calls handlers through d.
func New(p *Program, d Dispatcher, opts ...Option) *Engine { return &Engine{} }

// Submit queues an event for phase 0. It must be called before Run.
func (e *Engine) Submit(m Msg) {}

// Run runs the pipeline to completion.
func (e *Engine) Run(ctx context.Context) error { return nil }

// Stats returns a snapshot of the job accounting.
func (e *Engine) Stats() Stats { return Stats{} }
