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
}
