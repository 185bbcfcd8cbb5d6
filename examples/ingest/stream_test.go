package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// ordersInput makes n order lines as they are read (issue 15), every
// badEvery-th one malformed (three kinds in turn), counting the bytes read.
type ordersInput struct {
	n, badEvery, i int
	buf            []byte
	read           atomic.Int64
}

func (in *ordersInput) Read(p []byte) (int, error) {
	for len(in.buf) < len(p) && in.i < in.n {
		in.i++
		switch i := in.i; {
		case i%in.badEvery == 0 && i/in.badEvery%3 == 0:
			in.buf = append(in.buf, "broken\n"...)
		case i%in.badEvery == 0 && i/in.badEvery%3 == 1:
			in.buf = fmt.Appendf(in.buf, `{"event":"Ordr","id":"x%d","amount":1,"status":"NEW"}`+"\n", i)
		case i%in.badEvery == 0:
			in.buf = fmt.Appendf(in.buf, `{"event":"Order","id":"y%d","amount":"one","status":"NEW"}`+"\n", i)
		default:
			in.buf = fmt.Appendf(in.buf, `{"event":"Order","id":"o%d","amount":%d,"status":"NEW"}`+"\n", i, i%1000)
		}
	}
	if len(in.buf) == 0 {
		return 0, io.EOF
	}
	n := copy(p, in.buf)
	in.buf = in.buf[:copy(in.buf, in.buf[n:])]
	in.read.Add(int64(n))
	return n, nil
}

// firstWrite notes how much of the input was read when the first invoice was
// printed.
type firstWrite struct {
	in    *ordersInput
	at    int64
	lines int
}

func (w *firstWrite) Write(p []byte) (int, error) {
	if w.lines == 0 {
		w.at = w.in.read.Load()
	}
	w.lines += bytes.Count(p, []byte("\n"))
	return len(p), nil
}

// TestStreamsStdin: standard input is read as the run goes: the first
// invoices are printed when a little of it has been read, and every
// malformed line is reported with its number.
func TestStreamsStdin(t *testing.T) {
	in := &ordersInput{n: 100_000, badEvery: 1000}
	out := &firstWrite{in: in}
	var errb bytes.Buffer
	code := run(nil, in, out, &errb)
	total := in.read.Load()
	if code != 1 || out.lines != in.n-in.n/in.badEvery {
		t.Errorf("exit %d, %d invoices, want 1 and %d", code, out.lines, in.n-in.n/in.badEvery)
	}
	if out.at > total/10 {
		t.Errorf("the first invoice was printed after reading %d of %d bytes: the input is not streamed", out.at, total)
	}
	checkBadLines(t, errb.String(), in.n, in.badEvery)
}

// checkBadLines checks the report of the malformed lines of an ordersInput.
func checkBadLines(t *testing.T, errs string, n, badEvery int) {
	t.Helper()
	sc := bufio.NewScanner(strings.NewReader(errs))
	i := 0
	for sc.Scan() {
		i++
		line := i * badEvery
		want := fmt.Sprintf("stdin:%d: ", line)
		switch line / badEvery % 3 {
		case 0:
			want += "fw: bad JSON event: invalid character 'b' looking for beginning of value at column 1"
		case 1:
			want += `fw: unknown event "Ordr"; did you mean "Order"?`
		default:
			want += fmt.Sprintf(`fw: event Order: field "amount" at column %d: want an int, got a string`, 36+len(fmt.Sprint(line)))
		}
		if sc.Text() != want {
			t.Fatalf("stderr line %d: %q, want %q", i, sc.Text(), want)
		}
	}
	if i != n/badEvery {
		t.Errorf("%d malformed lines reported, want %d", i, n/badEvery)
	}
}

// TestStreamMemory runs the command on a pipe of a million lines (-short:
// 200,000): its peak RSS stays far below 64 MB, as it would for any length
// (docs/BENCHMARKS.md has 10 million lines: bench/ingest-rss.sh).
func TestStreamMemory(t *testing.T) {
	n := 1_000_000
	if testing.Short() {
		n = 200_000
	}
	bin := filepath.Join(t.TempDir(), "ingest")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	in := &ordersInput{n: n, badEvery: 10_000}
	cmd := exec.Command(bin)
	cmd.Stdin = in
	var lines lineCounter
	var errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &lines, &errb
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 || int(lines) != n-n/in.badEvery {
		t.Fatalf("err %v, %d invoices; want exit 1 and %d invoices\n%s", err, lines, n-n/in.badEvery, errb.String())
	}
	checkBadLines(t, errb.String(), n, in.badEvery)
	rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss // KB on Linux
	t.Logf("%d lines (%d MB): peak RSS %d KB", n, in.read.Load()>>20, rss)
	if rss > 64<<10 {
		t.Errorf("peak RSS %d KB, want under 64 MB", rss)
	}
}

type lineCounter int

func (c *lineCounter) Write(p []byte) (int, error) {
	*c += lineCounter(bytes.Count(p, []byte("\n")))
	return len(p), nil
}

// chanWriter hands each write to a channel.
type chanWriter chan string

func (c chanWriter) Write(p []byte) (int, error) {
	c <- string(p)
	return len(p), nil
}

// TestLive: with -live each invoice is printed as soon as its line arrives,
// before the next line is written (an interactive input); the malformed
// lines are still reported with their numbers.
func TestLive(t *testing.T) {
	pr, pw := io.Pipe()
	out := make(chanWriter)
	var errb bytes.Buffer
	done := make(chan int, 1)
	go func() { done <- run([]string{"-live"}, pr, out, &errb) }()
	for i := range 10 {
		if i == 4 {
			io.WriteString(pw, "broken\n")
		}
		fmt.Fprintf(pw, `{"event":"Order","id":"o%d","amount":%d,"status":"NEW"}`+"\n", i, i)
		select {
		case got := <-out:
			if want := fmt.Sprintf("invoice o%d %d\n", i, i); got != want {
				t.Fatalf("printed %q, want %q", got, want)
			}
		case code := <-done:
			t.Fatalf("exit %d before the input ended: %s", code, errb.String())
		case <-time.After(time.Minute): // a guard against a hang, not a timing assertion
			t.Fatalf("no invoice for order %d before the next line", i)
		}
	}
	pw.Close()
	if code := <-done; code != 1 || !strings.HasPrefix(errb.String(), "stdin:5: fw: bad JSON event") {
		t.Errorf("exit %d, stderr %q; want 1 and line 5 reported", code, errb.String())
	}
}
