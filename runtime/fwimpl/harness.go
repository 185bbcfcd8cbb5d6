package fwimpl

import (
	"context"
	"fmt"
	"reflect"
	"runtime/debug"
	"strings"

	"github.com/fwgo/fw/runtime/fw"
	"github.com/fwgo/fw/runtime/internal/engine"
)

// TestCase is the body of a generated Call<Processor> function: it routes
// the event ev through d's compiled match (d is bound to the handler under
// test), and if a case of processor proc matches, calls it alone with a test
// call set by opts, and returns its emitted events (as E, by types), resolved
// targets, published artifacts and error. With fw.TestLifecycle, it calls that lifecycle case.
func TestCase[E any](prog *Program, proc int32, d Dispatcher, types Types, ev any, opts []fw.TestOption) fw.TestResult[E] {
	tc := fw.TestCall{Context: context.Background()}
	for _, o := range opts {
		o(&tc)
	}
	var res fw.TestResult[E]
	var dls []Delivery
	var m Msg
	if tc.Lifecycle != "" {
		cs, ok := lifecycleCase(&prog.Procs[proc], tc.Lifecycle)
		if !ok {
			res.Err = fmt.Errorf("fw: processor %s has no `on %s`", prog.Procs[proc].Name, tc.Lifecycle)
			return res
		}
		dls = []Delivery{{Proc: proc, Case: cs}}
	} else {
		var ok bool
		if m, ok = types.msg(ev); !ok {
			res.Err = fmt.Errorf("fw: %T is not an event type of package %s", ev, prog.Package)
			return res
		}
		dls = d.Route(m, nil)
	}
	for _, dl := range dls {
		if dl.Proc != proc {
			continue
		}
		c := engine.NewTestCall(tc.Context, prog, proc, dl.Case, m, tc.Position)
		res.Position = c.Position()
		res.Case = res.Position.Case
		res.Err = invoke(d, c, dl, m)
		for _, o := range c.Emitted() {
			switch k := int(o.Kind); {
			case k < len(types):
				ev, _ := types.Value(o).(E)
				res.Emitted = append(res.Emitted, ev)
			case k >= len(prog.Events)+len(prog.Targets):
				res.Resolved = append(res.Resolved, prog.Targets[k-len(prog.Events)-len(prog.Targets)].Name)
			case k >= len(prog.Events):
				// A publication: the artifact's value, not its pointer.
				v := reflect.ValueOf(o.Ev)
				var val any
				if v.Kind() == reflect.Pointer && !v.IsNil() {
					val = v.Elem().Interface()
				}
				res.Published = append(res.Published, fw.TestArtifact{Target: prog.Targets[k-len(prog.Events)].Name, Value: val})
			}
		}
	}
	return res
}

// lifecycleCase is the case number of lifecycle case name of pi, if it has it.
func lifecycleCase(pi *ProcInfo, name string) (int32, bool) {
	switch name {
	case "init":
		return CaseInit, pi.Init
	case "phase":
		return CasePhase, pi.Phase
	case "terminate":
		return CaseTerminate, pi.Terminate
	}
	return 0, false
}

// invoke calls the handler of dl, a panic made a *fw.PanicError.
func invoke(d Dispatcher, c *Call, dl Delivery, m Msg) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &fw.PanicError{Value: r, Stack: debug.Stack()}
		}
	}()
	return d.Invoke(c, dl, m)
}

// MissingHandlers returns the error of a generated NewPipeline given nil
// handlers, naming every one: names are the fields of the package's
// Handlers, missing says which of them are nil.
func MissingHandlers(pkg string, names []string, missing []bool) error {
	var none []string
	for i, m := range missing {
		if m {
			none = append(none, names[i])
		}
	}
	if len(none) == 0 {
		return nil
	}
	return fmt.Errorf("%s.NewPipeline: no handler for %s (set in %s.Handlers)", pkg, strings.Join(none, ", "), pkg)
}
