package cli

import (
	goruntime "runtime"
	"runtime/debug"
	"testing"

	"github.com/fwgo/fw/runtime"
)

func TestVersionLine(t *testing.T) {
	fw := func(version string, replace *debug.Module) *debug.Module {
		return &debug.Module{Path: modulePath, Version: version, Replace: replace}
	}
	tests := []struct {
		name string
		bi   *debug.BuildInfo
		want string
	}{
		{"no build info", nil, " (" + goruntime.Version() + ")"},
		{"devel", &debug.BuildInfo{GoVersion: "go1.26.1", Main: *fw("(devel)", nil)}, " (go1.26.1)"},
		{"released main", &debug.BuildInfo{GoVersion: "go1.26.1", Main: *fw("v0.3.0", nil)}, " (go1.26.1) github.com/fwgo/fw@v0.3.0"},
		{"go tool dependency", &debug.BuildInfo{
			GoVersion: "go1.26.1",
			Main:      debug.Module{Path: "example.com/hello"},
			Deps:      []*debug.Module{{Path: "example.com/other", Version: "v1.0.0"}, fw("v0.3.1", nil)},
		}, " (go1.26.1) github.com/fwgo/fw@v0.3.1"},
		{"replaced by a directory", &debug.BuildInfo{
			GoVersion: "go1.26.1",
			Main:      debug.Module{Path: "example.com/hello"},
			Deps:      []*debug.Module{fw("v0.0.0", &debug.Module{Path: "/src/fw"})},
		}, " (go1.26.1)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, want := versionLine(tt.bi), "fwgen "+runtime.Version+tt.want
			if got != want {
				t.Errorf("versionLine = %q, want %q", got, want)
			}
		})
	}
}
