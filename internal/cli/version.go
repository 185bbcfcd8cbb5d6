package cli

import (
	"flag"
	"fmt"
	goruntime "runtime"
	"runtime/debug"
)

const modulePath = "github.com/fwgo/fw"

var versionCmd = &command{
	name:     "version",
	synopsis: "",
	summary:  "print the fwgen version",
	help: `Version prints the version of the fw module that fwgen was built from and
the Go version it was built with:

	fwgen v0.3.1 (go1.26.0)

A build from a checkout prints "devel", with the commit when Go recorded it
(devel+1a2b3c4d5e6f, and +dirty for uncommitted changes); a build through a
replace directive by a local directory prints "devel" and the directory.
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
	return fmt.Sprintf("fwgen %s (%s)", moduleVersion(bi), goVersion)
}

// moduleVersion returns the version of the fw module that fwgen was built
// from. Under "go tool", fwgen is a dependency of the user's module, so the fw
// module is found among the dependencies.
func moduleVersion(bi *debug.BuildInfo) string {
	if bi == nil {
		return "devel"
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
	switch {
	case m == nil:
		return "devel"
	case m.Replace != nil && m.Replace.Version == "":
		return "devel " + m.Replace.Path // a local directory
	case m.Replace != nil:
		return m.Replace.Version
	case m.Version != "" && m.Version != "(devel)":
		return m.Version
	}
	// A build in the fw module itself: the commit, when Go recorded it.
	v, dirty := "devel", ""
	for _, s := range bi.Settings {
		switch {
		case s.Key == "vcs.revision":
			v += "+" + s.Value[:min(12, len(s.Value))]
		case s.Key == "vcs.modified" && s.Value == "true":
			dirty = "+dirty"
		}
	}
	return v + dirty
}
