package fwexpvar_test

import (
	"encoding/json"
	"expvar"
	"testing"

	"github.com/fwgo/fw/runtime/fw"
	"github.com/fwgo/fw/runtime/fwexpvar"
)

func TestPublish(t *testing.T) {
	n := uint64(0)
	fwexpvar.Publish("fwtest", func() fw.Stats {
		n++
		return fw.Stats{Processors: []fw.ProcStats{{Name: "Billing", Received: n}}}
	})
	for want := uint64(1); want <= 2; want++ {
		var st fw.Stats
		if err := json.Unmarshal([]byte(expvar.Get("fwtest").String()), &st); err != nil {
			t.Fatal(err)
		}
		if len(st.Processors) != 1 || st.Processors[0].Name != "Billing" || st.Processors[0].Received != want {
			t.Errorf("published %+v, want Billing with Received %d (a fresh snapshot each read)", st, want)
		}
	}
}
