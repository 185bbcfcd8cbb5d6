// Package fwexpvar publishes a pipeline's job accounting through expvar, so
// that it can be read while the pipeline runs (as JSON at /debug/vars when the
// application serves http.DefaultServeMux). It is a package of its own because
// expvar brings net/http with it, which the runtime does not need.
package fwexpvar

import (
	"expvar"

	"github.com/fwgo/fw/runtime/fw"
)

// Publish publishes the snapshots of stats (for example a generated
// Pipeline's Stats method) under name. Like expvar.Publish, it panics if name
// is already published.
func Publish(name string, stats func() fw.Stats) {
	expvar.Publish(name, expvar.Func(func() any { return stats() }))
}
