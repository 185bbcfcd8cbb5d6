package engine

import (
	"github.com/fwgo/fw/runtime/fw"
	cfgpkg "github.com/fwgo/fw/runtime/internal/config"
)

// The vocabulary the engine shares with users is defined in package fw, at the
// bottom of the import graph; these aliases let the engine name it unqualified.
type (
	Option            = fw.Option
	Stats             = fw.Stats
	ProcStats         = fw.ProcStats
	PhaseStats        = fw.PhaseStats
	HandlerError      = fw.HandlerError
	PanicError        = fw.PanicError
	DivergenceError   = fw.DivergenceError
	EventChangedError = fw.EventChangedError
	TimeoutError      = fw.TimeoutError
	Position          = fw.Position

	config = cfgpkg.Config
)

var (
	ErrMaxPhases       = fw.ErrMaxPhases
	ErrNoProvider      = fw.ErrNoProvider
	ErrAlreadyRun      = fw.ErrAlreadyRun
	ErrInterrupted     = fw.ErrInterrupted
	ErrFeedRecorded    = fw.ErrFeedRecorded
	ErrRecordCorrupt   = fw.ErrRecordCorrupt
	ErrRecordTruncated = fw.ErrRecordTruncated
	ErrProgramChanged  = fw.ErrProgramChanged
)
