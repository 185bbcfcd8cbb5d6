package fw

import "time"

// ProcStats counts one processor's work. Received counts event deliveries
// (artifacts included, replayed ones too); Handled counts successful event
// calls; Failed counts failed calls, lifecycle calls and pulls included; Emitted
// counts committed emissions of all its calls, lifecycle calls and pulls
// included (`on terminate` emissions are discarded, so never counted); resolve
// requests count as emissions. Pulls counts a source builder's successful pulls.
type ProcStats struct {
	Name        string
	Received    uint64
	Handled     uint64
	Failed      uint64
	Emitted     uint64
	Pulls       uint64
	CacheHits   uint64
	CacheMisses uint64
	// Queued is the number of deliveries received and not handled or failed
	// yet: the processor's queue depth (counters move per step with one worker).
	Queued uint64
	// HandlerTime is the time spent in its handler calls; measured only with
	// WithTiming (zero otherwise).
	HandlerTime time.Duration
}

// PhaseStats counts one phase: the events that entered it (submitted, emitted or
// pulled from sources, including those emitted by the broadcast that opened it;
// resolve requests excluded), the deliveries made (replayed artifacts included),
// and the number of steps.
type PhaseStats struct {
	Phase      int
	Steps      int
	Events     uint64
	Deliveries uint64
}

// Stats is a snapshot of a run's job accounting.
type Stats struct {
	Processors []ProcStats // declaration order
	Phases     []PhaseStats
}
