package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/fwgo/fw/examples/indexer/index"
)

// envMain makes the test binary the command: main with the arguments in
// FW_INDEXER_CLUSTER_ARGS (its members are the test binary again, with
// FW_INDEXER_CLUSTER_ROLE set, which main handles first).
const envMain = "FW_INDEXER_CLUSTER_TEST_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(envMain) != "" || os.Getenv(envRole) != "" {
		os.Args = append(os.Args[:1], strings.Fields(os.Getenv("FW_INDEXER_CLUSTER_ARGS"))...)
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestReportEqualsSingleProcess runs the command (the test binary as the
// submitter, two member processes, an embedded server) on the repository's
// dsl/ directory, and compares its stdout with the report of the indexer's
// pipeline run in this process: byte for byte equal. Its stderr has every
// member's stats. It runs three times: with -cold (no workspace), then twice
// on a fresh directory of workspaces: the first run tokenizes every file,
// the second none (every process's workspace holds every record, whichever
// instances it owned), although member m2 SIGKILLs itself in the middle of
// the run and is started again.
func TestReportEqualsSingleProcess(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", "..", "..", "dsl"))
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	ix := index.New(index.Config{Root: root, Hashers: 2, Top: 15, Out: &want})
	p, err := index.NewPipeline(ix.Handlers())
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(want.String(), "top 15 identifiers:") {
		t.Fatalf("the single-process report:\n%s", want.String())
	}

	ws := t.TempDir()
	for _, c := range []struct {
		flags string
		kill  bool
		warm  bool
	}{{"-cold", false, false}, {"-workspace " + ws, false, false}, {"-workspace " + ws, true, true}} {
		// With kill, member m2 SIGKILLs itself at its 100th call: the
		// command starts it again, it catches up, and the run goes on.
		kill := c.kill
		cmd := exec.Command(os.Args[0])
		cmd.Env = append(os.Environ(), envMain+"=1", "FW_INDEXER_CLUSTER_ARGS=-root "+root+" -members 2 -top 15 "+c.flags)
		if kill {
			cmd.Env = append(cmd.Env, envTestKill+"=m2")
		}
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("indexer-cluster (kill %v): %v\nstderr:\n%s", kill, err, stderr.String())
		}
		if !bytes.Equal(stdout.Bytes(), want.Bytes()) {
			t.Fatalf("kill %v: the report differs from the single-process one\ngot:\n%s\nwant:\n%s\nstderr:\n%s", kill, stdout.String(), want.String(), stderr.String())
		}
		for _, s := range []string{"stats of m0 (submitter):", "m1: stats of m1:", "m2: stats of m2:", "files on 3 processes: "} {
			if !strings.Contains(stderr.String(), s) {
				t.Errorf("kill %v: stderr has no %q:\n%s", kill, s, stderr.String())
			}
		}
		var files, tokenized, cached int
		m := regexp.MustCompile(`(?m)^(\d+) files on 3 processes: (\d+) tokenized, (\d+) from the cache`).FindStringSubmatch(stderr.String())
		if m == nil {
			t.Fatalf("%s: no summary line\n%s", c.flags, stderr.String())
		}
		fmt.Sscan(m[1], &files)
		fmt.Sscan(m[2], &tokenized)
		fmt.Sscan(m[3], &cached)
		if files < 50 || files != tokenized+cached || c.warm && tokenized != 0 || !c.warm && cached != 0 {
			t.Errorf("%s (kill %v): %d files, %d tokenized, %d from the cache", c.flags, kill, files, tokenized, cached)
		}
		if restarted := strings.Contains(stderr.String(), "m2: signal: killed: starting it again"); restarted != kill {
			t.Errorf("kill %v: m2 restarted: %v\n%s", kill, restarted, stderr.String())
		}
	}
}

// TestMemberFails: a member process that fails ends the command at once (the
// submitter would wait for it for ever), with the member's error and a
// non-zero exit code, and no report.
func TestMemberFails(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", "..", "..", "dsl"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), envMain+"=1", "FW_INDEXER_CLUSTER_ARGS=-root "+root, envTestFail+"=m2")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	if err == nil {
		t.Fatalf("indexer-cluster succeeded\nstderr:\n%s", stderr.String())
	}
	if stdout.Len() != 0 || !strings.Contains(stderr.String(), "indexer-cluster: member m2: exit status 1") ||
		!strings.Contains(stderr.String(), "m2: indexer-cluster: member m2: failing at the start, as the test asks") {
		t.Fatalf("%v\nstdout:\n%s\nstderr:\n%s", err, stdout.String(), stderr.String())
	}
}
