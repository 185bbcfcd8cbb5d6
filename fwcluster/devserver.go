package fwcluster

import (
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// portFile is where DevServer keeps the port it listens on, in its
// directory, so that a server started again on the same directory listens on
// the same port and the members' connections find it again.
const portFile = "fwcluster-port"

// DevServer starts a NATS server with JetStream in this process, for a
// laptop, tests and demos: loopback only, no logging, its store in dir
// (made if missing). The first start on a directory takes a free port; a
// later start on the same directory takes the same port again (kept in
// dir/fwcluster-port), so clients made with Connect reconnect to it. It
// returns the client URL and stop, which shuts the server down and waits
// until it is down. Production runs use an external cluster (Replicas(3)).
func DevServer(dir string) (url string, stop func(), err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", nil, fmt.Errorf("fwcluster: dev server: %w", err)
	}
	port := -1
	if b, err := os.ReadFile(filepath.Join(dir, portFile)); err == nil {
		p, err := strconv.Atoi(strings.TrimSpace(string(b)))
		if err != nil || p <= 0 || p > 65535 {
			return "", nil, fmt.Errorf("fwcluster: dev server: %s: not a port: %q", filepath.Join(dir, portFile), b)
		}
		port = p
	} else if !errors.Is(err, os.ErrNotExist) {
		return "", nil, fmt.Errorf("fwcluster: dev server: %w", err)
	}
	if port > 0 {
		// The server would only log a busy port: say it.
		ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
		if err != nil {
			return "", nil, fmt.Errorf("fwcluster: dev server on %s: port %d (kept in %s) is busy: %w", dir, port, portFile, err)
		}
		ln.Close()
	}
	s, err := server.NewServer(&server.Options{
		ServerName: "fw-dev",
		Host:       "127.0.0.1",
		Port:       port,
		JetStream:  true,
		StoreDir:   dir,
		NoLog:      true,
		NoSigs:     true,
	})
	if err != nil {
		return "", nil, fmt.Errorf("fwcluster: dev server: %w", err)
	}
	go s.Start()
	if !s.ReadyForConnections(20 * time.Second) {
		s.Shutdown()
		return "", nil, errors.New("fwcluster: dev server: not ready after 20 s")
	}
	addr, ok := s.Addr().(*net.TCPAddr)
	if !ok {
		s.Shutdown()
		return "", nil, errors.New("fwcluster: dev server: no TCP address")
	}
	if err := os.WriteFile(filepath.Join(dir, portFile), []byte(strconv.Itoa(addr.Port)+"\n"), 0o644); err != nil {
		s.Shutdown()
		return "", nil, fmt.Errorf("fwcluster: dev server: %w", err)
	}
	return s.ClientURL(), func() {
		s.Shutdown()
		s.WaitForShutdown()
	}, nil
}

// Connect connects to url for a member: it reconnects for ever, every 50 ms,
// so that a member rides out server restarts and cluster elections, and a
// member started while the server is down waits for it (the first connection
// is retried too: operations wait, bounded by their contexts); opts come
// after these (credentials, TLS, a name). It returns the connection and its
// JetStream context.
func Connect(url string, opts ...nats.Option) (*nats.Conn, jetstream.JetStream, error) {
	all := append([]nats.Option{nats.MaxReconnects(-1), nats.ReconnectWait(50 * time.Millisecond), nats.RetryOnFailedConnect(true)}, opts...)
	nc, err := nats.Connect(url, all...)
	if err != nil {
		return nil, nil, fmt.Errorf("fwcluster: connect %s: %w", url, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, nil, fmt.Errorf("fwcluster: %w", err)
	}
	return nc, js, nil
}
