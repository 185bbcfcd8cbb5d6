package retries_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/fwgo/fw/generated/retries"
	"github.com/fwgo/fw/runtime/fw"
)

// charge is a flaky payment service, deterministic by order id and attempt:
// order i fails its first i%4 attempts (the last succeeds at the retry 3),
// every ninth always fails (a Failed event after 4 attempts), i%9 == 4
// panics at its first attempt, and i%20 == 5 overruns its 500ms timeout at
// its first attempt: it waits for its context's deadline and returns nil,
// ignoring it, which fails the attempt with a *fw.TimeoutError.
type charge struct {
	mu       sync.Mutex
	attempts map[int64]int
}

func (h *charge) OnOrder(c retries.ChargeOrderContext, id, amount int64) error {
	h.mu.Lock()
	h.attempts[id]++
	h.mu.Unlock()
	c.EmitCharged(retries.Charged{ID: id, Amount: amount}) // discarded if the attempt fails
	switch a := c.Attempt(); {
	case id%9 == 0:
		return fmt.Errorf("card declined (attempt %d)", a)
	case id%9 == 4 && a == 0:
		panic("payment service crashed")
	case id%20 == 5 && a == 0:
		<-c.Context().Done()
		return nil
	case a < int(id%4):
		return errors.New("payment service busy")
	}
	return nil
}

type ledger struct{ got []string }

func (l *ledger) OnCharged(c retries.LedgerChargedContext, id, amount int64) error {
	l.got = append(l.got, fmt.Sprintf("charged %d %d", id, amount))
	return nil
}

func (l *ledger) OnFailed(c retries.LedgerFailedContext, proc, err, payload string, attempts int64) error {
	l.got = append(l.got, fmt.Sprintf("failed %s %s after %d attempts: %s", proc, payload, attempts, err))
	return nil
}

func run(t *testing.T, workers, n int) ([]string, map[int64]int, fw.Stats) {
	t.Helper()
	c, l := &charge{attempts: map[int64]int{}}, &ledger{}
	p, err := retries.NewPipeline(retries.Handlers{Charge: c, Ledger: l}, fw.WithWorkers(workers))
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		p.Submit(retries.Order{ID: int64(i), Amount: int64(10 * i)})
	}
	if err := p.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	return l.got, c.attempts, p.Stats()
}

// TestRetriesDeterministic: with failures, panics and timeouts injected, the
// retried calls keep their places: Ledger receives the same sequence for 1,
// 2 and 8 workers, the one the rules of charge predict.
func TestRetriesDeterministic(t *testing.T) {
	const n = 40
	var want []string
	wantAttempts := map[int64]int{}
	for i := range int64(n) {
		switch {
		case i%9 == 0:
			want = append(want, fmt.Sprintf(`failed Charge {"event":"Order","id":%d,"amount":%d} after 4 attempts: card declined (attempt 3)`, i, 10*i))
			wantAttempts[i] = 4
		default:
			want = append(want, fmt.Sprintf("charged %d %d", i, 10*i))
			wantAttempts[i] = int(i%4) + 1
			if (i%9 == 4 || i%20 == 5) && i%4 == 0 {
				wantAttempts[i] = 2 // the panic or the timeout, then success
			}
		}
	}
	for _, workers := range []int{1, 2, 8} {
		got, attempts, st := run(t, workers, n)
		if !slices.Equal(got, want) {
			t.Errorf("workers %d: Ledger received\n%q\nwant\n%q", workers, got, want)
		}
		for id, a := range wantAttempts {
			if attempts[id] != a {
				t.Errorf("workers %d: order %d made %d attempts, want %d", workers, id, attempts[id], a)
			}
		}
		if ch, _ := st.Proc("Charge"); ch.Handled != n-5 || ch.Failed != 5 {
			t.Errorf("workers %d: Charge stats %+v: want %d handled and 5 failed", workers, ch, n-5)
		}
	}
}
