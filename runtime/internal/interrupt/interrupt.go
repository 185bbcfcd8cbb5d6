// Package interrupt is the handling of SIGINT and SIGTERM behind
// fw.NotifyInterrupts and fw.WithInterrupts: a Handler counts the signals
// from the moment it is installed, and the engine's Run reads it.
package interrupt

import (
	"context"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// Handler records the first two signals received since Notify. No signal
// reaches the process's default action (death) until its stop function is
// called.
type Handler struct {
	first, second chan struct{} // closed at the first and the second signal
	mu            sync.Mutex
	sigs          []os.Signal // the first two signals
}

// Notify installs a Handler until stop is called. ctx carries the handler
// (FromContext) and is cancelled with cause at the first signal, or when
// parent is done; stop cancels it too, and may be called more than once.
func Notify(parent context.Context, cause error) (ctx context.Context, h *Handler, stop func()) {
	h = &Handler{first: make(chan struct{}), second: make(chan struct{})}
	ctx, cancel := context.WithCancelCause(context.WithValue(parent, ctxKey{}, h))
	sig := make(chan os.Signal, 4)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	quit := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-quit:
				return
			case s := <-sig:
				h.mu.Lock()
				n := len(h.sigs)
				if n < 2 {
					h.sigs = append(h.sigs, s)
				}
				h.mu.Unlock()
				switch n {
				case 0:
					close(h.first) // before ctx is done: a reader of ctx sees the interrupt
					cancel(cause)
				case 1:
					close(h.second)
				}
			}
		}
	}()
	var once sync.Once
	return ctx, h, func() {
		once.Do(func() {
			signal.Stop(sig)
			close(quit)
			wg.Wait()
			cancel(nil)
		})
	}
}

type ctxKey struct{}

// FromContext returns the handler that ctx carries, or nil.
func FromContext(ctx context.Context) *Handler {
	h, _ := ctx.Value(ctxKey{}).(*Handler)
	return h
}

// First is closed at the first signal.
func (h *Handler) First() <-chan struct{} { return h.first }

// Second is closed at the second signal.
func (h *Handler) Second() <-chan struct{} { return h.second }

// Count is how many signals were received, at most 2.
func (h *Handler) Count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.sigs)
}

// Signal is the i-th signal received (0 or 1), or nil.
func (h *Handler) Signal(i int) os.Signal {
	h.mu.Lock()
	defer h.mu.Unlock()
	if i < len(h.sigs) {
		return h.sigs[i]
	}
	return nil
}
