package cli

import (
	"strings"
	"testing"
)

// TestUnifiedDiffHeaders checks the hunk headers of a diff whose first hunk
// joins two changes: go-udiff v0.4.1 forgets the lines between them when it
// counts the new file's lines, and numbers the later hunks wrong.
func TestUnifiedDiffHeaders(t *testing.T) {
	var old, new strings.Builder
	for i := 1; i <= 40; i++ {
		line := "line " + string(rune('A'+i%26)) + "\n"
		old.WriteString(line)
		switch i {
		case 5, 9, 30:
			new.WriteString("changed\n")
		default:
			new.WriteString(line)
		}
	}
	var heads []string
	for l := range strings.Lines(unifiedDiff("x.fw", []byte(old.String()), []byte(new.String()))) {
		if strings.HasPrefix(l, "@@") {
			heads = append(heads, strings.TrimSpace(l))
		}
	}
	want := []string{"@@ -2,11 +2,11 @@", "@@ -27,7 +27,7 @@"}
	if strings.Join(heads, "\n") != strings.Join(want, "\n") {
		t.Errorf("hunk headers:\n%s\nwant:\n%s", strings.Join(heads, "\n"), strings.Join(want, "\n"))
	}
}
