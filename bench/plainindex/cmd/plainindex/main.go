// Command plainindex is the baseline of examples/indexer (package
// github.com/fwgo/fw/bench/plainindex): it indexes a tree of Go sources with
// a worker pool and no framework and prints the indexer's report.
//
// Usage:
//
//	plainindex [-root dir] [-workers n] [-top n] [-cpuprofile file]
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"

	"github.com/fwgo/fw/bench/plainindex"
)

func main() {
	root := flag.String("root", "", "directory tree to index (default: $(go env GOROOT)/src)")
	workers := flag.Int("workers", runtime.GOMAXPROCS(0), "files read, hashed and tokenized at once")
	top := flag.Int("top", 20, "how many of the most frequent identifiers to print")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the run to this file")
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if *root == "" {
		*root = filepath.Join(runtime.GOROOT(), "src")
		if out, err := exec.Command("go", "env", "GOROOT").Output(); err == nil {
			if dir := strings.TrimSpace(string(out)); dir != "" {
				*root = filepath.Join(dir, "src")
			}
		}
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "plainindex:", err)
			os.Exit(1)
		}
	}
	rep, err := plainindex.Index(*root, *workers)
	if err == nil {
		err = rep.Write(os.Stdout, *top)
	}
	pprof.StopCPUProfile()
	if err != nil {
		fmt.Fprintln(os.Stderr, "plainindex:", err)
		os.Exit(1)
	}
}
