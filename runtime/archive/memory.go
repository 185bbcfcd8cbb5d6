package archive

import "sync"

// Memory is the default Archive: a map in memory, gone when the process ends.
// It writes no files. Put keeps a deep copy of the record (sharing no memory
// with the caller's), so Get returns it as it is, without decoding or
// allocating; like every record returned by Get it must not be modified. An
// entry stored with PutRaw is decoded when stored, and one that does not
// decode reads as a *CorruptError. The zero value is not usable; call
// NewMemory.
type Memory struct {
	mu      sync.RWMutex
	entries map[Key]memEntry
	closed  bool
}

// memEntry is a stored record, or why a raw entry does not decode.
type memEntry struct {
	rec Record
	err error // wraps ErrCorrupt
}

var (
	_ Archive     = (*Memory)(nil)
	_ BatchGetter = (*Memory)(nil)
)

// NewMemory returns an empty in-memory archive.
func NewMemory() *Memory { return &Memory{entries: make(map[Key]memEntry)} }

// Get implements Archive.
func (m *Memory) Get(k Key) (Record, bool, error) {
	m.mu.RLock()
	e, ok := m.entries[k]
	closed := m.closed
	m.mu.RUnlock()
	return e.result(k, ok, closed)
}

func (e *memEntry) result(k Key, ok, closed bool) (Record, bool, error) {
	switch {
	case closed:
		return Record{}, false, ErrClosed
	case !ok:
		return Record{}, false, nil
	case e.err != nil:
		return Record{}, false, &CorruptError{Key: k, Err: e.err}
	}
	return e.rec, true, nil
}

// GetBatch implements BatchGetter: one Get per key, under one read lock.
func (m *Memory) GetBatch(keys []Key, res []Result) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	for i, k := range keys {
		e, ok := m.entries[k]
		r := &res[i]
		r.Rec, r.OK, r.Err = e.result(k, ok, m.closed)
	}
}

// Put implements Archive.
func (m *Memory) Put(k Key, rec Record) error {
	rec = rec.Clone()
	if rec.Emissions == nil {
		rec.Emissions = []Emission{}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return ErrClosed
	}
	m.entries[k] = memEntry{rec: rec}
	return nil
}

// Flush implements Archive; there is nothing to flush.
func (m *Memory) Flush() error {
	m.mu.RLock()
	defer m.mu.RUnlock()
	if m.closed {
		return ErrClosed
	}
	return nil
}

// Close implements Archive and drops every entry.
func (m *Memory) Close() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.closed = true
	m.entries = nil
	return nil
}

// Len returns the number of entries.
func (m *Memory) Len() int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return len(m.entries)
}

// PutRaw stores data, an encoded record, as the entry of k. It exists for
// tests of corruption handling: data that does not decode makes the entry
// read as a *CorruptError (a miss) until a Put rewrites it.
func (m *Memory) PutRaw(k Key, data []byte) error {
	rec, err := DecodeRecordFor(k, append([]byte(nil), data...))
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return ErrClosed
	}
	m.entries[k] = memEntry{rec: rec, err: err}
	return nil
}
