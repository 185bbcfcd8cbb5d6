package fwnats

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// The environment of a child process: the test binary re-executed runs the
// billing pipeline (childMain) instead of the tests.
const (
	envChild    = "FWNATS_CHILD"    // the server's URL
	envConsumer = "FWNATS_CONSUMER" // the consumer of ORDERS to read
	envPrefix   = "FWNATS_PREFIX"   // the subjects' prefix to publish to
	envEvery    = "FWNATS_EVERY"    // the phase size
	envEndless  = "FWNATS_ENDLESS"  // "1": the source never ends
)

func TestMain(m *testing.M) {
	if url := os.Getenv(envChild); url != "" {
		os.Exit(childMain(url))
	}
	os.Exit(m.Run())
}

// childMain runs the billing pipeline from the consumer to the subjects
// until the consumer is caught up. It prints "running" once its source is
// made, and the sink's counts at the end.
func childMain(url string) int {
	nc, err := nats.Connect(url)
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 2
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 2
	}
	ctx := context.Background()
	cons, err := js.Consumer(ctx, "ORDERS", os.Getenv(envConsumer))
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 2
	}
	every, _ := strconv.Atoi(os.Getenv(envEvery))
	fmt.Println("running")
	src, sink, err := runBillingUntil(ctx, js, cons, os.Getenv(envPrefix), every, os.Getenv(envEndless) != "1", OnBadMessage(func(*BadMessage) {}))
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 1
	}
	fmt.Printf("done %d events, published %d, duplicates %d\n", src.Committed, sink.Published, sink.Duplicates)
	return 0
}

// child starts the test binary as a child running the billing pipeline
// (until it is caught up, or for ever if endless) and waits until it says it
// is running.
func child(t *testing.T, url, consumer, prefix string, every int, endless bool) (*exec.Cmd, *bufio.Scanner) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), envChild+"="+url, envConsumer+"="+consumer, envPrefix+"="+prefix, envEvery+"="+strconv.Itoa(every))
	if endless {
		cmd.Env = append(cmd.Env, envEndless+"=1")
	}
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	if !sc.Scan() || sc.Text() != "running" {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		t.Fatalf("child: %q, %v", sc.Text(), sc.Err())
	}
	return cmd, sc
}

// runChild runs a child to its end and returns what it printed last.
func runChild(t *testing.T, url, consumer, prefix string, every int) string {
	t.Helper()
	cmd, sc := child(t, url, consumer, prefix, every, false)
	last := ""
	for sc.Scan() {
		last = sc.Text()
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("child: %v", err)
	}
	return last
}

// The consumer process is killed (SIGKILL) at random moments and restarted,
// again and again, while orders keep coming: the sink stream ends up holding
// exactly the messages of an uninterrupted run, in the same order, none lost,
// none duplicated.
func TestCrashRestartExactlyOnce(t *testing.T) {
	const (
		first    = 3000 // orders before the first round
		perRound = 500  // orders published before each round
		every    = 250
		rounds   = 12 // children killed
	)
	srv := startServer(t)
	url := srv.ClientURL()
	_, js := connect(t, url)
	st := mkStream(t, js, "ORDERS", "orders.>")
	ctx := context.Background()
	for _, name := range []string{"CAL", "REF", "CRASH"} {
		// A duplicate window longer than the test.
		if _, err := js.CreateStream(ctx, jetstream.StreamConfig{Name: name, Subjects: []string{name + ".>"}, Storage: jetstream.FileStorage, Duplicates: 10 * time.Minute}); err != nil {
			t.Fatal(err)
		}
	}
	input := mkOrders(t, js, first, 499)
	mkConsumer(t, st, "crash", jetstream.AckAllPolicy)

	// An uninterrupted run over the first orders, timed, to size the kill
	// window.
	mkConsumer(t, st, "cal", jetstream.AckAllPolicy)
	start := time.Now()
	t.Logf("calibration run: %s", runChild(t, url, "cal", "CAL", every))
	took := time.Since(start)
	checkStream(t, js, "CAL", expectedBilling(t, input, every, "CAL"))

	clients := srv.NumClients()
	seed := uint64(time.Now().UnixNano())
	t.Logf("calibration run took %v; random seed %d", took, seed)
	rng := rand.New(rand.NewPCG(seed, 0))
	var progress []uint64
	for round := range rounds {
		input = append(input, addOrders(t, js, len(input), len(input)+perRound, 499)...)
		// An endless child (one that ended when caught up would end its
		// last phase there, short, where an uninterrupted run does not),
		// killed at a random moment within the time of about 500 orders,
		// as many as each round adds: work is left, mostly.
		cmd, _ := child(t, url, "crash", "CRASH", every, true)
		time.Sleep(time.Duration(rng.Int64N(int64(took*perRound/first) + 1)))
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatalf("round %d: kill: %v", round, err)
		}
		if err := cmd.Wait(); err == nil {
			t.Fatalf("round %d: the endless child ended", round)
		}
		// The next child starts once the server has seen this one's
		// connection close, as a supervisor restarting a service does
		// (else its pull requests may still take messages: ErrOutOfOrder).
		waitFor(t, "the killed child's connection closed", func() bool { return srv.NumClients() == clients })
		info, err := js.Stream(ctx, "CRASH")
		if err != nil {
			t.Fatal(err)
		}
		progress = append(progress, info.CachedInfo().State.Msgs)
	}
	t.Logf("messages in CRASH after each round: %v", progress)
	t.Logf("last run: %s", runChild(t, url, "crash", "CRASH", every))

	// The uninterrupted run over all the orders.
	mkConsumer(t, st, "ref", jetstream.AckAllPolicy)
	t.Logf("uninterrupted run: %s", runChild(t, url, "ref", "REF", every))
	want := expectedBilling(t, input, every, "REF")
	checkStream(t, js, "REF", want)

	for i := range want {
		want[i].subject = "CRASH" + want[i].subject[len("REF"):]
	}
	checkStream(t, js, "CRASH", want)
	cons, err := js.Consumer(ctx, "ORDERS", "crash")
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, "every order acknowledged", func() bool {
		info, err := cons.Info(ctx)
		return err == nil && info.AckFloor.Stream == uint64(len(input)) && info.NumAckPending == 0
	})
}
