package gen

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/fwgo/fw/dsl/ir"
)

var (
	diffSets = flag.Int("diff.sets", 12, "TestGeneratedPrograms/CompiledMatchDifferential: number of random pattern sets")
	diffSeed = flag.Uint64("diff.seed", 1, "TestGeneratedPrograms/CompiledMatchDifferential: random seed")
)

// diffProgram is the part of the generated program of the differential tests
// (TestGeneratedPrograms) that one of them wrote into the module.
type diffProgram struct {
	pkgs  []string // packages of the module, each with a Run(w *bufio.Writer) (or io.Writer), run in this order
	blank []string // packages only built (imported for their side effects by main)
	vet   []string // those of pkgs and blank to vet
	// check checks the output: for each package, the lines its Run printed.
	check func(t *testing.T, out map[string][]string)
}

// TestGeneratedPrograms builds the programs of the differential tests, which
// compile generated code and run it against what the generator's model says,
// as one program in one module: one go vet and one go run (building many
// generated packages costs a go command and a link each time, and is most of
// these tests' time), and checks each one's output in a subtest.
func TestGeneratedPrograms(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs generated code")
	}
	mod := newTestModule(t)
	parts := []struct {
		name  string
		setup func(*testing.T, *testModule) diffProgram
	}{
		{"CompiledMatchDifferential", compiledMatchDifferential},
		{"LitIndexGenerated", litIndexGenerated},
		{"AcceptedPackagesCompile", acceptedPackagesCompile},
	}
	var progs []diffProgram
	var pkgs, blank, vet []string
	for _, p := range parts {
		prog := p.setup(t, mod)
		progs = append(progs, prog)
		pkgs = append(pkgs, prog.pkgs...)
		blank = append(blank, prog.blank...)
		vet = append(vet, prog.vet...)
	}
	var main bytes.Buffer
	main.WriteString("package main\n\nimport (\n\t\"bufio\"\n\t\"os\"\n\n")
	for _, p := range pkgs {
		fmt.Fprintf(&main, "\t%q\n", "fwdiff/"+p)
	}
	for _, p := range blank {
		fmt.Fprintf(&main, "\t_ %q\n", "fwdiff/"+p)
	}
	main.WriteString(")\n\nfunc main() {\n\tw := bufio.NewWriter(os.Stdout)\n\tdefer w.Flush()\n")
	for _, p := range pkgs {
		fmt.Fprintf(&main, "\tw.WriteString(\"== %s\\n\")\n\t%s.Run(w)\n", p, p)
	}
	main.WriteString("}\n")
	mod.write("main.go", main.Bytes())
	mod.vet(vet)
	out := mod.run()

	got := map[string][]string{}
	var cur string
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if name, ok := strings.CutPrefix(line, "== "); ok {
			cur = name
			continue
		}
		got[cur] = append(got[cur], line)
	}
	for i, p := range parts {
		t.Run(p.name, func(t *testing.T) { progs[i].check(t, got) })
	}
}

// compiledMatchDifferential generates random packages, and writes their
// generated code (every pattern set with direct switches and with each option
// variant of the compiled matcher) together with a harness; its check compares
// Route, Dispatch and Invoke on boundary values with the naive interpreter of
// the patterns. The harness also checks that bound values reach the handlers
// and that Route and Dispatch do not allocate.
func compiledMatchDifferential(t *testing.T, mod *testModule) diffProgram {
	write := mod.write

	r := rand.New(rand.NewPCG(*diffSeed, 7))
	type variant struct {
		name string
		pkg  *ir.Package
		vs   []vector
		opt  options
	}
	var variants []variant
	for i := range *diffSets {
		maxProcs := 12
		if i%3 == 0 {
			maxProcs = 40
		}
		pkg := randPackage(r, "", maxProcs)
		vs := vectors(r, pkg, 40)
		// Direct switches, in Dispatch (fused) or through Route and Invoke (routed).
		opts := append([]options{{strategy: direct, callRows: 1 << 20}, {strategy: direct}}, optionVariants...)
		for j, o := range opts {
			name := fmt.Sprintf("p%dv%d", i, j)
			variants = append(variants, variant{name, pkg, vs, o})
		}
	}
	seen := map[string]bool{}
	for _, v := range variants {
		for _, ev := range v.pkg.Events {
			if rows := eventRows(v.pkg, ev); v.opt.useCompiled(rows) {
				newMatcher(ev, rows, v.opt).forms(v.opt, seen)
			}
		}
	}
	checkForms(t, seen)

	var prog diffProgram
	for _, v := range variants {
		v.pkg.Name = v.name
		files, err := generate(v.pkg, v.opt)
		if err != nil {
			t.Fatalf("%s: %v", v.name, err)
		}
		again, _ := generate(v.pkg, v.opt)
		for k, f := range files {
			if !bytes.Equal(f.Data, again[k].Data) {
				t.Fatalf("%s: %s differs between two runs", v.name, f.Name)
			}
			write(filepath.Join(v.name, f.Name), f.Data)
		}
		write(filepath.Join(v.name, "harness.go"), harness(v.pkg, v.vs))
		prog.pkgs = append(prog.pkgs, v.name)
	}
	// Vetting every package would double the time: vet those of the first sets.
	prog.vet = prog.pkgs[:min(len(prog.pkgs), 18)]

	// Compare with the interpreter.
	prog.check = func(t *testing.T, got map[string][]string) {
		failures := 0
		for _, v := range variants {
			lines := got[v.name]
			if len(lines) != len(v.vs) {
				t.Errorf("%s: %d results for %d events; output:\n%s", v.name, len(lines), len(v.vs), strings.Join(lines, "\n"))
				continue
			}
			for i, line := range lines {
				want := fmt.Sprint(interpret(v.pkg, v.vs[i]))
				if line != strconv.Itoa(i)+" "+want+" "+want+" "+want && failures < 20 {
					failures++
					t.Errorf("%s (%+v): %s\n got (route, dispatch, invoke) %s\nwant %s", v.name, v.opt, goEvent(v.vs[i]), line, want)
				}
			}
		}
		t.Logf("%d packages", len(variants))
	}
	return prog
}

// testModule is a temporary Go module, fwdiff, that requires this one: the
// tests write generated packages and a main package into it and run them.
type testModule struct {
	t     *testing.T
	dir   string
	gobin string
	env   []string
}

// newTestModule makes a testModule; it skips the test without a go command.
func newTestModule(t *testing.T) *testModule {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	m := &testModule{t: t, dir: t.TempDir(), gobin: gobin,
		env: append(os.Environ(), "GOFLAGS=-mod=mod -trimpath", "GOWORK=off", "GOPROXY=off")}
	m.write("go.mod", fmt.Appendf(nil, "module fwdiff\n\ngo 1.26\n\nrequire github.com/fwgo/fw v0.0.0\n\nreplace github.com/fwgo/fw => %s\n", root))
	m.write("go.sum", sum)
	return m
}

// write writes a file of the module (name is slash-separated).
func (m *testModule) write(name string, data []byte) {
	m.t.Helper()
	path := filepath.Join(m.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		m.t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		m.t.Fatal(err)
	}
}

// vet runs go vet on packages of the module.
func (m *testModule) vet(pkgs []string) {
	m.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	args := []string{"vet"}
	for _, p := range pkgs {
		args = append(args, "./"+p)
	}
	vet := exec.CommandContext(ctx, m.gobin, args...)
	vet.Dir, vet.Env = m.dir, m.env
	start := time.Now()
	if out, err := vet.CombinedOutput(); err != nil {
		m.t.Fatalf("go vet: %v\n%s", err, out)
	}
	m.t.Logf("go vet of %d packages: %v (%v CPU)", len(pkgs), time.Since(start).Round(time.Millisecond), cpu(vet.ProcessState))
}

// run runs the module's main package and returns its standard output.
func (m *testModule) run() []byte {
	m.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	run := exec.CommandContext(ctx, m.gobin, "run", ".")
	run.Dir, run.Env = m.dir, m.env
	var stderr bytes.Buffer
	run.Stderr = &stderr
	start := time.Now()
	out, err := run.Output()
	if err != nil {
		m.t.Fatalf("go run: %v\n%s", err, stderr.Bytes())
	}
	m.t.Logf("go run: %v (%v CPU)", time.Since(start).Round(time.Millisecond), cpu(run.ProcessState))
	return out
}

// cpu is the CPU time of a process and its children.
func cpu(ps *os.ProcessState) time.Duration {
	return (ps.UserTime() + ps.SystemTime()).Round(time.Millisecond)
}

// harness returns the Go source of a file that drives the generated package:
// its Run prints, per event, the deliveries of Route, those Dispatch calls and
// those Invoke calls, and then any allocation of Route and Dispatch or any
// handler that saw a bound value differ from the event's field.
func harness(pkg *ir.Package, vs []vector) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "package %s\n\nimport (\n\t\"fmt\"\n\t\"io\"\n\t\"math\"\n\t\"runtime\"\n\n\tfwrt \"github.com/fwgo/fw/runtime/fwimpl\"\n)\n\n", pkg.Name)
	b.WriteString("var _ = math.Float64frombits\n\n")
	b.WriteString("type fwdRec struct {\n\tgot   []fwrt.Delivery\n\tcheck bool\n\tbad   []string\n\tcur   string\n}\n\n")
	catchAll := false
	for _, p := range pkg.Processors {
		fmt.Fprintf(&b, "type fwd%s struct{ r *fwdRec }\n\n", p.Name)
		for _, c := range p.Cases {
			fmt.Fprintf(&b, "func (h fwd%s) %s(c %s", p.Name, MethodName(c), ContextName(p, c))
			for i, bd := range c.Binds {
				fmt.Fprintf(&b, ", b%d %s", i, goTypeName(bd.Field.Type))
			}
			if c.CatchAll {
				b.WriteString(", e Event")
			}
			fmt.Fprintf(&b, ") error {\n\th.r.got = append(h.r.got, fwrt.Delivery{Proc: %d, Case: %d})\n", p.Index, c.Index)
			if c.CatchAll {
				catchAll = true
				fmt.Fprintf(&b, "\tif h.r.check && e.EventName() != h.r.cur {\n\t\th.r.bad = append(h.r.bad, %q+e.EventName())\n\t}\n", p.Name+"."+c.Name+" received ")
			}
			if len(c.Binds) > 0 {
				b.WriteString("\tif h.r.check {\n\t\te := c.Event()\n")
				for i, bd := range c.Binds {
					fmt.Fprintf(&b, "\t\tif fmt.Sprint(e.%s) != fmt.Sprint(b%d) {\n\t\t\th.r.bad = append(h.r.bad, %q)\n\t\t}\n",
						GoName(bd.Field.Name), i, p.Name+"."+c.Name+" binds "+bd.Field.Name)
				}
				b.WriteString("\t}\n")
			}
			b.WriteString("\treturn nil\n}\n\n")
		}
	}
	b.WriteString("var fwdEvents = []Event{\n")
	for _, v := range vs {
		fmt.Fprintf(&b, "\t%s,\n", goEvent(v))
	}
	b.WriteString("}\n\n")
	b.WriteString("func Run(w io.Writer) {\n\tr := &fwdRec{got: make([]fwrt.Delivery, 0, 256)}\n\td := &fwDispatcher{h: Handlers{")
	for i, p := range pkg.Processors {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s: fwd%s{r}", p.Name, p.Name)
	}
	// A catch-all case boxes its event into an Event: one allocation per call.
	dispatch := "d.DispatchAll(x, msgs[i:i+1])"
	if catchAll {
		dispatch = "_ = i // Route only: a catch-all case's call boxes its event"
	}
	b.WriteString(strings.Replace(`}}
	x := fwrt.NewSerial(&fwProgram)
	c := &fwrt.Call{}
	dst := make([]fwrt.Delivery, 0, 256)
	msgs := make([]fwrt.Msg, len(fwdEvents))
	for i, ev := range fwdEvents {
		m := ev.fwMsg(nil)
		msgs[i] = m
		dst = d.Route(m, dst[:0])
		r.got, r.check, r.cur = r.got[:0], true, ev.EventName()
		d.DispatchAll(x, msgs[i:i+1])
		fmt.Fprintf(w, "%d %v %v", i, dst, r.got)
		r.got, r.check = r.got[:0], false
		for _, dl := range dst {
			if err := d.Invoke(c, dl, m); err != nil {
				panic(err)
			}
		}
		fmt.Fprintf(w, " %v\n", r.got)
	}
	if err := x.Err(); err != nil {
		panic(err)
	}
	// The fewest allocations of three passes: the runtime itself may
	// allocate during one (MemStats counts every goroutine's).
	var fewest uint64
	for pass := range 3 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		for i, m := range msgs {
			dst = d.Route(m, dst[:0])
			r.got = r.got[:0]
			%s
		}
		runtime.ReadMemStats(&after)
		if n := after.Mallocs - before.Mallocs; pass == 0 || n < fewest {
			fewest = n
		}
	}
	if fewest > 0 {
		fmt.Fprintf(w, "%d allocations\n", fewest)
	}
	for _, s := range r.bad {
		fmt.Fprintln(w, "bad", s)
	}
}
`, "%s", dispatch, 1))
	return b.Bytes()
}
