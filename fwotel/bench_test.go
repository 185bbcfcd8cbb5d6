package fwotel_test

import (
	"context"
	"testing"

	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"github.com/fwgo/fw/fwotel"
	"github.com/fwgo/fw/generated/chain"
	"github.com/fwgo/fw/runtime/fw"
)

// The stages of generated/chain's benchmark: each adds one and passes the
// value on; P4 sums.
type p1 struct{}
type p2 struct{}
type p3 struct{}
type p4 struct{ sum int64 }

func (p1) OnA(c chain.P1AContext, n int64) error { c.EmitB(chain.B{N: n + 1}); return nil }
func (p2) OnB(c chain.P2BContext, n int64) error { c.EmitC(chain.C{N: n + 1}); return nil }
func (p3) OnC(c chain.P3CContext, n int64) error { c.EmitD(chain.D{N: n + 1}); return nil }
func (p *p4) OnD(c chain.P4DContext, n int64) error {
	p.sum += n
	return nil
}

// BenchmarkChainObserved is generated/chain's BenchmarkChain (one worker,
// runs of 1024 events; ns/op per input event, four handler calls) without
// an observer, with fwotel's metrics, and with its metrics and spans (an
// SDK tracer provider that samples every span and exports none): the cost
// of the observer per event (docs/BENCHMARKS.md).
func BenchmarkChainObserved(b *testing.B) {
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(sdkmetric.NewManualReader()))
	metrics, err := fwotel.New(fwotel.WithMeterProvider(mp))
	if err != nil {
		b.Fatal(err)
	}
	spans, err := fwotel.New(fwotel.WithMeterProvider(mp), fwotel.WithTracerProvider(sdktrace.NewTracerProvider()))
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		opts []fw.Option
	}{
		{"none", nil},
		{"metrics", []fw.Option{metrics.Option()}},
		{"metrics+spans", []fw.Option{spans.Option()}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for done := 0; done < b.N; done += 1024 {
				p, err := chain.NewPipeline(chain.Handlers{P1: p1{}, P2: p2{}, P3: p3{}, P4: &p4{}}, append(bc.opts, fw.WithWorkers(1))...)
				if err != nil {
					b.Fatal(err)
				}
				for i := range min(1024, b.N-done) {
					p.Submit(chain.A{N: int64(i)})
				}
				if err := p.Run(context.Background()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
