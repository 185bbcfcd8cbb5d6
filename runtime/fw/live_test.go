package fw_test

import (
	"slices"
	"testing"
	"time"

	"github.com/fwgo/fw/runtime/fw"
)

type waiter interface {
	Wait(stop <-chan struct{}, timer <-chan time.Time)
}

func pullAll[E any](s fw.Stream[E], max int) ([]E, bool) {
	var got []E
	done, err := s.Pull(max, func(id string, v E) { got = append(got, v) })
	if err != nil {
		panic(err)
	}
	return got, done
}

// ChanStream's Pull never blocks; its Wait receives a value (kept for the
// next Pull, first), the channel's end, a stop or a timer.
func TestChanStreamWait(t *testing.T) {
	ch := make(chan int, 10)
	s := fw.ChanStream(ch)
	if got, done := pullAll(s, 5); len(got) != 0 || done {
		t.Fatalf("empty channel: %v %v", got, done)
	}
	w := s.(waiter)
	go func() { ch <- 1 }()
	w.Wait(nil, nil)
	ch <- 2
	ch <- 3
	if got, done := pullAll(s, 2); !slices.Equal(got, []int{1, 2}) || done {
		t.Fatalf("pull: %v %v", got, done)
	}
	stop := make(chan struct{})
	close(stop)
	w.Wait(stop, nil) // a value is ready: returns at once either way
	if got, _ := pullAll(s, 5); !slices.Equal(got, []int{3}) {
		t.Fatalf("pull: %v", got)
	}
	w.Wait(stop, nil) // nothing: the stop returns it
	w.Wait(nil, time.After(time.Millisecond))
	close(ch)
	w.Wait(nil, nil)
	if got, done := pullAll(s, 5); len(got) != 0 || !done {
		t.Fatalf("closed channel: %v %v", got, done)
	}
}

// With Ready, a goroutine receives from the channel; the order is kept, the
// end reported, and Stop ends the goroutine of a channel left open.
func TestChanStreamReady(t *testing.T) {
	ch := make(chan int)
	s := fw.ChanStream(ch)
	ready := s.Ready()
	var got []int
	for i := range 3 {
		ch <- i
	}
	close(ch)
	// The engine's protocol: pull, and wait on Ready only when nothing came.
	for done := false; !done; {
		var vs []int
		vs, done = pullAll(s, 2)
		got = append(got, vs...)
		if len(vs) == 0 && !done {
			<-ready
		}
	}
	if !slices.Equal(got, []int{0, 1, 2}) {
		t.Fatalf("got %v", got)
	}
	open := fw.ChanStream(make(chan int))
	_ = open.Ready()
	open.(interface{ Stop() }).Stop() // returns: the goroutine ended
}
