// Package handlers implements the handlers of vetshop, with one of each kind
// of finding that fwvet reports (each with its want comment) and code that it
// must not report.
package handlers

import (
	crand "crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"math/big"
	"math/rand"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/fwgo/fw/fwvet/testdata/vetshop"
)

// Billing implements vetshop.BillingHandler.
type Billing struct {
	rng  *rand.Rand
	done chan int
	more chan int
}

var _ vetshop.BillingHandler = (*Billing)(nil)

// Init emits a time stamp, two calls away.
func (b *Billing) Init(c vetshop.BillingInitContext) error {
	c.EmitNote(vetshop.Note{Text: header()})
	return nil
}

func header() string { return "started " + stamp() + requestID() }

func stamp() string {
	return time.Now().Format(time.RFC3339) // want `^Billing.Init -> header -> stamp -> time.Now: wall-clock time in a handler breaks replay`
}

// OnOrder uses global randomness, crypto randomness, a seeded generator (which
// is fine), a goroutine and a select over two channels.
func (b *Billing) OnOrder(c vetshop.BillingOrderContext, id string, amount int64) error {
	if rand.Intn(10) == 0 { // want `^Billing.OnOrder -> rand.Intn: global randomness in a handler breaks replay`
		return nil
	}
	var nonce [8]byte
	crand.Read(nonce[:]) // want `^Billing.OnOrder -> rand.Read: crypto randomness reaches an emission \(c.EmitInvoice\)`
	b.ping()
	seeded := rand.New(rand.NewSource(int64(len(id))))
	_ = seeded.Intn(10) + b.rng.Intn(10)
	go b.count(amount) // want `^Billing.OnOrder -> go statement: a goroutine started by a handler`
	var wg sync.WaitGroup
	wg.Go(func() {}) // want `^Billing.OnOrder -> \(\*sync.WaitGroup\).Go: goroutines started by a handler`
	wg.Wait()
	select { // want `^Billing.OnOrder -> select over 2 channels: when several are ready`
	case <-b.done:
	case <-b.more:
	}
	c.EmitInvoice(vetshop.Invoice{ID: id + hex.EncodeToString(nonce[:]), Total: amount})
	return nil
}

func (b *Billing) count(int64) {}

// ping sends a random token that nothing emits: not reported.
func (b *Billing) ping() {
	token := make([]byte, 16)
	if _, err := io.ReadFull(crand.Reader, token); err == nil {
		b.send(token)
	}
}

func (b *Billing) send([]byte) {}

// requestID returns crypto randomness: reported, as its caller may emit it.
func requestID() string {
	id, _ := crand.Int(crand.Reader, big.NewInt(1<<20)) // want `^Billing.Init -> header -> requestID -> rand.Int: crypto randomness reaches a return value`
	return id.String()
}

// OnTagged shows map iteration: the orders that reach an emission, a return
// value, an unsorted slice, a string, a float sum and a hash are reported; a
// sorted slice, an integer sum and a loop that ignores the order are not.
func (b *Billing) OnTagged(c vetshop.BillingTaggedContext, tags map[string]int64) error {
	for k, v := range tags { // want `^Billing.OnTagged -> range over map tags: map iteration order is random, and it reaches an emission \(c.EmitNote\)`
		c.EmitNote(vetshop.Note{Text: fmt.Sprint(k, v)})
	}
	for k := range tags { // want `reaches an emission \(through Billing.note\)`
		b.note(c, k)
	}
	var total int64
	keys := make([]string, 0, len(tags))
	for k, v := range tags {
		total += v
		keys = append(keys, k)
	}
	sortStrings(keys)
	for _, k := range keys {
		c.EmitNote(vetshop.Note{Text: k})
	}
	for range tags {
		c.EmitNote(vetshop.Note{Text: "one per tag"})
	}
	c.EmitNote(vetshop.Note{Text: first(tags) + joined(tags) + fmt.Sprint(total, mean(tags), unsorted(tags))})
	return nil
}

func (b *Billing) note(c vetshop.BillingTaggedContext, k string) {
	c.EmitNote(vetshop.Note{Text: k})
}

func first(tags map[string]int64) string {
	for k := range tags { // want `^Billing.OnTagged -> first -> range over map tags: .* reaches a return value`
		return k
	}
	return ""
}

func joined(tags map[string]int64) string {
	var s string
	for k := range tags { // want `reaches string s$`
		s += k
	}
	var sb strings.Builder
	for k := range tags { // want `reaches the bytes written to sb`
		sb.WriteString(k)
	}
	return s + sb.String()
}

func mean(tags map[string]int64) float64 {
	var sum float64
	for _, v := range tags { // want `reaches floating-point sum sum \(rounding depends on the order\)`
		sum += float64(v) / 3
	}
	return sum
}

func unsorted(tags map[string]int64) []string {
	var out []string
	for k := range tags { // want `reaches slice out \(not sorted after the loop\)`
		out = append(out, k)
	}
	return out
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// Phase reads the environment and a file, outside a source builder.
func (b *Billing) Phase(c vetshop.BillingPhaseContext, phase int) error {
	if os.Getenv("VERBOSE") != "" { // want `^Billing.Phase -> os.Getenv: a handler that reads the environment`
		c.EmitNote(vetshop.Note{Text: config()})
	}
	return nil
}

func config() string {
	b, _ := os.ReadFile("config.txt") // want `^Billing.Phase -> config -> os.ReadFile: a handler that reads the environment, files`
	return string(b)
}
