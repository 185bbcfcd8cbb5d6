package engine

// Failure describes a call that failed for good (after its retries) in a
// processor that routes its failures as events (`failures E` in .fw): the
// generated code turns it into an E, which the engine emits in place of the
// call's emissions, and the run goes on.
type Failure struct {
	Processor string
	Case      string // case name; "init", "phase" or "terminate" for lifecycle calls
	Event     string // the input's event name; empty for lifecycle calls
	Err       error  // the last attempt's error, or a *PanicError
	Phase     int
	Step      int
	Input     int // the input's position in the processor's inbox for the step
	Attempts  int // the attempts made: 1 plus the retries (`retry N`)
	Msg       Msg // the input; the zero Msg for lifecycle calls
	// KeyGroup is the key group of the failed instance of a partitioned
	// processor; 0 otherwise.
	KeyGroup int
}

// FailureRouter is implemented by the Dispatcher of a package with a
// processor that routes its failures (ProcInfo.Failures).
type FailureRouter interface {
	// FailureMsg returns the failure event of processor proc for f.
	FailureMsg(proc int32, f *Failure) Msg
}
