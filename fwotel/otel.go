// Package fwotel records the work of fw runs as OpenTelemetry metrics, and
// optionally each handler call as a span. It is a module of its own
// (github.com/fwgo/fw/fwotel), so that fw itself depends on no OpenTelemetry
// package.
//
//	obs, err := fwotel.New(fwotel.WithMeterProvider(mp), fwotel.WithTracerProvider(tp))
//	...
//	p, err := shop.NewPipeline(handlers, obs.Option())
//
// Metrics, each with the attributes fw.package and fw.processor (builders
// included):
//
//	fw.processor.received  counter    deliveries received (fw.ProcStats.Received)
//	fw.processor.handled   counter    event calls that succeeded (Handled)
//	fw.processor.failed    counter    calls that failed, routed ones included (Failed)
//	fw.processor.emitted   counter    emissions committed (Emitted)
//	fw.processor.queued    gauge      deliveries received and not handled yet (Queued)
//	fw.handler.duration    histogram  seconds per call, with fw.case and fw.outcome
//
// The counters and the gauge are the engine's own job accounting (fw.Stats),
// read when the meter provider's reader collects: they are exactly what
// Stats says, summed over the runs the Observer has seen (the ones running
// and the ones that ended), and cost the run nothing. The histogram and the
// spans come from the engine's call-observer hook (fw.WithCallObserver).
// fw.outcome is ok, failed, routed (failed, its failure event emitted in its
// place), cached (a cache hit: no handler ran) or abandoned (the run stopped
// during its backoff wait). A call's duration covers its retries and backoff
// waits.
//
// Spans (with WithTracerProvider): one per handler call, named
// "<processor> <case>", a child of the run's context, and the parent of
// whatever the handler starts from its context (c.Context()). Its attributes
// are the call's causal position, the same for any worker count: fw.package,
// fw.processor, fw.case, fw.event (for an event call), fw.phase, fw.step,
// fw.input and fw.call.key (fw.Position.Key), then fw.attempts, fw.emitted
// and fw.outcome; a failed call's span has status Error and the error
// recorded.
package fwotel

import (
	"context"
	"errors"
	"sync"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/trace"

	"github.com/fwgo/fw/runtime/fw"
)

// ScopeName is the instrumentation scope of the meter and tracer.
const ScopeName = "github.com/fwgo/fw/fwotel"

// Option configures New.
type Option func(*options)

type options struct {
	mp metric.MeterProvider
	tp trace.TracerProvider
}

// WithMeterProvider sets the meter provider (default: otel.GetMeterProvider()).
func WithMeterProvider(mp metric.MeterProvider) Option {
	return func(o *options) { o.mp = mp }
}

// WithTracerProvider turns spans on, one per handler call, through tp (nil
// for otel.GetTracerProvider()). Without it there are no spans.
func WithTracerProvider(tp trace.TracerProvider) Option {
	return func(o *options) {
		if tp == nil {
			tp = otel.GetTracerProvider()
		}
		o.tp = tp
	}
}

// Observer records the metrics (and spans) of the runs it is passed to:
// a fw.CallObserver and fw.RunObserver. One Observer may serve any number of
// runs, one after the other or at once, of any packages.
type Observer struct {
	tracer trace.Tracer // nil: no spans

	received, handled, failed, emitted metric.Int64ObservableCounter
	queued                             metric.Int64ObservableGauge
	duration                           metric.Float64Histogram
	reg                                metric.Registration

	mu    sync.Mutex
	live  map[*run]struct{}
	ended map[procKey]*counts // totals of the runs that ended
	known []procKey           // every processor seen, in the order seen

	attrs sync.Map // histKey -> metric.MeasurementOption
}

type run struct {
	pkg   string
	stats func() fw.Stats
}

type procKey struct{ pkg, proc string }

type counts struct {
	received, handled, failed, emitted uint64
	attrs                              metric.MeasurementOption
}

type histKey struct{ pkg, proc, cs, outcome string }

// New returns an Observer that records through the options' providers.
func New(opts ...Option) (*Observer, error) {
	var cfg options
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.mp == nil {
		cfg.mp = otel.GetMeterProvider()
	}
	o := &Observer{live: map[*run]struct{}{}, ended: map[procKey]*counts{}}
	if cfg.tp != nil {
		o.tracer = cfg.tp.Tracer(ScopeName)
	}
	m := cfg.mp.Meter(ScopeName)
	var errs []error
	counter := func(name, unit, desc string) metric.Int64ObservableCounter {
		c, err := m.Int64ObservableCounter(name, metric.WithUnit(unit), metric.WithDescription(desc))
		errs = append(errs, err)
		return c
	}
	o.received = counter("fw.processor.received", "{delivery}", "Deliveries of events and artifacts received by the processor")
	o.handled = counter("fw.processor.handled", "{call}", "Event calls of the processor that succeeded")
	o.failed = counter("fw.processor.failed", "{call}", "Calls of the processor that failed, routed failures included")
	o.emitted = counter("fw.processor.emitted", "{event}", "Emissions of the processor's calls that were committed")
	var err error
	o.queued, err = m.Int64ObservableGauge("fw.processor.queued", metric.WithUnit("{delivery}"),
		metric.WithDescription("Deliveries received by the processor and not handled or failed yet: its queue depth"))
	errs = append(errs, err)
	o.duration, err = m.Float64Histogram("fw.handler.duration", metric.WithUnit("s"),
		metric.WithDescription("Time of a handler call, its retries and backoff waits included"))
	errs = append(errs, err)
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	o.reg, err = m.RegisterCallback(o.observe, o.received, o.handled, o.failed, o.emitted, o.queued)
	if err != nil {
		return nil, err
	}
	return o, nil
}

// Option returns the run option that makes a run report to o.
func (o *Observer) Option() fw.Option { return fw.WithCallObserver(o) }

// Close unregisters o's metric callback: its counters are no longer
// reported. Runs may still report their calls to it (histogram, spans).
func (o *Observer) Close() error { return o.reg.Unregister() }

// RunBegin implements fw.RunObserver: the run's stats are read from now on,
// and its final stats join the totals when it ends.
func (o *Observer) RunBegin(ctx context.Context, pkg string, stats func() fw.Stats) func(fw.Stats, error) {
	r := &run{pkg: pkg, stats: stats}
	o.mu.Lock()
	o.live[r] = struct{}{}
	o.mu.Unlock()
	return func(st fw.Stats, err error) {
		o.mu.Lock()
		defer o.mu.Unlock()
		delete(o.live, r)
		for _, p := range st.Processors {
			c := o.countsOf(procKey{pkg, p.Name})
			c.received += p.Received
			c.handled += p.Handled
			c.failed += p.Failed
			c.emitted += p.Emitted
		}
	}
}

// countsOf returns the totals of k, made on first use; o.mu is held.
func (o *Observer) countsOf(k procKey) *counts {
	c := o.ended[k]
	if c == nil {
		c = &counts{attrs: metric.WithAttributeSet(attribute.NewSet(
			attribute.String("fw.package", k.pkg), attribute.String("fw.processor", k.proc)))}
		o.ended[k] = c
		o.known = append(o.known, k)
	}
	return c
}

// observe reports the counters and the gauge: the totals of the runs that
// ended plus the current stats of those running.
func (o *Observer) observe(ctx context.Context, obs metric.Observer) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	type now struct{ received, handled, failed, emitted, queued uint64 }
	live := map[procKey]*now{}
	for r := range o.live {
		for _, p := range r.stats().Processors {
			k := procKey{r.pkg, p.Name}
			o.countsOf(k)
			n := live[k]
			if n == nil {
				n = &now{}
				live[k] = n
			}
			n.received += p.Received
			n.handled += p.Handled
			n.failed += p.Failed
			n.emitted += p.Emitted
			n.queued += p.Queued
		}
	}
	for _, k := range o.known {
		c := o.ended[k]
		n := live[k]
		if n == nil {
			n = &now{}
		}
		obs.ObserveInt64(o.received, int64(c.received+n.received), c.attrs)
		obs.ObserveInt64(o.handled, int64(c.handled+n.handled), c.attrs)
		obs.ObserveInt64(o.failed, int64(c.failed+n.failed), c.attrs)
		obs.ObserveInt64(o.emitted, int64(c.emitted+n.emitted), c.attrs)
		obs.ObserveInt64(o.queued, int64(n.queued), c.attrs)
	}
	return nil
}

// CallBegin implements fw.CallObserver: with spans, it starts the call's.
func (o *Observer) CallBegin(ctx context.Context, c fw.CallInfo) context.Context {
	if o.tracer == nil {
		return ctx
	}
	p := c.Position
	attrs := make([]attribute.KeyValue, 0, 8)
	attrs = append(attrs,
		attribute.String("fw.package", c.Package),
		attribute.String("fw.processor", p.Processor),
		attribute.String("fw.case", p.Case))
	if c.Event != "" {
		attrs = append(attrs, attribute.String("fw.event", c.Event))
	}
	attrs = append(attrs,
		attribute.Int("fw.phase", p.Phase),
		attribute.Int("fw.step", p.Step),
		attribute.Int("fw.input", p.Input),
		attribute.String("fw.call.key", p.Key()))
	ctx, _ = o.tracer.Start(ctx, p.Processor+" "+p.Case, trace.WithAttributes(attrs...))
	return ctx
}

// CallEnd implements fw.CallObserver: it records the call's duration and,
// with spans, ends its span.
func (o *Observer) CallEnd(ctx context.Context, c fw.CallInfo, r fw.CallResult) {
	outcome := outcomeOf(r)
	o.duration.Record(ctx, r.Duration.Seconds(), o.histAttrs(histKey{c.Package, c.Position.Processor, c.Position.Case, outcome}))
	if o.tracer == nil {
		return
	}
	span := trace.SpanFromContext(ctx)
	span.SetAttributes(
		attribute.Int("fw.attempts", r.Attempts),
		attribute.Int("fw.emitted", r.Emitted),
		attribute.String("fw.outcome", outcome))
	if r.Err != nil && !r.Abandoned {
		span.RecordError(r.Err)
		span.SetStatus(codes.Error, r.Err.Error())
	}
	span.End()
}

func outcomeOf(r fw.CallResult) string {
	switch {
	case r.Replayed:
		return "cached"
	case r.Abandoned:
		return "abandoned"
	case r.Routed:
		return "routed"
	case r.Err != nil:
		return "failed"
	}
	return "ok"
}

// histAttrs returns the attributes of a duration, made once per key.
func (o *Observer) histAttrs(k histKey) metric.MeasurementOption {
	if a, ok := o.attrs.Load(k); ok {
		return a.(metric.MeasurementOption)
	}
	a := metric.WithAttributeSet(attribute.NewSet(
		attribute.String("fw.package", k.pkg), attribute.String("fw.processor", k.proc),
		attribute.String("fw.case", k.cs), attribute.String("fw.outcome", k.outcome)))
	v, _ := o.attrs.LoadOrStore(k, a)
	return v.(metric.MeasurementOption)
}

var (
	_ fw.CallObserver = (*Observer)(nil)
	_ fw.RunObserver  = (*Observer)(nil)
)
