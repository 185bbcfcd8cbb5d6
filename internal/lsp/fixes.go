package lsp

import (
	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
)

// diagEnd is where a diagnostic ends; the zero Pos when it has no end.
func diagEnd(d diag.Diagnostic) ast.Pos { return ast.Pos{} }

// codeActions offers the suggested fixes of the diagnostics in the range.
func (s *server) codeActions(p *codeActionParams) ([]CodeAction, error) {
	return []CodeAction{}, nil
}
