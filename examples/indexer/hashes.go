package main

import (
	"encoding/gob"
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
type hashCache struct {
	path string
	old  map[string]hashEntry // read-only during the run
	mu   sync.Mutex
	new  map[string]hashEntry

	hashed atomic.Int64 // files read to be hashed in this run
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
	c := &hashCache{path: filepath.Join(workspace, "hashes.gob"), old: map[string]hashEntry{}, new: map[string]hashEntry{}}
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
	fi, err := os.Stat(path)
	if err != nil {
		return 0, nil, err
	}
	e, ok := c.old[rel]
	if !ok || e.Size != fi.Size() || e.MTime != fi.ModTime().UnixNano() {
		opened := time.Now()
		c.hashed.Add(1)
		size, sum, err := hashFile(path)
		if err != nil {
			return 0, nil, err
		}
		e = hashEntry{Size: size, MTime: fi.ModTime().UnixNano(), Hash: sum}
		if size != fi.Size() || !fi.ModTime().Before(opened.Add(-racyWindow)) {
			return size, sum, nil // being written, or too recent: do not remember it
		}
	}
	c.mu.Lock()
	c.new[rel] = e
	c.mu.Unlock()
	return e.Size, e.Hash, nil
}

// save writes the cache: after a complete walk, the files it saw; after a
// partial one, those added to the previous entries.
func (c *hashCache) save(complete bool) error {
	all := c.new
	if !complete {
		all = maps.Clone(c.old)
		maps.Copy(all, c.new)
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
