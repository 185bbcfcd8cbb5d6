package fwotel_test

import (
	"context"
	"fmt"
	"log"
	"slices"
	"strings"

	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/fwgo/fw/fwotel"
	"github.com/fwgo/fw/generated/retries"
)

// A pipeline observed through OpenTelemetry: the meter provider's reader
// (a ManualReader here; a PeriodicReader with an OTLP exporter in a
// service) collects the counters, the queue depth and the handlers' times,
// and the tracer provider gets one span per handler call (docs/otel.md).
func Example() {
	reader := sdkmetric.NewManualReader()
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader))
	spans := tracetest.NewInMemoryExporter()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(spans))

	obs, err := fwotel.New(fwotel.WithMeterProvider(mp), fwotel.WithTracerProvider(tp))
	if err != nil {
		log.Fatal(err)
	}
	defer obs.Close()
	p, err := retries.NewPipeline(retries.Handlers{Charge: charge{}, Ledger: &ledger{}}, obs.Option())
	if err != nil {
		log.Fatal(err)
	}
	for i := range int64(4) {
		p.Submit(retries.Order{ID: i, Amount: 10 * i})
	}
	if err := p.Run(context.Background()); err != nil {
		log.Fatal(err)
	}

	var rm metricdata.ResourceMetrics
	if err := reader.Collect(context.Background(), &rm); err != nil {
		log.Fatal(err)
	}
	for _, m := range rm.ScopeMetrics[0].Metrics {
		if sum, ok := m.Data.(metricdata.Sum[int64]); ok {
			var lines []string // one per processor, in no particular order
			for _, pt := range sum.DataPoints {
				proc, _ := pt.Attributes.Value("fw.processor")
				lines = append(lines, fmt.Sprint(m.Name, " ", proc.AsString(), " ", pt.Value))
			}
			slices.Sort(lines)
			fmt.Println(strings.Join(lines, "\n"))
		}
	}
	fmt.Println(len(spans.GetSpans()), "spans")
	// Output:
	// fw.processor.received Charge 4
	// fw.processor.received Ledger 4
	// fw.processor.handled Charge 3
	// fw.processor.handled Ledger 4
	// fw.processor.failed Charge 1
	// fw.processor.failed Ledger 0
	// fw.processor.emitted Charge 4
	// fw.processor.emitted Ledger 0
	// 8 spans
}
