package cli

import (
	goruntime "runtime"
	"runtime/debug"
	"testing"
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
		{"no build info", nil, "fwgen devel (" + goruntime.Version() + ")"},
		{"devel", &debug.BuildInfo{GoVersion: "go1.26.1", Main: *fw("(devel)", nil)}, "fwgen devel (go1.26.1)"},
		{"devel with vcs", &debug.BuildInfo{GoVersion: "go1.26.1", Main: *fw("(devel)", nil), Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "1a2b3c4d5e6f7a8b9c0d"}, {Key: "vcs.modified", Value: "true"},
		}}, "fwgen devel+1a2b3c4d5e6f+dirty (go1.26.1)"},
		{"released main", &debug.BuildInfo{GoVersion: "go1.26.1", Main: *fw("v0.3.0", nil)}, "fwgen v0.3.0 (go1.26.1)"},
		{"go tool dependency", &debug.BuildInfo{
			GoVersion: "go1.26.1",
			Main:      debug.Module{Path: "example.com/hello"},
			Deps:      []*debug.Module{{Path: "example.com/other", Version: "v1.0.0"}, fw("v0.3.1", nil)},
		}, "fwgen v0.3.1 (go1.26.1)"},
		{"replaced by a directory", &debug.BuildInfo{
			GoVersion: "go1.26.1",
			Main:      debug.Module{Path: "example.com/hello"},
			Deps:      []*debug.Module{fw("v0.0.0", &debug.Module{Path: "/src/fw"})},
		}, "fwgen devel /src/fw (go1.26.1)"},
		{"replaced by a version", &debug.BuildInfo{
			GoVersion: "go1.26.1",
			Main:      debug.Module{Path: "example.com/hello"},
			Deps:      []*debug.Module{fw("v0.3.0", &debug.Module{Path: "example.com/fork", Version: "v0.3.2"})},
		}, "fwgen v0.3.2 (go1.26.1)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := versionLine(tt.bi); got != tt.want {
				t.Errorf("versionLine = %q, want %q", got, tt.want)
			}
		})
	}
}
