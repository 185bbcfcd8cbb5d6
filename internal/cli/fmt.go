package cli

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/aymanbagabas/go-udiff"

	"github.com/fwgo/fw/dsl"
	"github.com/fwgo/fw/dsl/format"
)

var fmtCmd = &command{
	name:     "fmt",
	synopsis: "[-w | -d | -check] [paths]",
	summary:  "format .fw files in the canonical layout",
	help: `Fmt prints .fw files in their one canonical layout, comments kept.

Paths are .fw files or directories (default "."), which stand for the .fw files
directly in them; dir/... stands for the .fw files of dir and of every directory
below it, skipping testdata, vendor and hidden directories. "-" formats the
standard input to the standard output (not with -w).

Without flags, the formatted files are printed to stdout, one after the other.
With -w, each file whose layout changes is rewritten in place (through a
temporary file and a rename; its permissions are kept) and nothing is printed;
a file already formatted is not touched. With -d, a unified diff is printed for
each file whose layout would change, with --- a/path and +++ b/path headers
(patch -p1 applies it); -d and -w may be combined. With -check, nothing is
written: the names of the files that are not formatted are printed on stdout,
one per line, and the exit status is 1 if there is any.

A file with syntax errors is left alone: its diagnostics go to stderr and the
exit status is 1; the other files are still formatted.

Exit status: 0 on success, 1 on syntax errors or (with -check) unformatted
files, 2 on usage or I/O errors.
`,
	setup: func(fs *flag.FlagSet) func(*env, []string) int {
		var m fmtMode
		fs.BoolVar(&m.write, "w", false, "rewrite files whose layout changes instead of printing them")
		fs.BoolVar(&m.diff, "d", false, "print a unified diff of the changes instead of the files")
		fs.BoolVar(&m.check, "check", false, "write nothing; list unformatted files and exit 1 if any")
		return func(e *env, paths []string) int { return e.fmt(paths, m) }
	},
}

// fmtMode holds the flags of fmt.
type fmtMode struct {
	write, diff, check bool
}

// stdinName stands for the standard input in messages and diffs.
const stdinName = "<standard input>"

func (e *env) fmt(paths []string, m fmtMode) int {
	if m.check && (m.write || m.diff) {
		return e.usageError("-check cannot be combined with -w or -d")
	}
	for _, p := range paths {
		switch {
		case p == "-" && m.write:
			return e.usageError("cannot use -w with the standard input")
		case p == "-" && len(paths) > 1:
			return e.usageError("- (the standard input) must be the only path")
		case len(p) > 1 && p[0] == '-':
			return e.usageError("flag %s after a path: flags come first", p)
		}
	}
	if len(paths) == 1 && paths[0] == "-" {
		src, err := io.ReadAll(e.stdin)
		if err != nil {
			fmt.Fprintf(e.stderr, "fwgen: reading the standard input: %v\n", err)
			return ExitUsage
		}
		return e.fmtSource(stdinName, src, m, nil)
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	files, errs := sourceFiles(paths)
	code := ExitOK
	for _, err := range errs {
		fmt.Fprintf(e.stderr, "fwgen: %v\n", err)
		code = ExitUsage
	}
	for _, path := range files {
		code = max(code, e.fmtFile(path, m))
	}
	return code
}

func (e *env) fmtFile(path string, m fmtMode) int {
	src, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintf(e.stderr, "fwgen: %v\n", err)
		return ExitUsage
	}
	return e.fmtSource(path, src, m, func(out []byte) error { return rewrite(path, out) })
}

// fmtSource formats src, named name, as m asks; write replaces the file (nil
// for the standard input).
func (e *env) fmtSource(name string, src []byte, m fmtMode, write func([]byte) error) int {
	out, diags := format.Source(name, src)
	io.WriteString(e.stderr, diags.Text())
	if diags.HasErrors() {
		return ExitError
	}
	changed := !bytes.Equal(src, out)
	switch {
	case m.check:
		if changed {
			fmt.Fprintln(e.stdout, name)
			return ExitError
		}
		return ExitOK
	case !m.write && !m.diff:
		e.stdout.Write(out)
		return ExitOK
	}
	if !changed {
		return ExitOK
	}
	if m.diff {
		io.WriteString(e.stdout, unifiedDiff(name, src, out))
	}
	if m.write {
		if err := write(out); err != nil {
			fmt.Fprintf(e.stderr, "fwgen: %v\n", err)
			return ExitUsage
		}
	}
	return ExitOK
}

// unifiedDiff returns the diff from old to new of the file at path, with
// a/path and b/path headers as git prints them, so that patch -p1 applies it.
func unifiedDiff(path string, old, new []byte) string {
	p := filepath.ToSlash(path)
	return fixHunkHeaders(udiff.Unified("a/"+p, "b/"+p, string(old), string(new)))
}

// rewrite replaces the file at path (the file a symbolic link points to,
// which stays a link) with data, keeping its permissions.
func rewrite(path string, data []byte) error {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return err
	}
	info, err := os.Stat(target)
	if err != nil {
		return err
	}
	return writeFile(target, data, info.Mode().Perm())
}

// sourceFiles expands the paths of fmt into .fw files, in the order given and
// without duplicates: a .fw file stands for itself, a directory for the .fw
// files directly in it, dir/... for those of every package directory from dir
// down (as packageDirs finds them).
func sourceFiles(paths []string) (files []string, errs []error) {
	seen := map[string]bool{}
	add := func(path string) {
		if key := filepath.Clean(path); !seen[key] {
			seen[key] = true
			files = append(files, path)
		}
	}
	addDir := func(dir string) {
		found, err := dsl.SourceFiles(dir)
		if err == nil && len(found) == 0 {
			err = fmt.Errorf("no %s files in %s", dsl.Ext, dir)
		}
		if err != nil {
			errs = append(errs, err)
		}
		for _, f := range found {
			add(f)
		}
	}
	for _, p := range paths {
		if _, ok := cutEllipsis(p); ok {
			dirs, derrs := packageDirs([]string{p})
			errs = append(errs, derrs...)
			for _, d := range dirs {
				addDir(d)
			}
			continue
		}
		info, err := os.Stat(p)
		switch {
		case err != nil:
			errs = append(errs, err)
		case info.IsDir():
			addDir(p)
		case strings.HasSuffix(p, dsl.Ext):
			add(p)
		default:
			errs = append(errs, fmt.Errorf("%s is neither a directory nor a %s file", p, dsl.Ext))
		}
	}
	return files, errs
}
