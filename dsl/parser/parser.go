// Package parser turns .fw source into an ast.File.
package parser

import (
	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
)

// ParseFile parses one .fw file. STUB: being implemented.
func ParseFile(filename string, src []byte) (*ast.File, diag.List) {
	return nil, diag.List{diag.Errorf(ast.Pos{File: filename, Line: 1, Col: 1}, "syntax", "parser not implemented")}
}
