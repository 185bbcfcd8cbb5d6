package main

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// expected is the alerts of readings 0..n-1 with a phase every `every`
// readings, computed without fw.
func expected(n, keys, every, threshold int) string {
	var b strings.Builder
	for lo := 0; lo < n; lo += every {
		count, sum := map[string]int64{}, map[string]int64{}
		for i := lo; i < min(lo+every, n); i++ {
			r := reading(i, keys)
			count[r.Key]++
			sum[r.Key] += r.Value
		}
		var ks []string
		for k, c := range count {
			if c >= int64(threshold) {
				ks = append(ks, k)
			}
		}
		slices.Sort(ks)
		for _, k := range ks {
			fmt.Fprintf(&b, "alert %s: %d readings, sum %d\n", k, count[k], sum[k])
		}
	}
	return b.String()
}

func lines(n, keys int) string {
	var b strings.Builder
	for i := range n {
		r := reading(i, keys)
		fmt.Fprintf(&b, `{"event":"Reading","key":%q,"value":%d}`+"\n", r.Key, r.Value)
	}
	return b.String()
}

// TestStdin: JSON lines on standard input, a phase every 50 readings; a
// malformed line is reported with its number and the others are handled.
func TestStdin(t *testing.T) {
	in := lines(400, 12) + `{"event":"Reading","key":"k1","valeu":3}` + "\n"
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"-stdin", "-phase-every", "50", "-threshold", "8"}, strings.NewReader(in), &out, &errb)
	if code != 1 {
		t.Errorf("exit code %d, want 1 (a malformed line); stderr:\n%s", code, errb.String())
	}
	if want := expected(400, 12, 50, 8); out.String() != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", out.String(), want)
	}
	if !strings.Contains(errb.String(), "stdin:401:") || !strings.Contains(errb.String(), `did you mean "value"`) {
		t.Errorf("stderr does not report line 401 with a suggestion:\n%s", errb.String())
	}
}

// TestEmbeddedJetStream runs the default mode (an embedded server, the
// producer, JetStream in and out) on a batch of readings with count phases:
// the same alerts as from standard input, and the ALERTS stream holds one
// message per alert.
func TestEmbeddedJetStream(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a NATS server")
	}
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"-readings", "400", "-rate", "0", "-phase-every", "50", "-threshold", "8"}, strings.NewReader(""), &out, &errb)
	if code != 0 {
		t.Fatalf("exit code %d; stderr:\n%s", code, errb.String())
	}
	want := expected(400, 12, 50, 8)
	n := strings.Count(want, "\n")
	want += fmt.Sprintf("ALERTS stream: %d messages\n", n)
	if out.String() != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", out.String(), want)
	}
}

// TestLiveDemo runs the demo as `make alerts` does, shortened: readings
// published while the pipeline runs, phases by time. Which readings fall in
// which phase depends on timing, so it checks the sums: every alert printed
// is in the ALERTS stream, and no key is alerted with more readings than it
// was sent.
func TestLiveDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a NATS server")
	}
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"-readings", "300", "-rate", "1000", "-every", "100ms", "-threshold", "10"}, strings.NewReader(""), &out, &errb)
	if code != 0 {
		t.Fatalf("exit code %d; stderr:\n%s", code, errb.String())
	}
	got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	last := got[len(got)-1]
	alerts := got[:len(got)-1]
	if want := fmt.Sprintf("ALERTS stream: %d messages", len(alerts)); last != want {
		t.Errorf("last line %q, want %q (one message per printed alert)", last, want)
	}
	total := map[string]int64{}
	for i := range 300 {
		total[reading(i, 12).Key]++
	}
	seen := map[string]int64{}
	for _, a := range alerts {
		var k string
		var c, s int64
		if _, err := fmt.Sscanf(a, "alert %s %d readings, sum %d", &k, &c, &s); err != nil {
			t.Fatalf("alert line %q: %v", a, err)
		}
		k = strings.TrimSuffix(k, ":")
		if c < 10 {
			t.Errorf("%q: below the threshold", a)
		}
		seen[k] += c
	}
	if len(alerts) == 0 {
		t.Fatal("no alert")
	}
	for k, c := range seen {
		if c > total[k] {
			t.Errorf("key %s alerted for %d readings, only %d sent", k, c, total[k])
		}
	}
}
