//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package badgerarchive

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/fwgo/fw/generated/greeter"
	"github.com/fwgo/fw/runtime/fw"
)

// workspaceChild is a command written the way OpenWorkspace's documentation
// says: run opens the workspace, defers its Close and runs a pipeline with the
// options it returned; the exit code is fw.ExitCode of run's error. The
// Greeter's OnGreet takes a millisecond, so the run lasts about ten seconds
// unless it is interrupted; the child prints "running" at the first greeting
// and "closed <error>" when the deferred Close has run.
func workspaceChild(dir string) int {
	err := workspaceRun(dir)
	if err != nil {
		fmt.Println("error:", err)
	}
	return fw.ExitCode(err)
}

func workspaceRun(dir string) error {
	ws, opts, err := OpenWorkspace(dir)
	if err != nil {
		return err
	}
	defer func() { fmt.Println("closed", ws.Close()) }()
	p, err := greeter.NewPipeline(greeter.Handlers{Greeter: &slowGreeter{}}, opts...)
	if err != nil {
		return err
	}
	for i := range 10000 {
		p.Submit(greeter.Start{Who: strconv.Itoa(i)})
	}
	return p.Run(context.Background())
}

type slowGreeter struct{ once sync.Once }

func (g *slowGreeter) OnStart(c greeter.GreeterStartContext, who string) error {
	c.EmitGreet(greeter.Greet{Who: who})
	return nil
}

func (g *slowGreeter) OnGreet(c greeter.GreeterGreetContext, who string) error {
	g.once.Do(func() { fmt.Println("running") })
	time.Sleep(time.Millisecond) //fw:nondeterministic-ok slows the run so that the test can kill it midway; it emits nothing
	return nil
}

// TestOpenWorkspaceInterrupt runs workspaceChild and sends it a real SIGINT
// in the middle of its run: the options of OpenWorkspace make the run stop
// with fw.ErrInterrupted (not kill the process), the deferred Close runs, and
// the process exits with code 130.
func TestOpenWorkspaceInterrupt(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a child process")
	}
	dir := t.TempDir()
	cmd, out, stdin := child(t, "workspace", dir)
	defer stdin.Close()
	var log strings.Builder
	for out.Scan() {
		log.WriteString(out.Text() + "\n")
		if out.Text() == "running" {
			break
		}
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	waited := make(chan error, 1)
	go func() {
		for out.Scan() {
			log.WriteString(out.Text() + "\n")
		}
		waited <- cmd.Wait()
	}()
	var err error
	select {
	case err = <-waited:
	case <-time.After(20 * time.Second):
		_ = cmd.Process.Kill()
		<-waited
		t.Fatalf("no exit 20s after SIGINT:\n%s", log.String())
	}
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 130 {
		t.Fatalf("interrupted child: %v (want exit status 130)\n%s", err, log.String())
	}
	want := "running\nclosed <nil>\nerror: " + fw.ErrInterrupted.Error() + "\n"
	if log.String() != want {
		t.Errorf("child printed\n%s\nwant\n%s", log.String(), want)
	}
	a, err := Open(dir)
	if err != nil {
		t.Fatalf("reopening the workspace after the interrupt: %v", err)
	}
	a.Close()
}

func TestOpenWorkspace(t *testing.T) {
	dir := t.TempDir()
	ws, opts, err := OpenWorkspace(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	if ws.Dir() != dir || len(opts) != 2 {
		t.Errorf("OpenWorkspace(%s) = archive of %s, %d options; want the archive of %[1]s and 2 options", dir, ws.Dir(), len(opts))
	}
	var out bytes.Buffer
	g := &printGreeter{out: &out}
	p, err := greeter.NewPipeline(greeter.Handlers{Greeter: g}, append(opts, fw.WithWorkers(2))...)
	if err != nil {
		t.Fatal(err)
	}
	p.Submit(greeter.Start{Who: "world"})
	if err := p.Run(context.Background()); err != nil || out.String() != "Hello, world!\n" {
		t.Errorf("run with OpenWorkspace's options: %v, printed %q", err, out.String())
	}
	// A held workspace: the error of Open, and no options.
	ws2, opts2, err := OpenWorkspace(dir)
	if !errors.Is(err, ErrWorkspaceInUse) || ws2 != nil || opts2 != nil {
		t.Errorf("second OpenWorkspace = %v, %v, %v; want nil, nil and an error wrapping ErrWorkspaceInUse", ws2, opts2, err)
	}
}

type printGreeter struct{ out *bytes.Buffer }

func (g *printGreeter) OnStart(c greeter.GreeterStartContext, who string) error {
	c.EmitGreet(greeter.Greet{Who: who})
	return nil
}

func (g *printGreeter) OnGreet(c greeter.GreeterGreetContext, who string) error {
	fmt.Fprintf(g.out, "Hello, %s!\n", who)
	return nil
}
