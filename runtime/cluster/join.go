package cluster

import (
	"context"
	"errors"
	"slices"
	"time"

	"github.com/fwgo/fw/runtime/fw"
	"github.com/fwgo/fw/runtime/internal/config"
)

// RunInfo is what the engine tells its member about the run as it starts: what the
// genesis must agree on, and the instances.
type RunInfo struct {
	Program   string   // the package and its fingerprint
	Config    string   // the run's settings that shape it (batch, phases, key groups)
	Instances uint32   // the slots, then the pseudo-instances
	Pinned    []Inst   // pseudo-instances: always the submitter's
	Names     []string // the processor of each slot, for Pin
}

// JoinOption configures a member (Join).
type JoinOption func(*joinConfig)

type joinConfig struct {
	submitter, observer bool
	pins                []string
	members             int
	deadAfter           time.Duration
	incarnation         uint64
}

// Submitter makes the member the run's submitter: it proposes the genesis, its
// pipeline's submitted events are the run's input, and it owns the pinned instances.
// A run has exactly one.
func Submitter() JoinOption { return func(c *joinConfig) { c.submitter = true } }

// Observer makes the member an observer: it owns nothing, never coordinates, and
// follows the run (to write its record, with fw.WithRecord).
func Observer() JoinOption { return func(c *joinConfig) { c.observer = true } }

// Pin keeps the instances of the named processors on the submitter (with
// Submitter): their calls are never re-executed elsewhere.
func Pin(procs ...string) JoinOption {
	return func(c *joinConfig) { c.pins = append(c.pins, procs...) }
}

// Members makes the submitter wait for n members (itself included) before the run's
// first assignment. Without it the submitter starts at once, alone: instances go to
// the members alive at the first assignment, and move only off dead members (never to
// members that join later, in this version).
func Members(n int) JoinOption { return func(c *joinConfig) { c.members = n } }

// DeadAfter sets how long a member may miss heartbeats before its instances move
// (DefaultDeadAfter). Every member of a run must use the same.
func DeadAfter(d time.Duration) JoinOption { return func(c *joinConfig) { c.deadAfter = d } }

// Incarnation sets the member's incarnation, which must grow with each restart (by
// default the Log's clock).
func Incarnation(n uint64) JoinOption { return func(c *joinConfig) { c.incarnation = n } }

// member is the engine's Exchange for a Join.
type member struct {
	l    Log
	name string
	cfg  joinConfig
	*Node
}

// Join makes a pipeline a member named name of the distributed run on l:
//
//	p := shop.NewPipeline(handlers, cluster.Join(l, "m1"))
//	err := p.Run(ctx)
//
// A member's Run returns ErrRejoin when the run moves one of its instances (or gives
// it one): it must then run again with a fresh pipeline and fresh handlers, which
// Serve does.
func Join(l Log, name string, opts ...JoinOption) fw.Option {
	m := &member{l: l, name: name}
	for _, o := range opts {
		o(&m.cfg)
	}
	return func(c *config.Config) { c.Exchange = m }
}

// Start implements the engine's Exchange.
func (m *member) Start(ctx context.Context, info RunInfo) error {
	cfg := NodeConfig{Member: m.name, Incarnation: m.cfg.incarnation, Observer: m.cfg.observer, Submitter: m.cfg.submitter,
		Program: info.Program, Config: info.Config, Instances: info.Instances, Pinned: slices.Clone(info.Pinned),
		Members: m.cfg.members, DeadAfter: m.cfg.deadAfter}
	for i, name := range info.Names {
		if slices.Contains(m.cfg.pins, name) {
			cfg.Pinned = append(cfg.Pinned, Inst(i))
		}
	}
	m.Node = NewNode(m.l, cfg)
	return m.Node.Start(ctx)
}

// Close implements the engine's Exchange: a member whose run failed on its own
// (a sink's error) ends the run for every member.
func (m *member) Close(err error) error {
	if m.Node == nil {
		return nil
	}
	if err != nil && m.Node.started {
		var de *DivergenceError
		var ee *EndError
		if !errors.Is(err, ErrRejoin) && !errors.As(err, &de) && !errors.As(err, &ee) {
			m.Node.end(context.Background(), err.Error())
		}
	}
	return m.Node.Close()
}

// Serve runs a member until its run ends: run makes a fresh pipeline with the
// option it is given (Join's) and runs it; Serve calls it again whenever it returns
// ErrRejoin.
//
//	err := cluster.Serve(ctx, l, "m1", func(ctx context.Context, join fw.Option) error {
//		return shop.NewPipeline(newHandlers(), join).Run(ctx)
//	})
func Serve(ctx context.Context, l Log, name string, run func(ctx context.Context, join fw.Option) error, opts ...JoinOption) error {
	for {
		err := run(ctx, Join(l, name, opts...))
		if !errors.Is(err, ErrRejoin) {
			return err
		}
	}
}
