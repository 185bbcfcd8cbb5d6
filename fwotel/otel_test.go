package fwotel_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"

	"github.com/fwgo/fw/fwotel"
	"github.com/fwgo/fw/generated/retries"
	"github.com/fwgo/fw/runtime/fw"
)

// charge fails order i's first i%4 attempts, and order 0 for good (its
// Failed event is emitted in its place: Charge is declared failures
// Failed, retry 3 backoff 1ms..4ms timeout 500ms).
type charge struct{}

func (charge) OnOrder(c retries.ChargeOrderContext, id, amount int64) error {
	c.EmitCharged(retries.Charged{ID: id, Amount: amount})
	if id == 0 || c.Attempt() < int(id%4) {
		return errors.New("payment service busy")
	}
	return nil
}

// ledger notes the span each of its calls sees in its context, and, at its
// first call of a run, reads the metrics while the run goes on.
type ledger struct {
	mu    sync.Mutex
	spans map[string]trace.SpanID // by call key
	first func()
}

func (l *ledger) note(pos fw.Position, ctx context.Context) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.spans == nil {
		return
	}
	if l.first != nil {
		l.first()
		l.first = nil
	}
	l.spans[pos.Key()] = trace.SpanFromContext(ctx).SpanContext().SpanID()
}

func (l *ledger) OnCharged(c retries.LedgerChargedContext, id, amount int64) error {
	l.note(c.Position(), c.Context())
	return nil
}

func (l *ledger) OnFailed(c retries.LedgerFailedContext, proc, err, payload string, attempts int64) error {
	l.note(c.Position(), c.Context())
	return nil
}

// collect reads the metrics: for each metric, its data points by their
// attributes ("proc" or "proc/case/outcome"), as int64 values (for the
// histogram, the count).
func collect(t *testing.T, r *sdkmetric.ManualReader) map[string]map[string]int64 {
	t.Helper()
	var rm metricdata.ResourceMetrics
	if err := r.Collect(context.Background(), &rm); err != nil {
		t.Fatal(err)
	}
	key := func(s attribute.Set) string {
		var parts []string
		for _, k := range []attribute.Key{"fw.processor", "fw.case", "fw.outcome"} {
			if v, ok := s.Value(k); ok {
				parts = append(parts, v.AsString())
			}
		}
		if v, ok := s.Value("fw.package"); !ok || v.AsString() != "retries" {
			t.Errorf("data point %v without fw.package=retries", s.Encoded(attribute.DefaultEncoder()))
		}
		return strings.Join(parts, "/")
	}
	got := map[string]map[string]int64{}
	for _, sm := range rm.ScopeMetrics {
		if sm.Scope.Name != fwotel.ScopeName {
			t.Errorf("scope %q", sm.Scope.Name)
		}
		for _, m := range sm.Metrics {
			pts := map[string]int64{}
			switch d := m.Data.(type) {
			case metricdata.Sum[int64]:
				if !d.IsMonotonic {
					t.Errorf("%s: not monotonic", m.Name)
				}
				for _, p := range d.DataPoints {
					pts[key(p.Attributes)] = p.Value
				}
			case metricdata.Gauge[int64]:
				for _, p := range d.DataPoints {
					pts[key(p.Attributes)] = p.Value
				}
			case metricdata.Histogram[float64]:
				for _, p := range d.DataPoints {
					pts[key(p.Attributes)] = int64(p.Count)
					if p.Sum <= 0 {
						t.Errorf("%s %s: sum of durations %v", m.Name, key(p.Attributes), p.Sum)
					}
				}
			default:
				t.Errorf("%s: data of type %T", m.Name, m.Data)
			}
			got[m.Name] = pts
		}
	}
	return got
}

func equalPoints(t *testing.T, what string, got, want map[string]int64) {
	t.Helper()
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("%s:\n got  %v\n want %v", what, got, want)
	}
}

// TestMetricsAndSpans runs four orders through generated/retries twice (1
// worker, then 8), observed by one Observer, and reads the metrics back
// through a ManualReader and the spans through an InMemoryExporter.
func TestMetricsAndSpans(t *testing.T) {
	reader := sdkmetric.NewManualReader()
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader))
	exp := tracetest.NewInMemoryExporter()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp))
	obs, err := fwotel.New(fwotel.WithMeterProvider(mp), fwotel.WithTracerProvider(tp))
	if err != nil {
		t.Fatal(err)
	}
	defer obs.Close()

	var runSpans [][]string // per run, the spans' descriptions, sorted
	for round, workers := range []int{1, 8} {
		exp.Reset()
		l := &ledger{spans: map[string]trace.SpanID{}}
		if round == 0 {
			// Mid-run, Charge's step is counted: the counters are live.
			l.first = func() {
				m := collect(t, reader)
				equalPoints(t, "handled, mid-run", m["fw.processor.handled"], map[string]int64{"Charge": 3, "Ledger": 0})
				equalPoints(t, "queued, mid-run", m["fw.processor.queued"], map[string]int64{"Charge": 0, "Ledger": 0})
			}
		}
		p, err := retries.NewPipeline(retries.Handlers{Charge: charge{}, Ledger: l}, fw.WithWorkers(workers), obs.Option())
		if err != nil {
			t.Fatal(err)
		}
		for i := range int64(4) {
			p.Submit(retries.Order{ID: i, Amount: 10 * i})
		}
		ctx, root := tp.Tracer("test").Start(context.Background(), "run")
		if err := p.Run(ctx); err != nil {
			t.Fatal(err)
		}
		root.End()

		// Metrics: the totals of the runs so far.
		n := int64(round + 1)
		m := collect(t, reader)
		equalPoints(t, "received", m["fw.processor.received"], map[string]int64{"Charge": 4 * n, "Ledger": 4 * n})
		equalPoints(t, "handled", m["fw.processor.handled"], map[string]int64{"Charge": 3 * n, "Ledger": 4 * n})
		equalPoints(t, "failed", m["fw.processor.failed"], map[string]int64{"Charge": 1 * n, "Ledger": 0})
		equalPoints(t, "emitted", m["fw.processor.emitted"], map[string]int64{"Charge": 4 * n, "Ledger": 0})
		equalPoints(t, "queued", m["fw.processor.queued"], map[string]int64{"Charge": 0, "Ledger": 0})
		equalPoints(t, "duration counts", m["fw.handler.duration"], map[string]int64{
			"Charge/Order/ok": 3 * n, "Charge/Order/routed": n, "Ledger/Charged/ok": 3 * n, "Ledger/Failed/ok": n})

		// Spans: one per call, children of the run's span, parents of what
		// the handler does; their attributes are the call's position.
		spans := exp.GetSpans()
		var desc []string
		for _, s := range spans {
			if s.Name == "run" {
				continue
			}
			if s.Parent.SpanID() != root.SpanContext().SpanID() {
				t.Errorf("span %s: parent %v, want the run's span", s.Name, s.Parent.SpanID())
			}
			attrs := map[string]string{}
			for _, kv := range s.Attributes {
				attrs[string(kv.Key)] = kv.Value.Emit()
			}
			if key := attrs["fw.call.key"]; strings.HasPrefix(key, "Ledger/") && l.spans[key] != s.SpanContext.SpanID() {
				t.Errorf("span %s %s: the handler saw span %v", s.Name, key, l.spans[key])
			}
			d := fmt.Sprintf("%s: event=%s phase=%s step=%s input=%s key=%s attempts=%s emitted=%s outcome=%s status=%v",
				s.Name, attrs["fw.event"], attrs["fw.phase"], attrs["fw.step"], attrs["fw.input"], attrs["fw.call.key"],
				attrs["fw.attempts"], attrs["fw.emitted"], attrs["fw.outcome"], s.Status.Code)
			if s.Status.Code == codes.Error {
				d += " " + s.Status.Description
				if len(s.Events) != 1 || s.Events[0].Name != "exception" {
					t.Errorf("span %s: events %v, want the error recorded", s.Name, s.Events)
				}
			}
			desc = append(desc, d)
		}
		slices.Sort(desc)
		runSpans = append(runSpans, desc)
	}
	want := []string{
		"Charge Order: event=Order phase=0 step=0 input=0 key=Charge/0/0/0 attempts=4 emitted=1 outcome=routed status=Error payment service busy",
		"Charge Order: event=Order phase=0 step=0 input=1 key=Charge/0/0/1 attempts=2 emitted=1 outcome=ok status=Unset",
		"Charge Order: event=Order phase=0 step=0 input=2 key=Charge/0/0/2 attempts=3 emitted=1 outcome=ok status=Unset",
		"Charge Order: event=Order phase=0 step=0 input=3 key=Charge/0/0/3 attempts=4 emitted=1 outcome=ok status=Unset",
		"Ledger Charged: event=Charged phase=0 step=1 input=1 key=Ledger/0/1/1 attempts=1 emitted=0 outcome=ok status=Unset",
		"Ledger Charged: event=Charged phase=0 step=1 input=2 key=Ledger/0/1/2 attempts=1 emitted=0 outcome=ok status=Unset",
		"Ledger Charged: event=Charged phase=0 step=1 input=3 key=Ledger/0/1/3 attempts=1 emitted=0 outcome=ok status=Unset",
		"Ledger Failed: event=Failed phase=0 step=1 input=0 key=Ledger/0/1/0 attempts=1 emitted=0 outcome=ok status=Unset",
	}
	for i, desc := range runSpans {
		if !slices.Equal(desc, want) {
			t.Errorf("run %d: spans\n%s\nwant\n%s", i, strings.Join(desc, "\n"), strings.Join(want, "\n"))
		}
	}
}

// TestNoSpans: without a tracer provider there are no spans, and the
// handler's context is the run's.
func TestNoSpans(t *testing.T) {
	reader := sdkmetric.NewManualReader()
	obs, err := fwotel.New(fwotel.WithMeterProvider(sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader))))
	if err != nil {
		t.Fatal(err)
	}
	defer obs.Close()
	l := &ledger{spans: map[string]trace.SpanID{}}
	p, err := retries.NewPipeline(retries.Handlers{Charge: charge{}, Ledger: l}, obs.Option())
	if err != nil {
		t.Fatal(err)
	}
	p.Submit(retries.Order{ID: 4, Amount: 1})
	if err := p.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	for key, id := range l.spans {
		if id.IsValid() {
			t.Errorf("%s: the handler saw a span", key)
		}
	}
	m := collect(t, reader)
	equalPoints(t, "handled", m["fw.processor.handled"], map[string]int64{"Charge": 1, "Ledger": 1})
	equalPoints(t, "duration counts", m["fw.handler.duration"], map[string]int64{"Charge/Order/ok": 1, "Ledger/Charged/ok": 1})
}
