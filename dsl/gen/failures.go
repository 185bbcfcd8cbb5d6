package gen

import (
	"github.com/dave/jennifer/jen"

	"github.com/fwgo/fw/dsl/ir"
)

// failureField is how a field of a failure event is filled from *fwimpl.Failure f.
var failureField = map[string]jen.Code{
	"proc":     jen.Id("f").Dot("Processor"),
	"case":     jen.Id("f").Dot("Case"),
	"event":    jen.Id("f").Dot("Event"),
	"error":    jen.Id("f").Dot("Err").Dot("Error").Call(),
	"payload":  jen.Id("fwPayload").Call(jen.Id("f").Dot("Msg")),
	"phase":    jen.Int64().Call(jen.Id("f").Dot("Phase")),
	"step":     jen.Int64().Call(jen.Id("f").Dot("Step")),
	"input":    jen.Int64().Call(jen.Id("f").Dot("Input")),
	"attempts": jen.Int64().Call(jen.Id("f").Dot("Attempts")),
}

// failures emits FailureMsg (fwimpl.FailureRouter) when a processor routes its
// failures, and fwPayload, the JSON of a failed call's input event.
func (g *generator) failures(f *jen.File) {
	var procs []*ir.Processor
	payload := false
	for _, p := range g.pkg.Processors {
		if p.Failures != nil {
			procs = append(procs, p)
			for _, fd := range p.Failures.Fields {
				payload = payload || fd.Name == "payload"
			}
		}
	}
	if len(procs) == 0 {
		return
	}
	f.Comment("FailureMsg returns the failure event of a processor declared `failures E` (fwimpl.FailureRouter).")
	f.Func().Params(jen.Id("d").Op("*").Id("fwDispatcher")).Id("FailureMsg").Params(
		jen.Id("proc").Int32(), jen.Id("f").Op("*").Add(rt("Failure")),
	).Add(rt("Msg")).BlockFunc(func(b *jen.Group) {
		b.Switch(jen.Id("proc")).BlockFunc(func(sw *jen.Group) {
			for _, p := range procs {
				ev := p.Failures
				sw.Case(jen.Lit(p.Index)).Block(
					jen.Id("e").Op(":=").Id(ev.Name).Values(jen.DictFunc(func(d jen.Dict) {
						for _, fd := range ev.Fields {
							d[jen.Id(GoName(fd.Name))] = failureField[fd.Name]
						}
					})),
					jen.Return(msgLit(ev)),
				)
			}
		})
		b.Return(rt("Msg").Values())
	})
	if payload {
		f.Comment("fwPayload is the JSON of an event (EncodeJSON), or \"\" for anything else.")
		f.Func().Id("fwPayload").Params(jen.Id("m").Add(rt("Msg"))).String().Block(
			jen.List(jen.Id("ev"), jen.Id("ok")).Op(":=").Id("m").Dot("Ev").Assert(jen.Id("Event")),
			jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Lit(""))),
			jen.List(jen.Id("data"), jen.Err()).Op(":=").Id("EncodeJSON").Call(jen.Id("ev")),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Lit(""))),
			jen.Return(jen.String().Call(jen.Id("data"))),
		)
	}
}
