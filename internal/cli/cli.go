// Package cli is the fwgen command line. Main takes the arguments and the
// standard streams and returns the exit code, so that tests run the real CLI in
// process. Each subcommand lives in its own file.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// Exit codes.
const (
	ExitOK    = 0 // success, warnings included
	ExitError = 1 // errors in .fw files, or stale files with generate -check
	ExitUsage = 2 // usage or I/O errors
)

// A command is one subcommand of fwgen.
type command struct {
	name     string
	synopsis string // arguments, as shown in the usage line
	summary  string // one line for the command list
	help     string // longer description for "fwgen help <name>"
	// setup defines the command's flags on fs and returns the function that runs
	// it with the remaining arguments once fs has parsed them. Keeping the flags
	// out of the run function lets "fwgen help" list them without running anything.
	setup func(fs *flag.FlagSet) func(e *env, args []string) int
}

// commands in the order of the usage text.
var commands = []*command{generateCmd, lintCmd, fmtCmd, graphCmd, vetCmd, lspCmd, versionCmd}

func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// env holds the streams of one invocation and the command being run.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	cmd            *command
}

// Main runs fwgen with args (without the program name) and returns the exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		usage(stderr)
		return ExitUsage
	}
	name, args := args[0], args[1:]
	switch name {
	case "help", "-h", "-help", "--help":
		return e.help(args)
	}
	cmd := lookup(name)
	if cmd == nil {
		fmt.Fprintf(stderr, "fwgen: unknown command %q\n\n", name)
		usage(stderr)
		return ExitUsage
	}
	e.cmd = cmd
	fs := newFlagSet(cmd, stderr)
	run := cmd.setup(fs)
	switch err := fs.Parse(args); {
	case errors.Is(err, flag.ErrHelp):
		commandUsage(stdout, cmd, fs)
		return ExitOK
	case err != nil:
		// The flag package has already printed what was wrong.
		shortUsage(stderr, cmd, fs)
		return ExitUsage
	}
	return run(e, fs.Args())
}

func newFlagSet(cmd *command, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("fwgen "+cmd.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {} // Main prints the usage itself: to stdout for -h, stderr otherwise.
	return fs
}

// help implements "fwgen help [command]".
func (e *env) help(args []string) int {
	switch len(args) {
	case 0:
		usage(e.stdout)
		return ExitOK
	case 1:
		cmd := lookup(args[0])
		if cmd == nil {
			fmt.Fprintf(e.stderr, "fwgen help: unknown command %q\n\n", args[0])
			usage(e.stderr)
			return ExitUsage
		}
		fs := newFlagSet(cmd, e.stderr)
		cmd.setup(fs)
		commandUsage(e.stdout, cmd, fs)
		return ExitOK
	}
	fmt.Fprintf(e.stderr, "fwgen help: too many arguments\n\n")
	usage(e.stderr)
	return ExitUsage
}

func usage(w io.Writer) {
	var b strings.Builder
	b.WriteString("fwgen generates Go code from .fw files, and lints, formats and draws them.\n\nUsage:\n\n\tfwgen <command> [arguments]\n\nCommands:\n\n")
	for _, c := range commands {
		fmt.Fprintf(&b, "\t%-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(&b, "\t%-10s %s\n", "help", "print help for a command")
	b.WriteString("\nRun \"fwgen help <command>\" for more about a command.\n")
	io.WriteString(w, b.String())
}

// commandUsage prints the full help of cmd, flags included.
func commandUsage(w io.Writer, cmd *command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "%s\n\n%s", usageLine(cmd), cmd.help)
	printFlags(w, fs)
}

// shortUsage prints the usage line and flags of cmd, after a usage error.
func shortUsage(w io.Writer, cmd *command, fs *flag.FlagSet) {
	fmt.Fprintln(w, usageLine(cmd))
	printFlags(w, fs)
	fmt.Fprintf(w, "Run \"fwgen help %s\" for details.\n", cmd.name)
}

func usageLine(cmd *command) string {
	return strings.TrimSpace("usage: fwgen " + cmd.name + " " + cmd.synopsis)
}

func printFlags(w io.Writer, fs *flag.FlagSet) {
	hasFlags := false
	fs.VisitAll(func(*flag.Flag) { hasFlags = true })
	if !hasFlags {
		return
	}
	fmt.Fprintf(w, "\nFlags:\n")
	out := fs.Output()
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(out)
}

// usageError reports a wrong invocation of the running command and returns
// ExitUsage. (The command comes from e rather than a package variable, which
// would make an initialization cycle.)
func (e *env) usageError(format string, args ...any) int {
	fmt.Fprintf(e.stderr, "fwgen %s: %s\n", e.cmd.name, fmt.Sprintf(format, args...))
	fs := newFlagSet(e.cmd, io.Discard)
	e.cmd.setup(fs)
	shortUsage(e.stderr, e.cmd, fs)
	return ExitUsage
}
