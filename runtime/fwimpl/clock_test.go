package fwimpl

import (
	"math"
	"testing"
	"time"
)

func TestUnixNano(t *testing.T) {
	// Every int64 of nanoseconds comes back as it went.
	for _, n := range []int64{math.MinInt64, math.MinInt64 + 1, math.MinInt64 + 999_999_999, -1, 0, 1,
		math.MaxInt64 - 1, math.MaxInt64, -9_223_372_036_000_000_000, 9_223_372_036_000_000_000} {
		if got := UnixNano(time.Unix(0, n)); got != n {
			t.Errorf("UnixNano(time.Unix(0, %d)) = %d", n, got)
		}
	}
	// Beyond, it saturates.
	early := time.Unix(0, math.MinInt64).Add(-time.Nanosecond)
	late := time.Unix(0, math.MaxInt64).Add(time.Nanosecond)
	for _, c := range []struct {
		t    time.Time
		want int64
	}{
		{early, math.MinInt64}, {time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), math.MinInt64}, {time.Time{}, math.MinInt64},
		{late, math.MaxInt64}, {time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC), math.MaxInt64},
	} {
		if got := UnixNano(c.t); got != c.want {
			t.Errorf("UnixNano(%v) = %d, want %d", c.t, got, c.want)
		}
	}
	if n := testing.AllocsPerRun(10, func() { UnixNano(early) }); n != 0 {
		t.Errorf("%v allocations", n)
	}
}
