package main

import (
	"strings"
	"testing"
)

// The README's quickstart output.
func TestQuickstart(t *testing.T) {
	var out strings.Builder
	if err := run(&out); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "Hello, world!\n"; got != want {
		t.Fatalf("output %q, want %q", got, want)
	}
}
