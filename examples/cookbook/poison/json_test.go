package poison_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/fwgo/fw/examples/cookbook/poison"
	"github.com/fwgo/fw/runtime/fw"
)

// A failure event declares the documented field event; in JSON it is the
// member "@event", so that "event" still names the type (issue 13).
func TestFailureEventJSON(t *testing.T) {
	f := poison.Failed{Proc: "Billing", Event: "Order", Error: "boom", Payload: `{"event":"Order","id":"c","amount":-5}`}
	data, err := poison.EncodeJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"event":"Failed","proc":"Billing","@event":"Order","error":"boom","payload":"{\"event\":\"Order\",\"id\":\"c\",\"amount\":-5}"}`
	if string(data) != want {
		t.Fatalf("EncodeJSON = %s\n         want %s", data, want)
	}
	back, err := poison.DecodeJSON(data)
	if err != nil || back != poison.Event(f) {
		t.Fatalf("DecodeJSON = %+v, %v; want %+v", back, err, f)
	}
	for _, tc := range []struct{ in, err string }{
		// The field under the type's member: a duplicate "event".
		{`{"event":"Failed","proc":"B","event":"Order","error":"","payload":""}`, `fw: bad JSON event: duplicate "event" member at column 30`},
		// Without "@event", the field is missing.
		{`{"event":"Failed","proc":"B","error":"","payload":""}`, `fw: event Failed: missing field "@event"`},
		{`{"event":"Failed","proc":"B","@Event":"Order","error":"","payload":""}`, `fw: event Failed: unknown field "@Event" at column 30; did you mean "@event"?`},
		{`{"@event":"Order","event":"Failed","proc":"B","error":"","payload":""}`, ``},
	} {
		_, err := poison.DecodeJSON([]byte(tc.in))
		if got := ""; err != nil {
			got = err.Error()
			if got != tc.err {
				t.Errorf("DecodeJSON(%s): %v, want %s", tc.in, err, tc.err)
			}
		} else if tc.err != "" {
			t.Errorf("DecodeJSON(%s) succeeded, want %s", tc.in, tc.err)
		}
	}
}

// Failure events read from JSON lines: the "@event" member is the field.
func TestFailureEventJSONLines(t *testing.T) {
	var got []string
	p, err := poison.NewPipeline(poison.Handlers{Billing: &Billing{attempts: map[string]int{}}, DeadLetters: recorder{&got}})
	if err != nil {
		t.Fatal(err)
	}
	in := `{"event":"Failed","proc":"Billing","@event":"Order","error":"boom","payload":"{}"}
{"event":"Failed","proc":"Billing","event":"Order","error":"boom","payload":"{}"}
`
	err = p.SubmitJSONLines(strings.NewReader(in), fw.LinesName("dead.jsonl"))
	var le *fw.LineError
	if !errors.As(err, &le) || le.Line != 2 || !strings.Contains(err.Error(), `dead.jsonl:2: fw: bad JSON event: duplicate "event" member`) {
		t.Fatalf("SubmitJSONLines: %v, want line 2 a duplicate event member", err)
	}
	if err := p.Run(t.Context()); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0] != "Billing Order boom" {
		t.Errorf("dead letters %q", got)
	}
}

type recorder struct{ got *[]string }

func (r recorder) OnFailed(c poison.DeadLettersFailedContext, proc, event, err, payload string) error {
	*r.got = append(*r.got, proc+" "+event+" "+err)
	return nil
}
