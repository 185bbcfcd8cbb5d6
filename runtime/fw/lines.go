package fw

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// LineError is a malformed line of an input read with ReadLines: its 1-based
// line number and what is wrong with it.
type LineError struct {
	Name string // the input's name (LinesName), may be empty
	Line int
	Err  error
}

func (e *LineError) Error() string {
	if e.Name == "" {
		return fmt.Sprintf("line %d: %v", e.Line, e.Err)
	}
	return fmt.Sprintf("%s:%d: %v", e.Name, e.Line, e.Err)
}

func (e *LineError) Unwrap() error { return e.Err }

// InputError lists the malformed lines of an input, in order; the other lines
// were processed. Bad counts every malformed line, and Lines holds every one
// of them, with its number: there is no cap. With OnBadLine, the lines are
// given to the callback as they are found instead, and Lines is empty.
type InputError struct {
	Lines []*LineError
	Bad   int
	Total int // lines read, blank ones included
}

func (e *InputError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "fw: %d of %d input lines malformed", e.Bad, e.Total)
	for _, l := range e.Lines {
		b.WriteString("\n\t")
		b.WriteString(l.Error())
	}
	if e.Bad > len(e.Lines) {
		// Only with OnBadLine: the callback had them.
		fmt.Fprintf(&b, " (%d reported as they were read)", e.Bad-len(e.Lines))
	}
	return b.String()
}

// Unwrap returns the line errors, so errors.As finds a *LineError.
func (e *InputError) Unwrap() []error {
	errs := make([]error, len(e.Lines))
	for i, l := range e.Lines {
		errs[i] = l
	}
	return errs
}

// LinesOption configures ReadLines.
type LinesOption func(*linesConfig)

type linesConfig struct {
	name    string
	stop    bool
	maxLine int
	onBad   func(*LineError)
}

// LinesName names the input in errors (for example its file name).
func LinesName(name string) LinesOption { return func(c *linesConfig) { c.name = name } }

// StopOnBadLine makes ReadLines stop at the first malformed line and return
// its *LineError; by default it reports every malformed line at the end and
// processes the others.
func StopOnBadLine() LinesOption { return func(c *linesConfig) { c.stop = true } }

// OnBadLine makes ReadLines give every malformed line to fn as soon as it is
// found, in order, instead of keeping it for the *InputError at the end: an
// input with any number of malformed lines is then read in bounded memory.
// The *InputError still counts them (Bad) but lists none (Lines is empty).
// With StopOnBadLine, fn is not called: the first malformed line is returned.
func OnBadLine(fn func(*LineError)) LinesOption {
	return func(c *linesConfig) { c.onBad = fn }
}

// MaxLineBytes bounds the length of a line (default 16 MiB); a longer line is
// malformed, and reading goes on after it.
func MaxLineBytes(n int) LinesOption {
	return func(c *linesConfig) {
		if n > 0 {
			c.maxLine = n
		}
	}
}

// ErrLineTooLong is the error of a line longer than MaxLineBytes.
var ErrLineTooLong = errors.New("line too long")

// ReadLines calls each for every non-blank line of r, without its line ending
// (LF or CRLF), in order. A line for which each returns an error is malformed:
// ReadLines goes on with the next line and, at the end, returns an *InputError
// listing the malformed lines with their numbers, unless StopOnBadLine is
// given; every malformed line is reported, however many (see OnBadLine to
// have them as they are found). An error reading r is returned as is. Generated packages use it for
// SubmitJSONLines, with each decoding one event.
func ReadLines(r io.Reader, each func(line []byte) error, opts ...LinesOption) error {
	lr := NewLineReader(r, opts...)
	for {
		more, err := lr.Next(each)
		if err != nil {
			return err
		}
		if !more {
			return lr.Err()
		}
	}
}

// LineReader reads an input line by line as ReadLines does, one line per
// Next, so that a caller can stop between lines (generated packages' lazy
// FeedJSONLines). It holds one line and a read buffer of 64 KiB: its memory is
// bounded by MaxLineBytes, not by the input's length (and, without OnBadLine,
// by the malformed lines it keeps for Err).
type LineReader struct {
	cfg  linesConfig
	br   *bufio.Reader
	buf  []byte
	n    int // the number of the last line read
	ierr InputError
	end  bool
	err  error // a read error, or StopOnBadLine's *LineError: every later Next returns it
}

// NewLineReader returns a reader of the lines of r, with the options of
// ReadLines.
func NewLineReader(r io.Reader, opts ...LinesOption) *LineReader {
	lr := &LineReader{cfg: linesConfig{maxLine: 16 << 20}}
	for _, o := range opts {
		o(&lr.cfg)
	}
	lr.br = bufio.NewReaderSize(r, 64<<10)
	return lr
}

// Next reads the next line and, if it is not blank, calls each with it (the
// slice is valid until the next call of Next). It reports whether it read a
// line: false at the end of the input. A line for which each returns an error
// (or a line too long) is malformed: it is given to OnBadLine's callback or
// kept for Err, and Next reports it read a line; with StopOnBadLine, Next
// returns its *LineError instead, and so do all later calls. An error reading
// the input is returned as is, by this call and all later ones.
func (lr *LineReader) Next(each func(line []byte) error) (bool, error) {
	if lr.err != nil || lr.end {
		return false, lr.err
	}
	line, long, err := readLine(lr.br, &lr.buf, lr.cfg.maxLine)
	if err == io.EOF && line == nil && !long {
		lr.end = true
		return false, nil
	}
	if err != nil && err != io.EOF {
		lr.err = err
		return false, err
	}
	if err == io.EOF {
		lr.end = true // the last line, without a newline
	}
	lr.n++
	lr.ierr.Total = lr.n
	var lerr error
	switch {
	case long:
		lerr = fmt.Errorf("%w (more than %d bytes)", ErrLineTooLong, lr.cfg.maxLine)
	case len(bytes.TrimSpace(line)) == 0:
	default:
		lerr = each(line)
	}
	if lerr != nil {
		le := &LineError{Name: lr.cfg.name, Line: lr.n, Err: lerr}
		if lr.cfg.stop {
			lr.err = le
			return false, le
		}
		lr.ierr.Bad++
		if lr.cfg.onBad != nil {
			lr.cfg.onBad(le)
		} else {
			lr.ierr.Lines = append(lr.ierr.Lines, le)
		}
	}
	return true, nil
}

// Line returns the number of the last line read (1-based; 0 before the first).
func (lr *LineReader) Line() int { return lr.n }

// Err returns the *InputError of the malformed lines read so far, or nil if
// there was none.
func (lr *LineReader) Err() error {
	if lr.ierr.Bad == 0 {
		return nil
	}
	ie := lr.ierr
	ie.Lines = slices.Clip(ie.Lines)
	return &ie
}

// readLine reads one line into *buf (reused) and returns it without its line
// ending; long reports a line longer than max, which is skipped to its end.
// At the end of r it returns io.EOF, with the last line if it had no newline.
func readLine(br *bufio.Reader, buf *[]byte, max int) (line []byte, long bool, err error) {
	b := (*buf)[:0]
	for {
		frag, e := br.ReadSlice('\n')
		if !long {
			if len(b)+len(frag) > max+2 { // room for "\r\n"
				long, b = true, b[:0]
			} else {
				b = append(b, frag...)
			}
		}
		switch {
		case e == bufio.ErrBufferFull:
			continue
		case e == io.EOF:
			*buf = b
			if len(b) == 0 && !long {
				return nil, false, io.EOF
			}
			return trimEOL(b), long, io.EOF
		case e != nil:
			return nil, false, e
		}
		*buf = b
		return trimEOL(b), long, nil
	}
}

func trimEOL(b []byte) []byte {
	b = bytes.TrimSuffix(b, []byte("\n"))
	return bytes.TrimSuffix(b, []byte("\r"))
}
