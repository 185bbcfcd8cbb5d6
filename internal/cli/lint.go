package cli

import (
	"flag"
	"fmt"
	"io"

	"github.com/fwgo/fw/dsl"
	"github.com/fwgo/fw/dsl/diag"
)

var lintCmd = &command{
	name:     "lint",
	synopsis: "[-format text|json] [paths]",
	summary:  "check .fw files and print every error and warning",
	help: `Lint parses and checks the .fw files of each package directory, lint rules
included, and prints every diagnostic on stdout. Nothing is written.

Paths are as for generate: directories (default "."), a .fw file for its
directory, dir/... for dir and every directory below it with .fw files.

With -format text (the default), each diagnostic is a line
file:line:col: severity: message [rule], its related positions on the
following lines, indented by a tab. With -format json, the diagnostics of all
packages form one JSON array (empty when there are none):

	[
	  {
	    "file": "shop/procs.fw",
	    "line": 4,
	    "col": 8,
	    "severity": "error",
	    "rule": "unknown-event",
	    "message": "unknown event Ordr; did you mean Order?",
	    "related": [{"file": ..., "line": ..., "col": ..., "message": ...}]
	  }
	]

"related" is left out when empty. Problems with the paths themselves (a missing
directory, no .fw files) go to stderr.

Exit status: 0 when there are no diagnostics or only warnings, 1 when there is
an error, 2 on usage or I/O errors.
`,
	setup: func(fs *flag.FlagSet) func(*env, []string) int {
		format := fs.String("format", "text", "output `format`: text or json")
		return func(e *env, paths []string) int { return e.lint(paths, *format) }
	},
}

func (e *env) lint(paths []string, format string) int {
	if format != "text" && format != "json" {
		return e.usageError("unknown -format %q: want text or json", format)
	}
	dirs, code, ok := e.expandPaths(paths)
	if !ok {
		return code
	}
	var all diag.List
	for _, dir := range dirs {
		_, diags, err := dsl.LoadDir(dir)
		if err != nil {
			fmt.Fprintf(e.stderr, "fwgen: %v\n", err)
			code = ExitUsage
			continue
		}
		if diags.HasErrors() {
			code = max(code, ExitError)
		}
		if format == "text" {
			// Print package by package, so that a long run shows progress.
			io.WriteString(e.stdout, diags.Text())
		}
		all = append(all, diags...)
	}
	if format == "json" {
		data, err := all.JSON()
		if err != nil {
			fmt.Fprintf(e.stderr, "fwgen: internal error: %v\n", err)
			return ExitUsage
		}
		e.stdout.Write(append(data, '\n'))
	}
	return code
}

// expandPaths checks the path arguments of a package command, defaults them to
// ".", expands them to package directories and reports the path errors on
// stderr. It returns the directories and the exit code so far (ExitUsage after
// a path error, when the other paths are still to be done); ok is false when
// the command must stop at once with that code.
func (e *env) expandPaths(paths []string) (dirs []string, code int, ok bool) {
	for _, p := range paths {
		// The flag package stops at the first path, so a later flag would
		// otherwise be taken for a path and fail in a confusing way.
		if len(p) > 1 && p[0] == '-' {
			return nil, e.usageError("flag %s after a path: flags come first", p), false
		}
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	dirs, errs := packageDirs(paths)
	for _, err := range errs {
		fmt.Fprintf(e.stderr, "fwgen: %v\n", err)
		code = ExitUsage
	}
	return dirs, code, true
}
