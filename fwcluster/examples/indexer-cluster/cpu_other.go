//go:build !unix

package main

// cpuSeconds is this process's CPU time: not measured here.
func cpuSeconds() float64 { return 0 }
