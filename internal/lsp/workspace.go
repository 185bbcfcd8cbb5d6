package lsp

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/fwgo/fw/dsl"
	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/check"
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/ir"
)

// A document is a file that the editor has opened: its buffer is the truth,
// not the disk.
type document struct {
	uri     string // as the client spells it
	path    string
	version int
	src     []byte
}

// parsedFile is a syntax tree with the text it was parsed from.
type parsedFile struct {
	file *ast.File
	text *text
}

// fileState is one .fw file of a package as last analyzed.
type fileState struct {
	path     string
	src      []byte
	text     *text
	disk     diskStamp // of the content read from disk (zero for a buffer)
	file     *ast.File // nil when src has syntax errors
	parseErr diag.List // the diagnostics of parsing src
	good     parsedFile
	chunks   map[string]*chunk // the pieces of the last parse, by text (see parseChunked)
}

type diskStamp struct {
	mod  time.Time
	size int64
}

// pkgState is the analysis of one package directory.
type pkgState struct {
	dir      string
	files    map[string]*fileState
	analyzed bool
	index    *index                // nil until idx builds it from good
	good     map[string]parsedFile // the last version of each file that parsed
	pkg      *ir.Package           // the last package that checked without error; nil before
	diags    diag.List             // of the last analysis, sorted
	// published is the last list sent for each URI, to send only changes.
	published map[string]string
}

// A workspace holds the open documents and the analyzed packages.
type workspace struct {
	docs map[string]*document // by path
	pkgs map[string]*pkgState // by directory
}

func newWorkspace() *workspace {
	return &workspace{docs: map[string]*document{}, pkgs: map[string]*pkgState{}}
}

// uriToPath returns the file path of a file: URI ("" for another scheme).
func uriToPath(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return ""
	}
	p := u.Path
	if runtime.GOOS == "windows" {
		p = strings.TrimPrefix(p, "/")
	}
	return filepath.Clean(filepath.FromSlash(p))
}

// pathToURI returns the file: URI of an absolute path.
func pathToURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// uriOf returns the URI of a file of the workspace: the client's spelling
// for an open document.
func (ws *workspace) uriOf(path string) string {
	if d := ws.docs[path]; d != nil {
		return d.uri
	}
	return pathToURI(path)
}

// pkgOf returns the analysis of the package of the file at path, analyzing
// it first if it is not yet.
func (ws *workspace) pkgOf(path string) *pkgState {
	dir := filepath.Dir(path)
	if st := ws.pkgs[dir]; st != nil {
		return st
	}
	return ws.analyze(dir)
}

// analyze re-checks the package in dir: each file's content is its open
// buffer, or else the disk's; a file whose content did not change since the
// last analysis is not parsed again. Only this package is checked: .fw
// packages do not import one another.
func (ws *workspace) analyze(dir string) *pkgState {
	st := ws.pkgs[dir]
	if st == nil {
		st = &pkgState{dir: dir, files: map[string]*fileState{}, published: map[string]string{}}
		ws.pkgs[dir] = st
	}
	paths, _ := dsl.SourceFiles(dir)
	for p, d := range ws.docs {
		if filepath.Dir(p) == dir && strings.HasSuffix(p, dsl.Ext) && !slices.Contains(paths, p) {
			paths = append(paths, d.path)
		}
	}
	slices.Sort(paths)
	changed := false
	present := map[string]bool{}
	for _, p := range paths {
		present[p] = true
		fs := st.files[p]
		if fs == nil {
			fs = &fileState{path: p}
			st.files[p] = fs
		}
		var (
			src   []byte
			stamp diskStamp
		)
		if d := ws.docs[p]; d != nil {
			src = d.src
		} else {
			info, err := os.Stat(p)
			if err != nil {
				delete(present, p)
				continue
			}
			stamp = diskStamp{info.ModTime(), info.Size()}
			if stamp.mod.Equal(fs.disk.mod) && stamp.size == fs.disk.size && fs.text != nil {
				src = fs.src
			} else if src, err = os.ReadFile(p); err != nil {
				delete(present, p)
				continue
			}
		}
		fs.disk = stamp
		if fs.text != nil && bytes.Equal(src, fs.src) {
			continue
		}
		changed = true
		fs.src, fs.text = src, newText(src)
		fs.file, fs.parseErr, fs.chunks = parseChunked(p, src, fs.chunks)
		if fs.parseErr.HasErrors() {
			fs.file = nil
		} else if fs.file != nil {
			fs.good = parsedFile{file: fs.file, text: fs.text}
		}
	}
	for p := range st.files {
		if !present[p] {
			delete(st.files, p)
			changed = true
		}
	}
	if !changed && st.analyzed {
		return st
	}
	st.analyzed = true
	var (
		diags  diag.List
		files  []*ast.File
		failed bool
	)
	good := map[string]parsedFile{}
	for _, p := range paths {
		fs := st.files[p]
		if fs == nil {
			continue
		}
		diags = append(diags, fs.parseErr...)
		if fs.file == nil {
			failed = true
		} else {
			files = append(files, fs.file)
		}
		if fs.good.file != nil {
			good[p] = fs.good
		}
	}
	// As dsl.Load: after a syntax error, the syntax errors alone (checking
	// without a file's declarations would report its names as unknown).
	if !failed {
		pkg, more := check.Check(files)
		diags = append(diags, more...)
		if !more.HasErrors() && !diags.HasErrors() {
			st.pkg = pkg
		}
	}
	st.diags = diags.Sort()
	// The index is built when a request needs it, not at every keystroke.
	st.index, st.good = nil, good
	return st
}

// idx returns the index of the package's last versions that parsed,
// building it if an analysis made it stale.
func (st *pkgState) idx() *index {
	if st.index == nil {
		st.index = buildIndex(st.good)
	}
	return st.index
}

// current returns the file state of path in its package, nil if it is not
// a file of it.
func (st *pkgState) current(path string) *fileState { return st.files[path] }
