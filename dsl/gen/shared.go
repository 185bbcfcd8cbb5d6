package gen

import "github.com/fwgo/fw/dsl/ir"

// Events are values: a handler must not change what it receives. Values of
// some types share memory with their copies (a slice, a map, a pointer), so
// a handler could; the Program marks the event types and targets whose
// values do (EventInfo.Shared, TargetInfo.Shared), and a run with
// fw.WithEventChecks checks the calls that receive them. Scalar-only types
// are left unmarked and cost nothing.

// sharesMemory reports whether a value of type t (a pointer to one when
// optional) shares memory with its copies.
func sharesMemory(t ir.Type, optional bool) bool {
	if optional {
		return true
	}
	switch t.Kind {
	case ir.Bytes, ir.List, ir.Map:
		return true
	case ir.RecordType:
		// A record reaches itself only through a list, a map or an optional
		// field (record-cycle), which return above: the walk ends.
		return fieldsShare(t.Record.Fields)
	}
	return false
}

// fieldsShare reports whether a struct of fields fs shares memory with its copies.
func fieldsShare(fs []*ir.Field) bool {
	for _, f := range fs {
		if sharesMemory(f.Type, f.Optional) {
			return true
		}
	}
	return false
}

// artifactShares reports whether an artifact of type a shares memory with its copies.
func artifactShares(a *ir.Artifact) bool {
	switch a.Kind {
	case ir.ArtifactField:
		return sharesMemory(a.Field, false)
	case ir.ArtifactEvent:
		return fieldsShare(a.Event.Fields)
	}
	return true // a slice, or a group of them
}
