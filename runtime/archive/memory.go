package archive

import "sync"

// Memory is the default Archive: a map in memory, gone when the process ends.
// It writes no files. Entries are kept encoded, so a Get checks them like any
// other archive and a record returned by Get shares no memory with the caller's
// Put. The zero value is not usable; call NewMemory.
type Memory struct {
	mu      sync.RWMutex
	entries map[Key][]byte
	closed  bool
}

var _ Archive = (*Memory)(nil)

// NewMemory returns an empty in-memory archive.
func NewMemory() *Memory { return &Memory{entries: make(map[Key][]byte)} }

// Get implements Archive.
func (m *Memory) Get(k Key) (Record, bool, error) {
	m.mu.RLock()
	data, ok := m.entries[k]
	closed := m.closed
	m.mu.RUnlock()
	if closed {
		return Record{}, false, ErrClosed
	}
	if !ok {
		return Record{}, false, nil
	}
	rec, err := DecodeRecord(data)
	if err != nil {
		return Record{}, false, &CorruptError{Key: k, Err: err}
	}
	return rec, true, nil
}

// Put implements Archive.
func (m *Memory) Put(k Key, rec Record) error {
	data := EncodeRecord(rec)
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return ErrClosed
	}
	m.entries[k] = data
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

// PutRaw stores data as the entry of k without checking it. It exists for tests
// of corruption handling (a damaged entry must read as a miss and be rewritten).
func (m *Memory) PutRaw(k Key, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return ErrClosed
	}
	m.entries[k] = append([]byte(nil), data...)
	return nil
}
