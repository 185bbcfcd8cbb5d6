package archive

import (
	"errors"
	"log/slog"
)

// Archive stores records by key. Implementations are safe for concurrent use.
type Archive interface {
	// Get returns the record stored under k. A miss is (Record{}, false, nil).
	// A corrupt entry is (Record{}, false, err) with err a *CorruptError
	// (errors.Is(err, ErrCorrupt)): a miss to warn about; see Lookup. Any other
	// error is a storage failure. The returned record must not be modified.
	Get(k Key) (rec Record, ok bool, err error)
	// Put stores rec under k, replacing any entry; it copies what it keeps, so
	// the caller may reuse rec. An archive may buffer Puts: a Put is
	// acknowledged (survives a crash of the process) once a later Flush or
	// Close returns nil. A buffered entry is visible to Get at once. An entry
	// is whole or absent, never part of a record.
	Put(k Key, rec Record) error
	// Flush makes every earlier Put durable as far as the archive promises
	// (see its options) and returns the first write error.
	Flush() error
	// Close flushes and releases the archive; later calls return ErrClosed.
	// Closing twice is not an error.
	Close() error
}

// BatchGetter is implemented by archives that look up many keys at once faster
// than one Get per key (for example with one read transaction, in key order).
// The engine looks up the inputs of a step's cached calls through it.
type BatchGetter interface {
	// GetBatch stores in res[i] what Get(keys[i]) would return, for every i;
	// res is at least as long as keys. Records must not be modified.
	GetBatch(keys []Key, res []Result)
}

// EncodedBatchGetter is implemented by archives that store records encoded
// and can return them so, saving the decoding of each record into a Record
// (its caller walks the encoding with WalkRecord instead).
type EncodedBatchGetter interface {
	// GetBatchEncoded is GetBatch, except that a hit's record is left in
	// Result.Enc, its encoding (EncodeRecord's), already checked with
	// CheckRecord, and Result.Rec is empty. A damaged entry is a
	// *CorruptError, as for Get. Enc must not be modified.
	GetBatchEncoded(keys []Key, res []Result)
}

// Result is the result of one lookup of GetBatch: Get's three results (and,
// from GetBatchEncoded, the record encoded).
type Result struct {
	Rec Record
	OK  bool
	Err error
	// Enc is set by EncodedBatchGetter.GetBatchEncoded only: the encoded
	// record of a hit, checked with CheckRecord.
	Enc []byte
}

// GetBatch looks up keys through a's BatchGetter if it has one, with one Get
// per key otherwise, storing the results in res (at least as long as keys).
func GetBatch(a Archive, keys []Key, res []Result) {
	if bg, ok := a.(BatchGetter); ok {
		bg.GetBatch(keys, res)
		return
	}
	for i, k := range keys {
		r := &res[i]
		r.Rec, r.OK, r.Err = a.Get(k)
	}
}

// ErrClosed is returned by the methods of a closed archive.
var ErrClosed = errors.New("fw: archive is closed")

// ErrWorkspaceInUse is wrapped by the error of opening a workspace that another
// process (or another open archive in this one) holds.
var ErrWorkspaceInUse = errors.New("fw: workspace is in use by another process")

// ErrTooLarge is wrapped by the error of a Put whose record is larger than the
// archive can store; the caller should run uncached for that input.
var ErrTooLarge = errors.New("fw: record too large for the archive")

// Lookup is Get with the cache's policy for damaged entries: a corrupt entry is
// logged as a warning on log (if not nil) and reported as a miss with a nil
// error, so the caller re-executes the call and its Put rewrites the entry.
// Other errors are returned as they are.
func Lookup(a Archive, k Key, log *slog.Logger) (Record, bool, error) {
	rec, ok, err := a.Get(k)
	return Policy(k, rec, ok, err, log)
}

// Policy applies Lookup's policy for damaged entries to the result of a Get
// of k (or of a GetBatch): a corrupt entry is warned about on log (if not nil)
// and becomes a miss with a nil error.
func Policy(k Key, rec Record, ok bool, err error, log *slog.Logger) (Record, bool, error) {
	if err != nil && errors.Is(err, ErrCorrupt) {
		if log != nil {
			log.Warn("fw: corrupt cache entry, treating it as a miss; it will be rewritten",
				"key", k.String(), "err", err)
		}
		return Record{}, false, nil
	}
	return rec, ok, err
}
