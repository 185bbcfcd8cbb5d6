// Package cluster is the transport seam of a distributed fw run: the types that travel
// between members, the Log they travel through, the codec for them, and the Coordinator
// that decides which outputs a round accepts.
//
// A distributed run is the single-process engine running on every member in lock step
// over one ordered log. A round is the user calls the engine makes between two
// deterministic points (a step's event calls, a lifecycle broadcast, a source or feed
// pull). Each member runs the calls of the instances it owns and publishes their outputs
// as Frames; the Coordinator, run by whichever member holds the lease, appends a Commit
// that names the accepted frames (one Part per instance with work); every member then
// rebuilds the whole next batch from the accepted outputs, exactly as one process would.
//
// The Log is the one thing a transport provides. Its semantics are written on the
// interface and defined by the conformance suite in package logtest; memlog is the
// in-memory Log with a deterministic fault simulation, and the module fwcluster provides
// one on NATS JetStream.
package cluster
