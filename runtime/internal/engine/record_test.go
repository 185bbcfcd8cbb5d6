package engine_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/fwgo/fw/runtime/archive"
	"github.com/fwgo/fw/runtime/fw"
	fwrt "github.com/fwgo/fw/runtime/internal/engine"
)

// The program of the record tests, as generated code would describe
//
//	event In { s string }
//	event Mid { s string }
//	processor Work concurrency C { on In -> Mid }   // two Mids per In
//	processor Sink { on Mid }                       // emits nothing
//	processor Life { on init -> In; on phase -> In; on terminate }
//
// Life's `on init` emits one In, its `on phase` two more after phase 0, so a
// run has two phases, lifecycle calls with emissions, and several steps.
const (
	rIn fwrt.Kind = iota
	rMid
)

func recProgram(conc int) *fwrt.Program {
	return &fwrt.Program{
		Package: "rectest",
		Events:  []fwrt.EventInfo{{Name: "In"}, {Name: "Mid"}},
		Procs: []fwrt.ProcInfo{
			{Name: "Work", Cases: []string{"In"}, Concurrency: conc},
			{Name: "Sink", Cases: []string{"Mid"}},
			{Name: "Life", Init: true, Phase: true, Terminate: true},
		},
		Routes: [][]int32{{0}, {1}},
	}
}

// recCodec is the canonical encoding of Ev: its label as a string.
type recCodec struct{}

func (recCodec) AppendMsg(b []byte, m fwrt.Msg) ([]byte, error) {
	if m.Ev == nil {
		return b, errors.New("no payload")
	}
	return fwrt.AppendString(b, m.Ev.(*Ev).S), nil
}

func (recCodec) DecodeMsg(k fwrt.Kind, data []byte) (fwrt.Msg, error) {
	d := fwrt.NewDecoder(data)
	s := d.String()
	if err := d.Finish(); err != nil {
		return fwrt.Msg{}, err
	}
	return fwrt.Msg{Kind: k, Ev: &Ev{S: s}}, nil
}

// rdisp is the dispatcher of the record tests; work is Work's handler, sink
// Sink's (nil: accept), and drop, if set, makes Route drop some Mid events
// (a routing change the Program does not show).
type rdisp struct {
	recCodec
	work  func(c *fwrt.Call, s string) error
	sink  func(c *fwrt.Call, s string) error
	drop  func(s string) bool
	mu    sync.Mutex
	trace []string // Sink's inputs, in delivery order
}

func (d *rdisp) Route(m fwrt.Msg, dst []fwrt.Delivery) []fwrt.Delivery {
	switch m.Kind {
	case rIn:
		dst = append(dst, fwrt.Delivery{Proc: 0, Case: 0})
	case rMid:
		if d.drop == nil || !d.drop(label(m)) {
			dst = append(dst, fwrt.Delivery{Proc: 1, Case: 0})
		}
	}
	return dst
}

func (d *rdisp) Invoke(c *fwrt.Call, dl fwrt.Delivery, m fwrt.Msg) error {
	switch {
	case dl.Proc == 0:
		return d.work(c, label(m))
	case dl.Proc == 1:
		d.mu.Lock()
		d.trace = append(d.trace, fmt.Sprintf("%d.%d.%d %s", c.Phase(), c.Step(), c.Input(), label(m)))
		d.mu.Unlock()
		if d.sink != nil {
			return d.sink(c, label(m))
		}
	case dl.Case == fwrt.CaseInit:
		c.Emit(ev(rIn, "init"))
	case dl.Case == fwrt.CasePhase:
		if c.Phase() == 0 {
			c.Emit(ev(rIn, "late1"))
			c.Emit(ev(rIn, "late2"))
		}
	}
	return nil
}

func (d *rdisp) DispatchAll(x *fwrt.Serial, ms []fwrt.Msg) int { return dispatchAllVia(d, x, ms) }

func work2(c *fwrt.Call, s string) error {
	c.Emit(ev(rMid, s+"!"))
	c.Emit(ev(rMid, s+"?"))
	return nil
}

func recInputs(n int) []string {
	in := make([]string, n)
	for i := range in {
		in[i] = fmt.Sprintf("in%03d", i)
	}
	return in
}

// recRun runs the program over inputs with d; opts add WithRecord or
// WithReplay. For a replay, inputs must be nil.
func recRun(prog *fwrt.Program, d *rdisp, inputs []string, opts ...fw.Option) error {
	e := fwrt.New(prog, d, opts...)
	for _, s := range inputs {
		e.Submit(ev(rIn, s))
	}
	return e.Run(context.Background())
}

// record records a run to a file in dir and returns its path and bytes.
func record(t *testing.T, prog *fwrt.Program, d *rdisp, inputs []string, opts ...fw.Option) (string, []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "run.fwrec")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := recRun(prog, d, inputs, append(opts, fw.WithRecord(f))...); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, data
}

// replayFile replays the record at path with d.
func replayFile(t *testing.T, prog *fwrt.Program, d *rdisp, path string, opts ...fw.Option) error {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return fwrt.New(prog, d, opts...).Replay(context.Background(), f)
}

func TestRecordReplay(t *testing.T) {
	in := recInputs(20)
	for _, conc := range []int{0, 3} {
		t.Run(fmt.Sprint("concurrency=", conc), func(t *testing.T) {
			ref := &rdisp{work: work2}
			path, want := record(t, recProgram(conc), ref, in)
			// The record does not depend on the worker count.
			for _, w := range bworkers {
				_, got := record(t, recProgram(conc), &rdisp{work: work2}, in, fw.WithWorkers(w))
				if !bytes.Equal(got, want) {
					t.Fatalf("workers=%d: the record differs from the one of 1 worker (%d bytes vs %d)", w, len(got), len(want))
				}
			}
			// It replays unchanged with any worker count, recorded with any.
			_, rec8 := record(t, recProgram(conc), &rdisp{work: work2}, in, fw.WithWorkers(8))
			path8 := filepath.Join(t.TempDir(), "run8.fwrec")
			if err := os.WriteFile(path8, rec8, 0o644); err != nil {
				t.Fatal(err)
			}
			for _, p := range []string{path, path8} {
				for _, w := range bworkers {
					d := &rdisp{work: work2}
					if err := replayFile(t, recProgram(conc), d, p, fw.WithWorkers(w)); err != nil {
						t.Fatalf("replay with %d workers: %v", w, err)
					}
					equalLines(t, "Sink's inputs in the replay", d.trace, ref.trace)
				}
			}
		})
	}
}

func TestReplayDivergence(t *testing.T) {
	in := recInputs(6)
	path, _ := record(t, recProgram(0), &rdisp{work: work2}, in)
	changed := func(c *fwrt.Call, s string) error {
		c.Emit(ev(rMid, s+"!"))
		if s == "in003" {
			c.Emit(ev(rMid, s+"?changed"))
		} else {
			c.Emit(ev(rMid, s+"?"))
		}
		return nil
	}
	for _, w := range bworkers {
		d := &rdisp{work: changed}
		err := replayFile(t, recProgram(0), d, path, fw.WithWorkers(w))
		var div *fw.DivergenceError
		if !errors.As(err, &div) {
			t.Fatalf("workers=%d: %v; want a *DivergenceError", w, err)
		}
		if !div.Replay || div.Processor != "Work" || div.Case != "In" || div.Event != "In" ||
			div.Phase != 0 || div.Step != 0 || div.Input != 3 || div.Index != 1 {
			t.Fatalf("workers=%d: divergence %+v", w, div)
		}
		// Life's init is call 0; Work's calls follow.
		if div.Call != 4 {
			t.Errorf("call %d, want 4", div.Call)
		}
		if div.Expected != "Mid {S:in003?} [7 bytes: 06696e3030333f]" || !strings.HasPrefix(div.Got, "Mid {S:in003?changed} [14 bytes: ") {
			t.Errorf("expected %q, got %q", div.Expected, div.Got)
		}
		msg := err.Error()
		for _, want := range []string{"fw: replay: processor Work, case In, event In (input 3), phase 0, step 0 (call 4): emission 1 differs",
			"expected Mid {S:in003?}", "got      Mid {S:in003?changed}"} {
			if !strings.Contains(msg, want) {
				t.Errorf("message %q lacks %q", msg, want)
			}
		}
		// The run stopped at the step of the divergence: Sink saw nothing of it.
		if len(d.trace) != 0 {
			t.Errorf("Sink ran after the divergence: %q", d.trace)
		}
	}

	// An emission missing, in a later phase: (no emission) on the run's side.
	fewer := func(c *fwrt.Call, s string) error {
		c.Emit(ev(rMid, s+"!"))
		if s != "late2" {
			c.Emit(ev(rMid, s+"?"))
		}
		return nil
	}
	err := replayFile(t, recProgram(0), &rdisp{work: fewer}, path)
	var div *fw.DivergenceError
	if !errors.As(err, &div) || div.Phase != 1 || div.Step != 0 || div.Input != 1 || div.Index != 1 ||
		div.Got != "(no emission)" || !strings.HasPrefix(div.Expected, "Mid {S:late2?}") {
		t.Fatalf("Run: %v (%+v)", err, div)
	}
}

func TestReplayCallDivergence(t *testing.T) {
	in := recInputs(4)
	path, _ := record(t, recProgram(0), &rdisp{work: work2}, in)
	for _, w := range bworkers {
		// Sink no longer receives in002? (a routing change the Program does not show).
		d := &rdisp{work: work2, drop: func(s string) bool { return s == "in002?" }}
		err := replayFile(t, recProgram(0), d, path, fw.WithWorkers(w))
		var div *fw.DivergenceError
		if !errors.As(err, &div) || div.Index != -1 || div.Phase != 0 || div.Step != 1 {
			t.Fatalf("workers=%d: %v (%+v)", w, err, div)
		}
		// Sink's call on input 5 had in002? as its input; in the run, it has
		// in003!: the same call by position, with another input.
		if !strings.HasPrefix(div.ExpectedCall, "processor Sink, case Mid, event Mid (input 5), phase 0, step 1, an input with checksum ") ||
			!strings.HasPrefix(div.GotCall, "processor Sink, case Mid, event Mid (input 5: Mid {S:in003!} [7 bytes: 06696e30303321]), phase 0, step 1, an input with checksum ") ||
			div.Processor != "Sink" || div.Input != 5 || div.Call != 11 {
			t.Fatalf("workers=%d: %+v", w, div)
		}
		if !strings.Contains(err.Error(), "the run's calls differ from the record's at call") {
			t.Errorf("message %q", err)
		}
	}

	// A run that stops making calls before the record ends.
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	prog := recProgram(0)
	prog.Procs[2].Terminate = false // a program change: caught by the digest
	err = fwrt.New(prog, &rdisp{work: work2}).Replay(context.Background(), f)
	if !errors.Is(err, fw.ErrProgramChanged) || !strings.Contains(err.Error(), "processor Life changed") {
		t.Fatalf("Replay: %v", err)
	}
}

func TestReplayFailedRun(t *testing.T) {
	in := recInputs(4)
	failing := func(c *fwrt.Call, s string) error {
		if s == "late1!" {
			return errors.New("disk full")
		}
		return nil
	}
	path := filepath.Join(t.TempDir(), "failed.fwrec")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	err = recRun(recProgram(0), &rdisp{work: work2, sink: failing}, in, fw.WithRecord(f))
	f.Close()
	var he *fw.HandlerError
	if !errors.As(err, &he) {
		t.Fatalf("recorded run: %v", err)
	}
	// Replaying with the same handlers fails the same way.
	for _, w := range bworkers {
		err := replayFile(t, recProgram(0), &rdisp{work: work2, sink: failing}, path, fw.WithWorkers(w))
		if !errors.As(err, &he) || he.Processor != "Sink" || !strings.Contains(err.Error(), "disk full") {
			t.Fatalf("workers=%d: %v", w, err)
		}
	}
	// Fixed, the run goes further than the record: a divergence that says why
	// the record ends.
	err = replayFile(t, recProgram(0), &rdisp{work: work2}, path)
	var div *fw.DivergenceError
	if !errors.As(err, &div) || div.Processor != "Sink" || div.Phase != 1 || div.Step != 1 ||
		!strings.Contains(div.ExpectedCall, "the record ends here; the recorded run failed: fw: processor Sink") {
		t.Fatalf("Replay: %v (%+v)", err, div)
	}
}

func TestReplayDamagedRecord(t *testing.T) {
	in := recInputs(5)
	_, data := record(t, recProgram(0), &rdisp{work: work2}, in)
	replay := func(b []byte) error {
		path := filepath.Join(t.TempDir(), "damaged.fwrec")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return replayFile(t, recProgram(0), &rdisp{work: work2}, path)
	}
	for _, n := range []int{0, 5, 7, 12, len(data) / 2, len(data) - 5, len(data) - 1} {
		err := replay(data[:n])
		if !errors.Is(err, fw.ErrRecordTruncated) {
			t.Errorf("cut at %d of %d bytes: %v; want ErrRecordTruncated", n, len(data), err)
		}
	}
	for _, at := range []int{len(data) / 3, len(data) / 2, len(data) - 3} {
		b := bytes.Clone(data)
		b[at] ^= 0x20
		err := replay(b)
		if !errors.Is(err, fw.ErrRecordCorrupt) {
			t.Errorf("byte %d flipped: %v; want ErrRecordCorrupt", at, err)
		} else if !strings.Contains(err.Error(), "CRC-32C") && !strings.Contains(err.Error(), "length") {
			t.Errorf("byte %d flipped: %v", at, err)
		}
	}
	err := replay(append([]byte("not a record at all"), data...))
	if !errors.Is(err, fw.ErrRecordCorrupt) || !strings.Contains(err.Error(), "not a fw record") {
		t.Errorf("bad magic: %v", err)
	}
	err = replay(append(bytes.Clone(data), 0))
	if !errors.Is(err, fw.ErrRecordCorrupt) || !strings.Contains(err.Error(), "after the end marker") {
		t.Errorf("trailing byte: %v", err)
	}
}

func TestReplayProgramChanged(t *testing.T) {
	path, _ := record(t, recProgram(0), &rdisp{work: work2}, recInputs(3))
	cases := []struct {
		change func(p *fwrt.Program)
		want   string
	}{
		{func(p *fwrt.Program) { p.Package = "other" }, "it is of package rectest, not other"},
		{func(p *fwrt.Program) { p.Events[1].Name = "Middle" }, "event 1 is Mid in the record, Middle now"},
		{func(p *fwrt.Program) { p.Procs[1].Cases[0] = "Any" }, "processor Sink changed"},
		{func(p *fwrt.Program) {
			p.Procs = append(p.Procs, fwrt.ProcInfo{Name: "Extra"})
		}, "the program has 4 processors (Extra ...), the record 3"},
		{func(p *fwrt.Program) { p.Fingerprint[0] = 1 }, "the package's declarations changed"},
		{func(p *fwrt.Program) { p.Routes[1] = nil }, "the routing table changed"},
	}
	for _, c := range cases {
		prog := recProgram(0)
		c.change(prog)
		err := replayFile(t, prog, &rdisp{work: work2}, path)
		if !errors.Is(err, fw.ErrProgramChanged) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Replay: %v; want ErrProgramChanged saying %q", err, c.want)
		}
	}
	// Concurrency is not part of the digest: it changes nothing a call sees.
	if err := replayFile(t, recProgram(4), &rdisp{work: work2}, path, fw.WithWorkers(4)); err != nil {
		t.Errorf("replay with concurrency 4: %v", err)
	}
}

// countingWriter is a file that a handler can look at while the run goes.
type countingWriter struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	writes int
	fail   bool
}

func (w *countingWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.fail {
		return 0, errors.New("no space left on device")
	}
	w.writes++
	return w.buf.Write(p)
}

func (w *countingWriter) size() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.Len()
}

func TestRecordStreams(t *testing.T) {
	// 20,000 inputs with long labels: several chunks, written as the run goes.
	in := make([]string, 20000)
	for i := range in {
		in[i] = fmt.Sprintf("%06d%s", i, strings.Repeat("x", 40))
	}
	w := &countingWriter{}
	seenAtPhase := -1
	d := &rdisp{work: func(c *fwrt.Call, s string) error {
		if c.Phase() == 1 && seenAtPhase < 0 {
			seenAtPhase = w.size()
		}
		return work2(c, s)
	}}
	if err := recRun(recProgram(0), d, in, fw.WithRecord(w)); err != nil {
		t.Fatal(err)
	}
	if seenAtPhase < 1<<20 || w.writes < 3*20 {
		t.Fatalf("at phase 1, %d bytes of the record were written (%d writes in all, %d bytes): the record is not streamed", seenAtPhase, w.writes, w.size())
	}
	// A damaged chunk near the end is found as the replay reaches it: the
	// calls before it were compared.
	b := bytes.Clone(w.buf.Bytes())
	b[len(b)-100] ^= 1
	calls := 0
	d = &rdisp{work: func(c *fwrt.Call, s string) error { calls++; return work2(c, s) }}
	err := fwrt.New(recProgram(0), d).Replay(context.Background(), bytes.NewReader(b))
	if !errors.Is(err, fw.ErrRecordCorrupt) || calls < len(in) {
		t.Fatalf("Replay: %v after %d calls", err, calls)
	}
}

func TestRecordErrors(t *testing.T) {
	in := recInputs(3)
	// A write error fails the run.
	w := &countingWriter{fail: true}
	err := recRun(recProgram(0), &rdisp{work: work2}, in, fw.WithRecord(w))
	if err == nil || !strings.Contains(err.Error(), "fw: record: no space left on device") {
		t.Errorf("Run with a failing writer: %v", err)
	}
	// Recording needs a Codec.
	err = recRun(recProgram(0), &rdisp{work: work2}, nil, fw.WithRecord(&bytes.Buffer{}))
	if err != nil {
		t.Fatal(err)
	}
	noCodec := &disp{routes: [][]fwrt.Delivery{{{Proc: 0}}}, invoke: func(*fwrt.Call, fwrt.Delivery, fwrt.Msg) error { return nil }}
	e := fwrt.New(recProgram(0), noCodec, fw.WithRecord(&bytes.Buffer{}))
	if err := e.Run(context.Background()); err == nil || !strings.Contains(err.Error(), "runtime.Codec") {
		t.Errorf("Run without a Codec: %v", err)
	}
	// A replay submits the recorded inputs itself.
	var buf bytes.Buffer
	if err := recRun(recProgram(0), &rdisp{work: work2}, in, fw.WithRecord(&buf)); err != nil {
		t.Fatal(err)
	}
	e = fwrt.New(recProgram(0), &rdisp{work: work2})
	e.Submit(ev(rIn, "extra"))
	if err := e.Replay(context.Background(), bytes.NewReader(buf.Bytes())); err == nil || !strings.Contains(err.Error(), "submits the recorded inputs itself") {
		t.Errorf("Replay after Submit: %v", err)
	}
	// Record and replay at once: refused.
	e = fwrt.New(recProgram(0), &rdisp{work: work2}, fw.WithRecord(&bytes.Buffer{}), fw.WithReplay(bytes.NewReader(buf.Bytes())))
	if err := e.Run(context.Background()); err == nil || !strings.Contains(err.Error(), "cannot be combined") {
		t.Errorf("Run with both: %v", err)
	}
	// WithReplay is Replay.
	e = fwrt.New(recProgram(0), &rdisp{work: work2}, fw.WithReplay(bytes.NewReader(buf.Bytes())))
	if err := e.Run(context.Background()); err != nil {
		t.Errorf("Run WithReplay: %v", err)
	}
}

func TestRecordCachedProcessor(t *testing.T) {
	in := recInputs(8)
	prog := func() *fwrt.Program {
		p := recProgram(0)
		p.Procs[0].Cached = true
		p.Procs[0].Fingerprint = archive.Fingerprint("rectest", "Work")
		return p
	}
	mem := archive.NewMemory()
	defer mem.Close()
	// Cold (misses) and warm (hits, the handler is not called): the same record.
	_, cold := record(t, prog(), &rdisp{work: work2}, in, fw.WithArchive(mem))
	for _, w := range bworkers {
		calls := 0
		count := func(c *fwrt.Call, s string) error { calls++; return work2(c, s) }
		path, warm := record(t, prog(), &rdisp{work: count}, in, fw.WithArchive(mem), fw.WithWorkers(w))
		if calls != 0 || !bytes.Equal(warm, cold) {
			t.Fatalf("workers=%d: %d handler calls; the warm record equals the cold one: %v", w, calls, bytes.Equal(warm, cold))
		}
		// Replayed warm (hits) or cold (a fresh archive): it passes.
		if err := replayFile(t, prog(), &rdisp{work: count}, path, fw.WithArchive(mem), fw.WithWorkers(w)); err != nil || calls != 0 {
			t.Fatalf("workers=%d: warm replay: %v, %d calls", w, err, calls)
		}
		if err := replayFile(t, prog(), &rdisp{work: count}, path, fw.WithWorkers(w)); err != nil || calls != len(in)+3 {
			t.Fatalf("workers=%d: cold replay: %v, %d calls", w, err, calls)
		}
	}
}
