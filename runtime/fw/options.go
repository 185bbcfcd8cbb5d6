package fw

import (
	"io"
	"log/slog"
	"time"

	"github.com/fwgo/fw/runtime/archive"
	"github.com/fwgo/fw/runtime/internal/config"
)

// Option configures a run (a generated NewPipeline takes them).
type Option func(*config.Config)

// WithTiming makes the engine measure the time of every handler call, per
// processor (ProcStats.HandlerTime). It costs two clock readings per call.
func WithTiming() Option { return func(c *config.Config) { c.Timing = true } }

// WithEventChecks is a debug mode that enforces the rule that events are
// values (docs/runtime.md, "Events are values"): before each call that
// receives an event (or built artifact) whose type holds a slice, a map or
// an optional value, directly or in a record, the engine keeps the value's
// canonical encoding, and after the call it encodes the value again; if it
// changed, the run fails with a *HandlerError wrapping an
// *EventChangedError that names the processor, the case, the call's
// Position and the first changed field. In a run of a package with such
// types, calls run one at a time, on the goroutine running Run (as with
// WithWorkers(1)), so that a change is found in the call that made it.
// Events of scalar fields only are not encoded, and a package of them runs
// as without the option; without it nothing is checked and nothing is paid.
func WithEventChecks() Option { return func(c *config.Config) { c.EventChecks = true } }

// WithObserver calls fn with a snapshot of the run's Stats every interval
// while Run runs (from a goroutine of its own, which stops before Run
// returns), and once more when the run ends, whatever its outcome. fn must not
// block for long; it must not call Run.
func WithObserver(interval time.Duration, fn func(Stats)) Option {
	return func(c *config.Config) {
		if fn != nil && interval > 0 {
			c.Observe, c.Every = fn, interval
		}
	}
}

// WithCallObserver makes the run tell o about every handler call (and, if
// o is also a RunObserver, about the run's beginning and end): see
// CallObserver. Without it the engine pays nothing for the hook; with it,
// every call takes the engine's slower call path (as with WithTiming) and
// costs two clock readings and o's methods. Package fwotel
// (github.com/fwgo/fw/fwotel, a module of its own) is such an observer,
// for OpenTelemetry.
func WithCallObserver(o CallObserver) Option {
	return func(c *config.Config) { c.Calls = o }
}

// WithWorkers sets how many handler calls may run at once across all processors
// (default runtime.GOMAXPROCS(0): the machine's CPUs). More workers never make
// a run slower: a step runs on the calling goroutine unless it has enough work
// that can overlap (several processors, or `concurrency N`) to gain from
// them. The worker count never changes what any processor receives or emits.
func WithWorkers(n int) Option {
	return func(c *config.Config) {
		if n > 0 {
			c.Workers = n
		}
	}
}

// WithMaxPhases bounds the number of phases of a run (default 10000); a run that
// would start one more fails with ErrMaxPhases.
func WithMaxPhases(n int) Option {
	return func(c *config.Config) {
		if n > 0 {
			c.MaxPhases = n
		}
	}
}

// WithSourceBatch sets how many artifacts a source builder is asked for at the
// end of each step (default 256): a source is at most one batch ahead of the
// step that consumes it.
func WithSourceBatch(n int) Option {
	return func(c *config.Config) {
		if n > 0 {
			c.Batch = n
		}
	}
}

// WithLogger sets the logger for run-level events (default: discard).
func WithLogger(l *slog.Logger) Option {
	return func(c *config.Config) {
		if l != nil {
			c.Logger = l
		}
	}
}

// WithArchive sets the archive of cached processors and persistent builders
// (default: a fresh in-memory archive per run, which writes no files and is
// closed when Run returns). The engine does not close an archive it is given:
// the application owns it (for a workspace, badgerarchive.Open and Close);
// Run flushes it when it returns, whatever the outcome, so that every call
// recorded during the run is acknowledged.
func WithArchive(a archive.Archive) Option {
	return func(c *config.Config) { c.Archive = a }
}

// WithCacheSalt adds salt to every cache key of the run (default none), so
// that runs with different salts never share entries in one archive.
func WithCacheSalt(salt []byte) Option {
	return func(c *config.Config) { c.Salt = append([]byte(nil), salt...) }
}

// WithCacheRefresh makes the run look nothing up: every cached call runs its
// handler, and a successful one overwrites its entry.
func WithCacheRefresh() Option {
	return func(c *config.Config) { c.Refresh = true }
}

// WithVerify makes every cache hit also call the handler and compare its
// emissions with the record, byte for byte; the first difference fails the
// run with a *DivergenceError. Hits still count as hits.
func WithVerify() Option {
	return func(c *config.Config) { c.Verify = true }
}

// WithInterrupts makes Run handle SIGINT and SIGTERM while it runs (and only
// then): the first signal stops the run gracefully (no call starts any more,
// the calls in progress finish and their results are recorded, no further
// phase runs, the archive is flushed) and Run returns ErrInterrupted; a
// second signal also cancels the context passed to handlers. Given a context
// from NotifyInterrupts, Run uses its handling instead, which also covers the
// signals before and after the run.
func WithInterrupts() Option {
	return func(c *config.Config) { c.Interrupts = true }
}

// WithRecord makes Run write a record of the run to w: its inputs and every
// call with its emissions, in a deterministic order (see the package's
// docs/runtime.md, "Recorded replay"). The record is written as the run goes,
// in checksummed chunks, and finished when Run returns, whatever the outcome;
// a write error fails a run that would otherwise succeed. The package's
// Dispatcher must implement Codec (generated code does). The engine does not
// close w.
func WithRecord(w io.Writer) Option {
	return func(c *config.Config) { c.Record = w }
}

// WithReplay makes Run replay the record read from r: it submits the recorded
// inputs itself (nothing may be submitted or resolved before Run), runs the
// current handlers on them, and compares every call, and each call's
// emissions, with the record as the run goes. The first difference stops the
// run, and Run returns a *DivergenceError; a record made by another program
// fails at once with an error wrapping ErrProgramChanged. The source batch is
// the record's. The worker count is free: a record replays the same with any.
func WithReplay(r io.Reader) Option {
	return func(c *config.Config) { c.Replay = r }
}
