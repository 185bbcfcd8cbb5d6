package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"testing"
)

// BenchmarkIngest is the whole ingest path on JSON lines read from a reader,
// as from standard input (issue 15); one op is one line. fw streams them
// through the pipeline of orders.fw (FeedJSONLines, then Run: the generated
// DecodeJSON, Billing, Printer writing the invoices to io.Discard); the
// baseline, in the same run, is a plain loop doing the same work by hand:
// bufio.Scanner, json.Unmarshal into the same Order struct (lenient), the
// CANCELLED test and the same Fprintf. Run with
//
//	go test -run '^$' -bench 'Ingest' -benchmem ./examples/ingest/
//
// (docs/BENCHMARKS.md has the figures, and the loop that alternates the two).
func BenchmarkIngest(b *testing.B) {
	b.Run("fw", func(b *testing.B) {
		b.ReportAllocs()
		in := newRepeatLines(b.N)
		b.SetBytes(int64(in.width))
		p, err := NewPipeline(Handlers{Billing: billing{}, Printer: printer{out: io.Discard}})
		if err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		p.FeedJSONLines(in)
		if err := p.Run(context.Background()); err != nil {
			b.Fatal(err)
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.ReportAllocs()
		in := newRepeatLines(b.N)
		b.SetBytes(int64(in.width))
		b.ResetTimer()
		sc := bufio.NewScanner(in)
		for sc.Scan() {
			var o Order
			if err := json.Unmarshal(sc.Bytes(), &o); err != nil {
				b.Fatal(err)
			}
			if o.Status != StatusCANCELLED {
				fmt.Fprintf(io.Discard, "invoice %s %d\n", o.ID, o.Amount)
			}
		}
		if err := sc.Err(); err != nil {
			b.Fatal(err)
		}
	})
}

// repeatLines reads n lines of 1,000 distinct orders of one width, over and over.
type repeatLines struct {
	buf   []byte
	width int
	left  int // bytes
	at    int
}

func newRepeatLines(n int) *repeatLines {
	var buf []byte
	statuses := []string{"NEW", "PAID", "CANCELLED", "NEW"}
	for i := range 1000 {
		s := statuses[i%4]
		buf = fmt.Appendf(buf, `{"event":"Order","id":"order-%04d","amount":%d,"status":"%s"%*s}`+"\n", i, 100+i%900, s, 9-len(s), "")
	}
	w := len(buf) / 1000
	return &repeatLines{buf: buf, width: w, left: n * w}
}

func (r *repeatLines) Read(p []byte) (int, error) {
	if r.left == 0 {
		return 0, io.EOF
	}
	n := copy(p[:min(len(p), r.left)], r.buf[r.at:])
	r.at = (r.at + n) % len(r.buf)
	r.left -= n
	return n, nil
}

// TestRepeatLines: the benchmark's input is n valid lines of one width.
func TestRepeatLines(t *testing.T) {
	in := newRepeatLines(2500)
	sc := bufio.NewScanner(in)
	n := 0
	for sc.Scan() {
		if len(sc.Bytes())+1 != in.width {
			t.Fatalf("line %d: %q is not %d bytes wide", n+1, sc.Bytes(), in.width)
		}
		if _, err := DecodeJSON(sc.Bytes()); err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 2500 {
		t.Fatalf("%d lines", n)
	}
}
