// Command fwvet reports what breaks replay determinism in fw handlers (see
// package github.com/fwgo/fw/fwvet and docs/vet.md). It is a go vet tool:
//
//	go install github.com/fwgo/fw/cmd/fwvet
//	go vet -vettool=$(which fwvet) ./...
//
// fwgen vet ./... runs the same analyzer without go vet.
package main

import (
	"github.com/fwgo/fw/fwvet"
	"golang.org/x/tools/go/analysis/unitchecker"
)

func main() { unitchecker.Main(fwvet.Analyzer) }
