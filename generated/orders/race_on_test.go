//go:build race

package orders

const raceEnabled = true
