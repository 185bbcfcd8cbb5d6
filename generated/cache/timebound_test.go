//go:build unix

package cache_test

import (
	"context"
	"crypto/sha256"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/fwgo/fw/generated/cache"
	"github.com/fwgo/fw/runtime/archive"
	"github.com/fwgo/fw/runtime/archive/badgerarchive"
	"github.com/fwgo/fw/runtime/fw"
)

// The time-bound test's children (modes of TestCacheProcessChild):
//
//   - "steady": one Run of the pipeline over the inputs 0..timeBoundInputs-1,
//     submitted together (one cached step), on a workspace opened with
//     WithFlushInterval(FW_CACHE_BOUND) and no other flush; Classify sleeps
//     timeBoundSleep per call. After each Put of the engine it prints
//     "put <id>". Once the run is over it idles until killed.
//   - "finish": the same run without the sleep, to its end; it prints
//     "calls=<n> out=<digest of what Sink received>".
const (
	childBoundEnv   = "FW_CACHE_BOUND"
	timeBoundInputs = 2000
	timeBoundSleep  = 4 * time.Millisecond
)

func timeBoundChild(mode string) int {
	dir := os.Getenv(childDirEnv)
	say := func(s string) bool {
		_, err := os.Stdout.WriteString(s + "\n")
		return err == nil
	}
	bound, _ := time.ParseDuration(os.Getenv(childBoundEnv))
	// Small records (3 emissions): the 4 MiB batch never fills, so only the
	// timed flush writes during the run.
	a, err := badgerarchive.Open(dir, badgerarchive.WithFlushInterval(bound))
	if err != nil {
		say("error: " + err.Error())
		return 1
	}
	h := &longClassify{count: shortCount}
	var arch archive.Archive = a
	if mode == "steady" {
		h.spin = func() { time.Sleep(timeBoundSleep) }
		arch = &sayPuts{Archive: a, say: say}
	}
	s := &evSink{keep: true}
	p := longPipeline(h, s, fw.WithArchive(arch), fw.WithWorkers(1))
	for id := range timeBoundInputs {
		p.Submit(longReading(id))
	}
	say("open")
	if err := p.Run(context.Background()); err != nil {
		say("error: " + err.Error())
		return 3
	}
	if mode == "steady" {
		say("idle")
		for {
			time.Sleep(time.Hour) // until killed
		}
	}
	if err := a.Close(); err != nil {
		say("error: " + err.Error())
		return 3
	}
	sum := sha256.New()
	for _, e := range s.evs {
		fmt.Fprintf(sum, "%#v\n", e)
	}
	say(fmt.Sprintf("calls=%d out=%x events=%d", h.calls.Load(), sum.Sum(nil), len(s.evs)))
	return 0
}

// sayPuts prints "put <id>" after each Put returns.
type sayPuts struct {
	archive.Archive
	say func(string) bool
}

func (a *sayPuts) Put(k archive.Key, rec archive.Record) error {
	if err := a.Archive.Put(k, rec); err != nil {
		return err
	}
	a.say(fmt.Sprintf("put %d", idOfRecord(rec)))
	return nil
}

// TestKillNineKeepsTimeBoundedWork kills (SIGKILL), after 0.2 to 1.5 s (0.9 s
// in short mode; seeded), a process recording one long cached step on a
// Badger workspace whose flush interval is bound (100 ms), 20 times over. Nothing
// flushes the archive but its timer. After every kill, every call whose Put
// returned more than bound (plus slack for a loaded machine) before the kill
// is in the workspace. After the rounds, the run to the end makes strictly
// fewer Classify calls than a cold run, and what Sink receives is identical
// to the cold run's. The control (not in short mode): with no flush interval,
// three kills after 1 s each keep nothing.
func TestKillNineKeepsTimeBoundedWork(t *testing.T) {
	const rounds = 20
	bound, slack := 100*time.Millisecond, 500*time.Millisecond // slack: a loaded 2-core machine delays the timer and the write
	maxDelay := 1500 * time.Millisecond
	if testing.Short() {
		maxDelay = 900 * time.Millisecond
	}
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("FW_KILL_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	t.Logf("seed %d (rerun with FW_KILL_SEED=%d)", seed, seed)
	rng := rand.New(rand.NewPCG(seed, 13))
	t.Setenv(childBoundEnv, bound.String())
	dir := t.TempDir()
	keys := make(map[int]archive.Key, timeBoundInputs)
	for id := range timeBoundInputs {
		keys[id] = cache.ClassifyKey(longReading(id), nil)
	}
	checked, total := 0, 0
	for round := range rounds {
		c := startProcChild(t, "steady", dir, 0, 0)
		if l := <-c.lines; l != "open" {
			t.Fatalf("round %d: child: %q", round, l)
		}
		delay := 200*time.Millisecond + time.Duration(rng.Int64N(int64(maxDelay-200*time.Millisecond)))
		type put struct {
			id int
			at time.Time
		}
		var puts []put
		timer := time.After(delay)
	read:
		for {
			select {
			case l, ok := <-c.lines:
				if !ok {
					t.Fatalf("round %d: the child exited: %v", round, c.err)
				}
				if id, ok := strings.CutPrefix(l, "put "); ok {
					n, _ := strconv.Atoi(id)
					puts = append(puts, put{n, time.Now()})
				} else if l != "idle" {
					t.Fatalf("round %d: child: %q", round, l)
				}
			case <-timer:
				break read
			}
		}
		killed := time.Now()
		for _, l := range c.kill9(t) {
			if id, ok := strings.CutPrefix(l, "put "); ok {
				n, _ := strconv.Atoi(id)
				puts = append(puts, put{n, killed})
			}
		}
		a, err := badgerarchive.Open(dir)
		if err != nil {
			t.Fatalf("round %d: reopening after the kill: %v", round, err)
		}
		for _, p := range puts {
			if killed.Sub(p.at) <= bound+slack {
				continue
			}
			checked++
			if _, ok, err := a.Get(keys[p.id]); !ok || err != nil {
				a.Close()
				t.Fatalf("round %d (killed after %v): input %d, recorded %v before the kill, was lost (%v)",
					round, delay, p.id, killed.Sub(p.at).Round(time.Millisecond), err)
			}
		}
		total += len(puts)
		if err := a.Close(); err != nil {
			t.Fatal(err)
		}
	}
	finish := func(dir string) (calls int, out string) {
		c := startProcChild(t, "finish", dir, 0, 0)
		if l := <-c.lines; l != "open" {
			t.Fatalf("finish: %q", l)
		}
		l := <-c.lines
		<-c.done
		if _, err := fmt.Sscanf(l, "calls=%d out=%s", &calls, &out); err != nil || c.err != nil {
			t.Fatalf("finish: %q, %v", l, c.err)
		}
		return calls, out
	}
	calls, out := finish(dir)
	coldCalls, coldOut := finish(t.TempDir())
	t.Logf("%d rounds: %d calls recorded, %d checked kept; the run after them made %d calls, a cold run %d",
		rounds, total, checked, calls, coldCalls)
	if coldCalls != timeBoundInputs {
		t.Fatalf("cold run: %d calls, want %d", coldCalls, timeBoundInputs)
	}
	if calls >= coldCalls {
		t.Fatalf("the run after %d kills made %d calls, a cold run %d: nothing recorded was kept", rounds, calls, coldCalls)
	}
	if out != coldOut {
		t.Fatalf("output after the kills %s, a clean run's %s", out, coldOut)
	}
	if testing.Short() {
		return
	}
	// The control: without the timer (the batch written only when 4 MiB
	// full, or on Flush), three kills after 1 s each keep nothing.
	t.Setenv(childBoundEnv, "0s")
	ctl := t.TempDir()
	for round := range 3 {
		c := startProcChild(t, "steady", ctl, 0, 0)
		if l := <-c.lines; l != "open" {
			t.Fatalf("control round %d: child: %q", round, l)
		}
		time.Sleep(time.Second)
		c.kill9(t)
	}
	if calls, _ := finish(ctl); calls != timeBoundInputs {
		t.Fatalf("control: without the flush interval, the run after 3 kills made %d calls; want %d (nothing kept)", calls, timeBoundInputs)
	}
}
