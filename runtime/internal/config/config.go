// Package config holds the settings of a run that the options of package fw
// set and the engine reads.
package config

import (
	"io"
	"log/slog"
	"time"

	"github.com/fwgo/fw/runtime/archive"
)

// Config is what a run's options set.
type Config struct {
	Workers     int
	MaxPhases   int
	Batch       int
	Logger      *slog.Logger
	Archive     archive.Archive
	Salt        []byte
	Refresh     bool
	Verify      bool
	Interrupts  bool
	Record      io.Writer // WithRecord
	Replay      io.Reader // WithReplay
	Timing      bool      // WithTiming
	EventChecks bool      // WithEventChecks
	Observe     any       // WithObserver: a func(fw.Stats)
	Calls       any       // WithCallObserver: a fw.CallObserver
	Every       time.Duration

	// Live runs (fw.WithPhaseEvery, fw.WithPhaseInterval, fw.WithSink).
	PhaseEvery    int
	PhaseInterval time.Duration
	Sinks         []Sink

	// Exchange makes the run a member of a distributed run (runtime/cluster): an
	// engine.Exchange, or nil.
	Exchange any
}

// Sink is a fw.Sink (kept as any: package fw imports this one) and the names
// of the event types it takes (none: all).
type Sink struct {
	Sink   any
	Events []string
}
