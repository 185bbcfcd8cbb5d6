package fwcluster

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"regexp"
	"sync"
	"time"

	"github.com/fwgo/fw/runtime/cluster"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Log is a cluster.Log on a JetStream stream and key-value bucket (see the
// package doc). Its methods are safe for concurrent use.
type Log struct {
	js     jetstream.JetStream // fwcluster's own context on the caller's connection
	run    string
	stream jetstream.Stream
	kv     jetstream.KeyValue
	subjF  string // frames
	subjC  string // commits
	o      options

	mu     sync.Mutex
	last   commitPos             // the last commit this Log knows of
	leader leaseObs              // the leader key as last seen
	beats  map[string]beatRev    // member.<name> as the watcher last saw it
	mine   map[string]beatRev    // the beats this Log wrote
	wat    *watcher              // the heartbeat watcher (nil: none yet)
	held   map[string]leaseCache // members whose lease this Log renewed
}

// commitPos is where a commit is: its Seq and its stream sequence.
type commitPos struct {
	known     bool
	seq, sseq uint64
}

var _ cluster.Log = (*Log)(nil)

type options struct {
	replicas int
	leaseTTL time.Duration
	maxBytes int64
	runTTL   time.Duration
	ackWait  time.Duration
}

// An Option changes how Open makes a run's stream and bucket, or how its
// Log behaves.
type Option func(*options)

// Replicas is the number of replicas of the run's stream and bucket: 1 (the
// default) on a single server, 3 on a production cluster.
func Replicas(n int) Option { return func(o *options) { o.replicas = n } }

// LeaseTTL is how long a coordinator lease lasts without a renewal before
// another member takes it over (default 3 s).
func LeaseTTL(d time.Duration) Option { return func(o *options) { o.leaseTTL = d } }

// MaxBytes limits the run's stream; past it, publishes are refused (Discard
// New), so a run fails loudly instead of losing history (default: no limit).
func MaxBytes(n int64) Option { return func(o *options) { o.maxBytes = n } }

// RunTTL is the stream's and the bucket's MaxAge: a run's log is removed
// that long after it is written (default: kept until Delete).
func RunTTL(d time.Duration) Option { return func(o *options) { o.runTTL = d } }

// AckWait is how long Publish and Append wait for the server's
// acknowledgement before they send again (default 5 s).
func AckWait(d time.Duration) Option { return func(o *options) { o.ackWait = d } }

var runName = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)
var memberName = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// StreamName and BucketName are the JetStream names of run's log.
func StreamName(run string) string { return "FWC_" + run }
func BucketName(run string) string { return "FWC_" + run + "_CTL" }

// Open attaches to run's log, making its stream and bucket with opts if
// they do not exist yet (an existing run keeps the configuration it was made
// with). run is 1-64 letters, digits, '-' or '_'. The Log uses js's
// connection; make it with Connect (or nats.MaxReconnects(-1)) so that the
// Log rides out server restarts.
func Open(ctx context.Context, js jetstream.JetStream, run string, opts ...Option) (*Log, error) {
	if !runName.MatchString(run) {
		return nil, fmt.Errorf("fwcluster: run name %q: want 1-64 letters, digits, '-' or '_'", run)
	}
	o := options{replicas: 1, leaseTTL: 3 * time.Second, ackWait: 5 * time.Second}
	for _, f := range opts {
		f(&o)
	}
	switch {
	case o.replicas < 1 || o.replicas > 5:
		return nil, fmt.Errorf("fwcluster: Replicas(%d): want 1 to 5", o.replicas)
	case o.leaseTTL <= 0 || o.ackWait <= 0:
		return nil, errors.New("fwcluster: LeaseTTL and AckWait must be positive")
	}
	own, err := ownContext(js, o.ackWait)
	if err != nil {
		return nil, fmt.Errorf("fwcluster: %w", err)
	}
	l := &Log{js: own, run: run, o: o, subjF: "fwc." + run + ".f", subjC: "fwc." + run + ".c",
		beats: map[string]beatRev{}, mine: map[string]beatRev{}, held: map[string]leaseCache{}}
	maxBytes := o.maxBytes
	if maxBytes <= 0 {
		maxBytes = -1
	}
	cfg := jetstream.StreamConfig{
		Name:        StreamName(run),
		Description: "fw cluster run " + run + ": frames (.f) and commits (.c)",
		Subjects:    []string{"fwc." + run + ".>"},
		Storage:     jetstream.FileStorage,
		Replicas:    o.replicas,
		Retention:   jetstream.LimitsPolicy,
		Discard:     jetstream.DiscardNew,
		MaxBytes:    maxBytes,
		MaxAge:      o.runTTL,
		MaxMsgSize:  cluster.MaxFrameBody + 64,
		Duplicates:  0, // no Nats-Msg-Id: duplicates are dropped by readers, exactly
		AllowDirect: true,
	}
	err = retry(ctx, o.ackWait, func(ctx context.Context) error {
		var err error
		l.stream, err = js.CreateStream(ctx, cfg)
		if errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
			l.stream, err = js.Stream(ctx, cfg.Name)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("fwcluster: stream %s: %w", cfg.Name, err)
	}
	kcfg := jetstream.KeyValueConfig{
		Bucket:      BucketName(run),
		Description: "fw cluster run " + run + ": coordinator lease and heartbeats",
		History:     1,
		TTL:         o.runTTL,
		Storage:     jetstream.FileStorage,
		Replicas:    o.replicas,
	}
	err = retry(ctx, o.ackWait, func(ctx context.Context) error {
		var err error
		l.kv, err = js.CreateKeyValue(ctx, kcfg)
		if errors.Is(err, jetstream.ErrBucketExists) {
			l.kv, err = js.KeyValue(ctx, kcfg.Bucket)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("fwcluster: bucket %s: %w", kcfg.Bucket, err)
	}
	return l, nil
}

// ownContext is a JetStream context on js's connection, with js's domain or
// API prefix, an async publish window of 4,096 and acknowledgements that time
// out after ackWait (so that a publish lost in a server restart is sent again).
func ownContext(js jetstream.JetStream, ackWait time.Duration) (jetstream.JetStream, error) {
	o := js.Options()
	opts := []jetstream.JetStreamOpt{jetstream.WithPublishAsyncMaxPending(4096), jetstream.WithPublishAsyncTimeout(ackWait)}
	switch {
	case o.Domain != "":
		return jetstream.NewWithDomain(js.Conn(), o.Domain, opts...)
	case o.APIPrefix != "":
		return jetstream.NewWithAPIPrefix(js.Conn(), o.APIPrefix, opts...)
	}
	return jetstream.New(js.Conn(), opts...)
}

// Delete removes run's stream and bucket (a finished run's log).
func Delete(ctx context.Context, js jetstream.JetStream, run string) error {
	if err := js.DeleteStream(ctx, StreamName(run)); err != nil && !errors.Is(err, jetstream.ErrStreamNotFound) {
		return fmt.Errorf("fwcluster: %w", err)
	}
	if err := js.DeleteKeyValue(ctx, BucketName(run)); err != nil && !errors.Is(err, jetstream.ErrBucketNotFound) {
		return fmt.Errorf("fwcluster: %w", err)
	}
	return nil
}

// Close stops the Log's watcher; cursors are closed by their own Close.
func (l *Log) Close() error {
	l.mu.Lock()
	wt := l.wat
	l.mu.Unlock()
	if wt != nil {
		l.dropWatch(wt)
	}
	return nil
}

// Now is the local clock.
func (l *Log) Now() time.Time { return time.Now() }

// transient reports whether err may go away by itself (a server restart, a
// leader election, a lost acknowledgement), so that the operation is retried.
func transient(err error) bool {
	if errors.Is(err, nats.ErrConnectionClosed) || errors.Is(err, context.Canceled) {
		return false
	}
	var api *jetstream.APIError
	if errors.As(err, &api) {
		switch api.ErrorCode {
		case jetstream.JSErrCodeJetStreamNotEnabled, jetstream.JSErrCodeJetStreamNotEnabledForAccount, errCodeStoreFailed:
			return false // for good: JetStream is off, or the stream is full (MaxBytes)
		}
		return api.Code == 408 || api.Code >= 500
	}
	return true
}

// retry calls f until it succeeds, fails for good (not transient), or ctx
// is done; each call gets ackWait (a request lost in a server restart is
// never answered).
func retry(ctx context.Context, ackWait time.Duration, f func(ctx context.Context) error) error {
	for try := 0; ; try++ {
		tctx, cancel := context.WithTimeout(ctx, ackWait)
		err := f(tctx)
		cancel()
		if err == nil || !transient(err) {
			return err
		}
		if err := pause(ctx, try); err != nil {
			return err
		}
	}
}

// debugf, if set (by tests), is told of retried errors.
var debugf func(format string, args ...any)

// errCodeStoreFailed is the server's JSStreamStoreFailedF: a message the
// stream refuses to store (over MaxBytes with Discard New, say).
const errCodeStoreFailed jetstream.ErrorCode = 10077

// pause waits before the n-th retry (50 ms doubling to 1 s), or returns
// ctx's error.
func pause(ctx context.Context, n int) error {
	d := 50 * time.Millisecond << min(n, 5)
	d = min(d, time.Second)
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Publish stores fs in the stream, in order, and returns once the server has
// acknowledged every one of them (durable). Frames whose acknowledgement
// fails or does not come are sent again: retries may store duplicates,
// which readers drop. It fails only with ctx, a closed connection, or an
// error the server gives for good (a full stream: MaxBytes).
func (l *Log) Publish(ctx context.Context, fs []cluster.Frame) error {
	msgs := make([][]byte, len(fs))
	for i := range fs {
		if len(fs[i].Body) > cluster.MaxFrameBody {
			return fmt.Errorf("fwcluster: frame %d of %d: a body of %d bytes, more than cluster.MaxFrameBody", i, len(fs), len(fs[i].Body))
		}
		msgs[i] = cluster.AppendFrame(make([]byte, 0, 48+len(fs[i].Body)), &fs[i])
	}
	pending := msgs
	for try := 0; ; try++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		var failed [][]byte
		var last error
		futs := make([]jetstream.PubAckFuture, 0, len(pending))
		sent := 0
		for _, b := range pending {
			f, err := l.js.PublishMsgAsync(&nats.Msg{Subject: l.subjF, Data: b})
			if err != nil {
				last = err
				break
			}
			futs = append(futs, f)
			sent++
		}
		failed = append(failed, pending[sent:]...)
		timer := time.NewTimer(l.o.ackWait + time.Second)
	wait:
		for i, f := range futs {
			select {
			case <-f.Ok():
			case err := <-f.Err():
				last = err
				failed = append(failed, pending[i])
			case <-timer.C:
				last = jetstream.ErrAsyncPublishTimeout
				failed = append(failed, pending[i:len(futs)]...)
				break wait
			case <-ctx.Done():
				timer.Stop()
				return ctx.Err()
			}
		}
		timer.Stop()
		if len(failed) == 0 {
			return nil
		}
		if !transient(last) {
			return fmt.Errorf("fwcluster: publish: %w", last)
		}
		pending = failed
		if err := pause(ctx, try); err != nil {
			return err
		}
	}
}

// Append appends c iff c.Seq is the number of commits in the log (0 for the
// genesis), else it returns cluster.ErrConflict. It publishes c with the
// expected last sequence of the commit subject, so the server decides: of
// two writers of commit n, one appends and the other gets ErrConflict. When
// a try's acknowledgement is lost (a server restart), the next try finds
// the commit it stored and Append returns nil.
func (l *Log) Append(ctx context.Context, c *cluster.Commit) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	data := cluster.AppendCommit(nil, c)
	sent := false // an earlier try may have stored c
	for try := 0; ; try++ {
		tctx, cancel := context.WithTimeout(ctx, l.o.ackWait) // a request lost in a restart is not answered
		pos, err := l.lastCommit(tctx, try > 0 || !l.knows(c.Seq))
		if err == nil {
			err = l.appendAt(tctx, pos, c, data, sent)
		}
		cancel()
		if err == nil || errors.Is(err, cluster.ErrConflict) || !transient(err) {
			return err
		}
		sent = true
		if debugf != nil {
			debugf("append %d try %d: %v", c.Seq, try, err)
		}
		if err := pause(ctx, try); err != nil {
			return err
		}
	}
}

// knows reports whether the Log's last known commit is seq-1, so that Append
// can try without asking the server first.
func (l *Log) knows(seq uint64) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return seq > 0 && l.last.known && l.last.seq+1 == seq
}

// appendAt publishes c (data) after the commit at pos. If sent, an earlier
// try may have stored c: finding it as the last commit is success.
func (l *Log) appendAt(ctx context.Context, pos commitPos, c *cluster.Commit, data []byte, sent bool) error {
	ours := func(pos commitPos) error {
		if sent && pos.known && pos.seq == c.Seq {
			if same, err := l.isLast(ctx, pos, data); err != nil || same {
				return err
			}
		}
		return cluster.ErrConflict
	}
	if (!pos.known && c.Seq != 0) || (pos.known && c.Seq != pos.seq+1) {
		return ours(pos)
	}
	ack, err := l.js.PublishMsg(ctx, &nats.Msg{Subject: l.subjC, Data: data}, jetstream.WithExpectLastSequencePerSubject(pos.sseq))
	if err != nil {
		var api *jetstream.APIError
		if errors.As(err, &api) && (api.ErrorCode == jetstream.JSErrCodeStreamWrongLastSequence || api.ErrorCode == jetstream.JSErrCodeStreamWrongLastSequenceConstant) {
			now, err := l.lastCommit(ctx, true)
			if err != nil {
				return err
			}
			return ours(now)
		}
		return err
	}
	l.saw(c.Seq, ack.Sequence)
	return nil
}

// isLast reports whether the commit at pos is data.
func (l *Log) isLast(ctx context.Context, pos commitPos, data []byte) (bool, error) {
	m, err := l.stream.GetMsg(ctx, pos.sseq)
	if err != nil {
		return false, err
	}
	return bytes.Equal(m.Data, data), nil
}

// saw records that commit seq is at stream sequence sseq, if it is the
// latest this Log knows of.
func (l *Log) saw(seq, sseq uint64) {
	l.mu.Lock()
	if !l.last.known || sseq > l.last.sseq {
		l.last = commitPos{known: true, seq: seq, sseq: sseq}
	}
	l.mu.Unlock()
}

// lastCommit is the last commit's position: the Log's own knowledge, or,
// with ask, the server's.
func (l *Log) lastCommit(ctx context.Context, ask bool) (commitPos, error) {
	if !ask {
		l.mu.Lock()
		p := l.last
		l.mu.Unlock()
		return p, nil
	}
	m, err := l.stream.GetLastMsgForSubject(ctx, l.subjC)
	if errors.Is(err, jetstream.ErrMsgNotFound) {
		return commitPos{}, nil
	}
	if err != nil {
		return commitPos{}, err
	}
	c, err := cluster.DecodeCommit(m.Data)
	if err != nil {
		return commitPos{}, fmt.Errorf("fwcluster: commit at %d: %w", m.Sequence, err)
	}
	l.saw(c.Seq, m.Sequence)
	return commitPos{known: true, seq: c.Seq, sseq: m.Sequence}, nil
}
