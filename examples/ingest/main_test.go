package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const good = `{"event":"Order","id":"a","amount":10,"status":"NEW"}
{"event":"Order","id":"b","amount":5,"status":"CANCELLED"}
{"event":"Order","id":"d","amount":7,"status":"PAID"}
`

const mixed = `{"event":"Order","id":"a","amount":10,"status":"NEW"}
broken
{"event":"Order","id":"b","amount":5,"status":"CANCELLED"}

{"event":"Order","id":"c","amount":"x","status":"NEW"}
{"event":"Refund","id":"r"}
{"event":"Order","id":"e","status":"NEW"}
{"event":"Order","id":"f","amount":1,"status":"LOST"}
{"event":"Order","id":"d","amount":7,"status":"PAID"}
`

func ingest(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestGoodInput(t *testing.T) {
	code, out, errs := ingest(t, good)
	if code != 0 || out != "invoice a 10\ninvoice d 7\n" || errs != "" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

func TestMalformedLinesDoNotStopTheOthers(t *testing.T) {
	code, out, errs := ingest(t, mixed)
	if code != 1 || out != "invoice a 10\ninvoice d 7\n" {
		t.Errorf("exit %d, stdout %q", code, out)
	}
	want := []string{
		"stdin:2: fw: bad JSON event",
		`stdin:6: fw: unknown event "Refund"`,
		`stdin:5: fw: event Order: field "amount" at column 36: want an int, got a string`,
		`stdin:7: fw: event Order: missing field "amount"`,
		`stdin:8: fw: event Order: field "status" at column 47: unknown Status "LOST"`,
	}
	for _, w := range want {
		if !strings.Contains(errs, w) {
			t.Errorf("stderr lacks %q:\n%s", w, errs)
		}
	}
	if n := strings.Count(errs, "\n"); n != 5 {
		t.Errorf("%d lines on stderr, want 5:\n%s", n, errs)
	}
}

func TestStrictStopsAtTheFirst(t *testing.T) {
	code, out, errs := ingest(t, mixed, "-strict")
	if code != 1 || out != "" || !strings.HasPrefix(errs, "stdin:2: ") || strings.Count(errs, "\n") != 1 {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	os.WriteFile(a, []byte(good), 0o644)
	os.WriteFile(b, []byte(mixed), 0o644)
	code, out, errs := ingest(t, "", a, b)
	if code != 1 || out != "invoice a 10\ninvoice d 7\ninvoice a 10\ninvoice d 7\n" || !strings.Contains(errs, b+":2: ") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if code, _, errs := ingest(t, "", filepath.Join(dir, "missing.jsonl")); code != 2 || !strings.Contains(errs, "missing.jsonl") {
		t.Errorf("missing file: exit %d, stderr %q", code, errs)
	}
}

// TestProcess runs the command as a process, with its input on a pipe.
func TestProcess(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "ingest")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin)
	cmd.Stdin = strings.NewReader(mixed)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 || out.String() != "invoice a 10\ninvoice d 7\n" || strings.Count(errb.String(), "\n") != 5 {
		t.Errorf("err %v, stdout %q, stderr %q", err, out.String(), errb.String())
	}

	// The strict cases, from a file given as an argument.
	cmd = exec.Command(bin, strictFile)
	out.Reset()
	errb.Reset()
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	}
	checkStrict(t, code, out.String(), errb.String())
}

// TestREADME runs the README's ingest session: the printf's lines on standard
// input, and the output the README shows (stdout, then stderr).
func TestREADME(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, sec, _ := strings.Cut(string(data), "$ printf '%s\\n' ")
	cmd, out, ok := strings.Cut(sec, "\n")
	out, _, ok2 := strings.Cut(out, "```")
	args, pipe, ok3 := strings.Cut(cmd, " | go run ./examples/ingest")
	if !ok || !ok2 || !ok3 || pipe != "" {
		t.Fatalf("README has no `printf ... | go run ./examples/ingest` session")
	}
	var input strings.Builder
	for _, a := range strings.Fields(args) { // the session's arguments are single-quoted, without spaces
		input.WriteString(strings.Trim(a, "'") + "\n")
	}
	code, stdout, stderr := ingest(t, input.String())
	if code != 1 || stdout+stderr != out {
		t.Errorf("exit %d, output:\n%s%s\nthe README shows:\n%s", code, stdout, stderr, out)
	}
}

// strictFile is testdata/strict.jsonl: two valid orders, then invalid UTF-8,
// a duplicate member, upper-case member names (no "event" member), an
// upper-case field name, a valid order, 150 lines with a field name in the
// wrong case, and a valid order (issue 13).
const strictFile = "testdata/strict.jsonl"

// checkStrict checks the command's output on strictFile.
func checkStrict(t *testing.T, code int, out, errs string) {
	t.Helper()
	if code != 1 || out != "invoice a 10\ninvoice f 7\ninvoice h 3\n" {
		t.Errorf("exit %d, stdout %q", code, out)
	}
	lines := strings.Split(strings.TrimSuffix(errs, "\n"), "\n")
	want := []string{
		strictFile + `:2: fw: event Order: field "id" at column 25: invalid UTF-8 in string`,
		strictFile + `:3: fw: event Order: duplicate field "amount" at column 38`,
		strictFile + `:4: fw: bad JSON event: no "event" member`,
		strictFile + `:5: fw: event Order: unknown field "ID" at column 18; did you mean "id"?`,
	}
	for i := range 150 {
		want = append(want, fmt.Sprintf(`%s:%d: fw: event Order: unknown field "Amount" at column %d; did you mean "amount"?`, strictFile, 7+i, 27+len(fmt.Sprint(i))))
	}
	if !slices.Equal(lines, want) {
		t.Errorf("stderr has %d lines, want %d:\n%s", len(lines), len(want), errs)
	}
}

func TestStrictJSONFile(t *testing.T) {
	code, out, errs := ingest(t, "", strictFile)
	checkStrict(t, code, out, errs)
}
