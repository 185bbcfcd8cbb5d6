//go:generate go run github.com/fwgo/fw/cmd/fwgen generate

package index
