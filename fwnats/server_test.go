package fwnats

import (
	"context"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// testing.TB's subset the harness needs, so benchmarks use it too.
type tb interface {
	Helper()
	Fatalf(format string, args ...any)
	TempDir() string
	Cleanup(func())
}

// startServer starts a NATS server with JetStream in this process: loopback,
// a random port, its store in a temporary directory, no logging; each of
// with changes the options first (credentials, say). It is shut down when
// the test ends.
func startServer(t tb, with ...func(*server.Options)) *server.Server {
	t.Helper()
	opts := &server.Options{
		Host:      "127.0.0.1",
		Port:      -1,
		JetStream: true,
		StoreDir:  t.TempDir(),
		NoLog:     true,
		NoSigs:    true,
	}
	for _, w := range with {
		w(opts)
	}
	s, err := server.NewServer(opts)
	if err != nil {
		t.Fatalf("nats server: %v", err)
	}
	go s.Start()
	if !s.ReadyForConnections(10 * time.Second) {
		s.Shutdown()
		t.Fatalf("nats server: not ready")
	}
	t.Cleanup(func() {
		s.Shutdown()
		s.WaitForShutdown()
	})
	return s
}

// connect returns a connection to url and its JetStream context, closed when
// the test ends.
func connect(t tb, url string) (*nats.Conn, jetstream.JetStream) {
	t.Helper()
	nc, err := nats.Connect(url)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatalf("jetstream: %v", err)
	}
	return nc, js
}

// mkStream creates a file stream on subjects.
func mkStream(t tb, js jetstream.JetStream, name string, subjects ...string) jetstream.Stream {
	t.Helper()
	st, err := js.CreateStream(context.Background(), jetstream.StreamConfig{Name: name, Subjects: subjects, Storage: jetstream.FileStorage})
	if err != nil {
		t.Fatalf("stream %s: %v", name, err)
	}
	return st
}

// mkConsumer creates a durable pull consumer with the given ack policy.
func mkConsumer(t tb, st jetstream.Stream, name string, ack jetstream.AckPolicy) jetstream.Consumer {
	t.Helper()
	c, err := st.CreateOrUpdateConsumer(context.Background(), jetstream.ConsumerConfig{Durable: name, AckPolicy: ack, MaxAckPending: -1})
	if err != nil {
		t.Fatalf("consumer %s: %v", name, err)
	}
	return c
}

// streamMsgs returns every message of a stream, in order.
func streamMsgs(t tb, js jetstream.JetStream, name string) []*jetstream.RawStreamMsg {
	t.Helper()
	ctx := context.Background()
	st, err := js.Stream(ctx, name)
	if err != nil {
		t.Fatalf("stream %s: %v", name, err)
	}
	info, err := st.Info(ctx)
	if err != nil {
		t.Fatalf("stream %s: %v", name, err)
	}
	var out []*jetstream.RawStreamMsg
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq && info.State.Msgs > 0; seq++ {
		m, err := st.GetMsg(ctx, seq)
		if err != nil {
			t.Fatalf("stream %s seq %d: %v", name, seq, err)
		}
		out = append(out, m)
	}
	return out
}
