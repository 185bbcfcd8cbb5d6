package fw

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// ErrMaxPhases is returned (wrapped) when a run exceeds its phase limit.
var ErrMaxPhases = errors.New("fw: maximum number of phases reached")

// ErrNoProvider is returned (wrapped, naming the target) by Run when a target
// to resolve has no provider.
var ErrNoProvider = errors.New("fw: no provider for target")

// ErrAlreadyRun is returned by a second call to Run.
var ErrAlreadyRun = errors.New("fw: pipeline already run")

// HandlerError is returned by Run when a handler fails or panics.
type HandlerError struct {
	Processor string
	Case      string // case name; "init", "phase" or "terminate" for lifecycle calls, "build" for a source's pull
	Event     string // event name ("built t" for an artifact of target t); empty for lifecycle calls and pulls
	Input     int    // position of the event in the processor's inbox for that step
	Phase     int
	Step      int
	Err       error // the handler's error, or a *PanicError
	// KeyGroup is the key group of the failed instance of a partitioned
	// processor, whose key groups KeyGroups counts (K > 1); both are 0 for
	// an unpartitioned processor. Input counts in the instance's inbox.
	KeyGroup, KeyGroups int
}

func (e *HandlerError) Error() string {
	what := "case " + e.Case
	if e.Event != "" {
		what += fmt.Sprintf(", event %s (input %d)", e.Event, e.Input)
	}
	proc := e.Processor
	if e.KeyGroups > 1 {
		proc += fmt.Sprintf("[%d]", e.KeyGroup)
	}
	return fmt.Sprintf("fw: processor %s, %s, phase %d, step %d: %v", proc, what, e.Phase, e.Step, e.Err)
}

func (e *HandlerError) Unwrap() error { return e.Err }

// PanicError is a recovered handler panic.
type PanicError struct {
	Value any
	Stack []byte
}

func (e *PanicError) Error() string { return fmt.Sprintf("panic: %v", e.Value) }

// DivergenceError is returned by Run when a call does not do what was
// recorded: in verify mode (WithVerify), a call whose record is in the
// archive emits something else than the record (the handler, or what it
// depends on, changed without a version bump, or it is not deterministic);
// replaying a recorded run (WithReplay, Replay is set), a call emits
// something else than it did when the run was recorded, or the run makes a
// call that the record does not have, or the other way round.
type DivergenceError struct {
	Processor string
	Case      string // case name; "build" for a source's output (or pull); "init", "phase", "terminate" for lifecycle calls
	Event     string // the input's event name ("built t" for an artifact); empty for a source or a lifecycle call
	Phase     int
	Step      int
	Input     int // position of the input in the processor's inbox for the step
	// Index is the position, among the call's emissions, of the first one that
	// differs; Expected and Got describe it: the event name, the decoded value
	// when known, and the start of its canonical encoding in hex, or
	// "(no emission)" when one side has fewer emissions. Index is -1 when the
	// calls themselves differ (ExpectedCall and GotCall).
	Index    int
	Expected string
	Got      string

	// Replay is set for a divergence found replaying a recorded run.
	Replay bool
	// Call is, for a replay, the position of the call in the record: calls
	// are recorded in the order of the delivery rule, from 0.
	Call uint64
	// ExpectedCall and GotCall are set, for a replay, when the run's next call
	// is not the record's: each names a call (processor, case, event and input
	// position, phase, step), or says that the record or the run ended there.
	// Processor, Case, Event, Phase, Step and Input then locate the run's call
	// (or the record's, when the run ended).
	ExpectedCall string
	GotCall      string
	// KeyGroup is the key group of the instance of a partitioned processor
	// (KeyGroups = K > 1); both are 0 for an unpartitioned processor.
	KeyGroup, KeyGroups int
}

func (e *DivergenceError) Error() string {
	proc := e.Processor
	if e.KeyGroups > 1 {
		proc += fmt.Sprintf("[%d]", e.KeyGroup)
	}
	what := "case " + e.Case
	if e.Event != "" {
		what += fmt.Sprintf(", event %s (input %d)", e.Event, e.Input)
	}
	if !e.Replay {
		return fmt.Sprintf("fw: cache verify: processor %s, %s, phase %d, step %d: emission %d differs from the record:\n\texpected %s\n\tgot      %s",
			proc, what, e.Phase, e.Step, e.Index, e.Expected, e.Got)
	}
	if e.ExpectedCall != "" || e.GotCall != "" {
		return fmt.Sprintf("fw: replay: phase %d, step %d: the run's calls differ from the record's at call %d:\n\texpected %s\n\tgot      %s",
			e.Phase, e.Step, e.Call, e.ExpectedCall, e.GotCall)
	}
	return fmt.Sprintf("fw: replay: processor %s, %s, phase %d, step %d (call %d): emission %d differs from the record:\n\texpected %s\n\tgot      %s",
		proc, what, e.Phase, e.Step, e.Call, e.Index, e.Expected, e.Got)
}

// TimeoutError is the error of an attempt of a call that had not returned
// when its deadline passed, in a processor declared `timeout D`: each
// attempt gets a context whose deadline is D after the attempt began
// (Context of the handler's context). The engine never abandons a call: a
// handler that ignores its context runs on, and when it returns, late, the
// attempt fails with a *TimeoutError whatever the handler returned, nil
// included (its emissions are discarded). An attempt that returns before the
// deadline succeeds or fails as it says. Like any failed attempt, it is
// retried (`retry N`), routed (`failures E`) or stops the run.
type TimeoutError struct {
	Timeout time.Duration // the processor's `timeout D`
	// Result is what the handler returned, late: nil, its error (often
	// context.DeadlineExceeded, for a handler that heeds its context), or
	// a *PanicError.
	Result error
}

// Error says the attempt timed out and the timeout; it does not include the
// handler's result, so that the message (a failure event's error field)
// does not depend on how the handler reacted.
func (e *TimeoutError) Error() string {
	return "fw: call timed out (timeout " + e.Timeout.String() + ")"
}

// Unwrap returns context.DeadlineExceeded, so that errors.Is(err,
// context.DeadlineExceeded) holds for a timed-out attempt.
func (e *TimeoutError) Unwrap() error { return context.DeadlineExceeded }

// MissingFieldError reports a JSON event without one of its fields (not an
// optional one), or a record inside it without one of its fields: Field is
// then the path of the field, customer.address.city.
type MissingFieldError struct {
	Event, Field string
}

func (e *MissingFieldError) Error() string {
	return fmt.Sprintf("fw: event %s: missing field %q", e.Event, e.Field)
}

// FieldError reports a member of a JSON event (or of a record or map inside
// it) that is not one of its fields, is given twice, or whose value is not a
// valid value of its field (of another JSON type, out of range, a string
// with invalid UTF-8, an enum's unknown variant, bad base64, a bad time,
// duration or int map key). Column is the 1-based byte offset in the
// line or text decoded: of the member's name for an unknown or duplicate
// member, of the offending byte for invalid UTF-8, of the value otherwise.
//
// For an unknown member, Suggest is the field of the event or record that its
// name is closest to (another case, a letter or so off: fwgen's "did you mean"
// rule), or "".
type FieldError struct {
	Event   string // the event's name
	Field   string // the member's name, as in the JSON text (unescaped), or the path of a value inside a list, map or record: items[3].price, labels["eu"], byDay[7][0]
	Column  int
	Err     error
	Suggest string // an unknown member: the closest field's name (of the same record), or ""
}

// ErrUnknownField and ErrDuplicateField are the Err of a FieldError for a
// member that is no field of the event, and for a member given twice.
var (
	ErrUnknownField   = errors.New("unknown field")
	ErrDuplicateField = errors.New("duplicate field")
)

func (e *FieldError) Error() string {
	switch e.Err {
	case ErrUnknownField, ErrDuplicateField:
		if e.Suggest != "" {
			return fmt.Sprintf("fw: event %s: %v %q at column %d; did you mean %q?", e.Event, e.Err, e.Field, e.Column, e.Suggest)
		}
		return fmt.Sprintf("fw: event %s: %v %q at column %d", e.Event, e.Err, e.Field, e.Column)
	}
	return fmt.Sprintf("fw: event %s: field %q at column %d: %v", e.Event, e.Field, e.Column, e.Err)
}

func (e *FieldError) Unwrap() error { return e.Err }

// UnknownEventError reports a JSON event whose name the package does not
// declare. Suggest is the declared event the name is closest to (a different
// case, a letter or so off), the same rule as fwgen's "did you mean", or "".
type UnknownEventError struct {
	Name    string
	Suggest string
}

func (e *UnknownEventError) Error() string {
	if e.Suggest != "" {
		return fmt.Sprintf("fw: unknown event %q; did you mean %q?", e.Name, e.Suggest)
	}
	return fmt.Sprintf("fw: unknown event %q", e.Name)
}

// ErrRecordCorrupt is returned (wrapped, with the place) when a record fails
// its checksum, is not a record, or holds a malformed entry.
var ErrRecordCorrupt = errors.New("fw: corrupt record")

// ErrRecordTruncated is returned (wrapped) when a record ends before its end
// marker: the recording run was killed, or the file was cut.
var ErrRecordTruncated = errors.New("fw: truncated record")

// ErrProgramChanged is returned (wrapped, naming what changed) by a replay
// whose record was made by another program: events, processors, their cases,
// declarations or routing differ from the current generated code.
var ErrProgramChanged = errors.New("fw: the record was made by another program")

// ErrInterrupted is returned by Run when a run WithInterrupts, or on a
// context from NotifyInterrupts, was stopped by SIGINT or SIGTERM; it is also
// the cause of that context's cancellation. A command-line program
// conventionally exits with code 130 then (see ExitCode).
var ErrInterrupted = errors.New("fw: run interrupted")

// ExitCode is the exit code of a command whose run ended with err: 0 for nil,
// 130 for an interrupted run (err wraps ErrInterrupted; 128 plus SIGINT, as
// shells report a command stopped by Ctrl-C), 1 for any other error. Return
// the error from a function whose deferred calls close what the run used (a
// workspace), and exit in main:
//
//	func main() {
//		err := run()
//		if err != nil {
//			fmt.Fprintln(os.Stderr, "app:", err)
//		}
//		os.Exit(fw.ExitCode(err))
//	}
func ExitCode(err error) int {
	switch {
	case err == nil:
		return 0
	case errors.Is(err, ErrInterrupted):
		return 130
	}
	return 1
}

// ErrFeedRecorded was returned by Run for a run with a Feed and WithRecord or
// WithReplay. Runs with feeds and streams are recorded now (the fed events and
// where each pull ended): no run returns it.
//
// Deprecated: kept so that code testing for it compiles.
var ErrFeedRecorded = errors.New("fw: a run with fed events cannot be recorded or replayed")

// EventChangedError is the error of a handler call that changed the event
// (or built artifact) it received, found by a run WithEventChecks; the run's
// *HandlerError wraps it. Events are values: every processor that receives
// an event, the cache and the record of a run see the same value, so a
// handler must copy a slice, map or record it received before changing it.
type EventChangedError struct {
	Position Position // the call that changed it
	Event    string   // the event's name ("built t" for an artifact of target t)
	// Field is the path, in .fw names, of the first value found changed
	// ("items[0].qty", `labels["vip"]`), and Before and After are that value
	// before and after the call; Field is empty when the change is only in
	// the encoding (a value the encoding does not tell apart, such as an
	// empty and a nil list, never counts as a change).
	Field, Before, After string
}

func (e *EventChangedError) Error() string {
	what := "its " + e.Event
	if e.Field != "" {
		what = fmt.Sprintf("%s of its %s (was %s, is %s)", e.Field, e.Event, e.Before, e.After)
	}
	return fmt.Sprintf("handler %s.%s (call %s) changed %s: events are values; copy a slice, map or record before changing it",
		e.Position.Processor, e.Position.Case, e.Position.Key(), what)
}
