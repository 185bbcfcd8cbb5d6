package engine

import "time"

// SetWaitHook makes every backoff wait of the engines call f first, with the
// wait's duration, and returns a function that removes it. Tests that call it
// must not run in parallel.
func SetWaitHook(f func(time.Duration)) (restore func()) {
	old := waitHook
	waitHook = f
	return func() { waitHook = old }
}

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

// Schedules of the steps of runs with several workers, for the worker-count
// matrix of the tests: Auto is the engine's own policy; the others force
// every step inline, onto the pool, or one of those at random per step
// (inline, pool, or inline up to a random event and the rest on the pool).
const (
	ScheduleAuto   = int(schedAuto)
	ScheduleInline = int(schedInline)
	SchedulePool   = int(schedPool)
	ScheduleRandom = int(schedRandom)
)

// SetSchedule sets the schedule of the engines made after it (seed seeds
// ScheduleRandom) and returns a function that restores the previous one. Tests
// that call it must not run in parallel.
func SetSchedule(mode int, seed uint64) (restore func()) {
	old := schedDefault
	schedDefault.mode, schedDefault.seed = schedMode(mode), seed
	return func() { schedDefault = old }
}

// PoolUse returns how many steps of e's run ran wholly on the pool, and how
// many moved to it after an inline part.
func PoolUse(e *Engine) (poolSteps, handovers int) {
	return e.sched.poolSteps, e.sched.handovers
}

// CallCost returns the scheduler's estimate of the cost of a call of
// processor i of p (0 if unknown).
func CallCost(p *Program, i int) time.Duration {
	return time.Duration(costsOf(p).ns[i].Load())
}
