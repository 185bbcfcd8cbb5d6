package engine

import "sync"

// msgBufs keeps the []Msg buffers of finished runs (steps' events, emission
// buffers, submissions) for the next runs, so that a program run many times
// over small inputs does not grow its buffers again every run.
var msgBufs sync.Pool // of *[]Msg

// maxPooledMsgs is the capacity above which a buffer is left to the garbage
// collector rather than kept.
const maxPooledMsgs = 1 << 16

// getMsgs returns an empty buffer, from a finished run if one is kept.
func getMsgs() []Msg {
	if p, ok := msgBufs.Get().(*[]Msg); ok {
		b := *p
		*p = nil
		bufHdrs.Put(p)
		return b
	}
	return nil
}

// bufHdrs recycles the *[]Msg headers themselves.
var bufHdrs = sync.Pool{New: func() any { return new([]Msg) }}

// putMsgs keeps b for a later run; b must not be used any more.
func putMsgs(b []Msg) {
	if cap(b) == 0 || cap(b) > maxPooledMsgs {
		return
	}
	b = b[:cap(b)]
	clear(b)
	p := bufHdrs.Get().(*[]Msg)
	*p = b[:0]
	msgBufs.Put(p)
}

// grow makes room in c.out for one more emission, starting from a kept
// buffer when c.out has none.
func (c *Call) grow() {
	if cap(c.out) == 0 {
		if b := getMsgs(); cap(b) > 0 {
			c.out = b
			return
		}
	}
	c.out = append(c.out, Msg{})[:len(c.out)]
}

// putRunBufs keeps the buffers of a finished run: cur (Run's last batch), the
// spare step buffer and the processors' emission buffers. Buffers sharing an
// array are kept once.
func (e *Engine) putRunBufs(cur []Msg) {
	seen := func(b []Msg, others ...[]Msg) bool {
		if cap(b) == 0 {
			return true
		}
		for _, o := range others {
			if cap(o) > 0 && &b[:1][0] == &o[:1][0] {
				return true
			}
		}
		return false
	}
	if !seen(cur) {
		putMsgs(cur)
	}
	if !seen(e.spare, cur) {
		putMsgs(e.spare)
	}
	for i := range e.serial.procs {
		putMsgs(e.serial.procs[i].call.out)
		e.serial.procs[i].call.out = nil
	}
	for i := range e.procs {
		for j := range e.procs[i].chunks {
			ch := &e.procs[i].chunks[j]
			putMsgs(ch.call.out)
			ch.call.out = nil
		}
	}
	e.spare = nil
}
