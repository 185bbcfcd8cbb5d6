package cli

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// hunkHeader matches a unified diff's hunk header, "@@ -l[,n] +l[,n] @@".
var hunkHeader = regexp.MustCompile(`^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@`)

// fixHunkHeaders rewrites the new-file start line of each hunk of a unified
// diff from the old-file start and the lines that the hunks before it
// added and removed. go-udiff v0.4.1 counts it without the lines the
// earlier hunks removed, so its second hunk after a removal starts at the
// wrong line (patch applies it with an offset; git apply -v says so).
func fixHunkHeaders(diff string) string {
	var b strings.Builder
	delta := 0 // new minus old lines of the hunks so far
	for line := range strings.Lines(diff) {
		m := hunkHeader.FindStringSubmatch(line)
		if m == nil {
			b.WriteString(line)
			continue
		}
		oldStart, _ := strconv.Atoi(m[1])
		oldCount, newCount := hunkCount(m[2]), hunkCount(m[4])
		newStart := oldStart + delta
		if newCount == 0 {
			newStart-- // an empty range is given by the line before it
		}
		if oldCount == 0 {
			newStart++
		}
		newRange := strconv.Itoa(newStart)
		if m[4] != "" {
			newRange += "," + m[4]
		}
		fmt.Fprintf(&b, "@@ -%s", m[1])
		if m[2] != "" {
			b.WriteString("," + m[2])
		}
		b.WriteString(" +" + newRange + line[len(m[0])-3:])
		delta += newCount - oldCount
	}
	return b.String()
}

// hunkCount reads the count of a hunk range: 1 when it is left out.
func hunkCount(s string) int {
	if s == "" {
		return 1
	}
	n, _ := strconv.Atoi(s)
	return n
}
