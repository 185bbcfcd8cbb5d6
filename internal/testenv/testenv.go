// Package testenv tells the module's tests how thorough to be.
//
// Some tests are exhaustive: they break a file at every token, or format a
// package in parts of every size. Under the race detector they are several
// times slower and find nothing more (the code they exercise runs on one
// goroutine), so that make test (go test -race) runs a sample of their cases,
// spread over all of them, and go test without -race runs them all. Set
// FW_THOROUGH=1 to run them all under the race detector too (CI may: the
// whole of make test then takes about twice as long).
package testenv

import "os"

// Thorough reports whether the exhaustive tests should run every case: when
// the race detector is off, or FW_THOROUGH is set to a value other than 0.
func Thorough() bool {
	if v := os.Getenv("FW_THOROUGH"); v != "" {
		return v != "0"
	}
	return !raceEnabled
}

// Stride returns 1 when Thorough, else n: the tests run every n-th case of
// their exhaustive variants.
func Stride(n int) int {
	if Thorough() {
		return 1
	}
	return n
}

// SkipLarge reports whether a test that walks the repository's .fw files
// should skip one of size bytes: when not Thorough, a file over 16 KB (the
// fanout benchmark package, 1,000 processors of one shape) tells such a test
// nothing that the small ones do not, at a high cost under the race detector.
func SkipLarge(size int) bool { return size > 16<<10 && !Thorough() }
