package generated_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestGreeterSize keeps the generated code of the 7-line Greeter at most half
// of the 527 lines it once was (issue 12): what every package repeats belongs
// in runtime/fwimpl.
func TestGreeterSize(t *testing.T) {
	files, err := filepath.Glob("greeter/*.fw.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no generated greeter files: %v", err)
	}
	lines := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines += bytes.Count(data, []byte("\n"))
	}
	if lines > 263 {
		t.Errorf("the generated Greeter has %d lines, more than 263", lines)
	}
}
