package engine

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"
)

// TestAttemptErrs: a failed attempt's error goes through an instance's output
// (appendErr, attemptErr) with its text, and with what a program may test of
// it: a *PanicError (its value's text; no stack), a *TimeoutError (its
// timeout and its result), the context's errors themselves; any other error
// is its text. The encoding of a plain error is the one from before the kinds
// (byte 1, then the text).
func TestAttemptErrs(t *testing.T) {
	for _, err := range []error{
		errors.New("boom"),
		&PanicError{Value: "boom", Stack: []byte("goroutine 1")},
		&PanicError{Value: errors.New("an error")},
		&PanicError{Value: 42},
		&TimeoutError{Timeout: 2 * time.Second},
		&TimeoutError{Timeout: time.Millisecond, Result: context.DeadlineExceeded},
		&TimeoutError{Timeout: time.Millisecond, Result: &PanicError{Value: "late"}},
		&TimeoutError{Timeout: time.Millisecond, Result: errors.New("late")},
		&TimeoutError{Timeout: time.Millisecond, Result: fmt.Errorf("late: %w", context.Canceled)},
		context.DeadlineExceeded,
		context.Canceled,
		fmt.Errorf("db: %w", context.DeadlineExceeded),
		fmt.Errorf("db: %w", context.Canceled),
	} {
		b := appendErr(nil, err)
		d := decoder{b: b[1:]}
		got := d.attemptErr(b[0], 0)
		if d.err != nil || len(d.b) > 0 {
			t.Fatalf("%v: decoding: %v, %d bytes left", err, d.err, len(d.b))
		}
		if got.Error() != err.Error() {
			t.Errorf("%v: decoded as %q", err, got.Error())
		}
		if shape(got) != shape(err) {
			t.Errorf("%v: decoded as %s, want %s", err, shape(got), shape(err))
		}
	}
	if b := appendErr(nil, errors.New("boom")); string(b) != "\x01\x04boom" {
		t.Errorf("a plain error is encoded as %q", b)
	}
	var pe *PanicError
	if b := appendErr(nil, &PanicError{Value: "x", Stack: []byte("stack")}); !errors.As((&decoder{b: b[1:]}).attemptErr(b[0], 0), &pe) || pe.Stack != nil {
		t.Errorf("a panic's stack went with it")
	}
	// A *TimeoutError in a *TimeoutError (not the engine's) goes as its text.
	te := &TimeoutError{Timeout: time.Millisecond, Result: &TimeoutError{Timeout: time.Second}}
	if b := appendErr(nil, te); (&decoder{b: b[1:]}).attemptErr(b[0], 0).Error() != te.Error() {
		t.Errorf("%v: decoded with another text", te)
	}
	for _, bad := range []string{"\x07", "\x03\x01\x03\x01\x00", "\x03\x01\x09", "\x01\x09ab", "\x02", "\x06\x01a\x01", "\x06\x01a"} {
		d := decoder{b: []byte(bad[1:])}
		d.attemptErr(bad[0], 0)
		if d.err == nil {
			t.Errorf("%q: decoded", bad)
		}
	}
}

// shape is what errors.As and errors.Is tell of err.
func shape(err error) string {
	var s []string
	var pe *PanicError
	if errors.As(err, &pe) {
		s = append(s, fmt.Sprintf("panic(%v)", pe.Value))
	}
	var te *TimeoutError
	if errors.As(err, &te) {
		s = append(s, fmt.Sprintf("timeout(%v, %v)", te.Timeout, shape(te.Result)))
	}
	return fmt.Sprintf("%v deadline=%t canceled=%t", s, errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled))
}
