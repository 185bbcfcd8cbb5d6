// Command alerts is a small alerting service built on alerts.fw: readings
// ({"event":"Reading","key":"db","value":3}) arrive on a stream that stays
// open; a phase ends every second (-every) or every N readings (-phase-every);
// at the end of each phase every key seen at least -threshold times in that
// phase gets an alert, printed and, with JetStream, published to the ALERTS
// stream (subject alerts.<key>) with the alert's causal id as its Nats-Msg-Id.
//
// Input, one of:
//
//	alerts -stdin              JSON lines on standard input, handled as they arrive
//	alerts -nats URL           the READINGS stream of a NATS server (readings.>)
//	alerts                     (the default, `make alerts`) an embedded NATS server with
//	                           JetStream in a temporary directory, and a producer that
//	                           publishes -readings readings at -rate per second
//
// Ctrl-C stops it (exit code 130); with JetStream the phase in progress is not
// acknowledged, so a restart redoes it and JetStream drops the alerts already
// published.
package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"time"

	"github.com/fwgo/fw/fwnats"
	"github.com/fwgo/fw/runtime/fw"
	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// counter is Count's handler: the phase's count and sum by key.
type counter struct {
	threshold int64
	byKey     map[string]*[2]int64
}

func (c *counter) OnReading(_ CountReadingContext, key string, value int64) error {
	s := c.byKey[key]
	if s == nil {
		s = new([2]int64)
		c.byKey[key] = s
	}
	s[0]++
	s[1] += value
	return nil
}

func (c *counter) Phase(x CountPhaseContext, _ int) error {
	keys := make([]string, 0, len(c.byKey))
	for k, s := range c.byKey {
		if s[0] >= c.threshold {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys) // map order must not reach an emission
	for _, k := range keys {
		s := c.byKey[k]
		x.EmitAlert(Alert{Key: k, Count: s[0], Sum: s[1]})
	}
	clear(c.byKey)
	return nil
}

type printer struct{ out io.Writer }

func (p printer) OnAlert(_ PrintAlertContext, key string, count, sum int64) error {
	_, err := fmt.Fprintf(p.out, "alert %s: %d readings, sum %d\n", key, count, sum)
	return err
}

type config struct {
	stdin      bool
	url        string
	every      time.Duration
	phaseEvery int
	threshold  int
	readings   int
	rate       int
	keys       int
	caughtUp   bool
}

func main() {
	ctx, _ := fw.NotifyInterrupts(context.Background())
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	if code == 0 && context.Cause(ctx) != nil {
		code = fw.ExitCode(context.Cause(ctx))
	}
	os.Exit(code)
}

// run is main with its arguments and streams, returning the exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("alerts", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cfg config
	fs.BoolVar(&cfg.stdin, "stdin", false, "read JSON lines from standard input")
	fs.StringVar(&cfg.url, "nats", "", "the NATS server's URL (default: an embedded server with a producer)")
	fs.DurationVar(&cfg.every, "every", time.Second, "a phase ends every `d` of wall time")
	fs.IntVar(&cfg.phaseEvery, "phase-every", 0, "a phase ends every `n` readings instead (deterministic)")
	fs.IntVar(&cfg.threshold, "threshold", 120, "alert for a key seen at least `n` times in a phase")
	fs.IntVar(&cfg.readings, "readings", 3000, "embedded: how many readings the producer publishes")
	fs.IntVar(&cfg.rate, "rate", 1000, "embedded: readings per second (0: all before the run, which then ends when it has read them)")
	fs.IntVar(&cfg.keys, "keys", 12, "embedded: how many distinct keys")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	opts := []fw.Option{fw.WithInterrupts()}
	if cfg.phaseEvery > 0 {
		opts = append(opts, fw.WithPhaseEvery(cfg.phaseEvery))
	} else {
		opts = append(opts, fw.WithPhaseInterval(cfg.every))
	}
	h := Handlers{Count: &counter{threshold: int64(cfg.threshold), byKey: map[string]*[2]int64{}}, Print: printer{out: stdout}}
	var err error
	if cfg.stdin {
		err = runStdin(ctx, h, opts, stdin, stderr)
	} else {
		err = runNATS(ctx, cfg, h, opts, stdout, stderr)
	}
	if err != nil {
		fmt.Fprintln(stderr, "alerts:", err)
	}
	return fw.ExitCode(err)
}

func runStdin(ctx context.Context, h Handlers, opts []fw.Option, stdin io.Reader, stderr io.Writer) error {
	p, err := NewPipeline(h, opts...)
	if err != nil {
		return err
	}
	p.StreamJSONLines(stdin, fw.LinesName("stdin"), fw.OnBadLine(func(le *fw.LineError) { fmt.Fprintln(stderr, le) }))
	return p.Run(ctx)
}

func runNATS(ctx context.Context, cfg config, h Handlers, opts []fw.Option, stdout, stderr io.Writer) error {
	url := cfg.url
	if url == "" {
		dir, err := os.MkdirTemp("", "fw-alerts-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		s, err := embedded(dir)
		if err != nil {
			return err
		}
		defer func() { s.Shutdown(); s.WaitForShutdown() }()
		url = s.ClientURL()
		fmt.Fprintf(stderr, "alerts: embedded NATS server at %s, JetStream in %s\n", url, dir)
	}
	nc, err := nats.Connect(url, nats.Name("fw-alerts"))
	if err != nil {
		return err
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		return err
	}
	readings, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{Name: "READINGS", Subjects: []string{"readings.>"}})
	if err != nil {
		return err
	}
	alerts, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{Name: "ALERTS", Subjects: []string{"alerts.>"}, Duplicates: 10 * time.Minute})
	if err != nil {
		return err
	}
	cons, err := readings.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{Durable: "alerts", AckPolicy: jetstream.AckAllPolicy, MaxAckPending: -1})
	if err != nil {
		return err
	}

	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	var srcOpts []fwnats.SourceOption
	produced := make(chan error, 1)
	if cfg.url == "" {
		if cfg.rate <= 0 { // a batch: publish everything, then read it to its end
			if err := produce(ctx, js, cfg); err != nil {
				return err
			}
			srcOpts = append(srcOpts, fwnats.EndWhenCaughtUp())
			produced <- nil
		} else { // live: the producer publishes while the pipeline runs
			go func() { produced <- produce(runCtx, js, cfg) }()
		}
	}
	srcOpts = append(srcOpts, fwnats.OnBadMessage(func(b *fwnats.BadMessage) { fmt.Fprintln(stderr, b) }))
	src, err := fwnats.NewSource(ctx, js, cons, DecodeJSON, srcOpts...)
	if err != nil {
		return err
	}
	sink := fwnats.NewSink(js, map[string]string{"Alert": "alerts.all"}, EncodeJSON)
	p, err := NewPipeline(h, append(opts, sink.Option())...)
	if err != nil {
		return err
	}
	p.Stream(src)
	if cfg.url == "" && cfg.rate > 0 {
		// The demo ends two phases after the producer's last reading: the
		// phase in progress then is not committed, as when a service stops.
		go func() {
			if err := <-produced; err == nil {
				select {
				case <-time.After(2 * cmp.Or(cfg.every, time.Second)):
				case <-runCtx.Done():
				}
			}
			cancel()
		}()
	}
	err = p.Run(runCtx)
	if errors.Is(err, context.Canceled) && ctx.Err() == nil {
		err = nil // the demo's end, not the user's interrupt
	}
	if info, ierr := alerts.Info(context.WithoutCancel(ctx)); ierr == nil {
		fmt.Fprintf(stdout, "ALERTS stream: %d messages\n", info.State.Msgs)
	}
	return err
}

// embedded starts a NATS server with JetStream in dir, on a random loopback port.
func embedded(dir string) (*server.Server, error) {
	s, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, JetStream: true, StoreDir: dir, NoLog: true, NoSigs: true})
	if err != nil {
		return nil, err
	}
	go s.Start()
	if !s.ReadyForConnections(10 * time.Second) {
		s.Shutdown()
		return nil, errors.New("the embedded NATS server did not start")
	}
	return s, nil
}

// produce publishes cfg.readings readings to readings.<key>, at cfg.rate per
// second (all at once when it is 0). Reading i is Readings(i, cfg.keys).
func produce(ctx context.Context, js jetstream.JetStream, cfg config) error {
	var tick *time.Ticker
	if cfg.rate > 0 {
		tick = time.NewTicker(time.Second / time.Duration(cfg.rate))
		defer tick.Stop()
	}
	for i := range cfg.readings {
		r := reading(i, cfg.keys)
		b, err := EncodeJSON(r)
		if err != nil {
			return err
		}
		if _, err := js.Publish(ctx, "readings."+r.Key, b, jetstream.WithMsgID("reading-"+strconv.Itoa(i))); err != nil {
			return err
		}
		if tick != nil {
			select {
			case <-tick.C:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
	}
	return nil
}

// reading is the producer's i-th reading: keys with skewed frequencies, so
// that some keys reach the threshold in a phase and others do not.
func reading(i, keys int) Reading {
	k := (i * i / 3) % max(keys, 1)
	return Reading{Key: "k" + strconv.Itoa(k), Value: int64(i % 7)}
}
