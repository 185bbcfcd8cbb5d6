package engine

// LoggedArtifacts returns how many artifacts e holds in its logs for builders
// that are not active yet (tests only; call it from a handler of a run with
// one worker).
func LoggedArtifacts(e *Engine) int {
	if e.bld == nil {
		return 0
	}
	n := 0
	for _, l := range e.bld.logs {
		n += len(l)
	}
	return n
}
