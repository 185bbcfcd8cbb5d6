package engine_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/fwgo/fw/runtime/fw"
	"github.com/fwgo/fw/runtime/fwimpl"
	fwrt "github.com/fwgo/fw/runtime/internal/engine"
	"github.com/fwgo/fw/runtime/internal/randprog"
)

// Key groups: a partitioned processor (ProcInfo.KeyGroups = K > 1) is K
// instances, each with its own inbox and handler value; an event reaches
// the instance of its key's group (Delivery.KG, computed by Route as
// generated code does), and the next step holds the emissions key group
// by key group.

// kgDisp is a hand-written Dispatcher of a program with partitioned
// processors: route says where an event goes (with its key group), invoke
// makes the call.
type kgDisp struct {
	route  func(m fwrt.Msg, dst []fwrt.Delivery) []fwrt.Delivery
	invoke func(c *fwrt.Call, dl fwrt.Delivery, m fwrt.Msg) error
}

func (d *kgDisp) Route(m fwrt.Msg, dst []fwrt.Delivery) []fwrt.Delivery { return d.route(m, dst) }
func (d *kgDisp) Invoke(c *fwrt.Call, dl fwrt.Delivery, m fwrt.Msg) error {
	if c.KeyGroup() != int(dl.KG) {
		return fmt.Errorf("Invoke: call of key group %d for a delivery to %d", c.KeyGroup(), dl.KG)
	}
	return d.invoke(c, dl, m)
}
func (d *kgDisp) DispatchAll(x *fwrt.Serial, ms []fwrt.Msg) int { return dispatchAllVia(d, x, ms) }

// kgKey is the key of a label "key:rest", and kgOf its group among k.
func kgKey(s string) string { k, _, _ := strings.Cut(s, ":"); return k }
func kgOf(s string, k int) int32 {
	return int32(fwimpl.KeyGroupString(kgKey(s), uint32(k)))
}

// instance is the handler value of one instance of a partitioned
// processor: what it received, as "label Key()".
type instance struct {
	kg   int
	mu   sync.Mutex
	seen []string
}

func (in *instance) add(s string) {
	in.mu.Lock()
	in.seen = append(in.seen, s)
	in.mu.Unlock()
}

func (in *instance) get() []string {
	in.mu.Lock()
	defer in.mu.Unlock()
	return slices.Clone(in.seen)
}

// billingProg: processor Billing partitioned by the key of Order into k,
// emitting an Out per Order, and Audit, unpartitioned, on Out.
func billingProg(k, conc int) *fwrt.Program {
	return &fwrt.Program{
		Package: "kgtest",
		Events:  []fwrt.EventInfo{{Name: "Order"}, {Name: "Out"}},
		Procs: []fwrt.ProcInfo{
			{Name: "Billing", Cases: []string{"Order"}, KeyGroups: k, Concurrency: conc},
			{Name: "Audit", Cases: []string{"Out"}},
		},
		Routes: [][]int32{{0}, {1}},
	}
}

// billingRun runs billingProg over orders and returns each Billing
// instance's calls, Audit's, and the stats.
func billingRun(t *testing.T, k, conc, workers int, orders []string, opts ...fw.Option) ([][]string, []string, fw.Stats) {
	t.Helper()
	// The factory: one handler value per instance, made in key group order.
	inst := make([]*instance, k)
	for kg := range k {
		inst[kg] = &instance{kg: kg}
	}
	var audit instance
	d := &kgDisp{
		route: func(m fwrt.Msg, dst []fwrt.Delivery) []fwrt.Delivery {
			if m.Kind == 0 {
				return append(dst, fwrt.Delivery{Proc: 0, Case: 0, KG: kgOf(label(m), k)})
			}
			return append(dst, fwrt.Delivery{Proc: 1, Case: 0})
		},
		invoke: func(c *fwrt.Call, dl fwrt.Delivery, m fwrt.Msg) error {
			pos := c.Position()
			if dl.Proc == 1 {
				audit.add(label(m) + " " + pos.Key())
				return nil
			}
			in := inst[c.KeyGroup()]
			in.add(label(m) + " " + pos.Key())
			if want := int(kgOf(label(m), k)); in.kg != want {
				return fmt.Errorf("instance %d received %s, of key group %d", in.kg, label(m), want)
			}
			if pos.KeyGroup != in.kg || pos.KeyGroups != map[bool]int{true: k}[k > 1] {
				return fmt.Errorf("Position %+v in instance %d", pos, in.kg)
			}
			c.Emit(ev(1, fmt.Sprintf("%s@%d", label(m), in.kg)))
			return nil
		},
	}
	e := fwrt.New(billingProg(k, conc), d, append([]fw.Option{fw.WithWorkers(workers)}, opts...)...)
	for _, o := range orders {
		e.Submit(ev(0, o))
	}
	if err := e.Run(context.Background()); err != nil {
		t.Fatalf("K=%d concurrency=%d workers=%d: %v", k, conc, workers, err)
	}
	got := make([][]string, k)
	for kg := range k {
		got[kg] = inst[kg].get()
		if conc > 1 {
			slices.SortStableFunc(got[kg], func(a, b string) int { return inputOf(a) - inputOf(b) })
		}
	}
	return got, audit.get(), e.Stats()
}

// inputOf is the input position at the end of a "label Key()" line.
func inputOf(s string) int {
	var n int
	fmt.Sscanf(s[strings.LastIndexByte(s, '/')+1:], "%d", &n)
	return n
}

func kgOrders(n int) []string {
	var out []string
	for i := range n {
		out = append(out, fmt.Sprintf("k%d:%d", i*7%10, i))
	}
	return out
}

// Each instance receives exactly the events of its key group, in order,
// numbered in its own inbox; its Position's Key names it; the next step
// holds the emissions instance by instance; and all of it is the same for
// any worker count, concurrency and schedule.
func TestKeyGroupsPerInstance(t *testing.T) {
	const k = 4
	orders := kgOrders(40)
	// What the rule says: instance g's calls are the orders of group g in
	// submission order; Audit receives them group by group.
	want := make([][]string, k)
	var wantAudit []string
	for g := range k {
		for _, o := range orders {
			if kgOf(o, k) == int32(g) {
				want[g] = append(want[g], fmt.Sprintf("%s Billing[%d]/0/0/%d", o, g, len(want[g])))
			}
		}
	}
	for g := range k {
		for _, o := range orders {
			if kgOf(o, k) == int32(g) {
				wantAudit = append(wantAudit, fmt.Sprintf("%s@%d Audit/0/1/%d", o, g, len(wantAudit)))
			}
		}
	}
	for g := range k {
		if len(want[g]) == 0 {
			t.Fatalf("no order of key group %d: pick other keys", g)
		}
	}
	for _, conc := range []int{1, 3} {
		for _, w := range []int{1, 2, 4} {
			for _, m := range scheduleModes {
				if w == 1 && m.mode != fwrt.ScheduleAuto {
					continue
				}
				restore := fwrt.SetSchedule(m.mode, m.seed)
				got, audit, st := billingRun(t, k, conc, w, orders)
				restore()
				name := fmt.Sprintf("concurrency=%d workers=%d %s", conc, w, m.name)
				for g := range k {
					equalLines(t, fmt.Sprintf("%s: Billing[%d]", name, g), got[g], want[g])
				}
				equalLines(t, name+": Audit", audit, wantAudit)
				// Stats stay per processor.
				equalLines(t, name+": stats", procStats(st), []string{"Billing r40 h40 f0 e40 p0", "Audit r40 h40 f0 e0 p0"})
			}
		}
	}
}

// K = 1 is an unpartitioned processor: the same calls, positions and keys
// as without key groups.
func TestKeyGroupsOne(t *testing.T) {
	orders := kgOrders(10)
	got, audit, _ := billingRun(t, 1, 1, 1, orders)
	for i, o := range orders {
		if want := fmt.Sprintf("%s Billing/0/0/%d", o, i); got[0][i] != want {
			t.Fatalf("call %d: %q, want %q", i, got[0][i], want)
		}
		if want := fmt.Sprintf("%s@0 Audit/0/1/%d", o, i); audit[i] != want {
			t.Fatalf("Audit call %d: %q, want %q", i, audit[i], want)
		}
	}
}

// Lifecycle calls reach every instance, in key group order, and their
// emissions follow that order.
func TestKeyGroupsLifecycle(t *testing.T) {
	const k = 3
	prog := &fwrt.Program{
		Package: "kglife",
		Events:  []fwrt.EventInfo{{Name: "Tick"}},
		Procs: []fwrt.ProcInfo{
			{Name: "Before", Init: true, Phase: true, Terminate: true},
			{Name: "Part", Cases: []string{"Tick"}, KeyGroups: k, Init: true, Phase: true, Terminate: true, Concurrency: 2},
			{Name: "Log", Cases: []string{"Tick"}},
		},
		Routes: [][]int32{{1, 2}},
	}
	for _, w := range []int{1, 4} {
		var tr trace
		d := &kgDisp{
			route: func(m fwrt.Msg, dst []fwrt.Delivery) []fwrt.Delivery {
				return append(dst, fwrt.Delivery{Proc: 1, KG: kgOf(label(m), k)}, fwrt.Delivery{Proc: 2})
			},
			invoke: func(c *fwrt.Call, dl fwrt.Delivery, m fwrt.Msg) error {
				pos := c.Position()
				switch {
				case dl.Proc == 2:
					tr.add("%s <- %s", pos.Key(), label(m))
				case dl.Case >= 0:
					// Part's calls run concurrently: not traced, Log sees
					// what they emitted (nothing).
				default:
					tr.add("%s", pos.Key())
					if dl.Proc == 1 && (dl.Case == fwrt.CaseInit || dl.Case == fwrt.CasePhase && c.Phase() == 0) {
						// The instance's emission: a key of its own group.
						for key := 0; ; key++ {
							s := fmt.Sprintf("x%d:%s", key, pos.Key())
							if kgOf(s, k) == int32(c.KeyGroup()) {
								c.Emit(ev(0, s))
								break
							}
						}
					}
				}
				return nil
			},
		}
		e := fwrt.New(prog, d, fw.WithWorkers(w))
		if err := e.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		lines := tr.get()
		// Log's calls of a step are by input: sort nothing; the whole trace
		// is serial here but for Log's lines, which one instance makes.
		equalLines(t, fmt.Sprint("workers=", w), lines, []string{
			"Before/0/0/init", "Part[0]/0/0/init", "Part[1]/0/0/init", "Part[2]/0/0/init",
			"Log/0/0/0 <- x" + keyFor(0, k, "Part[0]/0/0/init") + ":Part[0]/0/0/init",
			"Log/0/0/1 <- x" + keyFor(1, k, "Part[1]/0/0/init") + ":Part[1]/0/0/init",
			"Log/0/0/2 <- x" + keyFor(2, k, "Part[2]/0/0/init") + ":Part[2]/0/0/init",
			"Before/0/1/phase", "Part[0]/0/1/phase", "Part[1]/0/1/phase", "Part[2]/0/1/phase",
			"Log/1/0/0 <- x" + keyFor(0, k, "Part[0]/0/1/phase") + ":Part[0]/0/1/phase",
			"Log/1/0/1 <- x" + keyFor(1, k, "Part[1]/0/1/phase") + ":Part[1]/0/1/phase",
			"Log/1/0/2 <- x" + keyFor(2, k, "Part[2]/0/1/phase") + ":Part[2]/0/1/phase",
			"Before/1/1/phase", "Part[0]/1/1/phase", "Part[1]/1/1/phase", "Part[2]/1/1/phase",
			"Before/1/1/terminate", "Part[0]/1/1/terminate", "Part[1]/1/1/terminate", "Part[2]/1/1/terminate",
		})
		st := e.Stats()
		equalLines(t, "stats", procStats(st), []string{"Before r0 h0 f0 e0 p0", "Part r6 h6 f0 e6 p0", "Log r6 h6 f0 e0 p0"})
	}
}

// keyFor is the first key number n such that "x<n>:<suffix>" is of group g.
func keyFor(g, k int, suffix string) string {
	for n := 0; ; n++ {
		if kgOf(fmt.Sprintf("x%d:%s", n, suffix), k) == int32(g) {
			return fmt.Sprint(n)
		}
	}
}

// A partitioned builder activated late gets `on init` on each instance, and
// the artifacts logged before its activation go to the instance of their
// key group, before the step's events; later artifacts are routed to their
// instance too.
func TestKeyGroupsBuilder(t *testing.T) {
	const k = 3
	// event Order; target a (published by Pub), target t (provided by B,
	// requires a, partitioned by key into 3). Pub's `on phase` resolves t.
	prog := &fwrt.Program{
		Package: "kgbuild",
		Events:  []fwrt.EventInfo{{Name: "Order"}},
		Targets: []fwrt.TargetInfo{{Name: "a", Provider: 0}, {Name: "t", Provider: 1}},
		Procs: []fwrt.ProcInfo{
			{Name: "Pub", Cases: []string{"Order"}, Phase: true, Resolves: []int32{1}},
			{Name: "B", Cases: []string{"a"}, Builder: true, Provides: 1, Requires: []int32{0}, KeyGroups: k, Init: true, Phase: true, Concurrency: 2},
		},
		// Kinds: Order 0, built a 1, built t 2, resolve a 3, resolve t 4.
		Routes: [][]int32{{0}, {1}, {}, {}, {}},
	}
	const builtA, resolveT = 1, 4
	orders := kgOrders(12)
	for _, w := range []int{1, 4} {
		inst := make([]*instance, k)
		for g := range k {
			inst[g] = &instance{kg: g}
		}
		d := &kgDisp{
			route: func(m fwrt.Msg, dst []fwrt.Delivery) []fwrt.Delivery {
				switch m.Kind {
				case 0:
					return append(dst, fwrt.Delivery{Proc: 0})
				case builtA:
					return append(dst, fwrt.Delivery{Proc: 1, KG: kgOf(label(m), k)})
				}
				return dst
			},
			invoke: func(c *fwrt.Call, dl fwrt.Delivery, m fwrt.Msg) error {
				if dl.Proc == 0 {
					switch dl.Case {
					case 0:
						c.Emit(fwrt.Msg{Kind: builtA, Ev: &Ev{S: label(m)}})
					case fwrt.CasePhase:
						if c.Phase() == 0 {
							c.Emit(fwrt.Msg{Kind: resolveT})
							c.Emit(ev(0, "k1:late"))
							c.Emit(ev(0, "k2:late"))
						}
					}
					return nil
				}
				in := inst[c.KeyGroup()]
				pos := c.Position()
				switch dl.Case {
				case 0:
					if g := kgOf(label(m), k); g != int32(in.kg) {
						return fmt.Errorf("B[%d] received %s of group %d", in.kg, label(m), g)
					}
					in.add(label(m) + " " + pos.Key())
				default:
					in.add(pos.Key())
				}
				return nil
			},
		}
		e := fwrt.New(prog, d, fw.WithWorkers(w))
		for _, o := range orders {
			e.Submit(ev(0, o))
		}
		if err := e.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		for g := range k {
			want := []string{fmt.Sprintf("B[%d]/1/0/init", g)}
			n := 0
			// The logged artifacts of phase 0, as directed deliveries of
			// phase 1, step 0 ...
			for _, o := range orders {
				if kgOf(o, k) == int32(g) {
					want = append(want, fmt.Sprintf("%s B[%d]/1/0/%d", o, g, n))
					n++
				}
			}
			// ... then the artifacts of the late orders, in step 1.
			n = 0
			for _, o := range []string{"k1:late", "k2:late"} {
				if kgOf(o, k) == int32(g) {
					want = append(want, fmt.Sprintf("%s B[%d]/1/1/%d", o, g, n))
					n++
				}
			}
			want = append(want, fmt.Sprintf("B[%d]/1/2/phase", g))
			got := inst[g].get()
			slices.SortStableFunc(got, func(a, b string) int { return posOrder(a) - posOrder(b) })
			equalLines(t, fmt.Sprintf("workers=%d B[%d]", w, g), got, want)
		}
		equalLines(t, "stats", procStats(e.Stats()), []string{"Pub r14 h14 f0 e17 p0", "B r14 h14 f0 e0 p0"})
	}
}

// posOrder orders "... B[g]/phase/step/input" lines of one instance by step
// then input (init first, phase last).
func posOrder(s string) int {
	f := strings.Split(s[strings.LastIndexByte(s, ' ')+1:], "/")
	if len(f) < 4 {
		f = strings.Split(s, "/")
	}
	var phase, step, in int
	fmt.Sscanf(f[1], "%d", &phase)
	fmt.Sscanf(f[2], "%d", &step)
	switch f[3] {
	case "init":
		in = -1
	case "phase":
		in = 1 << 20
	default:
		fmt.Sscanf(f[3], "%d", &in)
	}
	return phase<<40 | step<<24 | in + 1
}

// A failing instance is named in the HandlerError, whatever the worker count
// and schedule.
func TestKeyGroupsHandlerError(t *testing.T) {
	const k = 4
	orders := kgOrders(40)
	for _, w := range []int{1, 4} {
		for _, mode := range []int{fwrt.ScheduleInline, fwrt.SchedulePool} {
			d := &kgDisp{
				route: func(m fwrt.Msg, dst []fwrt.Delivery) []fwrt.Delivery {
					if m.Kind == 0 {
						return append(dst, fwrt.Delivery{Proc: 0, KG: kgOf(label(m), k)})
					}
					return dst
				},
				invoke: func(c *fwrt.Call, dl fwrt.Delivery, m fwrt.Msg) error {
					if c.KeyGroup() == 2 && c.Input() == 1 {
						return errors.New("boom " + label(m))
					}
					return nil
				},
			}
			restore := fwrt.SetSchedule(mode, 0)
			e := fwrt.New(billingProg(k, 1), d, fw.WithWorkers(w))
			for _, o := range orders {
				e.Submit(ev(0, o))
			}
			err := e.Run(context.Background())
			restore()
			var he *fw.HandlerError
			if !errors.As(err, &he) {
				t.Fatalf("workers=%d: %v, want a HandlerError", w, err)
			}
			if he.Processor != "Billing" || he.KeyGroup != 2 || he.KeyGroups != k || he.Input != 1 {
				t.Errorf("workers=%d: %+v, want Billing key group 2 of %d, input 1", w, he, k)
			}
			if !strings.Contains(he.Error(), "processor Billing[2], ") {
				t.Errorf("workers=%d: %q does not name the instance", w, he.Error())
			}
			if st := e.Stats(); st.Processors[0].Failed != 1 {
				t.Errorf("workers=%d: %+v, want one failure", w, st.Processors[0])
			}
		}
	}
}

// Randomized partitioned programs record format version 3, the same bytes
// for any worker count and schedule; the record replays; a program whose K
// changed refuses it; unpartitioned programs record version 2.
func TestKeyGroupsRecord(t *testing.T) {
	for seed := range uint64(6) {
		g := randprog.Gen(seed, randprog.Options{Partition: true})
		if g.Slots() == len(g.Procs) {
			continue
		}
		rec := func(workers int, mode int) []byte {
			restore := fwrt.SetSchedule(mode, seed)
			defer restore()
			var buf bytes.Buffer
			e := fwrt.New(g.Prog, randprog.NewDisp(g), fw.WithWorkers(workers), fw.WithRecord(&buf))
			g.Submit(e)
			if err := e.Run(context.Background()); err != nil {
				t.Fatalf("seed %d: %v", seed, err)
			}
			return buf.Bytes()
		}
		want := rec(1, fwrt.ScheduleAuto)
		if string(want[:7]) != "fwrec\x00\x03" {
			t.Fatalf("seed %d: preamble %q, want version 3", seed, want[:7])
		}
		for _, w := range []int{2, 8} {
			for _, mode := range []int{fwrt.ScheduleInline, fwrt.SchedulePool, fwrt.ScheduleRandom} {
				if got := rec(w, mode); !bytes.Equal(got, want) {
					t.Fatalf("seed %d, workers=%d, schedule %d: the record differs", seed, w, mode)
				}
			}
		}
		// Replay: the same calls, compared one by one.
		for _, w := range []int{1, 4} {
			d := randprog.NewDisp(g)
			if err := fwrt.New(g.Prog, d, fw.WithWorkers(w)).Replay(context.Background(), bytes.NewReader(want)); err != nil {
				t.Fatalf("seed %d, workers=%d: replay: %v", seed, w, err)
			}
			got, err := d.Recs()
			if err != nil {
				t.Fatal(err)
			}
			if model := g.Model(); fmt.Sprint(got) != fmt.Sprint(model) {
				t.Fatalf("seed %d: the replay's calls are not the model's", seed)
			}
		}
		// Another K is another program.
		for p := range g.Procs {
			if g.Procs[p].K > 1 {
				h := randprog.Gen(seed, randprog.Options{Partition: true}).Partitioned(p, g.Procs[p].K+1)
				err := fwrt.New(h.Prog, randprog.NewDisp(h)).Replay(context.Background(), bytes.NewReader(want))
				if !errors.Is(err, fw.ErrProgramChanged) || !strings.Contains(err.Error(), "key groups in the record") {
					t.Fatalf("seed %d: replay with P%d of K %d: %v, want ErrProgramChanged about key groups", seed, p, g.Procs[p].K+1, err)
				}
				break
			}
		}
	}
	// A program without a partitioned processor: version 2.
	g := randprog.Gen(1, randprog.Options{})
	var buf bytes.Buffer
	e := fwrt.New(g.Prog, randprog.NewDisp(g), fw.WithRecord(&buf))
	g.Submit(e)
	if err := e.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if b := buf.Bytes(); string(b[:7]) != "fwrec\x00\x02" {
		t.Fatalf("unpartitioned: preamble %q, want version 2", b[:7])
	}
}

// A replay of a partitioned program whose handler diverges names the
// instance.
func TestKeyGroupsReplayDivergence(t *testing.T) {
	const k = 4
	orders := kgOrders(20)
	route := func(m fwrt.Msg, dst []fwrt.Delivery) []fwrt.Delivery {
		if m.Kind == 0 {
			return append(dst, fwrt.Delivery{Proc: 0, KG: kgOf(label(m), k)})
		}
		return append(dst, fwrt.Delivery{Proc: 1})
	}
	mk := func(bad int) *codecKG {
		return &codecKG{kgDisp{route: route, invoke: func(c *fwrt.Call, dl fwrt.Delivery, m fwrt.Msg) error {
			if dl.Proc == 0 {
				s := label(m) + "!"
				if c.KeyGroup() == bad && c.Input() == 2 {
					s += "?"
				}
				c.Emit(ev(1, s))
			}
			return nil
		}}}
	}
	var buf bytes.Buffer
	e := fwrt.New(billingProg(k, 1), mk(-1), fw.WithRecord(&buf))
	for _, o := range orders {
		e.Submit(ev(0, o))
	}
	if err := e.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	err := fwrt.New(billingProg(k, 1), mk(2), fw.WithWorkers(4)).Replay(context.Background(), bytes.NewReader(buf.Bytes()))
	var de *fw.DivergenceError
	if !errors.As(err, &de) || de.KeyGroup != 2 || de.KeyGroups != k || de.Input != 2 {
		t.Fatalf("replay: %v (%+v), want a divergence of Billing[2], input 2", err, de)
	}
	if !strings.Contains(err.Error(), "processor Billing[2], ") {
		t.Errorf("%q does not name the instance", err)
	}
}

// codecKG is a kgDisp with the Codec of Ev.
type codecKG struct{ kgDisp }

func (codecKG) AppendMsg(b []byte, m fwrt.Msg) ([]byte, error) { return recCodec{}.AppendMsg(b, m) }
func (codecKG) DecodeMsg(k fwrt.Kind, data []byte) (fwrt.Msg, error) {
	return recCodec{}.DecodeMsg(k, data)
}
func (d *codecKG) DispatchAll(x *fwrt.Serial, ms []fwrt.Msg) int { return dispatchAllVia(d, x, ms) }

// NoteKG on a program without a partitioned processor is Note; a key
// group other than 0 there is a bug of the generated code.
func TestNoteKGUnpartitioned(t *testing.T) {
	x := fwrt.NewSerial(billingProg(1, 1))
	if c := x.NoteKG(1, 0, 0, ev(1, "a")); c == nil || c.KeyGroup() != 0 || c.Position().Processor != "Audit" {
		t.Fatalf("NoteKG(1, 0): %v", c)
	}
	defer func() {
		if recover() == nil {
			t.Fatal("NoteKG with key group 1 of an unpartitioned processor did not panic")
		}
	}()
	x.NoteKG(0, 1, 0, ev(0, "a"))
}

// NewSerial lays a partitioned program out in slots: NoteKG reaches each
// instance, numbered in its own inbox.
func TestNoteKGSlots(t *testing.T) {
	x := fwrt.NewSerial(billingProg(3, 1))
	for i, c := range []struct {
		proc, kg int32
		key      string
	}{{0, 2, "Billing[2]/0/0/0"}, {0, 0, "Billing[0]/0/0/0"}, {0, 2, "Billing[2]/0/0/1"}, {1, 0, "Audit/0/0/0"}} {
		call := x.Begin(x.NoteKG(c.proc, c.kg, 0, ev(0, "a")))
		if got := call.Position().Key(); got != c.key || call.KeyGroup() != int(c.kg) {
			t.Errorf("call %d: %s (key group %d), want %s", i, got, call.KeyGroup(), c.key)
		}
		x.End(nil)
	}
}

// A Dispatcher whose Route gives a key group out of range is at fault: the
// run panics saying so, rather than deliver to another instance.
func TestKeyGroupsBadRoute(t *testing.T) {
	for _, c := range []struct{ k, kg int32 }{{4, 4}, {4, -1}, {3, 7}} {
		d := &kgDisp{
			route: func(m fwrt.Msg, dst []fwrt.Delivery) []fwrt.Delivery {
				return append(dst, fwrt.Delivery{Proc: 0, KG: c.kg})
			},
			invoke: func(c *fwrt.Call, dl fwrt.Delivery, m fwrt.Msg) error { return nil },
		}
		func() {
			defer func() {
				r := recover()
				if want := fmt.Sprintf("key group %d of processor Billing, which has %d", c.kg, c.k); !strings.Contains(fmt.Sprint(r), want) {
					t.Errorf("K=%d, key group %d: panic %v, want %q", c.k, c.kg, r, want)
				}
			}()
			restore := fwrt.SetSchedule(fwrt.SchedulePool, 0)
			defer restore()
			e := fwrt.New(billingProg(int(c.k), 1), d, fw.WithWorkers(2))
			e.Submit(ev(0, "a"))
			e.Submit(ev(0, "b"))
			e.Run(context.Background())
		}()
	}
}
