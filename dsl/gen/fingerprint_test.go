package gen_test

import (
	"encoding/hex"
	"strings"
	"testing"

	"github.com/fwgo/fw/dsl"
	"github.com/fwgo/fw/dsl/gen"
	"github.com/fwgo/fw/runtime/archive"
)

const fpBase = `package shop

enum Level { LOW, MID, HIGH }

input event Order { id string; amount int; level Level }
event Billed { id string; total float }
event Audit { id string }

processor Billing {
    cached version 1
    on Order{amount: 1..100, level: LOW | MID} as Small -> Billed
    on Order{id: prefix "x"} as X -> Billed, Audit
    on Order as Other
}

processor Other {
    on Billed
}

builder Words provides words: string persist version 2
builder Upper provides upper: string requires words persist
`

// fingerprint returns the fingerprint of processor name in the package of src.
func fingerprint(t *testing.T, src, name string) [32]byte {
	t.Helper()
	pkg, diags := dsl.Load([]string{"shop.fw"}, [][]byte{[]byte(src)})
	if pkg == nil {
		t.Fatalf("%s\n%s", diags.Text(), src)
	}
	for _, p := range pkg.Processors {
		if p.Name == name {
			fp := gen.Fingerprint(pkg, p)
			if fp != archive.Fingerprint(gen.FingerprintParts(pkg, p)...) {
				t.Fatal("Fingerprint is not archive.Fingerprint of FingerprintParts")
			}
			return fp
		}
	}
	t.Fatalf("no processor %s", name)
	return [32]byte{}
}

func TestFingerprint(t *testing.T) {
	replace := func(old, new string) func(string) string {
		return func(s string) string {
			if !strings.Contains(s, old) {
				t.Fatalf("%q is not in the source", old)
			}
			return strings.Replace(s, old, new, 1)
		}
	}
	for _, c := range []struct {
		name    string
		proc    string
		edit    func(string) string
		changes bool
	}{
		// What does not change what a call receives or may emit.
		{"comment", "Billing", replace("processor Billing {", "// Billing bills.\nprocessor Billing { // cached"), false},
		{"whitespace", "Billing", replace("-> Billed, Audit", "->   Billed,Audit"), false},
		{"alternatives reordered", "Billing", replace("LOW | MID", "MID | LOW"), false},
		{"same set spelled otherwise", "Billing", replace("1..100", "1..50 | 51..100"), false},
		{"emits reordered", "Billing", replace("Billed, Audit", "Audit, Billed"), false},
		{"concurrency", "Billing", replace("cached version 1", "cached version 1\n    concurrency 4"), false},
		{"other processor", "Billing", replace("on Billed\n", "on Billed\n    on Audit\n"), false},
		{"unrelated event", "Billing", replace("event Audit", "event Zzz { n int }\nevent Audit"), false},
		{"unrelated event field", "Other", replace("event Audit { id string }", "event Audit { id string; n int }"), false},
		{"builder comment", "Upper", replace("builder Upper", "// Upper shouts.\nbuilder Upper"), false},

		// What does.
		{"case pattern", "Billing", replace("1..100", "1..101"), true},
		{"case pattern string", "Billing", replace(`prefix "x"`, `"x"`), true},
		{"case order", "Billing", replace("on Order{amount: 1..100, level: LOW | MID} as Small -> Billed\n    on Order{id: prefix \"x\"} as X -> Billed, Audit",
			"on Order{id: prefix \"x\"} as X -> Billed, Audit\n    on Order{amount: 1..100, level: LOW | MID} as Small -> Billed"), true},
		{"case name", "Billing", replace("as Other", "as Rest"), true},
		{"binding", "Billing", replace("on Order as Other", "on Order{id} as Other"), true},
		{"emit added", "Billing", replace("as Other", "as Other -> Audit"), true},
		{"emitted event field type", "Billing", replace("total float", "total int"), true},
		{"emitted event field added", "Billing", replace("event Audit { id string }", "event Audit { id string; n int }"), true},
		{"emitted event field renamed", "Billing", replace("total float", "sum float"), true},
		{"input event field type", "Billing", replace("amount int", "amount float"), true},
		{"enum variant added", "Billing", replace("HIGH }", "HIGH, TOP }"), true},
		{"version", "Billing", replace("cached version 1", "cached version 2"), true},
		{"no version", "Billing", replace("cached version 1", "cached"), true},
		{"processor renamed", "Billing", func(s string) string { return strings.ReplaceAll(s, "Billing", "Bill") }, true},
		{"package", "Billing", replace("package shop", "package store"), true},
		{"builder version", "Words", replace("persist version 2", "persist version 3"), true},
		{"required target type", "Upper", replace("words: string", "words: int"), true},
		{"provided type", "Upper", replace("upper: string", "upper: bytes"), true},
	} {
		t.Run(c.name, func(t *testing.T) {
			proc := c.proc
			if c.name == "processor renamed" {
				proc = "Bill"
			}
			before, after := fingerprint(t, fpBase, c.proc), fingerprint(t, c.edit(fpBase), proc)
			if (before != after) != c.changes {
				t.Errorf("fingerprint changed: %v, want %v", before != after, c.changes)
			}
		})
	}
}

// TestFingerprintGolden pins one fingerprint and its parts: a change of the
// layout invalidates every archive, so it must be deliberate.
func TestFingerprintGolden(t *testing.T) {
	pkg, diags := dsl.Load([]string{"shop.fw"}, [][]byte{[]byte(fpBase)})
	if pkg == nil {
		t.Fatal(diags.Text())
	}
	p := pkg.Processors[0]
	wantParts := []string{
		"fw/fingerprint/1",
		"package shop",
		"processor Billing cached version 1\n" +
			"on event Order as Small test amount int [1,100] test level int [0,1] emit Billed\n" +
			"on event Order as X test id string prefix \"x\" emit Audit emit Billed\n" +
			"on event Order as Other\n",
		"event Audit {id string}",
		"event Billed {id string; total float}",
		"event Order {id string; amount int; level Level}",
		"enum Level {LOW, MID, HIGH}",
	}
	got := gen.FingerprintParts(pkg, p)
	if strings.Join(got, "\x00") != strings.Join(wantParts, "\x00") {
		t.Errorf("parts:\n%q\nwant:\n%q", got, wantParts)
	}
	const want = "d0564e9b99ed9f80a725e104c96625929654c9ae49d24588674a36147451fc22"
	if fp := gen.Fingerprint(pkg, p); hex.EncodeToString(fp[:]) != want {
		t.Errorf("fingerprint %x, want %s", fp, want)
	}
}

// fpRecords is a package whose events contain records, nested at any depth
// and through lists, maps and optional fields (docs/runtime.md, "Schema
// evolution": which changes invalidate cache entries).
const fpRecords = `package shop

enum Tier { BASIC, GOLD }

record Zip { code string }
record Address { city string; zip Zip? }
record Customer { name string; home Address; tier Tier }
record Item { sku string; qty int }
record Note { text string; replies []Note }
record Unused { n int }

input event Order { id string; customer Customer; items []Item; byDay map[int][]Item; notes map[string]Note?; placed time }
event Billed { id string; total float; at time; ttl duration? }
event Audit { id string; unused Unused }

processor Billing {
    cached version 1
    on Order{id} -> Billed
}

processor Auditor {
    cached
    on Audit
}

builder Addresses provides addresses: Address persist
`

// TestFingerprintRecords: a change to a record's shape changes the
// fingerprint of every cached processor and persistent builder that reads or
// emits a type containing it, at any depth; a record it cannot reach does
// not.
func TestFingerprintRecords(t *testing.T) {
	replace := func(old, new string) func(string) string {
		return func(s string) string {
			if !strings.Contains(s, old) {
				t.Fatalf("%q is not in the source", old)
			}
			return strings.Replace(s, old, new, 1)
		}
	}
	for _, c := range []struct {
		name    string
		edit    func(string) string
		changes map[string]bool // by processor
	}{
		{"field of a record in a record in a record, through an optional field", replace("record Zip { code string }", "record Zip { code int }"),
			map[string]bool{"Billing": true, "Auditor": false, "Addresses": true}},
		{"optional field added to a nested record", replace("record Zip { code string }", "record Zip { code string; plus4 string? }"),
			map[string]bool{"Billing": true, "Auditor": false, "Addresses": true}},
		{"field made optional", replace("home Address;", "home Address?;"),
			map[string]bool{"Billing": true, "Auditor": false, "Addresses": false}},
		{"record fields reordered", replace("record Item { sku string; qty int }", "record Item { qty int; sku string }"),
			map[string]bool{"Billing": true, "Auditor": false, "Addresses": false}},
		{"record field renamed, through a map of lists", replace("record Item { sku string; qty int }", "record Item { sku string; count int }"),
			map[string]bool{"Billing": true, "Auditor": false, "Addresses": false}},
		{"enum variant of an enum in a record", replace("enum Tier { BASIC, GOLD }", "enum Tier { BASIC, SILVER, GOLD }"),
			map[string]bool{"Billing": true, "Auditor": false, "Addresses": false}},
		{"self-containing record, through an optional map", replace("record Note { text string; replies []Note }", "record Note { text string; replies []Note; by string }"),
			map[string]bool{"Billing": true, "Auditor": false, "Addresses": false}},
		{"record used by one event only", replace("record Unused { n int }", "record Unused { n float }"),
			map[string]bool{"Billing": false, "Auditor": true, "Addresses": false}},
		{"time to duration in an emitted event", replace("at time", "at duration"),
			map[string]bool{"Billing": true, "Auditor": false, "Addresses": false}},
		{"optional duration made required", replace("ttl duration?", "ttl duration"),
			map[string]bool{"Billing": true, "Auditor": false, "Addresses": false}},
		{"comment in a record", replace("record Item {", "// Item is a line.\nrecord Item {"),
			map[string]bool{"Billing": false, "Auditor": false, "Addresses": false}},
		{"record added", replace("record Unused", "record Extra { x int }\nrecord Unused"),
			map[string]bool{"Billing": false, "Auditor": false, "Addresses": false}},
	} {
		t.Run(c.name, func(t *testing.T) {
			for proc, changes := range c.changes {
				before, after := fingerprint(t, fpRecords, proc), fingerprint(t, c.edit(fpRecords), proc)
				if (before != after) != changes {
					t.Errorf("%s: fingerprint changed: %v, want %v", proc, before != after, changes)
				}
			}
		})
	}
}

// TestProgramFingerprintRecords: the program's fingerprint, which a record
// of a run is checked against on replay, covers every record's shape.
func TestProgramFingerprintRecords(t *testing.T) {
	prog := func(src string) [32]byte {
		pkg, diags := dsl.Load([]string{"shop.fw"}, [][]byte{[]byte(src)})
		if pkg == nil {
			t.Fatalf("%s", diags.Text())
		}
		return gen.ProgramFingerprint(pkg)
	}
	base := prog(fpRecords)
	for _, edit := range [][2]string{
		{"record Zip { code string }", "record Zip { code string; plus4 string? }"},
		{"record Unused { n int }", "record Unused { n int? }"},
		{"replies []Note", "replies map[string]Note"},
	} {
		if prog(strings.Replace(fpRecords, edit[0], edit[1], 1)) == base {
			t.Errorf("%s -> %s: the program fingerprint did not change", edit[0], edit[1])
		}
	}
	if prog(strings.Replace(fpRecords, "record Item {", "// Items.\nrecord Item {", 1)) != base {
		t.Error("a comment changed the program fingerprint")
	}
}
