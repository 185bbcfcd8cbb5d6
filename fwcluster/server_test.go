package fwcluster

import (
	"context"
	"sync/atomic"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// testing.TB's subset the helpers need, so benchmarks use them too.
type tb interface {
	Helper()
	Fatalf(format string, args ...any)
	TempDir() string
	Cleanup(func())
}

// devServer is a DevServer on dir (a fresh temporary directory if dir is
// ""), stopped when the test ends unless stopped before. It returns the
// URL and the directory, so that the test can start it again there.
type devServer struct {
	URL, Dir string
	stop     func()
}

func startDev(t tb, dir string) *devServer {
	t.Helper()
	if dir == "" {
		dir = t.TempDir()
	}
	url, stop, err := DevServer(dir)
	if err != nil {
		t.Fatalf("dev server: %v", err)
	}
	var once atomic.Bool
	d := &devServer{URL: url, Dir: dir, stop: func() {
		if once.CompareAndSwap(false, true) {
			stop()
		}
	}}
	t.Cleanup(d.stop)
	return d
}

// Stop shuts the server down and waits until it is down.
func (d *devServer) Stop() { d.stop() }

// connect is Connect, closed when the test ends.
func connect(t tb, url string, opts ...nats.Option) (*nats.Conn, jetstream.JetStream) {
	t.Helper()
	nc, js, err := Connect(url, opts...)
	if err != nil {
		t.Fatalf("%v", err)
	}
	t.Cleanup(nc.Close)
	return nc, js
}

// open is Open, closed when the test ends.
func open(t tb, js jetstream.JetStream, run string, opts ...Option) *Log {
	t.Helper()
	l, err := Open(context.Background(), js, run, opts...)
	if err != nil {
		t.Fatalf("%v", err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}
