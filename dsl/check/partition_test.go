package check

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/parser"
)

// TestPartitionIR: the valid clauses of testdata/check/partition-valid.fw
// give Processor.Partition: K, the key of each received type and their
// common type; declarations without a clause (or with `into 1`) have none.
func TestPartitionIR(t *testing.T) {
	pkg, diags := Check(parseCorpus(t, []string{"partition-valid.fw"}))
	if pkg == nil {
		t.Fatal(diags.Text())
	}
	var got []string
	for _, p := range pkg.Processors {
		pt := p.Partition
		if pt == nil {
			if p.KeyGroups() != 1 {
				t.Errorf("%s: KeyGroups %d without a partition", p.Name, p.KeyGroups())
			}
			continue
		}
		var keys []string
		for ev, f := range pt.Keys {
			keys = append(keys, ev.Name+"."+f.Name)
		}
		for r, f := range pt.RecordKeys {
			keys = append(keys, r.Name+"."+f.Name)
		}
		slices.Sort(keys)
		got = append(got, fmt.Sprintf("%s K=%d %s by %s", p.Name, p.KeyGroups(), pt.Type, strings.Join(keys, ", ")))
	}
	want := []string{
		"Billing K=64 string by Order.id",
		"Match K=16 string by Order.id, Refund.orderId",
		"ByCustomer K=3 int by Payment.customer, Refund.customer",
		"ByRegion K=2 Region by Payment.region",
		"ByTime K=4096 time by Order.at",
		"Built K=8 string by Order.id",
		"Grouped K=8 int by Order.customer",
		"Streamed K=8 string by Order.id",
		"Stamp K=5 string by Order.id",
		"Cities K=2 string by Addr.city",
	}
	if !slices.Equal(got, want) {
		t.Errorf("partitions\n got  %q\n want %q", got, want)
	}
	for _, p := range pkg.Processors {
		if pt := p.Partition; pt != nil {
			for _, c := range p.Cases {
				if pt.KeyOf(c.InputType()) == nil && !c.CatchAll {
					t.Errorf("%s: case %s has no key", p.Name, c.Name)
				}
			}
		}
	}
}

// TestPartitionNoop: `into 1` is the program without the clause, with a
// warning.
func TestPartitionNoop(t *testing.T) {
	pkg, diags := Check(parseCorpus(t, []string{"partition-count.fw"}))
	if pkg != nil {
		t.Fatal("partition-count.fw checked without errors")
	}
	n := 0
	for _, d := range diags {
		if d.Rule == rulePartitionNoop {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d partition-noop warnings, want 1:\n%s", n, diags.Text())
	}
	src := "package p\ninput event A { id string }\nprocessor P { partition by id into 1; on A }\n"
	f, pdiags := parser.ParseFile("one.fw", []byte(src))
	if len(pdiags) > 0 {
		t.Fatal(pdiags.Text())
	}
	one, diags := Check([]*ast.File{f})
	if one == nil || one.Processors[0].Partition != nil || len(diags) != 1 || diags[0].Rule != rulePartitionNoop {
		t.Errorf("into 1: package %v, diagnostics:\n%s", one, diags.Text())
	}
}

// TestPartitionGoldensCoverRules: the partition goldens show each rule.
func TestPartitionGoldensCoverRules(t *testing.T) {
	var all strings.Builder
	paths, _ := filepath.Glob(filepath.Join(corpusDir, "partition-*.golden"))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(data)
	}
	for _, rule := range []string{ruleBadPartition, rulePartitionNoop} {
		if !strings.Contains(all.String(), "["+rule+"]") {
			t.Errorf("no partition golden shows rule %s", rule)
		}
	}
}
