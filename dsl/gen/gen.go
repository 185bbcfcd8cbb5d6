// Package gen generates Go code from a checked .fw package. It is pure: it
// returns file names and formatted bytes and writes nothing.
package gen

import "github.com/fwgo/fw/dsl/ir"

// File is one generated Go file.
type File struct {
	Name string // base name, e.g. "greeter.fw.go"
	Data []byte // gofmt'ed source
}

// Generate returns the Go files for pkg, sorted by name. STUB: being implemented.
func Generate(pkg *ir.Package) ([]File, error) { return nil, nil }
