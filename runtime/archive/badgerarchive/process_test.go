//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package badgerarchive

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"github.com/fwgo/fw/runtime/archive"
)

// Child processes: the test binary runs itself with childEnv set to a mode.
const (
	childEnv  = "FW_BADGERARCHIVE_CHILD"
	dirEnv    = "FW_BADGERARCHIVE_DIR"
	startEnv  = "FW_BADGERARCHIVE_START"
	seedEnv   = "FW_BADGERARCHIVE_SEED"
	syncEnv   = "FW_BADGERARCHIVE_SYNC"
	crashEmit = 1000 // emissions per record in the crash test
)

func TestMain(m *testing.M) {
	// The crash and lock tests run this test binary again as a child process.
	if mode := os.Getenv(childEnv); mode != "" {
		os.Exit(childMain(mode))
	}
	os.Exit(m.Run())
}

func childMain(mode string) int {
	dir := os.Getenv(dirEnv)
	switch mode {
	case "crash":
		return crashChild(dir)
	case "workspace":
		return workspaceChild(dir)
	case "hold":
		a, err := Open(dir)
		if err != nil {
			fmt.Println("error:", err)
			return 2
		}
		fmt.Println("open")
		// hold the workspace until killed (or until the parent goes away)
		_, _ = io.Copy(io.Discard, os.Stdin)
		_ = a.Close()
		return 0
	case "try":
		start := time.Now()
		a, err := Open(dir)
		took := time.Since(start)
		if err != nil {
			fmt.Printf("took=%d inuse=%v err=%s\n", took, errors.Is(err, ErrWorkspaceInUse), err)
			return 1
		}
		fmt.Printf("took=%d opened\n", took)
		if err := a.Close(); err != nil {
			fmt.Println("close error:", err)
			return 2
		}
		return 0
	}
	fmt.Println("unknown child mode", mode)
	return 2
}

func crashKey(i int) archive.Key {
	spec := archive.KeySpec{Processor: "crash", Version: 1}
	return spec.Key(binary.BigEndian.AppendUint64(nil, uint64(i)))
}

// crashRecord is the record of index i: crashEmit emissions, each starting
// with i and its own position, then filler; 40 to 110 KiB, so some records
// stay in Badger's tables and some go to the value log.
func crashRecord(i int) archive.Record {
	names := [...]string{"Chunk", "Part", "Piece"}
	rec := archive.Record{Emissions: make([]archive.Emission, crashEmit)}
	for j := range rec.Emissions {
		n := 12 + (i*7+j*13)%96
		d := make([]byte, n)
		binary.BigEndian.PutUint64(d, uint64(i))
		binary.BigEndian.PutUint32(d[8:], uint32(j))
		for k := 12; k < n; k++ {
			d[k] = byte(i*31 + j*7 + k)
		}
		rec.Emissions[j] = archive.Emission{Name: names[j%3], Data: d}
	}
	return rec
}

// crashChild writes records start, start+1, ... until it is killed. After
// each Flush returns it prints "ack" and the indexes it acknowledges.
func crashChild(dir string) int {
	start, _ := strconv.Atoi(os.Getenv(startEnv))
	seed, _ := strconv.ParseUint(os.Getenv(seedEnv), 10, 64)
	rng := rand.New(rand.NewPCG(seed, 1))
	opts := []Option{WithSyncWrites(os.Getenv(syncEnv) == "1")}
	if rng.IntN(2) == 0 {
		opts = append(opts, WithBatchBytes(100<<10)) // Put writes by itself at times
	}
	a, err := Open(dir, opts...)
	if err != nil {
		fmt.Println("error:", err)
		return 2
	}
	fmt.Println("open")
	var unacked []int
	for i := start; ; i++ {
		if err := a.Put(crashKey(i), crashRecord(i)); err != nil {
			fmt.Println("error:", err)
			return 3
		}
		unacked = append(unacked, i)
		if i%5 == 0 { // rewrite an earlier entry with the same record
			j := max(start, i-3)
			if err := a.Put(crashKey(j), crashRecord(j)); err != nil {
				fmt.Println("error:", err)
				return 3
			}
		}
		if len(unacked) < 8 && rng.IntN(3) == 0 {
			continue
		}
		if err := a.Flush(); err != nil {
			fmt.Println("error:", err)
			return 3
		}
		// One write of less than PIPE_BUF bytes: the line arrives whole or
		// not at all.
		line := "ack"
		for _, j := range unacked {
			line += " " + strconv.Itoa(j)
		}
		if _, err := os.Stdout.WriteString(line + "\n"); err != nil {
			return 4
		}
		unacked = unacked[:0]
	}
}

// child starts this test binary in a child mode.
func child(t *testing.T, mode, dir string, env ...string) (*exec.Cmd, *bufio.Scanner, io.WriteCloser) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), append([]string{childEnv + "=" + mode, dirEnv + "=" + dir}, env...)...)
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	})
	return cmd, bufio.NewScanner(stdout), stdin
}

// TestKillNine kills a process that records long emission lists at random
// moments, many times over on one workspace. Every time, the workspace
// reopens, every acknowledged entry is intact, and every entry present is
// whole: exactly the record of its index, never a prefix of it.
func TestKillNine(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes for a while")
	}
	const rounds = 24
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(20251127, 9))
	acked := map[int]bool{}
	want := map[int][32]byte{} // SHA-256 of the encoding of crashRecord(i)
	var (
		begin            = time.Now()
		killedBeforeOpen int
		perRound         []int
	)
	for round := range rounds {
		start := round * 1_000_000
		sync := "0"
		if round%3 == 2 {
			sync = "1"
		}
		cmd, out, _ := child(t, "crash", dir,
			fmt.Sprintf("%s=%d", startEnv, start),
			fmt.Sprintf("%s=%d", seedEnv, rng.Uint64()),
			syncEnv+"="+sync)
		opened := make(chan struct{})
		lines := make(chan string, 1<<16)
		go func() {
			for out.Scan() {
				if out.Text() == "open" {
					close(opened)
					continue
				}
				lines <- out.Text()
			}
			close(lines)
		}()
		// Most rounds kill while records are written; every sixth kills at
		// any moment from the start, Badger's Open and replay included.
		if round%6 == 5 {
			time.Sleep(time.Duration(rng.IntN(40)) * time.Millisecond)
		} else {
			select {
			case <-opened:
			case <-time.After(20 * time.Second):
				t.Fatalf("round %d: the child did not open the workspace", round)
			}
			time.Sleep(time.Duration(rng.IntN(250)) * time.Millisecond)
		}
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		err := cmd.Wait()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
			t.Fatalf("round %d: child did not die of SIGKILL: %v", round, err)
		}
		n := 0
		for line := range lines {
			if !strings.HasPrefix(line, "ack") {
				t.Fatalf("round %d: child said %q", round, line)
			}
			for _, f := range strings.Fields(line)[1:] {
				i, err := strconv.Atoi(f)
				if err != nil {
					t.Fatalf("round %d: bad ack line %q", round, line)
				}
				acked[i] = true
				n++
			}
		}
		select {
		case <-opened:
		default:
			killedBeforeOpen++
		}
		perRound = append(perRound, n)
		checkCrashWorkspace(t, dir, round, acked, want)
	}
	t.Logf("%d rounds in %v: %d records acknowledged (%d emissions each; per round %v), %d kills before the workspace was open",
		rounds, time.Since(begin).Round(time.Millisecond), len(acked), crashEmit, perRound, killedBeforeOpen)
	if len(acked) == 0 {
		t.Fatal("no record was ever acknowledged: the test tested nothing")
	}
}

// checkCrashWorkspace reopens the workspace and reads every entry: each must
// be exactly the record of its index, and every acknowledged index must be
// there.
func checkCrashWorkspace(t *testing.T, dir string, round int, acked map[int]bool, want map[int][32]byte) {
	t.Helper()
	a, err := Open(dir)
	if err != nil {
		t.Fatalf("round %d: reopening after kill -9: %v", round, err)
	}
	defer func() {
		if err := a.Close(); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
	}()
	present := map[int]bool{}
	err = a.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte(entryPrefix)})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			key := it.Item().Key()
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			var k archive.Key
			copy(k[:], key[len(entryPrefix):])
			rec, err := archive.DecodeRecordFor(k, v)
			if err != nil {
				return fmt.Errorf("entry %x: %w", key, err)
			}
			if len(rec.Emissions) == 0 || len(rec.Emissions[0].Data) < 8 {
				return fmt.Errorf("entry %x: %d emissions", key, len(rec.Emissions))
			}
			i := int(binary.BigEndian.Uint64(rec.Emissions[0].Data))
			if string(key) != string(dbKey(crashKey(i))) {
				return fmt.Errorf("entry %x holds the record of %d", key, i)
			}
			sum, ok := want[i]
			if !ok {
				sum = sha256.Sum256(archive.EncodeRecordFor(crashKey(i), crashRecord(i)))
				want[i] = sum
			}
			if sha256.Sum256(v) != sum {
				return fmt.Errorf("entry %d is not exactly its record (%d emissions of %d)", i, len(rec.Emissions), crashEmit)
			}
			present[i] = true
		}
		return nil
	})
	if err != nil {
		t.Fatalf("round %d: %v", round, err)
	}
	for i := range acked {
		if !present[i] {
			t.Fatalf("round %d: acknowledged record %d lost", round, i)
		}
	}
	// and through the Archive API, for one acknowledged record
	for i := range acked {
		if got, ok, err := a.Get(crashKey(i)); !ok || err != nil || !got.Equal(crashRecord(i)) {
			t.Fatalf("round %d: Get of acknowledged record %d: %v, %v", round, i, ok, err)
		}
		break
	}
}

// TestWorkspaceLockAcrossProcesses: while one process holds the workspace, a
// second one fails at once with a clear error; after the first is killed, a
// new process opens it.
func TestWorkspaceLockAcrossProcesses(t *testing.T) {
	dir := t.TempDir()
	holder, out, stdin := child(t, "hold", dir)
	defer stdin.Close()
	if !out.Scan() || out.Text() != "open" {
		t.Fatalf("holder did not open the workspace: %q %v", out.Text(), out.Err())
	}

	try := func() (string, time.Duration, time.Duration) {
		start := time.Now()
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), childEnv+"=try", dirEnv+"="+dir)
		b, _ := cmd.Output()
		line := strings.TrimSpace(string(b))
		ns, _ := strconv.ParseInt(strings.TrimPrefix(strings.Fields(line + " x")[0], "took="), 10, 64)
		return line, time.Duration(ns), time.Since(start)
	}

	line, took, wall := try()
	t.Logf("second process: %q; Open took %v, the whole process %v", line, took, wall)
	want := fmt.Sprintf("err=fw: workspace %s is in use by another process (pid %d)", dir, holder.Process.Pid)
	if !strings.Contains(line, "inuse=true") || !strings.Contains(line, want) {
		t.Fatalf("second process: %q; want inuse=true and %q", line, want)
	}
	if took > time.Second || took <= 0 {
		t.Fatalf("second process's Open took %v; want a failure within a second", took)
	}
	// in use is not damage: nothing was moved aside, in either mode
	if asides, _ := filepath.Glob(filepath.Join(dir, dbDirName+".damaged-*")); len(asides) != 0 {
		t.Fatalf("a workspace in use was moved aside: %v", asides)
	}

	if err := holder.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = holder.Wait()
	line, took, _ = try()
	if !strings.HasSuffix(line, "opened") {
		t.Fatalf("after the holder was killed: %q", line)
	}
	t.Logf("after kill -9 of the holder, a new process opened the workspace in %v", took)
}
