// Command fwgen turns the .fw files of a package into Go code: event types,
// typed handler interfaces and contexts, and a generated pipeline with its
// routing table (see docs/language.md).
//
// Pin it as a tool of your module and run it through go generate. fw is not
// published: from a checkout of it at /path/to/fw,
//
//	go mod edit -replace github.com/fwgo/fw=/path/to/fw -require github.com/fwgo/fw@v0.0.0 -tool github.com/fwgo/fw/cmd/fwgen
//	go mod tidy
//
//	//go:generate go tool fwgen generate
//
// Usage:
//
//	fwgen generate [-check] [-o dir] [paths]
//	fwgen lint [-format text|json] [paths]
//	fwgen fmt [-w | -d | -check] [paths]
//	fwgen graph [-format dot|mermaid] [path]
//	fwgen lsp
//	fwgen version
//	fwgen help [command]
//
// generate writes x.fw.go for every x.fw of a directory, plus fwpipeline.fw.go,
// rewriting a file only when its bytes change and removing outputs whose source
// is gone. Paths are directories (default "."); a .fw file stands for its
// directory, and dir/... for dir and every subdirectory with .fw files
// (testdata, vendor and dot-directories are skipped). With -o dir, the outputs
// of a single package go to dir instead of its own directory.
//
// With -check, generate writes nothing and prints one line to stderr for every
// file that is not up to date:
//
//	fwgen: stale: dir/x.fw.go: missing
//	fwgen: stale: dir/x.fw.go: out of date
//	fwgen: stale: dir/y.fw.go: no longer generated
//
// generate prints diagnostics to stderr as file:line:col: severity: message [rule].
//
// lint checks the packages (same paths as generate) without writing anything
// and prints every diagnostic, errors and lint warnings, on stdout: as text, or
// with -format json as one JSON array for all the packages.
//
// fmt prints .fw files (a directory stands for its .fw files, "-" for the
// standard input) in the canonical layout on stdout; -w rewrites the files that
// change instead, -d prints unified diffs, and -check lists the files that are
// not formatted (exit 1 if any). Files with syntax errors are left alone.
//
// graph prints the event flow of one package (events, processors, the cases
// that handle each event and the events each processor emits) as a Graphviz
// digraph, or with -format mermaid as a Mermaid flowchart; see docs/graph.md.
//
// lsp runs the language server for editors: the Language Server Protocol over
// the standard input and output (see docs/editors.md).
//
// Exit codes: 0 success (warnings only included), 1 errors in .fw files, stale
// files (generate -check) or unformatted files (fmt -check), 2 usage or I/O
// errors.
package main

import (
	"os"

	"github.com/fwgo/fw/internal/cli"
)

func main() { os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
