package parser

import (
	"fmt"
	"testing"
)

func TestScratch(t *testing.T) {
	for _, src := range []string{
		"package p\nprocessor P { on Order{region: } }",
		"package p\nprocessor P { on Order{region: \"x\" a} }",
		"package p\nprocessor P { on Order{region: \"x\",,} }",
		"package p\nprocessor P { on Order{region: \"x\",} }",
		"package p\nprocessor P { on Order{region: \"x\",b} }",
		"package p\nprocessor P { on Order as }",
		"package p\nprocessor P { on Order -> }",
		"package p\nprocessor P { on }",
		"package p\nprocessor P { 4 }",
		"package p\nprocessor P { on A",
		"package p\nevent E { a }",
		"package p\nevent E { a int b }",
		"package p\nevent E { on int }",
		"package p\nenum E { A, 3 }",
		"package p\nenum { A }",
		"package p\nfoo",
		"package p\nevent E {} }",
		"packag p",
		"",
		"package",
		"package p\nprocessor P { on Order{a b} }",
		"package p\nprocessor P { on Order{a: on} }",
		"package p\nprocessor P { on Order{,} }",
		"package p\nprocessor P { on Order{} x 3; on init as X -> A, B; }",
	} {
		f, err := parser.ParseString("x.fw", src)
		_ = f
		fmt.Printf("%q\n   %v\n", src, err)
	}
}
