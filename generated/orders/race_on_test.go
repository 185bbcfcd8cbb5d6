//go:build race

package orders_test

const raceEnabled = true
