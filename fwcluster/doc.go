// Package fwcluster runs an fw pipeline across member processes on NATS
// JetStream: it implements runtime/cluster.Log, the ordered round log that
// the members of a distributed run share, in a module of its own so that
// fw's core module does not depend on the NATS client.
//
// A run R is one stream and one key-value bucket:
//
//   - stream FWC_<R>, subjects fwc.<R>.f (frames: the outputs of one
//     instance's round, one message each) and fwc.<R>.c (commits). A commit
//     is appended with the expected last sequence of its subject, a
//     compare-and-set: of two coordinators only one appends commit n.
//     Frames are acknowledged by the server before their commit is
//     appended, so one sequential read of the stream gives a member every
//     frame a commit names, before the commit.
//   - bucket FWC_<R>_CTL (history 1): the key leader holds the coordinator
//     lease (its holder renews it; anyone takes it over after LeaseTTL
//     without a renewal), and member.<name> each member's heartbeat.
//
// Each Read is an ordered consumer of fwc.<R>.>: it rides out reconnects and
// server restarts, and never delivers an entry twice or out of order.
//
// Open attaches to a run (the first Open creates the stream and the bucket
// with its options); DevServer starts an embedded JetStream server for a
// laptop, tests and demos; Connect makes a connection that reconnects for
// ever, as members need across server restarts. See docs/distributed.md in
// the fw repository for deployment and what each failure costs.
package fwcluster
