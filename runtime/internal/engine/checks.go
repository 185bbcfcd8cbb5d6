package engine

import (
	"bytes"
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Event checks (WithEventChecks). Events are values: every processor that
// receives an event, the cache and the record of a run see the same value,
// which the engine does not copy for each delivery (a deep copy per delivery
// would cost every fan-out an allocation and a walk of the value). So a
// handler must not change a slice, map or record it received; in this debug
// mode, the engine encodes the value of each delivery whose type can share
// memory (EventInfo.Shared, TargetInfo.Shared) before the call (callBegin)
// and again after it (callEnd), and a difference fails the call with an
// *EventChangedError. The run's calls are then made one at a time on the
// goroutine running Run (workerCount), so a change is found in the call
// that made it and the checks' reads race with no handler.

// checks is the state of the event checks of a run.
type checks struct {
	kinds  []bool // by kind: its deliveries are checked
	codec  Codec
	before []byte // the encoding of the value of the call in progress
	after  []byte
}

// startChecks sets up the checks of a run WithEventChecks of a program with
// checked kinds (and a Codec); a run without has none (e.checks nil).
func (e *Engine) startChecks() {
	if !e.cfg.EventChecks {
		return
	}
	codec, ok := e.disp.(Codec)
	if !ok {
		return
	}
	p := e.prog
	kinds := make([]bool, len(p.Events)+len(p.Targets))
	on := false
	for k := range p.Events {
		kinds[k] = p.Events[k].Shared
		on = on || kinds[k]
	}
	for t := range p.Targets {
		kinds[len(p.Events)+t] = p.Targets[t].Shared
		on = on || p.Targets[t].Shared
	}
	if on {
		e.checks = &checks{kinds: kinds, codec: codec}
	}
}

// checked reports whether the delivery of m is checked.
func (s *checks) checked(m Msg) bool {
	return int(m.Kind) < len(s.kinds) && s.kinds[m.Kind] && m.Ev != nil
}

// begin keeps the encoding of m's value before a call that receives it.
func (s *checks) begin(m Msg) error {
	b, err := s.codec.AppendMsg(s.before[:0], m)
	s.before = b
	return err
}

// end encodes the value of the message of call c again after the call and
// returns an *EventChangedError if it is not what begin kept.
func (s *checks) end(c *Call) error {
	b, err := s.codec.AppendMsg(s.after[:0], c.msg)
	s.after = b
	if err != nil {
		return err
	}
	if bytes.Equal(s.before, s.after) {
		return nil
	}
	ce := &EventChangedError{Position: c.Position(), Event: c.prog.eventName(c.msg.Kind)}
	ce.Position.Emission = 0
	if was, err := s.codec.DecodeMsg(c.msg.Kind, s.before); err == nil && was.Ev != nil {
		d := differ{}
		if d.diff("", reflect.ValueOf(was.Ev), reflect.ValueOf(c.msg.Ev)) {
			ce.Field, ce.Before, ce.After = d.path, d.before, d.after
		}
	}
	return ce
}

// differ finds the first difference between two values of one type: the
// value decoded from the encoding before a call and the value after it.
type differ struct {
	path, before, after string
}

var timeType = reflect.TypeFor[time.Time]()

// diff reports whether a and b differ, and records the first difference
// under path (the .fw names of fields, from their JSON tags).
func (d *differ) diff(path string, a, b reflect.Value) bool {
	if a.Type() == timeType {
		if ta, tb := a.Interface().(time.Time), b.Interface().(time.Time); !ta.Equal(tb) {
			return d.found(path, ta, tb)
		}
		return false
	}
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return d.found(path, presence(!a.IsNil()), presence(!b.IsNil()))
			}
			return false
		}
		return d.diff(path, a.Elem(), b.Elem())
	case reflect.Struct:
		for i := range a.NumField() {
			f := a.Type().Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" {
				name = f.Name
			}
			if path != "" {
				name = path + "." + name
			}
			if d.diff(name, a.Field(i), b.Field(i)) {
				return true
			}
		}
		return false
	case reflect.Slice:
		if a.Type().Elem().Kind() == reflect.Uint8 {
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				return d.found(path, a.Bytes(), b.Bytes())
			}
			return false
		}
		if a.Len() != b.Len() {
			return d.found(path, text(fmt.Sprintf("length %d", a.Len())), text(fmt.Sprintf("length %d", b.Len())))
		}
		for i := range a.Len() {
			if d.diff(path+"["+strconv.Itoa(i)+"]", a.Index(i), b.Index(i)) {
				return true
			}
		}
		return false
	case reflect.Map:
		keys := a.MapKeys()
		for _, k := range b.MapKeys() {
			if !a.MapIndex(k).IsValid() {
				keys = append(keys, k)
			}
		}
		slices.SortFunc(keys, func(x, y reflect.Value) int {
			if x.Kind() == reflect.String {
				return strings.Compare(x.String(), y.String())
			}
			return cmp.Compare(x.Int(), y.Int())
		})
		for _, k := range keys {
			kp := path + "[" + fmt.Sprintf("%#v", k.Interface()) + "]"
			va, vb := a.MapIndex(k), b.MapIndex(k)
			if !va.IsValid() || !vb.IsValid() {
				return d.found(kp, presence(va.IsValid()), presence(vb.IsValid()))
			}
			if d.diff(kp, va, vb) {
				return true
			}
		}
		return false
	}
	if !a.Equal(b) {
		return d.found(path, a.Interface(), b.Interface())
	}
	return false
}

// text is a description shown as it is.
type text string

// presence describes whether an optional value or a map entry is there.
func presence(there bool) text {
	if there {
		return "present"
	}
	return "absent"
}

// found records the difference at path, between a and b, and reports true.
func (d *differ) found(path string, a, b any) bool {
	d.path, d.before, d.after = path, show(a), show(b)
	return true
}

// show formats a value of a difference, cut to a readable length.
func show(v any) string {
	var s string
	switch v := v.(type) {
	case text:
		s = string(v)
	case string:
		s = strconv.Quote(v)
	case []byte:
		s = fmt.Sprintf("%x", v)
	case time.Time:
		s = v.Format(time.RFC3339Nano)
	default:
		s = fmt.Sprint(v)
	}
	if len(s) > 64 {
		s = s[:61] + "..."
	}
	return s
}
