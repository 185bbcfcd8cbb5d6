package engine_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fwgo/fw/runtime/archive"
	"github.com/fwgo/fw/runtime/archive/badgerarchive"
	"github.com/fwgo/fw/runtime/fw"
	fwrt "github.com/fwgo/fw/runtime/internal/engine"
)

// The cache program, as generated code would describe
//
//	event In { s string }
//	event Mid { s string }
//	processor Work cached version V concurrency C { on In -> Mid }
//	processor Sink { on Mid }
//	processor Ph { on phase -> In }   // phase 0 emits two more inputs
//
// Work's handler is a parameter; Sink records every Mid it receives, with its
// canonical encoding, so that runs can be compared byte for byte.
const (
	kIn fwrt.Kind = iota
	kMid
)

var workFingerprint = archive.Fingerprint("cachetest", "Work", "on In -> Mid")

func cacheProgram(conc, version int) *fwrt.Program {
	return &fwrt.Program{
		Package: "cachetest",
		Events:  []fwrt.EventInfo{{Name: "In"}, {Name: "Mid"}},
		Procs: []fwrt.ProcInfo{
			{Name: "Work", Cases: []string{"In"}, Concurrency: conc, Cached: true, Version: version, Fingerprint: workFingerprint},
			{Name: "Sink", Cases: []string{"Mid"}},
			{Name: "Ph", Phase: true},
		},
		Routes: [][]int32{{0}, {1}},
	}
}

// workFunc is Work's handler for input s.
type workFunc func(c *fwrt.Call, s string) error

// emitTwo is the default handler: two emissions per input.
func emitTwo(c *fwrt.Call, s string) error {
	c.Emit(ev(kMid, s+"!"))
	c.Emit(ev(kMid, s+"?"))
	return nil
}

// evCodec is the canonical encoding of Ev: its label as a string.
type evCodec struct{}

func (evCodec) AppendMsg(b []byte, m fwrt.Msg) ([]byte, error) {
	if m.Ev == nil {
		return b, errors.New("no payload")
	}
	return fwrt.AppendString(b, m.Ev.(*Ev).S), nil
}

func (evCodec) DecodeMsg(k fwrt.Kind, data []byte) (fwrt.Msg, error) {
	d := fwrt.NewDecoder(data)
	s := d.String()
	if err := d.Finish(); err != nil {
		return fwrt.Msg{}, err
	}
	return fwrt.Msg{Kind: k, Ev: &Ev{S: s}}, nil
}

type cdisp struct {
	evCodec
	prog  *fwrt.Program
	work  workFunc
	calls atomic.Int64 // Work's handler calls
	mu    sync.Mutex
	sink  []string // "phase.step.input label hex"
}

func (d *cdisp) Route(m fwrt.Msg, dst []fwrt.Delivery) []fwrt.Delivery {
	switch m.Kind {
	case kIn:
		dst = append(dst, fwrt.Delivery{Proc: 0, Case: 0})
	case kMid:
		dst = append(dst, fwrt.Delivery{Proc: 1, Case: 0})
	}
	return dst
}

func (d *cdisp) Invoke(c *fwrt.Call, dl fwrt.Delivery, m fwrt.Msg) error {
	switch {
	case dl.Proc == 0:
		d.calls.Add(1)
		return d.work(c, label(m))
	case dl.Proc == 1:
		b, _ := d.AppendMsg(nil, m)
		d.mu.Lock()
		d.sink = append(d.sink, fmt.Sprintf("%d.%d.%d %s %x", c.Phase(), c.Step(), c.Input(), label(m), b))
		d.mu.Unlock()
	case dl.Proc == 2 && dl.Case == fwrt.CasePhase:
		if c.Phase() == 0 {
			c.Emit(ev(kIn, "late1"))
			c.Emit(ev(kIn, "late2"))
		}
	}
	return nil
}

func (d *cdisp) DispatchAll(x *fwrt.Serial, ms []fwrt.Msg) int { return dispatchAllVia(d, x, ms) }

// cacheRun is the outcome of one run of the cache program.
type cacheRun struct {
	err   error
	calls int64
	sink  []string
	stats fw.Stats
}

func (r cacheRun) work() fw.ProcStats { return r.stats.Processors[0] }

// runCache runs the cache program over inputs with archive a (nil: the
// default).
func runCache(t *testing.T, prog *fwrt.Program, a archive.Archive, work workFunc, inputs []string, opts ...fw.Option) cacheRun {
	t.Helper()
	d := &cdisp{prog: prog, work: work}
	if a != nil {
		opts = append(opts, fw.WithArchive(a))
	}
	e := fwrt.New(prog, d, opts...)
	for _, s := range inputs {
		e.Submit(ev(kIn, s))
	}
	err := e.Run(context.Background())
	return cacheRun{err: err, calls: d.calls.Load(), sink: d.sink, stats: e.Stats()}
}

func inputsN(n int) []string {
	var in []string
	for i := range n {
		in = append(in, fmt.Sprintf("in%03d", i))
	}
	return in
}

// withoutCacheCounts drops the hit and miss counts, which differ between a
// cold and a warm run; everything else must be equal.
func withoutCacheCounts(st fw.Stats) fw.Stats {
	st.Processors = slices.Clone(st.Processors)
	for i := range st.Processors {
		st.Processors[i].CacheHits, st.Processors[i].CacheMisses = 0, 0
	}
	return st
}

func sameStats(t *testing.T, got, want fw.Stats) {
	t.Helper()
	g, w := fmt.Sprint(withoutCacheCounts(got)), fmt.Sprint(withoutCacheCounts(want))
	if g != w {
		t.Errorf("stats differ:\n got  %s\n want %s", g, w)
	}
}

// archives opens the archives a test runs against: in memory, and a real
// Badger workspace (reopened between runs, as another process would).
type archiveKind struct {
	name string
	// open returns the archive for run i of the test; close releases it.
	open func(t *testing.T) archive.Archive
	done func(t *testing.T, a archive.Archive)
}

func archiveKinds(t *testing.T) []archiveKind {
	mem := archive.NewMemory()
	t.Cleanup(func() { mem.Close() })
	dir := t.TempDir()
	return []archiveKind{
		{"memory", func(*testing.T) archive.Archive { return mem }, func(*testing.T, archive.Archive) {}},
		{"badger", func(t *testing.T) archive.Archive {
			a, err := badgerarchive.Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			return a
		}, func(t *testing.T, a archive.Archive) {
			if err := a.Close(); err != nil {
				t.Fatal(err)
			}
		}},
	}
}

// run runs the program on a freshly opened archive of kind k.
func (k archiveKind) run(t *testing.T, prog *fwrt.Program, work workFunc, inputs []string, opts ...fw.Option) cacheRun {
	t.Helper()
	a := k.open(t)
	defer k.done(t, a)
	return runCache(t, prog, a, work, inputs, opts...)
}

func TestCacheHitReplays(t *testing.T) {
	in := inputsN(20)
	for _, k := range archiveKinds(t) {
		t.Run(k.name, func(t *testing.T) {
			var ref cacheRun
			for round, workers := range []int{1, 8, 1, 8} {
				r := k.run(t, cacheProgram(0, 1), emitTwo, in, fw.WithWorkers(workers))
				if r.err != nil {
					t.Fatal(r.err)
				}
				n := uint64(len(in) + 2)
				if round == 0 {
					ref = r
					if r.calls != int64(n) || r.work().CacheMisses != n || r.work().CacheHits != 0 {
						t.Fatalf("cold run: %d calls, %d misses, %d hits; want %d, %d, 0", r.calls, r.work().CacheMisses, r.work().CacheHits, n, n)
					}
					if len(r.sink) != 2*int(n) {
						t.Fatalf("sink got %d events, want %d", len(r.sink), 2*n)
					}
					continue
				}
				if r.calls != 0 || r.work().CacheHits != n || r.work().CacheMisses != 0 {
					t.Fatalf("warm run %d (workers %d): %d handler calls, %d hits, %d misses; want 0, %d, 0",
						round, workers, r.calls, r.work().CacheHits, r.work().CacheMisses, n)
				}
				equalLines(t, "sink", r.sink, ref.sink)
				sameStats(t, r.stats, ref.stats)
			}
		})
	}
}

func TestCacheVersionAndSalt(t *testing.T) {
	in := inputsN(5)
	n := uint64(len(in) + 2)
	for _, k := range archiveKinds(t) {
		t.Run(k.name, func(t *testing.T) {
			steps := []struct {
				what    string
				version int
				salt    string
				hits    uint64
			}{
				{"cold", 1, "", 0},
				{"warm", 1, "", n},
				{"version bump", 2, "", 0},
				{"version bump again", 2, "", n},
				{"back to version 1", 1, "", n},
				{"salted", 1, "A", 0},
				{"salted again", 1, "A", n},
				{"other salt", 1, "B", 0},
				{"unsalted", 1, "", n},
			}
			var ref cacheRun
			for i, s := range steps {
				var opts []fw.Option
				if s.salt != "" {
					opts = append(opts, fw.WithCacheSalt([]byte(s.salt)))
				}
				r := k.run(t, cacheProgram(0, s.version), emitTwo, in, opts...)
				if r.err != nil {
					t.Fatal(r.err)
				}
				if r.work().CacheHits != s.hits || r.work().CacheMisses != n-s.hits || r.calls != int64(n-s.hits) {
					t.Errorf("%s: %d hits, %d misses, %d calls; want %d hits", s.what, r.work().CacheHits, r.work().CacheMisses, r.calls, s.hits)
				}
				if i == 0 {
					ref = r
				}
				equalLines(t, s.what+": sink", r.sink, ref.sink)
			}
		})
	}
}

func TestCacheFingerprintSeparates(t *testing.T) {
	mem := archive.NewMemory()
	in := inputsN(3)
	if r := runCache(t, cacheProgram(0, 1), mem, emitTwo, in); r.err != nil || r.calls != 5 {
		t.Fatal(r.err, r.calls)
	}
	p := cacheProgram(0, 1)
	p.Procs[0].Fingerprint = archive.Fingerprint("cachetest", "Work", "on In -> Mid, Other")
	if r := runCache(t, p, mem, emitTwo, in); r.err != nil || r.calls != 5 {
		t.Fatalf("another fingerprint: %v, %d calls; want 5", r.err, r.calls)
	}
}

func TestCacheRefresh(t *testing.T) {
	in := inputsN(4)
	n := int64(len(in) + 2)
	for _, k := range archiveKinds(t) {
		t.Run(k.name, func(t *testing.T) {
			if r := k.run(t, cacheProgram(0, 1), emitTwo, in); r.err != nil || r.calls != n {
				t.Fatal(r.err, r.calls)
			}
			changed := func(c *fwrt.Call, s string) error {
				c.Emit(ev(kMid, s+"#new"))
				return nil
			}
			r := k.run(t, cacheProgram(0, 1), changed, in, fw.WithCacheRefresh())
			if r.err != nil || r.calls != n || r.work().CacheHits != 0 || r.work().CacheMisses != uint64(n) {
				t.Fatalf("refresh: %v, %d calls, %d hits; want %d calls, no hit", r.err, r.calls, r.work().CacheHits, n)
			}
			// The refreshed entries replace the old ones.
			warm := k.run(t, cacheProgram(0, 1), emitTwo, in)
			if warm.err != nil || warm.calls != 0 {
				t.Fatal(warm.err, warm.calls)
			}
			equalLines(t, "sink after refresh", warm.sink, r.sink)
			for _, line := range warm.sink {
				if !strings.Contains(line, "#new") {
					t.Fatalf("replayed %q, want the refreshed emissions", line)
				}
			}
		})
	}
}

// keyOf is the key the engine uses for Work's call on input s.
func keyOf(version int, salt, s string) archive.Key {
	in, _ := evCodec{}.AppendMsg(nil, ev(kIn, s))
	return archive.KeySpec{Processor: "Work", Version: int64(version), Fingerprint: workFingerprint, Salt: []byte(salt)}.Key(in)
}

func TestCacheFailuresNotRecorded(t *testing.T) {
	for _, how := range []string{"error", "panic"} {
		for _, workers := range bworkers {
			for _, conc := range []int{0, 3} {
				t.Run(fmt.Sprintf("%s/workers=%d/conc=%d", how, workers, conc), func(t *testing.T) {
					mem := archive.NewMemory()
					failing := func(c *fwrt.Call, s string) error {
						c.Emit(ev(kMid, s+"!"))
						if s == "in002" {
							c.Emit(ev(kMid, s+"?"))
							if how == "panic" {
								panic("boom")
							}
							return errors.New("failed")
						}
						return nil
					}
					r := runCache(t, cacheProgram(conc, 1), mem, failing, inputsN(5), fw.WithWorkers(workers))
					var he *fw.HandlerError
					if !errors.As(r.err, &he) || he.Processor != "Work" {
						t.Fatalf("Run: %v; want a HandlerError of Work", r.err)
					}
					if _, ok, err := mem.Get(keyOf(1, "", "in002")); ok || err != nil {
						t.Fatalf("the failed call left an entry (ok %v, err %v)", ok, err)
					}
					// Calls that succeeded before the failure are recorded.
					if _, ok, _ := mem.Get(keyOf(1, "", "in000")); !ok {
						t.Fatal("in000 was not recorded")
					}
					if r.work().CacheHits != 0 {
						t.Fatalf("%d hits", r.work().CacheHits)
					}
				})
			}
		}
	}
}

func TestCacheVerify(t *testing.T) {
	in := inputsN(6)
	n := int64(len(in) + 2)
	for _, workers := range bworkers {
		t.Run(fmt.Sprint("workers=", workers), func(t *testing.T) {
			mem := archive.NewMemory()
			ref := runCache(t, cacheProgram(0, 1), mem, emitTwo, in, fw.WithWorkers(workers))
			if ref.err != nil {
				t.Fatal(ref.err)
			}
			// Verifying an unchanged handler calls it for every hit and passes.
			r := runCache(t, cacheProgram(0, 1), mem, emitTwo, in, fw.WithVerify(), fw.WithWorkers(workers))
			if r.err != nil || r.calls != n || r.work().CacheHits != uint64(n) {
				t.Fatalf("verify unchanged: %v, %d calls, %d hits; want nil, %d, %d", r.err, r.calls, r.work().CacheHits, n, n)
			}
			equalLines(t, "sink", r.sink, ref.sink)

			changed := func(c *fwrt.Call, s string) error {
				c.Emit(ev(kMid, s+"!"))
				if s == "in003" {
					c.Emit(ev(kMid, s+"?changed"))
				} else {
					c.Emit(ev(kMid, s+"?"))
				}
				return nil
			}
			r = runCache(t, cacheProgram(0, 1), mem, changed, in, fw.WithVerify(), fw.WithWorkers(workers))
			var d *fw.DivergenceError
			if !errors.As(r.err, &d) {
				t.Fatalf("Run: %v; want a *DivergenceError", r.err)
			}
			if d.Processor != "Work" || d.Case != "In" || d.Event != "In" || d.Phase != 0 || d.Step != 0 || d.Input != 3 || d.Index != 1 {
				t.Fatalf("divergence %+v", d)
			}
			if !strings.Contains(d.Expected, `Mid {S:in003?}`) || !strings.Contains(d.Got, `Mid {S:in003?changed}`) ||
				!strings.Contains(d.Expected, "06696e3030333f") {
				t.Fatalf("expected %q, got %q", d.Expected, d.Got)
			}
			msg := d.Error()
			for _, want := range []string{"processor Work", "case In", "event In (input 3)", "phase 0, step 0", "emission 1"} {
				if !strings.Contains(msg, want) {
					t.Errorf("message %q lacks %q", msg, want)
				}
			}
			// The record is left as it was: a normal run still replays it.
			r = runCache(t, cacheProgram(0, 1), mem, changed, in)
			if r.err != nil || r.calls != 0 {
				t.Fatal(r.err, r.calls)
			}
			equalLines(t, "sink after verify", r.sink, ref.sink)

			// An emission missing at the end.
			fewer := func(c *fwrt.Call, s string) error {
				c.Emit(ev(kMid, s+"!"))
				if s != "late2" {
					c.Emit(ev(kMid, s+"?"))
				}
				return nil
			}
			r = runCache(t, cacheProgram(0, 1), mem, fewer, in, fw.WithVerify(), fw.WithWorkers(workers))
			if !errors.As(r.err, &d) || d.Phase != 1 || d.Input != 1 || d.Index != 1 || d.Got != "(no emission)" {
				t.Fatalf("Run: %v (%+v)", r.err, d)
			}
		})
	}
}

// warnings collects the messages of WARN records.
type warnings struct {
	mu   sync.Mutex
	msgs []string
}

func (w *warnings) Enabled(_ context.Context, l slog.Level) bool { return l >= slog.LevelWarn }
func (w *warnings) Handle(_ context.Context, r slog.Record) error {
	w.mu.Lock()
	w.msgs = append(w.msgs, r.Message)
	w.mu.Unlock()
	return nil
}
func (w *warnings) WithAttrs([]slog.Attr) slog.Handler { return w }
func (w *warnings) WithGroup(string) slog.Handler      { return w }

func TestCacheCorruptEntry(t *testing.T) {
	in := inputsN(4)
	for _, workers := range bworkers {
		k := keyOf(1, "", "in001")
		for name, damage := range map[string]func(good []byte) []byte{
			"flipped byte": func(good []byte) []byte { b := bytes.Clone(good); b[len(b)/2] ^= 0x40; return b },
			"truncated":    func(good []byte) []byte { return good[:len(good)-3] },
			// A well-formed record the codec cannot decode.
			"undecodable": func([]byte) []byte {
				return archive.EncodeRecordFor(k, archive.Record{Emissions: []archive.Emission{{Name: "Mid", Data: []byte{9}}}})
			},
			"unknown event": func([]byte) []byte {
				return archive.EncodeRecordFor(k, archive.Record{Emissions: []archive.Emission{{Name: "Gone", Data: nil}}})
			},
		} {
			t.Run(fmt.Sprintf("%s/workers=%d", name, workers), func(t *testing.T) {
				mem := archive.NewMemory()
				ref := runCache(t, cacheProgram(0, 1), mem, emitTwo, in, fw.WithWorkers(workers))
				if ref.err != nil {
					t.Fatal(ref.err)
				}
				rec, _, _ := mem.Get(k)
				good := archive.EncodeRecordFor(k, rec)
				if err := mem.PutRaw(k, damage(good)); err != nil {
					t.Fatal(err)
				}
				w := &warnings{}
				r := runCache(t, cacheProgram(0, 1), mem, emitTwo, in, fw.WithWorkers(workers), fw.WithLogger(slog.New(w)))
				if r.err != nil || r.calls != 1 || r.work().CacheMisses != 1 {
					t.Fatalf("%v, %d calls, %d misses; want the damaged entry re-executed alone", r.err, r.calls, r.work().CacheMisses)
				}
				if len(w.msgs) != 1 || !strings.Contains(w.msgs[0], "corrupt") && !strings.Contains(w.msgs[0], "does not decode") {
					t.Fatalf("warnings %q", w.msgs)
				}
				equalLines(t, "sink", r.sink, ref.sink)
				rec2, ok, err := mem.Get(k)
				if !ok || err != nil || !rec2.Equal(rec) {
					t.Fatalf("entry not rewritten: ok %v, err %v", ok, err)
				}
			})
		}
	}
}

// TestCacheConcurrent: a cached processor with concurrency N whose calls
// complete out of order still commits its emissions, replayed or not, in
// input order, the same for any worker count.
func TestCacheConcurrent(t *testing.T) {
	in := inputsN(40)
	slow := func(c *fwrt.Call, s string) error {
		time.Sleep(time.Duration(rand.IntN(300)) * time.Microsecond)
		return emitTwo(c, s)
	}
	var ref cacheRun
	for _, workers := range []int{1, 8} {
		mem := archive.NewMemory()
		cold := runCache(t, cacheProgram(4, 1), mem, slow, in, fw.WithWorkers(workers))
		warm := runCache(t, cacheProgram(4, 1), mem, slow, in, fw.WithWorkers(workers))
		if cold.err != nil || warm.err != nil {
			t.Fatal(cold.err, warm.err)
		}
		if warm.calls != 0 || warm.work().CacheHits != uint64(len(in)+2) {
			t.Fatalf("workers %d: warm run made %d calls, %d hits", workers, warm.calls, warm.work().CacheHits)
		}
		if ref.sink == nil {
			ref = cold
		}
		equalLines(t, fmt.Sprintf("workers %d cold", workers), cold.sink, ref.sink)
		equalLines(t, fmt.Sprintf("workers %d warm", workers), warm.sink, ref.sink)
		sameStats(t, cold.stats, ref.stats)
		sameStats(t, warm.stats, ref.stats)
	}
	// The same as without caching.
	plain := cacheProgram(4, 1)
	plain.Procs[0].Cached = false
	r := runCache(t, plain, nil, slow, in, fw.WithWorkers(8))
	equalLines(t, "uncached", r.sink, ref.sink)
	if r.work().CacheHits+r.work().CacheMisses != 0 {
		t.Fatalf("an uncached processor counted hits or misses: %+v", r.work())
	}
}

// TestCacheDefaultArchive: without WithArchive each run has its own archive in
// memory, so a second engine misses.
func TestCacheDefaultArchive(t *testing.T) {
	in := inputsN(3)
	for range 2 {
		r := runCache(t, cacheProgram(0, 1), nil, emitTwo, in)
		if r.err != nil || r.calls != 5 || r.work().CacheMisses != 5 {
			t.Fatal(r.err, r.calls)
		}
	}
	// A repeated input within one run hits.
	r := runCache(t, cacheProgram(0, 1), nil, emitTwo, []string{"a", "b", "a", "a"})
	if r.err != nil || r.calls != 4 || r.work().CacheHits != 2 {
		t.Fatalf("%v: %d calls, %d hits; want 4 calls (a, b, late1, late2), 2 hits", r.err, r.calls, r.work().CacheHits)
	}
}

func TestCacheNeedsCodec(t *testing.T) {
	d := &struct{ fwrt.Dispatcher }{&cdisp{work: emitTwo}}
	e := fwrt.New(cacheProgram(0, 1), d)
	if err := e.Run(context.Background()); err == nil || !strings.Contains(err.Error(), "Codec") {
		t.Fatalf("Run: %v; want an error about the missing Codec", err)
	}
}

// failingArchive fails every Put and Flush.
type failingArchive struct{ archive.Archive }

func (failingArchive) Put(archive.Key, archive.Record) error { return errors.New("disk full") }
func (failingArchive) Flush() error                          { return errors.New("disk full") }

func TestCacheArchiveFailures(t *testing.T) {
	w := &warnings{}
	r := runCache(t, cacheProgram(0, 1), failingArchive{archive.NewMemory()}, emitTwo, inputsN(2), fw.WithLogger(slog.New(w)))
	if r.err == nil || !strings.Contains(r.err.Error(), "flushing the archive") {
		t.Fatalf("Run: %v; want the flush error", r.err)
	}
	if len(w.msgs) != 4 || r.calls != 4 || len(r.sink) != 8 {
		t.Fatalf("%d warnings, %d calls, %d sink events", len(w.msgs), r.calls, len(r.sink))
	}
}

// TestRuntimeWithoutBadger: the runtime package must not force Badger on
// applications that never open a workspace.
func TestRuntimeWithoutBadger(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	out, err := exec.Command(gobin, "list", "-deps", "github.com/fwgo/fw/runtime/fw", "github.com/fwgo/fw/runtime/fwimpl", "github.com/fwgo/fw/runtime/archive").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if strings.Contains(line, "badger") {
			t.Fatalf("the runtime depends on %s", line)
		}
	}
	if !strings.Contains(string(out), "github.com/fwgo/fw/runtime/archive") {
		t.Fatalf("go list output lacks the archive package:\n%s", out)
	}
}

// persistProg: a persistent source builder Src (words), a persistent
// transform builder Up (upper, per word) and a processor Sink on upper.
func persistProg(version int) *bprog {
	b := newBProg([]string{"Go"}, []string{"words", "upper"},
		bproc{name: "Src", provides: "words"},
		bproc{name: "Up", provides: "upper", requires: []string{"words"}},
		bproc{name: "Sink", on: []string{"built upper"}},
	)
	for i := range 2 {
		p := &b.prog.Procs[i]
		p.Persist, p.Version = true, version
		p.Fingerprint = archive.Fingerprint("cachetest", p.Name)
	}
	return b
}

type pdisp struct {
	*sdisp
	evCodec
}

func TestPersistentBuilders(t *testing.T) {
	for _, k := range archiveKinds(t) {
		t.Run(k.name, func(t *testing.T) {
			type result struct {
				builds, ups int64
				sink        []string
				stats       fw.Stats
				err         error
			}
			run := func(version, workers int, opts ...fw.Option) result {
				var r result
				var mu sync.Mutex
				var ups atomic.Int64
				b := persistProg(version)
				d := newSDisp(b, func(c *fwrt.Call, proc, cs string, m fwrt.Msg) error {
					switch proc {
					case "Up":
						ups.Add(1)
						c.Emit(b.art("upper", strings.ToUpper(label(m))))
						if label(m) == "w7" {
							c.Emit(b.art("upper", "SEVEN"))
						}
					case "Sink":
						mu.Lock()
						r.sink = append(r.sink, fmt.Sprintf("%d.%d.%d %s", c.Phase(), c.Step(), c.Input(), label(m)))
						mu.Unlock()
					}
					return nil
				}, map[string]func(ctx context.Context, yield func(string) bool) error{
					"Src": func(ctx context.Context, yield func(string) bool) error {
						r.builds++
						return items("w", 50)(ctx, yield)
					},
				})
				a := k.open(t)
				defer k.done(t, a)
				e := fwrt.New(b.prog, &pdisp{sdisp: d}, append(opts, fw.WithArchive(a), fw.WithWorkers(workers), fw.WithSourceBatch(16))...)
				e.Resolve("upper")
				r.err = e.Run(context.Background())
				r.ups, r.stats = ups.Load(), e.Stats()
				return r
			}
			cold := run(1, 1)
			if cold.err != nil || cold.builds != 1 || cold.ups != 50 || len(cold.sink) != 51 {
				t.Fatalf("cold: %v, %d builds, %d Up calls, %d sink", cold.err, cold.builds, cold.ups, len(cold.sink))
			}
			for _, workers := range bworkers {
				warm := run(1, workers)
				if warm.err != nil || warm.builds != 0 || warm.ups != 0 {
					t.Fatalf("warm (workers %d): %v, %d builds, %d Up calls; want none", workers, warm.err, warm.builds, warm.ups)
				}
				if src, up := warm.stats.Processors[0], warm.stats.Processors[1]; src.CacheHits != 1 || up.CacheHits != 50 {
					t.Fatalf("hits: Src %d, Up %d", src.CacheHits, up.CacheHits)
				}
				equalLines(t, "sink", warm.sink, cold.sink)
				sameStats(t, warm.stats, cold.stats)
			}
			// A version bump invalidates both builders' entries.
			bumped := run(2, 8)
			if bumped.err != nil || bumped.builds != 1 || bumped.ups != 50 {
				t.Fatalf("bumped: %v, %d builds, %d Up calls", bumped.err, bumped.builds, bumped.ups)
			}
			equalLines(t, "sink", bumped.sink, cold.sink)
			// Verify mode re-runs both and finds no difference.
			v := run(1, 8, fw.WithVerify())
			if v.err != nil || v.builds != 1 || v.ups != 50 || v.stats.Processors[0].CacheHits != 1 {
				t.Fatalf("verify: %v, %d builds, %d Up calls", v.err, v.builds, v.ups)
			}
		})
	}
}
