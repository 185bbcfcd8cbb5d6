package engine

import "strconv"

// Position returns the causal position of the call: phase, step, processor,
// case, input position and the number of emissions so far. Generated
// handler contexts expose it.
func (c *Call) Position() Position {
	p := Position{Phase: c.phase, Step: c.step, Input: max(c.input, 0), Emission: len(c.out) - c.mark}
	if c.prog != nil && c.proc >= 0 && int(c.proc) < len(c.prog.Procs) {
		pi := &c.prog.Procs[c.proc]
		p.Processor = pi.Name
		p.Case = caseName(pi, c.cs)
		if pi.KeyGroups > 1 {
			p.KeyGroup, p.KeyGroups = int(c.kg), pi.KeyGroups
		}
	}
	return p
}

// caseName is the name of case cs of processor pi, as errors report it.
func caseName(pi *ProcInfo, cs int32) string {
	switch cs {
	case CaseInit:
		return "init"
	case CasePhase:
		return "phase"
	case CaseTerminate:
		return "terminate"
	case caseBuild:
		return "build"
	}
	if cs >= 0 && int(cs) < len(pi.Cases) {
		return pi.Cases[cs]
	}
	return strconv.Itoa(int(cs))
}
