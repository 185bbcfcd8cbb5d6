package suggest

import "testing"

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"abc", "", 3},
		{"kitten", "sitting", 3},
		{"Order", "Order", 0},
		{"Ordr", "Order", 1},
		{"Ordre", "Order", 1}, // one transposition
		{"ca", "abc", 3},
		{"héllo", "hello", 1}, // runes, not bytes
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := Distance(tt.b, tt.a); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d (symmetry)", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	tests := []struct {
		name       string
		candidates []string
		want       string
	}{
		{"Ordr", []string{"Invoice", "Order"}, "Order"},
		{"order", []string{"Ordr", "Order"}, "Order"}, // a case-insensitive match beats a closer one
		{"ORDR", []string{"Order"}, "Order"},          // distance without case
		{"Ordre", []string{"Order"}, "Order"},         // a transposition is one edit
		{"Invocie", []string{"Invoice"}, "Invoice"},   // 2 edits <= 7/3
		{"Q", []string{"A"}, ""},                      // nothing in common
		{"a", []string{"ab"}, "ab"},                   // one edit for a short name
		{"x", nil, ""},                                // no candidates
		{"", []string{"a"}, ""},                       // no name
		{"Order", []string{"Order"}, ""},              // itself is no suggestion
		{"Abd", []string{"Abc", "Abe"}, "Abc"},        // ties go to the first in sorted order
		{"Abd", []string{"Abe", "Abc"}, "Abc"},        // whatever the candidates' order
		{"concurency", []string{"concurrency"}, "concurrency"},
	}
	for _, tt := range tests {
		if got := Closest(tt.name, tt.candidates); got != tt.want {
			t.Errorf("Closest(%q, %q) = %q, want %q", tt.name, tt.candidates, got, tt.want)
		}
	}
}
