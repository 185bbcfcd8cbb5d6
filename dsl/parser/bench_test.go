package parser

import (
	"os"
	"testing"
)

func BenchmarkTokenize(b *testing.B) {
	src, _ := os.ReadFile("testdata/example.fw")
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		tokenize("x.fw", src)
	}
}

func BenchmarkParseFile(b *testing.B) {
	src, _ := os.ReadFile("testdata/example.fw")
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		ParseFile("x.fw", src)
	}
}
