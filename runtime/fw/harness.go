package fw

import "context"

// TestResult is what a handler test gets back from a generated
// Call<Processor> function: which case of the processor the event matched,
// and what the call of that case emitted, resolved and returned. The handler
// runs alone, without a pipeline; its emissions are returned whether or not
// it failed (a pipeline would discard them on an error).
type TestResult[E any] struct {
	// Case is the name of the case that matched the event, or "" when none
	// did: the handler was not called.
	Case     string
	Emitted  []E      // the events the call emitted, in order
	Resolved []string // the targets the call resolved, in order
	// Published are the artifacts the call published (`-> publish t`), in
	// order: each its target's name and its value (an Order, not a *Order).
	Published []TestArtifact
	Err       error    // the handler's error, or a *PanicError if it panicked
	Position  Position // the causal position the call ran at
}

// TestArtifact is an artifact that a handler under test published.
type TestArtifact struct {
	Target string
	Value  any
}

// TestOption sets up the call of a handler test.
type TestOption func(*TestCall)

// TestCall is how a handler test calls the handler: the context and the
// causal position it sees (its Processor and Case are filled in), and the
// lifecycle case to call instead of an event case. Test options set it; the
// zero value is a call of the case an event matches at phase 0, step 0,
// input 0, with context.Background().
type TestCall struct {
	Context   context.Context
	Position  Position
	Lifecycle string // "init", "phase" (of Position.Phase) or "terminate"
}

// AtPosition makes the handler see p as its call's position (Phase, Step
// and Input; the processor and case are those of the call).
func AtPosition(p Position) TestOption { return func(c *TestCall) { c.Position = p } }

// TestLifecycle calls the processor's lifecycle case name ("init", "phase" or
// "terminate") rather than a case on the event, which is then nil; `on phase`
// gets Position.Phase (AtPosition) as the phase that completed.
func TestLifecycle(name string) TestOption { return func(c *TestCall) { c.Lifecycle = name } }

// WithTestContext makes ctx the handler's run context.
func WithTestContext(ctx context.Context) TestOption {
	return func(c *TestCall) { c.Context = ctx }
}
