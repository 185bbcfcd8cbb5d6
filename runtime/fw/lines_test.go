package fw_test

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/fwgo/fw/runtime/fw"
)

// parseLine accepts lines "ok N" and rejects anything else.
func parseLine(got *[]string) func([]byte) error {
	return func(line []byte) error {
		var n int
		if _, err := fmt.Sscanf(string(line), "ok %d", &n); err != nil {
			return fmt.Errorf("not an ok line: %q", line)
		}
		*got = append(*got, string(line))
		return nil
	}
}

func TestReadLines(t *testing.T) {
	in := "ok 1\r\nbroken\n\n   \nok 2\n" + strings.Repeat("x", 100) + "\nok 3\nalso broken\nok 4"
	var got []string
	err := fw.ReadLines(strings.NewReader(in), parseLine(&got), fw.LinesName("in.jsonl"), fw.MaxLineBytes(50))
	if want := []string{"ok 1", "ok 2", "ok 3", "ok 4"}; !slices.Equal(got, want) {
		t.Errorf("good lines %q, want %q", got, want)
	}
	var ie *fw.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("err = %v, want an *InputError", err)
	}
	var lines []int
	for _, l := range ie.Lines {
		lines = append(lines, l.Line)
	}
	if !slices.Equal(lines, []int{2, 6, 8}) || ie.Bad != 3 || ie.Total != 9 {
		t.Errorf("malformed lines %v (bad %d of %d), want [2 6 8] (3 of 9)", lines, ie.Bad, ie.Total)
	}
	if !errors.Is(err, fw.ErrLineTooLong) {
		t.Errorf("err does not wrap ErrLineTooLong: %v", err)
	}
	for _, want := range []string{"in.jsonl:2: not an ok line", "in.jsonl:6: line too long", "in.jsonl:8:"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error text lacks %q:\n%v", want, err)
		}
	}
}

func TestReadLinesStop(t *testing.T) {
	var got []string
	err := fw.ReadLines(strings.NewReader("ok 1\nbad\nok 2\n"), parseLine(&got), fw.StopOnBadLine())
	var le *fw.LineError
	if !errors.As(err, &le) || le.Line != 2 || !slices.Equal(got, []string{"ok 1"}) {
		t.Errorf("err = %v, got %q; want line 2 and only the first line", err, got)
	}
}

func TestReadLinesClean(t *testing.T) {
	var got []string
	// One byte at a time, through the reader's buffer boundaries.
	in := strings.Repeat("ok 7\n", 20000)
	if err := fw.ReadLines(iotest.OneByteReader(strings.NewReader(in)), parseLine(&got)); err != nil || len(got) != 20000 {
		t.Errorf("err = %v, %d lines", err, len(got))
	}
	if err := fw.ReadLines(strings.NewReader(""), parseLine(&got)); err != nil {
		t.Errorf("empty input: %v", err)
	}
}

func TestReadLinesReadError(t *testing.T) {
	boom := errors.New("disk on fire")
	r := io.MultiReader(strings.NewReader("ok 1\n"), iotest.ErrReader(boom))
	var got []string
	if err := fw.ReadLines(r, parseLine(&got)); !errors.Is(err, boom) || len(got) != 1 {
		t.Errorf("err = %v, got %q", err, got)
	}
}

// Every malformed line is reported with its number, however many there are:
// no cap (issue 13).
func TestReadLinesReportsEveryBadLine(t *testing.T) {
	var b strings.Builder
	const n = 1000
	for i := range n {
		fmt.Fprintf(&b, "bad %d\nok %d\n", i, i)
	}
	var got []string
	err := fw.ReadLines(strings.NewReader(b.String()), parseLine(&got), fw.LinesName("in"))
	var ie *fw.InputError
	if !errors.As(err, &ie) || ie.Bad != n || len(ie.Lines) != n || len(got) != n {
		t.Fatalf("err %T, %d good lines; want an *InputError with %d lines", err, len(got), n)
	}
	for i, l := range ie.Lines {
		if l.Line != 2*i+1 {
			t.Fatalf("Lines[%d] is line %d, want %d", i, l.Line, 2*i+1)
		}
	}
	msg := err.Error()
	if strings.Contains(msg, "more") || !strings.Contains(msg, fmt.Sprintf("in:%d: ", 2*n-1)) || strings.Count(msg, "\n") != n {
		t.Errorf("error text does not list all %d lines:\n%.300s...", n, msg)
	}
}

// OnBadLine streams the malformed lines as they are read.
func TestReadLinesOnBadLine(t *testing.T) {
	var got, order []string
	var seen []int
	each := func(line []byte) error {
		order = append(order, string(line))
		return parseLine(&got)(line)
	}
	err := fw.ReadLines(strings.NewReader("ok 1\nbad\nok 2\nworse\n"), each, fw.OnBadLine(func(le *fw.LineError) {
		seen = append(seen, le.Line)
		if len(order) != le.Line { // called before the next line is read
			t.Errorf("line %d reported after %d lines were read", le.Line, len(order))
		}
	}))
	var ie *fw.InputError
	if !errors.As(err, &ie) || ie.Bad != 2 || len(ie.Lines) != 0 || !slices.Equal(seen, []int{2, 4}) {
		t.Errorf("err = %v, seen %v; want 2 bad lines, reported [2 4], none kept", err, seen)
	}
	if !strings.Contains(err.Error(), "2 of 4 input lines malformed (2 reported as they were read)") {
		t.Errorf("error text: %v", err)
	}
}

// TestLineReader: Next reads one line per call, reads the input no further
// than it needs (plus its buffer), and ends with ReadLines' result.
func TestLineReader(t *testing.T) {
	in := "ok 1\nbad\n\nok 2\nok 3"
	var got []string
	lr := fw.NewLineReader(strings.NewReader(in), fw.LinesName("in"))
	var lines []int
	for {
		more, err := lr.Next(parseLine(&got))
		if err != nil {
			t.Fatal(err)
		}
		if !more {
			break
		}
		lines = append(lines, lr.Line())
	}
	if !slices.Equal(lines, []int{1, 2, 3, 4, 5}) || !slices.Equal(got, []string{"ok 1", "ok 2", "ok 3"}) {
		t.Errorf("lines %v, good %q", lines, got)
	}
	var ie *fw.InputError
	if err := lr.Err(); !errors.As(err, &ie) || ie.Bad != 1 || ie.Total != 5 || len(ie.Lines) != 1 || ie.Lines[0].Line != 2 {
		t.Errorf("Err() = %v, want line 2 of 5 malformed", err)
	}
	if more, err := lr.Next(parseLine(&got)); more || err != nil {
		t.Errorf("Next after the end = %v, %v", more, err)
	}

	// Lazy: a reader of many lines is read a buffer at a time, not to its end.
	r := &countingReader{r: strings.NewReader(strings.Repeat("ok 1\n", 1<<20))}
	lr = fw.NewLineReader(r)
	for range 10 {
		if more, err := lr.Next(func([]byte) error { return nil }); !more || err != nil {
			t.Fatal(more, err)
		}
	}
	if r.n > 64<<10 {
		t.Errorf("10 lines read %d bytes of the input, want at most a buffer (64 KiB)", r.n)
	}

	// StopOnBadLine: the first malformed line is returned, by every later call too.
	lr = fw.NewLineReader(strings.NewReader("ok 1\nbad\nok 2\n"), fw.StopOnBadLine())
	got = nil
	lr.Next(parseLine(&got))
	for range 2 {
		var le *fw.LineError
		if more, err := lr.Next(parseLine(&got)); more || !errors.As(err, &le) || le.Line != 2 {
			t.Errorf("Next = %v, %v; want line 2's error", more, err)
		}
	}
	if !slices.Equal(got, []string{"ok 1"}) {
		t.Errorf("good lines %q", got)
	}

	// A read error is returned, by every later call too.
	boom := errors.New("boom")
	lr = fw.NewLineReader(io.MultiReader(strings.NewReader("ok 1\n"), iotest.ErrReader(boom)))
	got = nil
	for range 3 {
		lr.Next(parseLine(&got))
	}
	if more, err := lr.Next(parseLine(&got)); more || !errors.Is(err, boom) || !slices.Equal(got, []string{"ok 1"}) {
		t.Errorf("Next = %v, %v, good %q; want the read error", more, err, got)
	}
}

type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}
