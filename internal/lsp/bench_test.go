//go:build unix

package lsp

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/fwgo/fw/dsl"
)

// writeBenchPackage writes a package of 1,000 cases (100 processors of 10
// cases) in dir: events.fw and files processor files. It returns the paths
// of the processor files and two versions of the first, the second with one
// more case in its middle processor.
func writeBenchPackage(b *testing.B, dir string, files int) (paths []string, v0, v1 string) {
	if err := os.WriteFile(filepath.Join(dir, "events.fw"), []byte(benchEvents()), 0o644); err != nil {
		b.Fatal(err)
	}
	per := 100 / files
	for f := range files {
		path := filepath.Join(dir, fmt.Sprintf("p%02d.fw", f))
		src := benchProcessors(rand.New(rand.NewPCG(uint64(f), 1)), f*per, per, 10, 0)
		if f == 0 {
			v0 = src
			// The edit adds a case in the middle of the file (and the next
			// one takes it away): the declarations after it move down a line.
			mid := fmt.Sprintf("processor P%d {\n", per/2)
			v1 = strings.Replace(src, mid, mid+"    on E0{id: \"edited\"} as Edited\n", 1)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			b.Fatal(err)
		}
		paths = append(paths, path)
	}
	return paths, v0, v1
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkRecheck measures what an edit costs the language server in a
// package of 1,000 cases: a didChange of one file (its JSON decoded, the
// change applied, the package re-checked with the other files' syntax trees
// kept, the index rebuilt and the diagnostics converted and published),
// beside a full `fwgen lint` of the same package (dsl.LoadDir: read, parse
// and check every file). The package is 10 files of 100 cases, or one file
// of 1,000 (where the edited file is the whole package); lsp-change-wholefile
// is lsp-change with the edited file parsed whole instead of by declarations
// (parseChunked); lsp-change+definition adds a go to definition after each
// change, which builds the package's index again (it is built on demand).
// cpu-ms/op is the
// process's CPU time (getrusage) per op, on every thread.
func BenchmarkRecheck(b *testing.B) {
	for _, files := range []int{10, 1} {
		dir := b.TempDir()
		paths, v0, v1 := writeBenchPackage(b, dir, files)
		name := fmt.Sprintf("%dfiles", files)
		if files == 1 {
			name = "1file"
		}
		for _, mode := range []string{"lsp-change", "lsp-change-wholefile", "lsp-change+definition"} {
			b.Run(mode+"/"+name, func(b *testing.B) {
				if mode == "lsp-change-wholefile" {
					defer func(n int) { chunkMinBytes = n }(chunkMinBytes)
					chunkMinBytes = 1 << 40
				}
				s := newServer(func(string, any) {}, b.Logf)
				s.handle("initialize", nil)
				open, _ := json.Marshal(didOpenParams{TextDocument: textDocumentItem{URI: pathToURI(paths[0]), LanguageID: "fw", Version: 1, Text: v0}})
				raw := json.RawMessage(open)
				if _, err := s.handle("textDocument/didOpen", &raw); err != nil {
					b.Fatal(err)
				}
				if st := s.ws.pkgs[dir]; st.pkg == nil || len(st.diags) > 0 && st.diags.HasErrors() {
					b.Fatalf("the package does not check:\n%s", st.diags.Text())
				}
				changes := make([]json.RawMessage, 2)
				for i, text := range []string{v1, v0} {
					data, _ := json.Marshal(didChangeParams{TextDocument: versionedTextDocumentIdentifier{URI: pathToURI(paths[0])},
						ContentChanges: []contentChange{{Text: text}}})
					changes[i] = data
				}
				// A definition request on the first event of the file (E<n>
				// of `on E<n>{`): it needs the index, rebuilt after a change.
				src := []string{v1, v0}
				def := make([]json.RawMessage, 2)
				for i := range def {
					off := strings.Index(src[i], "    on E") + len("    on ")
					data, _ := json.Marshal(textDocumentPositionParams{TextDocument: textDocumentIdentifier{URI: pathToURI(paths[0])},
						Position: newText([]byte(src[i])).position(off)})
					def[i] = data
				}
				cpu := cpuTime()
				b.ResetTimer()
				for i := 0; b.Loop(); i++ {
					if _, err := s.handle("textDocument/didChange", &changes[i%2]); err != nil {
						b.Fatal(err)
					}
					if mode == "lsp-change+definition" {
						locs, err := s.handle("textDocument/definition", &def[i%2])
						if err != nil || len(locs.([]Location)) != 1 {
							b.Fatalf("definition: %v %v", locs, err)
						}
					}
				}
				b.ReportMetric(float64(cpuTime()-cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
			})
		}
		b.Run("lint/"+name, func(b *testing.B) {
			cpu := cpuTime()
			for b.Loop() {
				if _, _, err := dsl.LoadDir(dir); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cpuTime()-cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
		})
	}
}
