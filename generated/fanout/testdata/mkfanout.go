//go:build ignore

// mkfanout writes the source of package fanout
// (testdata/examples/fanout/fanout.fw at the repository's root) and the
// benchmark's handler table and hand-written switch (handlers_test.go). From
// generated/fanout:
//
//	go run testdata/mkfanout.go
//	go run ../../cmd/fwgen generate -o . ../../testdata/examples/fanout   # or: make generate (from the repository root)
package main

import (
	"bytes"
	"fmt"
	"go/format"
	"log"
	"os"
)

const n = 1000

func main() {
	var fwb bytes.Buffer
	fwb.WriteString(`// 1,000 processors with disjoint literal patterns, for the benchmark of compiled
// matching (docs/BENCHMARKS.md): an Order matches at most one of them. Hundred
// and Ten have the same patterns for 100 and 10 processors, Single for one.
// Written by mkfanout.go; do not edit.
package fanout

input event Order { id string; amount int }
input event Hundred { id string; amount int }
input event Ten { id string; amount int }
input event Single { id string; amount int }

processor One { on Single{id: "p0000", amount} as Hit }

`)
	for i := range 10 {
		fmt.Fprintf(&fwb, "processor T%02d { on Ten{id: \"p%04d\", amount} as Hit }\n", i, i)
	}
	fwb.WriteString("\n")
	for i := range 100 {
		fmt.Fprintf(&fwb, "processor H%03d { on Hundred{id: \"p%04d\", amount} as Hit }\n", i, i)
	}
	fwb.WriteString("\n")
	for i := range n {
		fmt.Fprintf(&fwb, "processor P%04d { on Order{id: \"p%04d\", amount} as Hit }\n", i, i)
	}
	if err := os.WriteFile("../../testdata/examples/fanout/fanout.fw", fwb.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}

	var g bytes.Buffer
	g.WriteString(`// Written by testdata/mkfanout.go; do not edit.

package fanout

import (
	"github.com/fwgo/fw/runtime/fwimpl"
)

// newDispatcher binds every processor to a handler that counts its calls in *n.
func newDispatcher(n *int) *fwDispatcher {
	return &fwDispatcher{h: Handlers{
		One: hit[OneHitContext]{n},
`)
	for i := range 10 {
		fmt.Fprintf(&g, "\t\tT%02d: hit[T%02dHitContext]{n},\n", i, i)
	}
	for i := range 100 {
		fmt.Fprintf(&g, "\t\tH%03d: hit[H%03dHitContext]{n},\n", i, i)
	}
	for i := range n {
		fmt.Fprintf(&g, "\t\tP%04d: hit[P%04dHitContext]{n},\n", i, i)
	}
	g.WriteString(`	}}
}

// handDispatch is the switch a person would write for the same patterns,
// calling the same handlers through the same interfaces.
func handDispatch(d *fwDispatcher, c *fwimpl.Call, m fwimpl.Msg) error {
	switch m.Kind {
	case fwKindSingle:
		if o := m.Ev.(*Single); o.ID == "p0000" {
			return d.h.One.OnHit(OneHitContext{fwimpl.NewOn[Single](c)}, o.Amount)
		}
	case fwKindTen:
		o := m.Ev.(*Ten)
		switch o.ID {
`)
	for i := range 10 {
		fmt.Fprintf(&g, "\t\tcase \"p%04d\":\n\t\t\treturn d.h.T%02d.OnHit(T%02dHitContext{fwimpl.NewOn[Ten](c)}, o.Amount)\n", i, i, i)
	}
	g.WriteString(`		}
	case fwKindHundred:
		o := m.Ev.(*Hundred)
		switch o.ID {
`)
	for i := range 100 {
		fmt.Fprintf(&g, "\t\tcase \"p%04d\":\n\t\t\treturn d.h.H%03d.OnHit(H%03dHitContext{fwimpl.NewOn[Hundred](c)}, o.Amount)\n", i, i, i)
	}
	g.WriteString(`		}
	case fwKindOrder:
		o := m.Ev.(*Order)
		switch o.ID {
`)
	for i := range n {
		fmt.Fprintf(&g, "\t\tcase \"p%04d\":\n\t\t\treturn d.h.P%04d.OnHit(P%04dHitContext{fwimpl.NewOn[Order](c)}, o.Amount)\n", i, i, i)
	}
	g.WriteString("\t\t}\n\t}\n\treturn nil\n}\n")
	src, err := format.Source(g.Bytes())
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("handlers_test.go", src, 0o644); err != nil {
		log.Fatal(err)
	}
}
