package archive_test

import (
	"fmt"

	"github.com/fwgo/fw/generated/greeter"
	"github.com/fwgo/fw/runtime/archive"
)

// The cached call as the engine makes it: look the input up; on a hit replay
// the recorded emissions without calling the handler; on a miss call the
// handler and, only if it succeeded, record all of its emissions with one Put.
func Example() {
	arc := archive.NewMemory() // or badgerarchive.Open(workspace)
	defer arc.Close()
	spec := archive.KeySpec{
		Processor:   "Greeter",
		Version:     1,
		Fingerprint: archive.Fingerprint("example/greeter", "processor Greeter { on Start -> Greet }"),
	}
	handler := func(in greeter.Start) ([]archive.Emission, error) {
		fmt.Println("handler called for", in.Who)
		out, err := greeter.Greet{Who: in.Who}.AppendBinary(nil)
		return []archive.Emission{{Name: "Greet", Data: out}}, err
	}
	for range 2 {
		in := greeter.Start{Who: "world"}
		k, err := spec.KeyOf(in)
		if err != nil {
			panic(err)
		}
		rec, hit, err := archive.Lookup(arc, k, nil)
		if err != nil {
			panic(err)
		}
		if !hit {
			ems, err := handler(in)
			if err != nil {
				continue // a failed call records nothing
			}
			rec = archive.Record{Emissions: ems}
			if err := arc.Put(k, rec); err != nil {
				panic(err)
			}
		}
		for _, e := range rec.Emissions {
			var g greeter.Greet
			if err := g.UnmarshalBinary(e.Data); err != nil {
				panic(err)
			}
			fmt.Printf("hit=%v emit %s{%s}\n", hit, e.Name, g.Who)
		}
	}
	// Output:
	// handler called for world
	// hit=false emit Greet{world}
	// hit=true emit Greet{world}
}
