package index

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"
)

// hashCache remembers the SHA-256 of the files of the last run by path, size
// and modification time, in a file of the workspace (hashes.gob), so that a
// warm run stats the files instead of reading them all to hash them: the
// quick check of make, rsync and go test's cache. Tokenize's key is still the
// content hash; only the way the walk obtains the hash changes. -rehash
// ignores it.
//
// A hash is remembered only if the file's modification time was at least
// racyWindow older than the moment the file was opened to be hashed (git's
// "racy clean" rule): a file changed after it was hashed, even within the
// file system's timestamp granularity, then has a different time, so a stale
// hash is never trusted. Files changed very recently are just hashed again.
// It holds one small entry per file of the tree (about 100 bytes).
//
// A file is hashed at most once per run. The walk reads a file it has to hash
// whole, and hands its content to Tokenize through the cache (contents), so
// that Tokenize scans exactly the bytes that were hashed without reading or
// hashing them again. Tokenize reads and hashes a file itself only when the
// walk did not (its hash came from hashes.gob) or when the content was
// dropped (see contents).
type hashCache struct {
	path string
	old  map[string]hashEntry // read-only during the run
	mu   sync.Mutex
	new  map[string]hashEntry

	contents contents

	hashed atomic.Int64 // files whose content was hashed in this run
	reread atomic.Int64 // files hashed by the walk, then read and hashed again by Tokenize
}

type hashEntry struct {
	Size  int64
	MTime int64 // UnixNano
	Hash  []byte
}

const racyWindow = 2 * time.Second

// loadHashCache reads the workspace's hash cache; a missing or unreadable one
// is empty (everything is hashed).
func loadHashCache(workspace string, ignore bool) *hashCache {
	c := &hashCache{path: filepath.Join(workspace, "hashes.gob"), old: map[string]hashEntry{}, new: map[string]hashEntry{},
		contents: contents{m: map[string]content{}, max: maxContents}}
	if ignore {
		return c
	}
	if f, err := os.Open(c.path); err == nil {
		defer f.Close()
		if gob.NewDecoder(f).Decode(&c.old) != nil {
			c.old = map[string]hashEntry{}
		}
	}
	return c
}

// hash returns the size and SHA-256 of the file at path (rel, relative to the
// root, names it in the cache), from the cache if its size and time match.
func (c *hashCache) hash(rel, path string) (int64, []byte, error) {
	e, ok := c.old[rel]
	if ok { // a stat may spare reading the file
		fi, err := os.Stat(path)
		if err != nil {
			return 0, nil, err
		}
		ok = e.Size == fi.Size() && e.MTime == fi.ModTime().UnixNano()
	}
	if !ok {
		opened := time.Now() //fw:nondeterministic-ok decides only whether hashes.gob remembers the hash, not the hash
		c.hashed.Add(1)
		fi, src, err := readFile(path)
		if err != nil {
			return 0, nil, err
		}
		sum := sha256.Sum256(src)
		size := int64(len(src))
		c.contents.put(rel, sum[:], src)
		e = hashEntry{Size: size, MTime: fi.ModTime().UnixNano(), Hash: sum[:]}
		if size != fi.Size() || !fi.ModTime().Before(opened.Add(-racyWindow)) {
			return size, e.Hash, nil // being written, or too recent: do not remember it
		}
	}
	c.mu.Lock()
	c.new[rel] = e
	c.mu.Unlock()
	return e.Size, e.Hash, nil
}

// readFile returns the content of the file at path and its information,
// taken from the open file before it is read (os.ReadFile, without a second
// stat of the path).
func readFile(path string) (os.FileInfo, []byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	src := make([]byte, 0, fi.Size()+1) // +1: EOF is seen without growing
	for {
		n, err := f.Read(src[len(src):cap(src)])
		src = src[:len(src)+n]
		if err == io.EOF {
			return fi, src, nil
		}
		if err != nil {
			return nil, nil, err
		}
		if len(src) == cap(src) {
			src = append(src, 0)[:len(src)] // grew while being read
		}
	}
}

// save writes the cache: after a complete walk, the files it saw; after a
// partial one, those added to the previous entries. An unchanged cache (a
// warm run's) is not written again.
func (c *hashCache) save(complete bool) error {
	all := c.new
	if !complete {
		all = maps.Clone(c.old)
		maps.Copy(all, c.new)
	}
	if len(c.old) > 0 && maps.EqualFunc(all, c.old, func(a, b hashEntry) bool {
		return a.Size == b.Size && a.MTime == b.MTime && bytes.Equal(a.Hash, b.Hash)
	}) {
		return nil
	}
	tmp := c.path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if err := gob.NewEncoder(f).Encode(all); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, c.path)
}

// read returns the content of the file at path (rel names it relative to the
// root) whose size and hash the walk yielded: the bytes the walk read to hash
// it if it did, else the file read and hashed now. It fails if the file's
// content is no longer the one hashed, so that what Tokenize records under a
// File's key is that content's counts.
func (c *hashCache) read(rel, path string, size int64, hash []byte) ([]byte, error) {
	src, ok, dropped := c.contents.take(rel, hash)
	if ok {
		return src, nil
	}
	if dropped {
		c.reread.Add(1) // hashed by the walk, content dropped
	}
	c.hashed.Add(1)
	src, err := os.ReadFile(path) //fw:nondeterministic-ok the content whose hash the File carries: checked below, the call fails if it changed
	if err != nil {
		return nil, err
	}
	if sum := sha256.Sum256(src); int64(len(src)) != size || !bytes.Equal(sum[:], hash) {
		return nil, fmt.Errorf("%s changed during the run: run again", rel)
	}
	return src, nil
}

// maxContents bounds the bytes of content held for Tokenize. The walk runs
// at most a window of files ahead of what the engine pulls, and the engine
// pulls a source 256 files at a time, so the contents awaiting Tokenize are
// a few hundred files: about 15 MB for the standard library's tree.
const maxContents = 64 << 20

// contents holds the content of the files that the walk has read and hashed,
// until Tokenize takes them. A file whose Tokenize call is a cache hit (its
// hash was not in hashes.gob, but its counts are in the archive: after
// -rehash, say) is never taken: the oldest contents are dropped once they
// exceed max bytes, and a file bigger than max is not held at all. Tokenize
// then reads and hashes the file again.
type contents struct {
	mu      sync.Mutex
	m       map[string]content
	fifo    []string // paths in the order put; taken ones are skipped when dropping
	bytes   int
	max     int
	dropped map[string]bool // paths whose content was dropped or not held
}

type content struct {
	hash []byte
	src  []byte
}

func (c *contents) put(rel string, hash, src []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(src) > c.max {
		c.drop(rel)
		return
	}
	c.m[rel] = content{hash, src}
	c.fifo = append(c.fifo, rel)
	c.bytes += len(src)
	for c.bytes > c.max {
		old := c.fifo[0]
		c.fifo = c.fifo[1:]
		if v, ok := c.m[old]; ok {
			c.bytes -= len(v.src)
			delete(c.m, old)
			c.drop(old)
		}
	}
}

func (c *contents) drop(rel string) {
	if c.dropped == nil {
		c.dropped = map[string]bool{}
	}
	c.dropped[rel] = true
}

// take returns and forgets the content of rel if it is held with this hash;
// dropped reports that the walk read it but its content is no longer held.
func (c *contents) take(rel string, hash []byte) (src []byte, ok, dropped bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[rel]
	if !ok || !bytes.Equal(v.hash, hash) {
		return nil, false, c.dropped[rel]
	}
	delete(c.m, rel)
	c.bytes -= len(v.src)
	if len(c.m) == 0 {
		c.fifo = c.fifo[:0] // every path of the queue is taken
	}
	return v.src, true, false
}
