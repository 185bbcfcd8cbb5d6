package check

import "github.com/fwgo/fw/internal/suggest"

// didYouMean formats the suggestion for name (internal/suggest) as a message
// suffix, or "".
func didYouMean(name string, candidates []string) string {
	if s := suggest.Closest(name, candidates); s != "" {
		return "; did you mean " + s + "?"
	}
	return ""
}
