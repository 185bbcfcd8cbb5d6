package cli

import (
	"flag"
	"fmt"
	goruntime "runtime"
	"runtime/debug"

	"github.com/fwgo/fw/runtime"
)

const modulePath = "github.com/fwgo/fw"

var versionCmd = &command{
	name:     "version",
	synopsis: "",
	summary:  "print the fwgen version",
	help: `Version prints the fw version that fwgen generates code for, the Go version
it was built with and, when fwgen was built from a released module, the
module's version:

	fwgen v0.1.0 (go1.26.0) github.com/fwgo/fw@v0.1.0
`,
	setup: func(fs *flag.FlagSet) func(*env, []string) int {
		return func(e *env, args []string) int {
			if len(args) > 0 {
				return e.usageError("unexpected arguments: %v", args)
			}
			bi, _ := debug.ReadBuildInfo()
			fmt.Fprintln(e.stdout, versionLine(bi))
			return ExitOK
		}
	},
}

// versionLine formats the version from the build information (nil if absent).
func versionLine(bi *debug.BuildInfo) string {
	goVersion := goruntime.Version()
	if bi != nil && bi.GoVersion != "" {
		goVersion = bi.GoVersion
	}
	line := fmt.Sprintf("fwgen %s (%s)", runtime.Version, goVersion)
	if v := moduleVersion(bi); v != "" {
		line += " " + modulePath + "@" + v
	}
	return line
}

// moduleVersion returns the version of the fw module that fwgen was built from,
// or "" for a development build. Under "go tool", fwgen is a dependency of the
// user's module, so the fw module is found among the dependencies.
func moduleVersion(bi *debug.BuildInfo) string {
	if bi == nil {
		return ""
	}
	m := &bi.Main
	if m.Path != modulePath {
		m = nil
		for _, d := range bi.Deps {
			if d.Path == modulePath {
				m = d
				break
			}
		}
	}
	if m == nil {
		return ""
	}
	if m.Replace != nil {
		// A replacement by a local directory has no version worth printing.
		m = m.Replace
	}
	if m.Version == "" || m.Version == "(devel)" {
		return ""
	}
	return m.Version
}
