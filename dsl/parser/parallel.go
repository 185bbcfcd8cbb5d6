package parser

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
)

// A large file is parsed in parallel, a run of its declarations at a time:
// each run is lexed, parsed and converted on its own. The result is the
// same as parsing the file whole: a declaration ends with its "}", and
// participle never looks past it, so parsing the declarations one after the
// other from the start of each run is what parsing the file does. The runs
// are cut after a "}" at the top level, where the next declaration starts
// if the file is valid. If it is not, or if anything does not go as the
// whole parse would (a lexical error, a run that does not parse to its
// end), the file is parsed whole instead: the syntax error, if any, is
// always the one of the whole parse.
const (
	// parallelMinBytes is the size from which a file is parsed in parallel.
	parallelMinBytes = 32 << 10
	// runsPerWorker splits the file finer than into one run a worker, so
	// that a worker that finishes early can take another.
	runsPerWorker = 4
)

// headerG is the package clause of a file: fileG without its declarations.
type headerG struct {
	Package identG `parser:"'package' @@"`
}

// The parsers of a package clause and of one declaration, for the runs.
// They parse a prefix of their input (participle.AllowTrailing).
var (
	headerParser = participle.MustBuild[headerG](participle.Lexer(scanDef), participle.UseLookahead(0))
	declParser   = participle.MustBuild[declG](participle.Lexer(scanDef), participle.UseLookahead(0))
	allowRest    = participle.AllowTrailing(true)
)

// run is a run of declarations: where it starts, and once parsed its
// declarations, converted.
type run struct {
	start  scanState
	end    scanState // where the next run starts, or the end of the source
	header identG
	ndecls int
	decls  []ast.Decl
	diags  diag.List
}

// parseInRuns parses src in runs, in parallel, if it is large and valid. It
// reports false if it did not, for src to be parsed whole.
func parseInRuns(filename, src string) (*ast.File, diag.List, bool) {
	workers := runtime.GOMAXPROCS(0)
	if workers < 2 || len(src) < parallelMinBytes {
		return nil, nil, false
	}
	runs, comments, ok := cutRuns(filename, src, max(len(src)/(workers*runsPerWorker), parallelMinBytes/runsPerWorker))
	if !ok || len(runs) < 2 {
		return nil, nil, false
	}
	var (
		next   atomic.Int64 // the next run to parse
		failed atomic.Bool
		wg     sync.WaitGroup
	)
	for range min(workers, len(runs)) {
		wg.Go(func() {
			defer func() {
				// The whole parse reports the panic, for it panics too.
				if recover() != nil {
					failed.Store(true)
				}
			}()
			for !failed.Load() {
				i := int(next.Add(1)) - 1
				if i >= len(runs) {
					return
				}
				if !runs[i].parse(filename, src, i == 0) {
					failed.Store(true)
				}
			}
		})
	}
	wg.Wait()
	if failed.Load() {
		return nil, nil, false
	}
	var (
		c      = &converter{filename: filename}
		file   = &ast.File{Name: filename, Package: c.ident(runs[0].header), Comments: c.comments(comments)}
		diags  diag.List
		ndecls int
	)
	for _, r := range runs {
		file.Decls = append(file.Decls, r.decls...)
		diags = append(diags, r.diags...)
		ndecls += r.ndecls
	}
	if ndecls >= participle.MaxIterations {
		return nil, nil, false // the whole parse fails on too many declarations
	}
	if len(diags) > 0 {
		return nil, diags.Sort(), true
	}
	return file, nil, true
}

// cutRuns lexes src to cut it into runs of about size bytes. It also
// returns the comments. It reports false if the source does not lex or has
// parentheses nested too deeply.
func cutRuns(filename, src string, size int) ([]*run, []lexer.Token, bool) {
	lx := &parseLexer{scanner: newScanner(filename, src)}
	runs := []*run{{start: lx.state()}}
	depth, cut := 0, false // cut: a run ends at the last token
	for {
		t, err := lx.Next()
		if err != nil {
			return nil, nil, false
		}
		if t.EOF() {
			break
		}
		if cut {
			runs = append(runs, &run{start: runs[len(runs)-1].end})
			cut = false
		}
		if t.Type != typePunct {
			continue
		}
		switch t.Value {
		case "{":
			depth++
		case "}":
			if depth--; depth == 0 && lx.off-runs[len(runs)-1].start.off >= size {
				runs[len(runs)-1].end, cut = lx.state(), true
			}
		}
	}
	runs[len(runs)-1].end = lx.state()
	return runs, lx.comments, !lx.tooDeep
}

// parse parses and converts the run, with the package clause if first. It
// reports false if the run is not a valid package clause (if first) and
// declarations.
func (r *run) parse(filename, src string, first bool) bool {
	s := newScanner(filename, src[:r.end.off])
	s.setState(r.start)
	peek, err := lexer.Upgrade(&parseLexer{scanner: s})
	if err != nil {
		return false
	}
	if first {
		h, err := headerParser.ParseFromLexer(peek, allowRest)
		if err != nil {
			return false
		}
		r.header = h.Package
	}
	var decls []*declG
	for !peek.Peek().EOF() {
		d, err := declParser.ParseFromLexer(peek, allowRest)
		if err != nil {
			return false
		}
		decls = append(decls, d)
	}
	c := &converter{filename: filename}
	r.ndecls, r.decls, r.diags = len(decls), c.decls(nil, decls), c.diags
	return true
}
