package cache

import (
	"slices"

	"github.com/fwgo/fw/runtime/archive"
	"github.com/fwgo/fw/runtime/fw"
	"github.com/fwgo/fw/runtime/fwimpl"
	fwreactive "github.com/fwgo/fw/runtime/reactive"
)

// Test hooks for the external tests of this package (crash, lock, damage and
// benchmarks): the key the engine computes for a Classify call, the record it
// stores for a list of emissions, and the pipeline with Classify uncached (the
// baseline of the cache benchmarks).

// ClassifyKey is the archive key of Classify's call on r with the given salt,
// computed as the engine does: archive.KeySpec over Classify's name, version
// and fingerprint, and the input: its event's name, length-prefixed (Classify
// receives Reading events and built readings, of one type), and its canonical
// encoding.
func ClassifyKey(r Reading, salt []byte) archive.Key {
	pi := fwProgram.Procs[0]
	m := r.fwMsg(nil)
	name := fwProgram.Events[m.Kind].Name
	in, err := (*fwDispatcher)(nil).AppendMsg(append([]byte{byte(len(name))}, name...), m)
	if err != nil {
		panic(err)
	}
	return archive.KeySpec{Processor: pi.Name, Version: int64(pi.Version), Fingerprint: pi.Fingerprint, Salt: salt}.Key(in)
}

// RecordOf is the record the engine stores for a call that emitted evs: the
// event name and canonical encoding of each emission, in order.
func RecordOf(evs []Event) archive.Record {
	rec := archive.Record{Emissions: make([]archive.Emission, 0, len(evs))}
	for _, e := range evs {
		m := e.fwMsg(nil)
		data, err := (*fwDispatcher)(nil).AppendMsg(nil, m)
		if err != nil {
			panic(err)
		}
		rec.Emissions = append(rec.Emissions, archive.Emission{Name: fwProgram.Events[m.Kind].Name, Data: data})
	}
	return rec
}

// NewUncachedPipeline is NewPipeline with Classify not cached: the same
// generated dispatcher and handlers, no archive lookups or writes.
func NewUncachedPipeline(h Handlers, opts ...fw.Option) *Pipeline {
	prog := fwProgram
	prog.Procs = slices.Clone(prog.Procs)
	prog.Procs[0].Cached = false
	d := &fwDispatcher{h: h, ArenaPool: &fwArenas}
	d.sBySensor = fwreactive.NewGrouper(func(v Reading) string { return v.Sensor })
	d.sByLevel = fwreactive.NewGrouper(h.ByLevel.Key)
	return &Pipeline{fwimpl.NewRunner(fwimpl.New(&prog, d, opts...), fwEventMsg, DecodeJSON)}
}
