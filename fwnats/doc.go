// Package fwnats connects fw pipelines to NATS JetStream, in a module of its
// own so that fw's core module does not depend on the NATS client.
//
// A Source feeds the messages of a durable pull consumer, decoded by the
// generated package's DecodeJSON, into a run (the pipeline's Stream method),
// each named "<stream>:<stream sequence>", and acknowledges them only when
// the engine commits the phase that consumed them: after the phase is
// complete and every sink has published its emissions. A Sink publishes the
// emissions of chosen event types to subjects with Nats-Msg-Id set to the
// emission's causal id, and returns once the server has acknowledged them.
// So a run killed at any moment and restarted redoes at most one phase, and
// the sink stream's duplicate window drops what it publishes again.
//
// The application makes the connection (TLS, credentials, accounts: as
// nats.go documents them), the streams and the consumer; fwnats never logs
// or reads anything of the connection. See docs/nats.md in the fw
// repository for the delivery promise in full.
package fwnats
