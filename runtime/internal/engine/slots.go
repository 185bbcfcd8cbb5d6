package engine

// Key groups. A partitioned processor (ProcInfo.KeyGroups = K > 1) runs as
// K instances, one per key group; the engine calls each instance a slot.
// Slots are in (processor, key group) order, the order of the delivery rule:
// an unpartitioned processor is one slot, with key group 0. In a program
// without a partitioned processor, slot i is processor i.

// slot is one instance of a processor.
type slot struct {
	proc int32 // the processor, an index in Program.Procs
	kg   int32 // its key group: 0..K-1, 0 when unpartitioned
}

// keyGroups returns the number of instances of processor pi: K, or 1.
func keyGroups(pi *ProcInfo) int {
	return max(pi.KeyGroups, 1)
}

// partitioned reports whether a processor of p has key groups.
func (p *Program) partitioned() bool {
	for i := range p.Procs {
		if p.Procs[i].KeyGroups > 1 {
			return true
		}
	}
	return false
}

// slotsOf returns p's slots, and the first slot of each processor, for a
// program with a partitioned processor; for any other it returns nil, nil:
// slot i is processor i, with key group 0.
func slotsOf(p *Program) (slots []slot, base []int32) {
	if !p.partitioned() {
		return nil, nil
	}
	base = make([]int32, len(p.Procs))
	for i := range p.Procs {
		base[i] = int32(len(slots))
		for kg := range keyGroups(&p.Procs[i]) {
			slots = append(slots, slot{proc: int32(i), kg: int32(kg)})
		}
	}
	return slots, base
}

// numSlots returns the number of slots of p: len(slots) from slotsOf, or
// len(p.Procs) when that is nil.
func numSlots(p *Program, slots []slot) int {
	if slots == nil {
		return len(p.Procs)
	}
	return len(slots)
}

// slotAt returns slot i of slots from slotsOf (processor i when nil).
func slotAt(slots []slot, i int) slot {
	if slots == nil {
		return slot{proc: int32(i)}
	}
	return slots[i]
}
