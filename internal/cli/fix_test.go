package cli_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/fwgo/fw/dsl"
	"github.com/fwgo/fw/dsl/format"
	"github.com/fwgo/fw/internal/cli"
)

// fixDir holds the goldens of lint -fix: each RULE.fw (or RULE.NAME.fw), a
// one-file package with diagnostics of RULE that have fixes, and beside it
// RULE.fw.fixed, the file after `fwgen lint -fix`.
const fixDir = "../../testdata/lint/fix"

// TestLintFixGoldens runs `fwgen lint -fix` on a copy of each golden's
// package and compares the result with the .fixed file (-update rewrites
// them). The input must report its rule and the result must not; a result
// that parses is checked by the formatter: when the input is formatted, so
// must the result be.
func TestLintFixGoldens(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(fixDir, "*.fw"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no goldens in %s (%v)", fixDir, err)
	}
	for _, path := range paths {
		name := filepath.Base(path)
		rule, _, _ := strings.Cut(name, ".")
		t.Run(strings.TrimSuffix(name, ".fw"), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !hasRule(t, name, src, rule) {
				t.Fatalf("%s reports no %s", name, rule)
			}
			dir := t.TempDir()
			tmp := filepath.Join(dir, name)
			if err := os.WriteFile(tmp, src, 0o644); err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			cli.Main([]string{"lint", "-fix", dir}, strings.NewReader(""), &stdout, &stderr)
			if !strings.Contains(stderr.String(), "fixed ["+rule+"]") {
				t.Errorf("lint -fix reports no fix of %s:\n%s", rule, stderr.String())
			}
			got, err := os.ReadFile(tmp)
			if err != nil {
				t.Fatal(err)
			}
			golden := path + ".fixed"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("lint -fix gives:\n%s\nwant (%s):\n%s", got, golden, want)
			}
			if hasRule(t, name, got, rule) {
				t.Errorf("the fixed file still reports %s:\n%s", rule, stdout.String())
			}
			out, diags := format.Source(name, got)
			if len(diags) > 0 {
				t.Fatalf("the fixed file does not format:\n%s", diags.Text())
			}
			if formatted, _ := format.Source(name, src); bytes.Equal(formatted, src) && !bytes.Equal(out, got) {
				t.Errorf("the input is formatted, the fixed file is not:\n%s", got)
			}
		})
	}
}

// hasRule reports whether the one-file package src reports rule.
func hasRule(t *testing.T, name string, src []byte, rule string) bool {
	t.Helper()
	_, diags := dsl.Load([]string{name}, [][]byte{src})
	for _, d := range diags {
		if d.Rule == rule {
			return true
		}
	}
	return false
}

// TestLintFixDocs checks the example of docs/lint.md's "Suggested fixes":
// its JSON is what lint -format json prints for the single-value-gap golden
// as shop/billing.fw (but the message, cut short there), and its text block
// is what lint -fix reports.
func TestLintFixDocs(t *testing.T) {
	doc, err := os.ReadFile("../../docs/lint.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(doc), "\n## Suggested fixes\n")
	if !ok {
		t.Fatal("docs/lint.md has no section Suggested fixes")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	block := func(lang string) string {
		_, rest, ok := strings.Cut(section, "```"+lang+"\n")
		if !ok {
			t.Fatalf("no %s block in the section", lang)
		}
		body, _, _ := strings.Cut(rest, "```\n")
		return body
	}
	src, err := os.ReadFile(filepath.Join(fixDir, "single-value-gap.fw"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "shop"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "shop", "billing.fw"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)

	var stdout, stderr bytes.Buffer
	cli.Main([]string{"lint", "-format", "json", "shop"}, strings.NewReader(""), &stdout, &stderr)
	var got []map[string]any
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil || len(got) == 0 {
		t.Fatalf("lint -format json: %v\n%s", err, stdout.String())
	}
	var want map[string]any
	if err := json.Unmarshal([]byte(block("json")), &want); err != nil {
		t.Fatalf("the doc's JSON: %v", err)
	}
	msg, _ := want["message"].(string)
	prefix, cut := strings.CutSuffix(msg, "...")
	if gotMsg, _ := got[0]["message"].(string); !cut || !strings.HasPrefix(gotMsg, prefix) {
		t.Errorf("message: the doc has %q, lint %q", msg, gotMsg)
	}
	delete(want, "message")
	delete(got[0], "message")
	if !reflect.DeepEqual(got[0], want) {
		g, _ := json.Marshal(got[0])
		w, _ := json.Marshal(want)
		t.Errorf("lint prints\n%s\nthe doc shows\n%s", g, w)
	}

	stdout.Reset()
	stderr.Reset()
	cli.Main([]string{"lint", "-fix", "shop"}, strings.NewReader(""), &stdout, &stderr)
	if stderr.String() != block("text") {
		t.Errorf("lint -fix reports\n%s\nthe doc shows\n%s", stderr.String(), block("text"))
	}
}
