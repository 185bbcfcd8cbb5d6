package main

// fwgen runs in the core module (this module does not require the generator's
// dependencies): the path is relative to the repository's root.
//go:generate go run -C ../../.. ./cmd/fwgen generate ./fwnats/examples/alerts
