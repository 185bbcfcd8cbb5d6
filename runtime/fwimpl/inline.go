package fwimpl

// Generated code imports fwimpl, not the engine, so the compiler knows the
// bodies of the engine's functions that it may inline only through fwimpl's
// export data, which holds those that fwimpl's own inlinable functions call.
// The functions below are there for that: the methods they call are on the
// path of every handler call and every emission, and the generated code that
// calls them directly must inline them (without this file, the chain benchmark
// cost 978 instructions per event instead of about 560: three calls per
// handler call). Generated code does not call these functions.

// SerialNote is x.Note(proc, cs, m).
func SerialNote(x *Serial, proc, cs int32, m Msg) *Call { return x.Note(proc, cs, m) }

// SerialBegin is x.Begin(c).
func SerialBegin(x *Serial, c *Call) *Call { return x.Begin(c) }

// SerialEnd is x.End(err).
func SerialEnd(x *Serial, err error) { x.End(err) }

// SerialStopped is x.Stopped().
func SerialStopped(x *Serial) bool { return x.Stopped() }

// CallMsg is c.Msg().
func CallMsg(c *Call) Msg { return c.Msg() }

// CallArena is c.Arena().
func CallArena(c *Call) Arena { return c.Arena() }

// EngineSubmit is e.Submit(m).
func EngineSubmit(e *Engine, m Msg) { e.Submit(m) }

// EngineSubmitArena is e.SubmitArena().
func EngineSubmitArena(e *Engine) Arena { return e.SubmitArena() }
