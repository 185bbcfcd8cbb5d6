package fwcluster

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The test binary re-executed plays a role other than the tests, named by
// FWC_ROLE: "jsserver" is a DevServer on FWC_DIR that prints its URL and
// runs until it is killed (the hard server crash of the tests: SIGKILL);
// "member" runs the toy program as member FWC_MEMBER of run FWC_RUN on the
// server at FWC_URL and writes its record to FWC_OUT (memberMain);
// "chain-member" and "part-member" do the same with generated/chain
// (chainMemberMain) and generated/partition (ptMemberMain).
const (
	envRole    = "FWC_ROLE"
	envDir     = "FWC_DIR"
	envURL     = "FWC_URL"
	envRun     = "FWC_RUN"
	envMember  = "FWC_MEMBER"
	envMembers = "FWC_MEMBERS"
	envProg    = "FWC_PROG" // seed insts inputs maxV steps handler-µs
	envOut     = "FWC_OUT"
)

func TestMain(m *testing.M) {
	switch os.Getenv(envRole) {
	case "":
		os.Exit(m.Run())
	case "jsserver":
		url, _, err := DevServer(os.Getenv(envDir))
		if err != nil {
			fmt.Fprintln(os.Stderr, "jsserver:", err)
			os.Exit(2)
		}
		fmt.Println(url)
		select {}
	case "member":
		if err := memberMain(); err != nil {
			fmt.Fprintln(os.Stderr, os.Getenv(envMember)+":", err)
			os.Exit(1)
		}
		os.Exit(0)
	case "stream-member":
		if err := streamMemberMain(); err != nil {
			fmt.Fprintln(os.Stderr, os.Getenv(envMember)+":", err)
			os.Exit(1)
		}
		os.Exit(0)
	case "chain-member":
		if err := chainMemberMain(); err != nil {
			fmt.Fprintln(os.Stderr, os.Getenv(envMember)+":", err)
			os.Exit(1)
		}
		os.Exit(0)
	case "part-member":
		if err := ptMemberMain(); err != nil {
			fmt.Fprintln(os.Stderr, os.Getenv(envMember)+":", err)
			os.Exit(1)
		}
		os.Exit(0)
	default:
		fmt.Fprintln(os.Stderr, "unknown role", os.Getenv(envRole))
		os.Exit(2)
	}
}

// withMemberLog is the start of a member process: it connects to the server at
// FWC_URL, opens run FWC_RUN's log with the process tests' settings, and calls
// f with it and a context of 5 minutes.
func withMemberLog(f func(ctx context.Context, l *Log) error) error {
	nc, js, err := Connect(os.Getenv(envURL))
	if err != nil {
		return err
	}
	defer nc.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	l, err := Open(ctx, js, os.Getenv(envRun), LeaseTTL(procLease), AckWait(procAck))
	if err != nil {
		return err
	}
	defer l.Close()
	return f(ctx, l)
}

// serverProc is a jsserver subprocess.
type serverProc struct {
	URL string
	Dir string
	cmd *exec.Cmd
}

// startServerProc starts a jsserver subprocess on dir and waits for its URL.
// It is killed when the test ends.
func startServerProc(t *testing.T, dir string) *serverProc {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), envRole+"=jsserver", envDir+"="+dir)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &serverProc{Dir: dir, cmd: cmd}
	t.Cleanup(p.Kill)
	line := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		if sc.Scan() {
			line <- sc.Text()
		}
		close(line)
		for sc.Scan() {
		}
	}()
	select {
	case url, ok := <-line:
		if !ok || !strings.HasPrefix(url, "nats://") {
			t.Fatalf("jsserver said %q", url)
		}
		p.URL = url
	case <-time.After(60 * time.Second):
		t.Fatal("jsserver: no URL after 60 s")
	}
	return p
}

// Kill SIGKILLs the server and waits for it to exit.
func (p *serverProc) Kill() {
	if p.cmd.ProcessState != nil {
		return
	}
	_ = p.cmd.Process.Signal(syscall.SIGKILL)
	_ = p.cmd.Wait()
}
