//go:build unix

package cache_test

import (
	"bufio"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"github.com/fwgo/fw/generated/cache"
	"github.com/fwgo/fw/runtime/archive"
	"github.com/fwgo/fw/runtime/archive/badgerarchive"
	"github.com/fwgo/fw/runtime/fw"
)

// The tests here run the test binary again as a child process
// (TestCacheProcessChild, mode in FW_CACHE_CHILD) that runs the generated
// pipeline on a Badger workspace, and kill it with real signals.

const (
	childModeEnv  = "FW_CACHE_CHILD"
	childDirEnv   = "FW_CACHE_WORKSPACE"
	childStartEnv = "FW_CACHE_START"
	childSeedEnv  = "FW_CACHE_SEED"
)

// TestCacheProcessChild is the child's main.
//
//   - "record": runs the pipeline over inputs start, start+1, ... in batches
//     of 1 to 6 inputs (one Run each) until it is killed. Some batches
//     refresh (re-record) two earlier inputs too. The archive is wrapped so
//     that, after each Flush returns nil (the engine's at the end of each Run,
//     and, in some children, one every few Puts), the child prints
//     "ack <id>..." for every input whose Put was acknowledged by it.
//   - "hold": records inputs start..start+3, prints "open", and holds the
//     workspace until killed.
//   - "try": opens the workspace; on failure prints "took=<ns> inuse=<bool>
//     err=<error>"; otherwise runs inputs start..start+3 and prints
//     "took=<ns> opened calls=<n> hits=<n>".
func TestCacheProcessChild(t *testing.T) {
	mode := os.Getenv(childModeEnv)
	if mode == "" {
		t.Skip("the child process of the cache process tests")
	}
	os.Exit(cacheChild(mode))
}

func cacheChild(mode string) int {
	if mode == "steady" || mode == "finish" {
		return timeBoundChild(mode)
	}
	dir := os.Getenv(childDirEnv)
	start, _ := strconv.Atoi(os.Getenv(childStartEnv))
	seed, _ := strconv.ParseUint(os.Getenv(childSeedEnv), 10, 64)
	rng := rand.New(rand.NewPCG(seed, 2))
	say := func(s string) bool {
		// One write of less than PIPE_BUF bytes: a line arrives whole or not
		// at all, however the process dies.
		_, err := os.Stdout.WriteString(s + "\n")
		return err == nil
	}
	var opts []badgerarchive.Option
	if mode == "record" {
		opts = append(opts, badgerarchive.WithSyncWrites(rng.IntN(3) == 0))
		if rng.IntN(2) == 0 {
			opts = append(opts, badgerarchive.WithBatchBytes(64<<10)) // Put writes by itself at times
		}
	}
	t0 := time.Now()
	a, err := badgerarchive.Open(dir, opts...)
	took := time.Since(t0)
	if err != nil {
		say(fmt.Sprintf("took=%d inuse=%v err=%s", took, errors.Is(err, badgerarchive.ErrWorkspaceInUse), err))
		return 1
	}
	ctx := context.Background()
	switch mode {
	case "hold", "try":
		h := &longClassify{count: shortCount}
		p := longPipeline(h, &evSink{}, fw.WithArchive(a))
		for id := start; id < start+4; id++ {
			p.Submit(longReading(id))
		}
		if err := p.Run(ctx); err != nil {
			say("error: " + err.Error())
			return 3
		}
		if mode == "try" {
			say(fmt.Sprintf("took=%d opened calls=%d hits=%d", took, h.calls.Load(), p.Stats().Processors[0].CacheHits))
			if err := a.Close(); err != nil {
				say("error: " + err.Error())
				return 3
			}
			return 0
		}
		say("open")
		for {
			time.Sleep(time.Hour) // hold the workspace until killed
		}
	case "record":
	default:
		say("error: unknown mode " + mode)
		return 2
	}

	say("open")
	aa := &ackArchive{Archive: a, ids: map[archive.Key]int{}, say: say}
	if rng.IntN(2) == 0 {
		aa.every = 2 + rng.IntN(4)
	}
	h := &longClassify{count: longCount}
	for next := start; ; {
		var batch []int
		var popts []fw.Option
		if next > start+4 && rng.IntN(4) == 0 {
			batch = append(batch, next-1-rng.IntN(4), next-1-rng.IntN(4))
			popts = append(popts, fw.WithCacheRefresh())
		}
		for range 1 + rng.IntN(6) {
			batch = append(batch, next)
			next++
		}
		s := &evSink{}
		p := longPipeline(h, s, append(popts, fw.WithArchive(aa), fw.WithWorkers(1+rng.IntN(2)))...)
		for _, id := range batch {
			r := longReading(id)
			aa.expect(cache.ClassifyKey(r, nil), id)
			p.Submit(r)
		}
		if err := p.Run(ctx); err != nil {
			say("error: " + err.Error())
			return 3
		}
	}
}

// shortCount: the lock test's inputs emit few events.
func shortCount(id int) int { return 3 }

// ackArchive reports the acknowledged Puts of the engine: after each Flush
// that returns nil it prints the inputs whose Put returned before the Flush
// started. With every > 0, it also flushes after every every-th Put, in the
// middle of a run.
type ackArchive struct {
	archive.Archive
	say   func(string) bool
	every int

	mu   sync.Mutex
	ids  map[archive.Key]int
	put  []int
	puts int
}

func (a *ackArchive) expect(k archive.Key, id int) {
	a.mu.Lock()
	a.ids[k] = id
	a.mu.Unlock()
}

func (a *ackArchive) Put(k archive.Key, rec archive.Record) error {
	if err := a.Archive.Put(k, rec); err != nil {
		return err
	}
	a.mu.Lock()
	id, ok := a.ids[k]
	if ok {
		a.put = append(a.put, id)
	}
	a.puts++
	flush := a.every > 0 && a.puts%a.every == 0
	a.mu.Unlock()
	if !ok {
		a.say(fmt.Sprintf("error: Put of unknown key %s", k))
		os.Exit(3)
	}
	if flush {
		return a.Flush()
	}
	return nil
}

func (a *ackArchive) Flush() error {
	a.mu.Lock()
	ids := a.put
	a.put = nil
	a.mu.Unlock()
	if err := a.Archive.Flush(); err != nil {
		a.mu.Lock()
		a.put = append(ids, a.put...)
		a.mu.Unlock()
		return err
	}
	if len(ids) > 0 {
		line := "ack"
		for _, id := range ids {
			line += " " + strconv.Itoa(id)
		}
		if !a.say(line) {
			os.Exit(4)
		}
	}
	return nil
}

// procChild is a running child process.
type procChild struct {
	cmd   *exec.Cmd
	lines chan string
	done  chan struct{} // closed when the process has exited and its output is read
	err   error
}

func startProcChild(t *testing.T, mode, dir string, start int, seed uint64) *procChild {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCacheProcessChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), childModeEnv+"="+mode, childDirEnv+"="+dir,
		fmt.Sprint(childStartEnv, "=", start), fmt.Sprint(childSeedEnv, "=", seed))
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &procChild{cmd: cmd, lines: make(chan string, 1<<16), done: make(chan struct{})}
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			c.lines <- sc.Text()
		}
		close(c.lines)
		c.err = cmd.Wait()
		close(c.done)
	}()
	t.Cleanup(func() {
		select {
		case <-c.done:
		default:
			_ = cmd.Process.Kill()
			<-c.done
		}
	})
	return c
}

// kill9 kills the child with SIGKILL and returns the lines it printed that
// the caller has not read.
func (c *procChild) kill9(t *testing.T) []string {
	t.Helper()
	if err := c.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for l := range c.lines {
		lines = append(lines, l)
	}
	<-c.done
	var exit *exec.ExitError
	if !errors.As(c.err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("the child did not die of SIGKILL: %v (output %q)", c.err, lines)
	}
	return lines
}

// TestKillNineMidRecording kills, at random moments, a process whose cached
// Classify records 200 to 2000 emissions per call through the generated
// pipeline on a Badger workspace, many times over on one workspace. After
// every kill:
//   - the workspace reopens (badgerarchive.Open);
//   - a run of the pipeline over the inputs acknowledged in this round (and a
//     few from earlier rounds) makes no Classify call: every one is a hit, and
//     what Sink receives is exactly, byte for byte, the emissions of those
//     inputs, in order;
//   - every entry in the database (read with Badger directly) is the whole
//     record of its input, never a prefix or any other part of it, and is
//     stored under that input's key; every acknowledged input has one.
func TestKillNineMidRecording(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes for a while")
	}
	const rounds = 20
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("FW_KILL_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	t.Logf("seed %d (rerun with FW_KILL_SEED=%d)", seed, seed)
	rng := rand.New(rand.NewPCG(seed, 5))
	dir := t.TempDir()
	acked := map[int]bool{}
	var older []int // acknowledged in earlier rounds
	known := &knownEntries{ids: map[string]int{}, sums: map[int][32]byte{}}
	begin := time.Now()
	var perRound []int
	var entries, killedBeforeOpen int
	for round := range rounds {
		start := round * 1_000_000
		c := startProcChild(t, "record", dir, start, rng.Uint64())
		// Most rounds kill while the pipeline records; every fifth kills
		// at any moment from the start, Badger's Open and replay included.
		var wait time.Duration
		if round%5 == 4 {
			wait = time.Duration(rng.IntN(60)) * time.Millisecond
			time.Sleep(wait)
		} else {
			line, ok := "", false
			select {
			case line, ok = <-c.lines:
			case <-time.After(20 * time.Second):
				t.Fatalf("round %d: the child did not open the workspace", round)
			}
			if !ok || line != "open" {
				t.Fatalf("round %d: the child said %q, want \"open\"", round, line)
			}
			wait = time.Duration(rng.IntN(300)) * time.Millisecond
			time.Sleep(wait)
		}
		var newAcks []int
		opened := round%5 != 4
		for _, line := range c.kill9(t) {
			if line == "open" {
				opened = true
				continue
			}
			f := strings.Fields(line)
			if len(f) < 2 || f[0] != "ack" {
				t.Fatalf("round %d: the child said %q", round, line)
			}
			for _, s := range f[1:] {
				id, err := strconv.Atoi(s)
				if err != nil {
					t.Fatalf("round %d: bad ack line %q", round, line)
				}
				if !acked[id] {
					acked[id] = true
					newAcks = append(newAcks, id)
				}
			}
		}
		if !opened {
			killedBeforeOpen++
		}
		perRound = append(perRound, len(newAcks))

		// Replay a sample: this round's acknowledged inputs (at most 12)
		// and up to 4 from earlier rounds.
		sample := newAcks[:min(len(newAcks), 12)]
		for i := 0; i < 4 && len(older) > 0; i++ {
			sample = append(sample, older[rng.IntN(len(older))])
		}
		older = append(older, newAcks...)
		replayAcked(t, round, wait, dir, sample)
		entries = scanEntries(t, round, dir, acked, known)
	}
	t.Logf("%d rounds in %v: %d inputs acknowledged (per round %v), %d entries in the end, %d kills before the workspace was open",
		rounds, time.Since(begin).Round(time.Millisecond), len(acked), perRound, entries, killedBeforeOpen)
	if len(acked) == 0 {
		t.Fatal("no input was ever acknowledged: the test tested nothing")
	}
}

// replayAcked reopens the workspace and runs the pipeline over ids, which
// were all acknowledged: no Classify call, all hits, and Sink gets exactly
// their emissions.
func replayAcked(t *testing.T, round int, wait time.Duration, dir string, ids []int) {
	t.Helper()
	a, err := badgerarchive.Open(dir)
	if err != nil {
		t.Fatalf("round %d (killed %v after open): reopening the workspace: %v", round, wait, err)
	}
	defer func() {
		if err := a.Close(); err != nil {
			t.Fatalf("round %d: closing: %v", round, err)
		}
	}()
	if len(ids) == 0 {
		return
	}
	h, s := &longClassify{count: longCount}, &evSink{keep: true}
	p := longPipeline(h, s, fw.WithArchive(a))
	var want archive.Record
	for _, id := range ids {
		p.Submit(longReading(id))
		want.Emissions = append(want.Emissions, expectedRecord(id, longCount).Emissions...)
	}
	if err := p.Run(context.Background()); err != nil {
		t.Fatalf("round %d: replay: %v", round, err)
	}
	if n := h.calls.Load(); n != 0 {
		t.Fatalf("round %d: replay of %d acknowledged inputs called Classify %d times (for %v)", round, len(ids), n, h.ids)
	}
	if st := p.Stats().Processors[0]; st.CacheHits != uint64(len(ids)) || st.CacheMisses != 0 {
		t.Fatalf("round %d: replay: %d hits, %d misses; want %d hits", round, st.CacheHits, st.CacheMisses, len(ids))
	}
	if got := cache.RecordOf(s.evs); !got.Equal(want) {
		t.Fatalf("round %d: replayed emissions differ from the recorded ones (%d events, want %d)", round, len(got.Emissions), len(want.Emissions))
	}
}

// knownEntries are the entries found in earlier rounds: the input of each
// key, and the SHA-256 of each input's encoded record.
type knownEntries struct {
	ids  map[string]int
	sums map[int][32]byte
}

// scanEntries reads every entry of the workspace's database: each must be
// exactly the record of its input, stored under its key; every acknowledged
// input must have one. It returns the number of entries.
func scanEntries(t *testing.T, round int, dir string, acked map[int]bool, known *knownEntries) int {
	t.Helper()
	db, err := openRawDB(dir)
	if err != nil {
		t.Fatalf("round %d: opening the database: %v", round, err)
	}
	defer db.Close()
	present := map[int]bool{}
	err = db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(entryPrefix)})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			key := it.Item().KeyCopy(nil)
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			// An entry seen whole in an earlier round is checked by its hash.
			id, seen := known.ids[string(key)]
			var k archive.Key
			copy(k[:], key[len(entryPrefix):])
			if !seen {
				rec, err := archive.DecodeRecordFor(k, v)
				if err != nil {
					return fmt.Errorf("entry %x: %w", key, err)
				}
				if id = idOfRecord(rec); id < 0 {
					return fmt.Errorf("entry %x: %d emissions, not the record of any input", key, len(rec.Emissions))
				}
				if string(key) != string(dbKey(cache.ClassifyKey(longReading(id), nil))) {
					return fmt.Errorf("entry %x holds the record of input %d", key, id)
				}
				known.sums[id] = sha256.Sum256(archive.EncodeRecordFor(k, expectedRecord(id, longCount)))
			}
			if sha256.Sum256(v) != known.sums[id] {
				n := -1
				if rec, err := archive.DecodeRecordFor(k, v); err == nil {
					n = len(rec.Emissions)
				}
				return fmt.Errorf("entry of input %d is not exactly its record: %d emissions of %d", id, n, longCount(id))
			}
			known.ids[string(key)] = id
			present[id] = true
		}
		return nil
	})
	if err != nil {
		t.Fatalf("round %d: %v", round, err)
	}
	for id := range acked {
		if !present[id] {
			t.Fatalf("round %d: acknowledged input %d has no entry", round, id)
		}
	}
	return len(present)
}

// TestWorkspaceInUseAcrossPipelines: while one process runs the pipeline on
// a workspace (and holds it), a second process fails to open it within a
// second with the workspace-in-use error; after the first is killed with
// SIGKILL, a new process opens it and replays what the first recorded.
func TestWorkspaceInUseAcrossPipelines(t *testing.T) {
	dir := t.TempDir()
	holder := startProcChild(t, "hold", dir, 0, 0)
	select {
	case line := <-holder.lines:
		if line != "open" {
			t.Fatalf("holder said %q, want \"open\"", line)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the holder did not open the workspace")
	}

	try := func() (line string, took, wall time.Duration) {
		t0 := time.Now()
		c := startProcChild(t, "try", dir, 0, 0)
		var lines []string
		for l := range c.lines {
			lines = append(lines, l)
		}
		<-c.done
		wall = time.Since(t0)
		if len(lines) != 1 {
			t.Fatalf("the second process said %q (%v)", lines, c.err)
		}
		line = lines[0]
		ns, _ := strconv.ParseInt(strings.TrimPrefix(strings.Fields(line)[0], "took="), 10, 64)
		return line, time.Duration(ns), wall
	}

	line, took, wall := try()
	t.Logf("second process: %q; Open took %v, the whole process %v", line, took, wall)
	want := fmt.Sprintf("inuse=true err=fw: workspace %s is in use by another process (pid %d)", dir, holder.cmd.Process.Pid)
	if !strings.HasSuffix(line, want) {
		t.Fatalf("second process: %q; want %q", line, want)
	}
	if took <= 0 || took > time.Second {
		t.Fatalf("the second process's Open failed after %v; want within a second", took)
	}

	holder.kill9(t)
	line, took, _ = try()
	if want := "opened calls=0 hits=4"; !strings.HasSuffix(line, want) {
		t.Fatalf("after the holder was killed: %q; want %q (its recorded calls replayed)", line, want)
	}
	t.Logf("after kill -9 of the holder, a new process opened the workspace in %v and replayed its 4 entries", took)
}
