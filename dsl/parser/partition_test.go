package parser

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestParsePartition: the partition clause of a processor and of a builder's
// body, with one key or a key per event type; options named by and into
// still parse.
func TestParsePartition(t *testing.T) {
	src, err := os.ReadFile("testdata/partition.fw")
	if err != nil {
		t.Fatal(err)
	}
	f, diags := ParseFile("testdata/partition.fw", src)
	if len(diags) > 0 {
		t.Fatalf("unexpected diagnostics:\n%s", diags.Text())
	}
	checkPositions(t, "testdata/partition.fw", src, f)
	want := `package part@1:9
event@4:1 Order@4:7
  id@4:15 string@4:18
  total@4:26 int@4:32
event@5:1 Refund@5:7
  orderId@5:16 string@5:24
processor@6:1 Billing@6:11
  partition@7:5 by id@7:18 into 64@7:26
  option concurrency@8:5 4@8:17
  on@9:5 Order@9:8
processor@11:1 Match@11:11
  partition@11:19 by Order@11:32.id@11:38, Refund@11:42.orderId@11:49 into 16@11:62
  on@11:66 Order@11:69
  on@11:75 Refund@11:78
processor@12:1 Opts@12:11
  option by@12:18 3@12:21
  option into@12:24 4@12:29
  on@12:32 Order@12:35
builder@13:1 ByPkg@13:9 provides byPkg@13:24 requires orders@13:39 use@13:46 Grouper@13:50(by@13:58: name:id@13:62) {}
  partition@13:68 by id@13:81 into 8@13:89
comment@3:1 " Key groups: partition by a field, or by a field per event type."
`
	if got := dump(f, true); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestParsePartitionErrors: a clause cut short or misspelt is one error, at
// the token where it goes wrong (marked ^ in body), saying what was
// expected; a '.' outside a partition key keeps the lexer's message.
func TestParsePartitionErrors(t *testing.T) {
	for _, tc := range []struct{ body, want string }{
		{"partition ^3", `unexpected number 3, expected "by" (partition by field into K)`},
		{"partition by x^", `unexpected "}", expected "," or "into" (partition by field into K)`},
		{"partition by x into^", `unexpected "}", expected the number of key groups (partition by field into K)`},
		{"partition by x, ^into 3", `unexpected name "into", expected a field name (a partition key is field or Event.field)`},
		{"partition by Order ^into 3", `unexpected name "into", expected "." (a partition key is a lower-case field name, or Event.field)`},
		{"partition by Order. ^into 3", `unexpected name "into", expected a field name (a partition key is field or Event.field)`},
		{"partition by x into ^1.5", `the number of key groups after into must be an integer, not 1.5`},
		{"partition by x into ^2s", `the number of key groups after into must be an integer, not 2s`},
		{"partition by x into ^1_", `'_' must separate successive digits`},
		{"partition by x into 2 ^partition by y into 3", `a declaration has one partition clause; the first is at line 3 (list the keys of every event type in it: partition by A.x, B.y into K)`},
		{"on A { a: 1..^.3 }", `invalid character '.' (expected ".." or "..<")`},
		{"on A { a: x^.y }", `invalid character '.' (expected ".." or "..<")`},
		{"on A { a: 1^. }", `invalid character '.' (a decimal point must be followed by a digit)`},
	} {
		for _, decl := range []string{"processor P { ", "builder B provides b requires a { "} {
			if strings.HasPrefix(tc.body, "on") && strings.HasPrefix(decl, "builder") {
				continue
			}
			at := strings.IndexByte(tc.body, '^')
			body := strings.Replace(tc.body, "^", "", 1)
			src := "package p\ninput event A { a int }\n" + decl + body + " }\n"
			want := fmt.Sprintf("x.fw:3:%d: error: %s [syntax]", len(decl)+at+1+btoi(strings.HasSuffix(tc.body, "^")), tc.want)
			_, diags := ParseFile("x.fw", []byte(src))
			if got := strings.TrimSuffix(diags.Text(), "\n"); got != want {
				t.Errorf("%s:\n got  %s\n want %s", src, got, want)
			}
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
