//go:build unix

package main

import "syscall"

// cpuSeconds is this process's CPU time so far, user and system (the
// embedded server's included).
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

// killSelf ends this process with SIGKILL (a test's crash).
func killSelf() {
	syscall.Kill(syscall.Getpid(), syscall.SIGKILL)
	select {} // the signal is on its way
}
