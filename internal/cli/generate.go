package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/fwgo/fw/dsl"
	"github.com/fwgo/fw/dsl/gen"
)

var generateCmd = &command{
	name:     "generate",
	synopsis: "[-check] [-o dir] [paths]",
	summary:  "generate Go code from .fw files",
	help: `Generate parses and checks the .fw files of each package directory and
writes x.fw.go for every x.fw, plus ` + gen.PipelineFile + `. A file is
rewritten only when its content changes; a .fw.go file that fwgen generated and
that is no longer produced (its .fw file was removed) is deleted. Other files
are never touched.

Paths are directories (default "."). A .fw file stands for its directory;
dir/... stands for dir and every directory below it that holds .fw files,
skipping testdata, vendor and hidden directories.

Diagnostics go to stderr as file:line:col: severity: message [rule]. A package
with errors gets no output; the other packages are still generated.

With -check nothing is written; each file that is not up to date is listed on
stderr as one of:

	fwgen: stale: dir/x.fw.go: missing
	fwgen: stale: dir/x.fw.go: out of date
	fwgen: stale: dir/y.fw.go: no longer generated

With -o dir, the outputs of the single package given go to dir (created if
needed) instead of the package directory, to keep generated code apart from
its .fw sources.

Exit status: 0 on success (warnings allowed), 1 on errors in .fw files or
stale files, 2 on usage or I/O errors.
`,
	setup: func(fs *flag.FlagSet) func(*env, []string) int {
		check := fs.Bool("check", false, "write nothing; list stale generated files and exit 1 if any")
		out := fs.String("o", "", "write the outputs of the (single) package to `dir`")
		return func(e *env, paths []string) int { return e.generate(paths, *out, *check) }
	},
}

// generateGC is the garbage collector's GOGC while fwgen generates, unless the
// environment sets GOGC: generating allocates much short-lived memory (the
// syntax trees of go/format), and collecting less often saves about a sixth
// of the CPU time for a peak heap of a few hundred MB on 10,000 cases.
const generateGC = 400

// generateMemLimit is the garbage collector's soft memory limit while fwgen
// generates, unless the environment sets GOMEMLIMIT: with generateGC alone a
// 5 MB package peaks at 1.5 GB; the limit makes the collector run more often
// only near it (5 MB package: under 0.95 GB, about as fast).
const generateMemLimit = 896 << 20

func (e *env) generate(paths []string, out string, check bool) int {
	if _, set := os.LookupEnv("GOGC"); !set {
		defer debug.SetGCPercent(debug.SetGCPercent(generateGC))
	}
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(generateMemLimit))
	}
	dirs, code, ok := e.expandPaths(paths)
	if !ok {
		return code
	}
	if out != "" && len(dirs) > 1 {
		// Two packages cannot share one output directory.
		return e.usageError("-o needs a single package directory, got %d", len(dirs))
	}
	for _, dir := range dirs {
		dst := dir
		if out != "" {
			dst = out
		}
		code = max(code, e.generateDir(dir, dst, check))
	}
	return code
}

// generateDir generates (or checks) the package in dir into dst and returns
// its exit code.
func (e *env) generateDir(dir, dst string, check bool) int {
	pkg, diags, err := dsl.LoadDir(dir)
	if err != nil {
		fmt.Fprintf(e.stderr, "fwgen: %v\n", err)
		return ExitUsage
	}
	io.WriteString(e.stderr, diags.Text())
	if diags.HasErrors() {
		return ExitError
	}
	if pkg == nil {
		fmt.Fprintf(e.stderr, "fwgen: %s: internal error: no package and no error\n", dir)
		return ExitError
	}
	files, err := gen.Generate(pkg)
	if err != nil {
		fmt.Fprintf(e.stderr, "fwgen: %s: internal error: %v\n", dir, err)
		return ExitError
	}
	changes, err := plan(dst, files)
	if err != nil {
		fmt.Fprintf(e.stderr, "fwgen: %v\n", err)
		return ExitUsage
	}
	if check {
		for _, c := range changes {
			fmt.Fprintf(e.stderr, "fwgen: stale: %s: %s\n", c.path, c.reason)
		}
		if len(changes) > 0 {
			return ExitError
		}
		return ExitOK
	}
	if len(changes) > 0 && dst != dir {
		if err := os.MkdirAll(dst, 0o755); err != nil {
			fmt.Fprintf(e.stderr, "fwgen: %v\n", err)
			return ExitUsage
		}
	}
	code := ExitOK
	for _, c := range changes {
		if err := c.apply(); err != nil {
			fmt.Fprintf(e.stderr, "fwgen: %v\n", err)
			code = ExitUsage
		}
	}
	return code
}
