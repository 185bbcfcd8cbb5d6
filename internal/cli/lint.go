package cli

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/fwgo/fw/dsl"
	"github.com/fwgo/fw/dsl/diag"
)

var lintCmd = &command{
	name:     "lint",
	synopsis: "[-format text|json] [-fix [-diff]] [paths]",
	summary:  "check .fw files and print every error and warning",
	help: `Lint parses and checks the .fw files of each package directory, lint rules
included, and prints every diagnostic on stdout. Nothing is written, but
with -fix.

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
	    "offset": 52,
	    "end": {"line": 4, "col": 12, "offset": 56},
	    "severity": "error",
	    "rule": "unknown-event",
	    "message": "unknown event Ordr; did you mean Order?",
	    "related": [{"file": ..., "line": ..., "col": ..., "message": ...}],
	    "fixes": [{"message": "Replace Ordr with Order", "edits": [
	      {"pos": {"line": 4, "col": 8, "offset": 52},
	       "end": {"line": 4, "col": 12, "offset": 56}, "new": "Order"}]}]
	  }
	]

"offset" is the byte offset of line:col in the file; "end" is just past what
the diagnostic is about. "related" and "fixes" are left out when empty. Each
fix is a complete alternative: its edits replace the bytes from "pos" to
"end" (exclusive) of the diagnostic's file with "new". Problems with the paths
themselves (a missing directory, no .fw files) go to stderr.

With -fix, lint applies the suggested fixes and rewrites the files they
change: the first fix of each diagnostic, those that overlap no other in a
round, in rounds until a round changes nothing (at most 10). Each fix applied
is reported on stderr (file:line:col: fixed [rule]: what it did, at its
position in the file before its round), and the diagnostics that remain are
printed as without -fix. A file that was formatted (fwgen fmt) is formatted
again. With -fix -diff, nothing is written: the changes are printed as a
unified diff (a/path, b/path headers, for patch -p1) instead of the
diagnostics. docs/lint.md lists the rules whose diagnostics have fixes.

Exit status: 0 when there are no diagnostics or only warnings (with -fix,
once fixed), 1 when there is an error, 2 on usage or I/O errors.
`,
	setup: func(fs *flag.FlagSet) func(*env, []string) int {
		format := fs.String("format", "text", "output `format`: text or json")
		fix := fs.Bool("fix", false, "apply the suggested fixes and rewrite the files")
		diff := fs.Bool("diff", false, "with -fix, print the changes as a unified diff instead of writing them")
		return func(e *env, paths []string) int {
			if *diff && !*fix {
				return e.usageError("-diff needs -fix")
			}
			return e.lint(paths, *format, lintFix{on: *fix, diff: *diff})
		}
	},
}

// lintFix holds the -fix and -diff flags of lint.
type lintFix struct{ on, diff bool }

func (e *env) lint(paths []string, format string, fix lintFix) int {
	if format != "text" && format != "json" {
		return e.usageError("unknown -format %q: want text or json", format)
	}
	dirs, code, ok := e.expandPaths(paths)
	if !ok {
		return code
	}
	var all diag.List
	for _, dir := range dirs {
		var diags diag.List
		var err error
		if fix.on {
			diags, err = e.lintFix(dir, fix)
		} else {
			_, diags, err = dsl.LoadDir(dir)
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "fwgen: %v\n", err)
			code = ExitUsage
			continue
		}
		if diags.HasErrors() {
			code = max(code, ExitError)
		}
		if format == "text" && !fix.diff {
			// Print package by package, so that a long run shows progress.
			io.WriteString(e.stdout, diags.Text())
		}
		all = append(all, diags...)
	}
	if format == "json" && !fix.diff {
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

// lintFix applies the fixes of the package in dir (dsl.Fix), reports them on
// stderr, and writes the files that change, or prints their diff. It
// returns the diagnostics of the fixed package.
func (e *env) lintFix(dir string, fix lintFix) (diag.List, error) {
	names, err := dsl.SourceFiles(dir)
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no %s files in %s", dsl.Ext, dir)
	}
	srcs := make([][]byte, len(names))
	for i, p := range names {
		if srcs[i], err = os.ReadFile(p); err != nil {
			return nil, err
		}
	}
	fixed, applied, diags := dsl.Fix(names, srcs)
	for _, a := range applied {
		fmt.Fprintf(e.stderr, "%s: fixed [%s]: %s\n", a.Diag.Pos, a.Diag.Rule, a.Fix.Message)
	}
	for i, p := range names {
		if bytes.Equal(srcs[i], fixed[i]) {
			continue
		}
		if fix.diff {
			io.WriteString(e.stdout, unifiedDiff(p, srcs[i], fixed[i]))
			continue
		}
		if err := rewrite(p, fixed[i]); err != nil {
			return diags, err
		}
	}
	return diags, nil
}
