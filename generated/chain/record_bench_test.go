package chain_test

import (
	"bytes"
	"context"
	"io"
	"testing"

	"github.com/fwgo/fw/generated/chain"
	"github.com/fwgo/fw/runtime/fw"
)

// BenchmarkRecord is the cost of recording and replaying the chain, beside a
// plain run (BenchmarkChain's fw/workers=1); ns/op is per input event (four
// handler calls, four entries of the record).
func BenchmarkRecord(b *testing.B) {
	for _, w := range []int{1, 4} {
		name := map[int]string{1: "1worker", 4: "4workers"}[w]
		b.Run("record-"+name, func(b *testing.B) {
			b.ReportAllocs()
			for done := 0; done < b.N; done += chainBatch {
				if _, err := runChain(min(chainBatch, b.N-done), fw.WithWorkers(w), fw.WithRecord(io.Discard)); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("replay-"+name, func(b *testing.B) {
			var rec bytes.Buffer
			if _, err := runChain(chainBatch, fw.WithRecord(&rec)); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(rec.Len()) / chainBatch)
			b.ReportAllocs()
			b.ResetTimer()
			for done := 0; done < b.N; done += chainBatch {
				p := must(chain.NewPipeline(chain.Handlers{P1: p1{}, P2: p2{}, P3: p3{}, P4: &p4{}}, fw.WithWorkers(w)))
				if err := p.Replay(context.Background(), bytes.NewReader(rec.Bytes())); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
