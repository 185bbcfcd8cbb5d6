// Package check resolves and checks parsed .fw files and builds the IR.
package check

import (
	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/ir"
)

// Check checks the files of one package. STUB: being implemented.
func Check(files []*ast.File) (*ir.Package, diag.List) {
	return nil, nil
}
