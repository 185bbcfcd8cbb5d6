package cli

import (
	"flag"
	"fmt"
	"io"

	"github.com/fwgo/fw/dsl"
	"github.com/fwgo/fw/dsl/graph"
	"github.com/fwgo/fw/dsl/ir"
)

var graphCmd = &command{
	name:     "graph",
	synopsis: "[-format dot|mermaid] [path]",
	summary:  "draw the event flow of a package",
	help: `Graph prints the event flow of one package on stdout: a node per event
(ellipse; input events with a double outline) and per processor (box, with
its lifecycle cases noted below its name), an edge from each event to the
processors that handle it, labelled with the names of the handling cases, and
a dashed edge "emits" from each processor to the events it may emit.

The path is a package directory (default "."), or one of its .fw files.

With -format dot (the default) the output is a Graphviz digraph; render it
with, for example:

	fwgen graph | dot -Tsvg -o flow.svg

With -format mermaid it is a Mermaid flowchart, for a ` + "```mermaid" + ` block in
Markdown.

Diagnostics go to stderr; a package with errors is not drawn.

Exit status: 0 on success (warnings allowed), 1 on errors in .fw files, 2 on
usage or I/O errors.
`,
	setup: func(fs *flag.FlagSet) func(*env, []string) int {
		format := fs.String("format", "dot", "output `format`: dot or mermaid")
		return func(e *env, paths []string) int { return e.graph(paths, *format) }
	},
}

func (e *env) graph(paths []string, format string) int {
	var draw func(*ir.Package) []byte
	switch format {
	case "dot":
		draw = graph.Dot
	case "mermaid":
		draw = graph.Mermaid
	default:
		return e.usageError("unknown -format %q: want dot or mermaid", format)
	}
	dirs, code, ok := e.expandPaths(paths)
	switch {
	case !ok:
		return code
	case code != ExitOK:
		return code
	case len(dirs) != 1:
		return e.usageError("graph draws one package, got %d", len(dirs))
	}
	pkg, diags, err := dsl.LoadDir(dirs[0])
	if err != nil {
		fmt.Fprintf(e.stderr, "fwgen: %v\n", err)
		return ExitUsage
	}
	io.WriteString(e.stderr, diags.Text())
	if diags.HasErrors() || pkg == nil {
		return ExitError
	}
	e.stdout.Write(draw(pkg))
	return ExitOK
}
