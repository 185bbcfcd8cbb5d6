// Package format prints .fw files in their one canonical layout, comments kept.
package format

import (
	"github.com/fwgo/fw/dsl/diag"
)

// Source returns src in canonical layout, or the syntax diagnostics that stop it
// from parsing. STUB: being implemented.
func Source(filename string, src []byte) ([]byte, diag.List) {
	return src, nil
}
