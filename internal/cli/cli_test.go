package cli_test

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/fwgo/fw/internal/cli"
)

var update = flag.Bool("update", false, "rewrite the expectations of failing cmp commands in testdata/script")

// TestMain lets scripts run fwgen: the test binary becomes fwgen when run under
// that name, so scripts exercise the real CLI, exit code included.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"fwgen": func() { os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "../../testdata/script",
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		UpdateScripts:       *update,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exitcode":  exitcode,
			"backdate":  backdate,
			"backdated": backdated,
			"mode":      mode,
		},
	})
}

// exitcode N prog [args...]: run prog like exec does and check that it exits
// with status N (exec itself only tells success from failure).
func exitcode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exitcode N prog [args...]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	prog := args[1]
	for _, dir := range filepath.SplitList(ts.Getenv("PATH")) {
		if p := filepath.Join(dir, prog); fileExists(p) {
			prog = p
			break
		}
	}
	cmd := exec.Command(prog, args[2:]...)
	cmd.Dir = ts.MkAbs(".")
	cmd.Stdout, cmd.Stderr = ts.Stdout(), ts.Stderr()
	err = cmd.Run()
	got := 0
	if ee, ok := err.(*exec.ExitError); ok {
		got = ee.ExitCode()
	} else {
		ts.Check(err)
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}

func fileExists(path string) bool {
	info, err := os.Stat(path)
	return err == nil && !info.IsDir()
}

// old is the modification time backdate gives to files; a file that still has
// it afterwards has not been rewritten.
var old = time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)

// backdate file...: set the files' modification time to a fixed old time.
func backdate(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: backdate file...")
	}
	for _, a := range args {
		ts.Check(os.Chtimes(ts.MkAbs(a), old, old))
	}
}

// [!] backdated file...: check that the files still have (or, negated, no
// longer have) the time set by backdate, i.e. were not (or were) rewritten.
func backdated(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) == 0 {
		ts.Fatalf("usage: [!] backdated file...")
	}
	for _, a := range args {
		info, err := os.Stat(ts.MkAbs(a))
		ts.Check(err)
		switch same := info.ModTime().Equal(old); {
		case same && neg:
			ts.Fatalf("%s was not rewritten", a)
		case !same && !neg:
			ts.Fatalf("%s was rewritten", a)
		}
	}
}

// mode PERM file...: check that the files have the permission bits PERM (octal).
func mode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: mode PERM file...")
	}
	want, err := strconv.ParseUint(args[0], 8, 32)
	ts.Check(err)
	for _, a := range args[1:] {
		info, err := os.Stat(ts.MkAbs(a))
		ts.Check(err)
		if got := info.Mode().Perm(); got != os.FileMode(want) {
			ts.Fatalf("%s has mode %#o, want %#o", a, got, want)
		}
	}
}
