package cli

import (
	"context"
	"flag"
	"runtime/debug"

	"github.com/fwgo/fw/internal/lsp"
)

var lspCmd = &command{
	name:     "lsp",
	synopsis: "",
	summary:  "run the language server for editors (LSP over stdin and stdout)",
	help: `Lsp runs fwgen's language server: the Language Server Protocol over the
standard input and output, for editors (see docs/editors.md). It reports the
diagnostics of lint as .fw files are opened and edited, with the buffers'
contents over the disk's, and answers hovers, go to definition, find
references, document symbols, formatting (as fmt), completion and code actions
for the suggested fixes. An edit re-checks only the package of the edited file.

Log lines go to the standard error. An editor starts it as "fwgen lsp" (or
"go tool fwgen lsp" in a module that pins fwgen as a tool).

Exit status: 0 when the client sent shutdown then exit, 1 otherwise.
`,
	setup: func(fs *flag.FlagSet) func(*env, []string) int {
		return func(e *env, args []string) int {
			if len(args) > 0 {
				return e.usageError("unexpected arguments: %v", args)
			}
			bi, _ := debug.ReadBuildInfo()
			lsp.Version = versionLine(bi)
			return lsp.Serve(context.Background(), e.stdin, e.stdout, e.stderr)
		}
	},
}
