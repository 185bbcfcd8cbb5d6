package fw

import "strconv"

// Position is the causal position of a handler call: where the call is in
// its run. It is the same on every run of the same program over the same
// inputs, whatever the number of workers, so it identifies the call across
// retries, replays and reruns. A handler with an effect outside fw (a write
// to a database, a message to another system) uses Key to make the effect
// idempotent: fw may call a handler again for the same input (a retry, a
// rerun after a crash or an interrupt), and effects outside fw are
// at-least-once.
type Position struct {
	Phase     int
	Step      int    // the step of the phase; for `on phase`, the steps the phase ran
	Processor string // the processor (or builder) called
	// KeyGroup is the key group of the processor's instance called (0 <=
	// KeyGroup < KeyGroups) when the processor is partitioned (`partition
	// by f into K`), and KeyGroups is K; both are 0 for an unpartitioned
	// processor.
	KeyGroup, KeyGroups int
	// Case is the case's name, or "init", "phase", "terminate" for
	// lifecycle calls and "build" for a source builder's pull.
	Case string
	// Input is the position of the event in the processor's inbox for the
	// step (0 for lifecycle calls).
	Input int
	// Emission is the number of emissions the call had made when Position
	// was read: the index its next emission gets.
	Emission int
}

// Key returns a stable key of the call: "Processor/phase/step/input", for
// example "Billing/0/2/17", or for a lifecycle call (or a source builder's
// pull) "Processor/phase/step/case", for example "Audit/1/3/phase". For an
// instance of a partitioned processor (KeyGroups > 1) the processor is
// followed by its key group, "Billing[5]/0/2/17": the input position counts
// in that instance's inbox. Two calls of one run never share a key. A call with several external effects tells
// them apart by appending its own index (or Emission) to the key.
func (p Position) Key() string {
	b := make([]byte, 0, len(p.Processor)+16)
	b = append(b, p.Processor...)
	if p.KeyGroups > 1 {
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(p.KeyGroup), 10)
		b = append(b, ']')
	}
	for _, n := range [...]int{p.Phase, p.Step} {
		b = append(b, '/')
		b = strconv.AppendInt(b, int64(n), 10)
	}
	b = append(b, '/')
	switch p.Case {
	case "init", "phase", "terminate", "build":
		b = append(b, p.Case...)
	default:
		b = strconv.AppendInt(b, int64(p.Input), 10)
	}
	return string(b)
}
