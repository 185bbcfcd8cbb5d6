package fwimpl

import (
	"math"
	"time"
)

// The ends of the instants that int64 Unix nanoseconds hold:
// math.MinInt64 is minSec seconds and minNs nanoseconds (after the second
// began), math.MaxInt64 is maxSec seconds and maxNs nanoseconds.
const (
	minSec, minNs = -9223372037, 145224192
	maxSec, maxNs = 9223372036, 854775807
)

// UnixNano returns t as Unix nanoseconds, the values that patterns on a
// time field compare: t.UnixNano() where it fits an int64 (from 1677-09-21
// to 2262-04-11), and math.MinInt64 before, math.MaxInt64 after, where
// t.UnixNano() would wrap around. Every time literal of a pattern lies
// within the range, so the saturated value compares with it as t does.
func UnixNano(t time.Time) int64 {
	s := t.Unix()
	if s > minSec && s < maxSec {
		return t.UnixNano()
	}
	ns := int64(t.Nanosecond())
	switch {
	case s == minSec && ns >= minNs:
		return (s+1)*1e9 + (ns - 1e9)
	case s <= minSec:
		return math.MinInt64
	case s == maxSec && ns <= maxNs:
		return s*1e9 + ns
	}
	return math.MaxInt64
}
