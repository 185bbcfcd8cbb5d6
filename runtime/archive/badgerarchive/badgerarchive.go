// Package badgerarchive is the persistent archive.Archive of fw: a Badger
// database in a workspace directory, for caches that outlive a run.
//
// Layout of a workspace directory:
//
//	fw.lock     lock file: held (flock) by the process that has the workspace open; holds its pid
//	archive/    the Badger database
//
//	archive.damaged-<time>/  an archive that could not be opened, moved aside (see below)
//
// Keys in the database are "c/" followed by the 32 bytes of an archive.Key;
// values are archive records encoded for their key (archive.EncodeRecordFor:
// the record's checksum covers the key, so a record found under another key
// reads as a corrupt entry). The key "m/format" holds the layout version
// (FormatVersion).
//
// Guarantees:
//
//   - One process at a time: a second Open of the workspace, from another
//     process or from this one, fails at once with an error wrapping
//     archive.ErrWorkspaceInUse that names the workspace and the holder's pid.
//   - Crash consistency: every Put acknowledged by Flush (or Close) survives a
//     kill -9 of the process; with WithSyncWrites(true) it also survives a
//     crash of the machine.
//   - Crash progress bounded by time: Puts are buffered and written in
//     batches (4 MiB, WithBatchBytes), but never buffered longer than the
//     flush interval (1 s, WithFlushInterval): a timer writes the batch then,
//     so a kill -9 loses at most the last interval's work. A written batch is
//     in Badger's write-ahead log, in the OS page cache, which a killed
//     process does not lose; fsync (WithSyncWrites) is for power loss. An entry is whole or absent: each record is one
//     Badger value, written in a checksummed transaction that Badger replays
//     whole or drops on open, and the record's own CRC-32C catches any damage
//     after that.
//   - A damaged entry reads as a *archive.CorruptError (a miss); a Put of the
//     same key rewrites it.
//   - A panic inside Badger's Open, or inside a read, is returned as an error
//     (a read's as a corrupt entry).
//
// A workspace is a cache: damage never crashes and never sticks. Before
// Badger opens the database, Open checks every table (.sst) with Badger's
// table reader in its own goroutine, footer, index and the checksum of every
// block (Badger opens and compacts tables in goroutines of its own, where a
// damaged table panics beyond any caller's recover). An archive that cannot
// be opened (a damaged or missing table, a damaged MANIFEST or KEYREGISTRY,
// a panic inside Badger, another FormatVersion) is renamed
// archive.damaged-<UTC time> inside the workspace, kept for inspection, a
// warning names it (on WithLogger's logger, else slog.Default()), and a fresh,
// empty archive is created. With WithStrict(true), Open fails instead, with
// an error naming the directory to remove. A workspace held by another
// process is never damage: it is an *InUseError in both modes. Damage that
// Badger's own recovery absorbs (a cut or damaged write-ahead log or value
// log, which Badger truncates at the first bad entry) loses entries: they are
// misses, recomputed and rewritten; a damaged value reads as a corrupt entry.
//
// Writes are blind (no read-modify-write transactions) and go through Badger's
// WriteBatch, so they never meet badger.ErrConflict.
package badgerarchive

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
	"github.com/dgraph-io/badger/v4/table"
	"github.com/dgraph-io/ristretto/v2/z"

	"github.com/fwgo/fw/runtime/archive"
	"github.com/fwgo/fw/runtime/fw"
)

// ErrWorkspaceInUse is archive.ErrWorkspaceInUse, wrapped by the error of
// opening a workspace that is held.
var ErrWorkspaceInUse = archive.ErrWorkspaceInUse

// FormatVersion is the version of the workspace layout described in the
// package documentation.
const FormatVersion = "fw-archive/1"

const (
	lockFileName = "fw.lock"
	dbDirName    = "archive"
	entryPrefix  = "c/"
	formatKey    = "m/format"
)

// Badger sizing for a small embedded store. Badger's defaults target a large
// server (64 MiB memtables, five of them, a 256 MiB block cache, 1 GiB value
// log files, four compactors); a cache in a workspace holds megabytes to a few
// gigabytes and shares the machine with the application.
const (
	// memTableSize bounds each in-memory table (Badger allocates its arena up
	// front). A transaction may carry up to 15% of it, 1.2 MiB here.
	memTableSize = 8 << 20
	// numMemtables: one being filled, one being flushed to disk.
	numMemtables = 2
	// Level-0 tables before compaction starts, and before writes stall
	// (kept proportional to the fewer memtables, as Badger's docs advise).
	numLevelZeroTables      = 2
	numLevelZeroTablesStall = 8
	// numCompactors is Badger's minimum (one is rejected, zero disables
	// compaction).
	numCompactors = 2
	// valueThreshold: records up to 64 KiB live in the LSM tree (one read,
	// compacted with their keys); larger ones go to the value log, written once.
	valueThreshold = 64 << 10
	// valueLogFileSize: 64 MiB files instead of 1 GiB. It also bounds the size
	// of one value, so MaxRecordSize is a little below it.
	valueLogFileSize = 64 << 20
	// MaxRecordSize is the largest encoded record Put accepts; a larger one
	// fails with archive.ErrTooLarge and should run uncached.
	MaxRecordSize = valueLogFileSize - 1<<20
	// defaultBatchBytes: Puts are buffered and written in one WriteBatch on
	// Flush, or as soon as this many bytes are buffered.
	defaultBatchBytes = 4 << 20
	// DefaultFlushInterval bounds how long a Put stays buffered: a Put is
	// written (and survives a kill of the process) at most this long after
	// it is made, even when the batch is not full and nobody calls Flush.
	DefaultFlushInterval = time.Second
)

// badgerOptions returns the options for the database in dir.
func (c *config) badgerOptions(dir string) badger.Options {
	o := badger.DefaultOptions(dir).
		WithSyncWrites(c.syncWrites).
		// Only the latest record of a key is ever read; a rewrite replaces it.
		WithNumVersionsToKeep(1).
		// Writes are blind and reads are snapshot reads: conflict detection
		// would cost memory per transaction and protect nothing.
		WithDetectConflicts(false).
		WithMemTableSize(memTableSize).
		WithNumMemtables(numMemtables).
		WithNumLevelZeroTables(numLevelZeroTables).
		WithNumLevelZeroTablesStall(numLevelZeroTablesStall).
		WithNumCompactors(numCompactors).
		WithValueThreshold(valueThreshold).
		WithValueLogFileSize(valueLogFileSize).
		// Records are small and mostly incompressible binary; without
		// compression (and encryption) Badger needs no block cache: tables are
		// memory-mapped and the OS page cache serves reads.
		WithCompression(options.None).
		WithBlockCacheSize(0).
		WithIndexCacheSize(0).
		// Every value carries its own CRC (the record's), checked on each Get,
		// so Badger's table and value-log checksums are not verified on read.
		// Verifying table blocks would not make damage safer: Badger parses a
		// block's trailer before it checks the block, and a damaged value in a
		// table's last block would make the whole workspace fail to open
		// instead of reading as one corrupt entry.
		WithChecksumVerificationMode(options.NoVerification).
		WithVerifyValueChecksum(false).
		// No expvar metrics; only Stream uses more goroutines.
		WithMetricsEnabled(false).
		WithNumGoroutines(2)
	if c.logger != nil {
		o = o.WithLogger(&badgerLogger{l: c.logger.With("component", "badger", "workspace", c.workspace)})
	} else {
		// Badger logs opening and replay details at INFO: silence by default.
		o = o.WithLogger(nil)
	}
	return o
}

// Option configures Open.
type Option func(*config)

type config struct {
	workspace  string
	syncWrites bool
	logger     *slog.Logger
	batchBytes int
	interval   time.Duration // 0: no timed flushes
	strict     bool
}

// WithSyncWrites makes every write fsync before it is acknowledged (default
// false). Without it an acknowledged Put survives a crash of the process (the
// data is in the OS page cache) but not necessarily one of the machine.
func WithSyncWrites(on bool) Option { return func(c *config) { c.syncWrites = on } }

// WithLogger sends Badger's own messages to l: its errors and warnings at
// their level, its info and debug messages at debug level (default: none).
func WithLogger(l *slog.Logger) Option { return func(c *config) { c.logger = l } }

// WithBatchBytes sets how many bytes of encoded records Put buffers before it
// writes them without waiting for Flush (default 4 MiB).
func WithBatchBytes(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.batchBytes = n
		}
	}
}

// WithFlushInterval bounds the time a Put stays buffered (default
// DefaultFlushInterval, 1 s): the oldest buffered Put is written at most d
// after it was made, by a timer, so a process killed (kill -9) loses at most
// the work of the last d. Within d, Puts are still written in batches. d <= 0
// disables the timer: Puts are written when WithBatchBytes are buffered and
// on Flush and Close only.
func WithFlushInterval(d time.Duration) Option {
	return func(c *config) { c.interval = max(d, 0) }
}

// WithStrict makes Open fail on a workspace whose archive cannot be opened
// (damaged Badger files, a panic inside Badger, another format), with an error
// naming the directory to remove to start the cache over. By default (false)
// such an archive is moved aside, renamed archive.damaged-<time> in the
// workspace and kept for inspection, a warning names it, and a fresh archive
// is created: a workspace is a cache.
func WithStrict(on bool) Option { return func(c *config) { c.strict = on } }

// Archive is an archive.Archive in a workspace directory. It is safe for
// concurrent use.
type Archive struct {
	dir    string
	cfg    config
	db     *badger.DB
	unlock func()

	// life guards db and closed: every method holds it for reading while it
	// uses the database, Close for writing.
	life   sync.RWMutex
	closed bool

	// flushMu serialises flushes, so entries are written in Put order batches.
	flushMu sync.Mutex

	// mu guards the buffers. pending holds Puts not yet handed to Badger;
	// flushing holds those being written by the current flush. Both are
	// visible to Get.
	mu           sync.Mutex
	pending      map[archive.Key][]byte
	pendingBytes int
	flushing     map[archive.Key][]byte
	// timer, armed when pending becomes non-empty (with a flush interval),
	// flushes it at most the interval later.
	timer *time.Timer
}

var (
	_ archive.Archive            = (*Archive)(nil)
	_ archive.BatchGetter        = (*Archive)(nil)
	_ archive.EncodedBatchGetter = (*Archive)(nil)
)

// InUseError is the error of opening a workspace that is held. It wraps
// ErrWorkspaceInUse.
type InUseError struct {
	Dir string
	PID int // the holder's pid, when known; 0 otherwise
}

func (e *InUseError) Error() string {
	switch e.PID {
	case 0:
		return fmt.Sprintf("fw: workspace %s is in use by another process", e.Dir)
	case os.Getpid():
		return fmt.Sprintf("fw: workspace %s is in use: it is already open in this process (pid %d)", e.Dir, e.PID)
	}
	return fmt.Sprintf("fw: workspace %s is in use by another process (pid %d)", e.Dir, e.PID)
}

func (e *InUseError) Unwrap() error { return ErrWorkspaceInUse }

// badgerOpen is badger.Open; tests replace it.
var badgerOpen = badger.Open

// Open opens (creating if needed) the archive of the workspace directory dir.
// It fails at once with an *InUseError if another process, or another open
// Archive, holds the workspace.
func Open(dir string, opts ...Option) (*Archive, error) {
	if dir == "" {
		return nil, errors.New("fw: empty workspace directory")
	}
	cfg := config{workspace: dir, batchBytes: defaultBatchBytes, interval: DefaultFlushInterval}
	for _, o := range opts {
		o(&cfg)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("fw: workspace %s: %w", dir, err)
	}
	unlock, err := lockWorkspace(dir)
	if err != nil {
		return nil, err
	}
	dbDir := filepath.Join(dir, dbDirName)
	db, err := openArchive(&cfg, dbDir)
	if err != nil && !cfg.strict && !errors.Is(err, ErrWorkspaceInUse) {
		// A workspace is a cache: keep the damaged archive for inspection
		// and start over. The workspace lock is held throughout.
		aside, rerr := moveAside(dbDir)
		if rerr != nil {
			unlock()
			return nil, fmt.Errorf("fw: workspace %s: its archive cannot be opened (%v) nor moved aside: %w", dir, err, rerr)
		}
		warnLogger(cfg.logger).Warn("fw: the workspace's archive cannot be opened; moved it aside and started a fresh (empty) cache",
			"workspace", dir, "moved_to", aside, "err", err)
		db, err = openArchive(&cfg, dbDir)
	}
	if err != nil {
		unlock()
		if errors.Is(err, ErrWorkspaceInUse) {
			return nil, &InUseError{Dir: dir}
		}
		if cfg.strict {
			return nil, fmt.Errorf("fw: workspace %s: its archive cannot be opened: %w (it is a cache: remove %s to start it over, or open without strict mode (badgerarchive.WithStrict(false)) to have it moved aside)", dir, err, dbDir)
		}
		return nil, fmt.Errorf("fw: workspace %s: %w", dir, err)
	}
	return &Archive{
		dir:     dir,
		cfg:     cfg,
		db:      db,
		unlock:  unlock,
		pending: make(map[archive.Key][]byte),
	}, nil
}

// OpenWorkspace opens the workspace dir as Open does, for a command-line
// run: it returns the archive and the run options that use it and stop the
// run gracefully on SIGINT and SIGTERM, fw.WithArchive(a) and
// fw.WithInterrupts(). An interrupted run then returns (an error wrapping)
// fw.ErrInterrupted with every recorded call flushed, so a rerun on the
// workspace resumes; close the archive before the process exits, and exit
// with fw.ExitCode(err):
//
//	func run(ctx context.Context) error {
//		ws, opts, err := badgerarchive.OpenWorkspace(".fw-workspace")
//		if err != nil {
//			return err
//		}
//		defer ws.Close()
//		p := shop.NewPipeline(billing, audit, ledger, opts...)
//		return p.Run(ctx)
//	}
//
//	func main() {
//		ctx, _ := fw.NotifyInterrupts(context.Background()) // before the workspace opens
//		err := run(ctx)
//		if err == nil {
//			err = context.Cause(ctx) // a signal after the run
//		}
//		if err != nil {
//			fmt.Fprintln(os.Stderr, "shop:", err)
//		}
//		os.Exit(fw.ExitCode(err)) // 130 when interrupted
//	}
//
// More options go after them: append(opts, fw.WithWorkers(4))...
func OpenWorkspace(dir string, opts ...Option) (*Archive, []fw.Option, error) {
	a, err := Open(dir, opts...)
	if err != nil {
		return nil, nil, err
	}
	return a, []fw.Option{fw.WithArchive(a), fw.WithInterrupts()}, nil
}

// openArchive opens the Badger database in dbDir and checks its format. A
// Badger lock error wraps ErrWorkspaceInUse.
func openArchive(cfg *config, dbDir string) (*badger.DB, error) {
	if err := removeEmptyLogs(dbDir, cfg.logger); err != nil {
		return nil, err
	}
	o := cfg.badgerOptions(dbDir)
	if err := verifyTables(dbDir, o); err != nil {
		return nil, err
	}
	db, err := openDB(o)
	if err != nil {
		if isBadgerLockError(err) {
			return nil, fmt.Errorf("%w: %w", ErrWorkspaceInUse, err)
		}
		return nil, err
	}
	if err := checkFormat(db); err != nil {
		closeDB(db)
		return nil, err
	}
	return db, nil
}

// verifyTables checks every table (.sst file) that the database's MANIFEST
// lists with Badger's own table reader, in this goroutine: its footer, its
// index and the checksum of each of its blocks. Badger opens tables in
// goroutines of its own and parses a block before it checks it, so a damaged
// table would make it panic where no caller can recover (at Open, or later in
// a compaction); here, a panic or an error is a damaged table. Tables that
// the MANIFEST does not list (one a killed process was writing, all zeros)
// are Badger's to delete. Reading the tables costs about a read of the
// archive's tables from the page cache at each Open (BenchmarkOpen: about
// 8 ms more than without the check for 64 MiB of tables).
func verifyTables(dbDir string, o badger.Options) (err error) {
	fp, err := os.Open(filepath.Join(dbDir, badger.ManifestFilename))
	if errors.Is(err, os.ErrNotExist) {
		return nil // a new database, or Badger starts one over
	}
	if err != nil {
		return err
	}
	defer fp.Close()
	var mf badger.Manifest
	func() {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("badger panicked: %v", r)
			}
		}()
		mf, _, err = badger.ReplayManifestFile(fp, o.ExternalMagicVersion, o)
	}()
	if err != nil {
		return fmt.Errorf("reading the MANIFEST: %w", err)
	}
	ids := slices.Sorted(maps.Keys(mf.Tables))
	for _, id := range ids {
		path := table.NewFilename(id, dbDir)
		if err := verifyTable(path, mf.Tables[id].Compression, o.BlockSize); err != nil {
			return fmt.Errorf("table %s is damaged: %w", filepath.Base(path), err)
		}
	}
	return nil
}

func verifyTable(path string, c options.CompressionType, blockSize int) (err error) {
	if _, ok := table.ParseFileID(path); !ok {
		return errors.New("not a table file name")
	}
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	if info.Size() < 8 {
		return fmt.Errorf("%d bytes, shorter than any table", info.Size())
	}
	mf, err := z.OpenMmapFile(path, os.O_RDONLY, 0)
	if err != nil {
		return err
	}
	// OpenTable closes mf itself only on the failures checked above (a bad
	// name, a failed stat); it is closed here otherwise, and never released
	// through the table, whose last reference deletes the file.
	defer func() { _ = mf.Close(-1) }()
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("badger panicked: %v", r)
		}
	}()
	_, err = table.OpenTable(mf, table.Options{ChkMode: options.OnTableRead, Compression: c, BlockSize: blockSize})
	return err
}

// closeDB closes a database that failed its checks, ignoring a panic of
// Badger's on a damaged one.
func closeDB(db *badger.DB) {
	defer func() { _ = recover() }()
	_ = db.Close()
}

// moveAside renames the archive directory dbDir to dbDir.damaged-<UTC time>
// (with a counter if that exists) and returns the new name.
func moveAside(dbDir string) (string, error) {
	base := dbDir + ".damaged-" + time.Now().UTC().Format("20060102T150405Z")
	aside := base
	for i := 2; ; i++ {
		if _, err := os.Lstat(aside); errors.Is(err, os.ErrNotExist) {
			break
		}
		aside = fmt.Sprintf("%s-%d", base, i)
	}
	if err := os.Rename(dbDir, aside); err != nil {
		return "", err
	}
	return aside, nil
}

// warnLogger is l, or slog.Default() if l is nil: a workspace moved aside is
// always reported.
func warnLogger(l *slog.Logger) *slog.Logger {
	if l != nil {
		return l
	}
	return slog.Default()
}

// removeEmptyLogs removes the empty (0-byte) value-log and memtable files of a
// database. A process killed between creating such a file and sizing it
// leaves one behind, and Badger then refuses to open the database ("Create a
// new file"; badger issue 2207). An empty file holds no entry, not even its
// header, so nothing refers to it. The caller holds the workspace lock.
func removeEmptyLogs(dbDir string, log *slog.Logger) error {
	entries, err := os.ReadDir(dbDir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		if ext := filepath.Ext(e.Name()); e.IsDir() || (ext != ".vlog" && ext != ".mem") {
			continue
		}
		info, err := e.Info()
		if err != nil || info.Size() != 0 {
			continue
		}
		path := filepath.Join(dbDir, e.Name())
		if err := os.Remove(path); err != nil {
			return err
		}
		if log != nil {
			log.Warn("fw: removed an empty Badger log file left by a crash", "file", path)
		}
	}
	return nil
}

// openDB calls Badger's Open and turns a panic into an error.
func openDB(o badger.Options) (db *badger.DB, err error) {
	defer func() {
		if r := recover(); r != nil {
			db, err = nil, fmt.Errorf("badger panicked: %v", r)
		}
	}()
	return badgerOpen(o)
}

// isBadgerLockError recognises Badger's own directory-lock failure, which it
// returns as text only. It matters where lockWorkspace cannot lock (platforms
// without flock) or when a non-fw process holds the database.
func isBadgerLockError(err error) bool {
	s := err.Error()
	return strings.Contains(s, "Another process is using this Badger database") ||
		strings.Contains(s, "Cannot acquire directory lock")
}

// checkFormat stamps a new database with FormatVersion and rejects another.
// A panic inside Badger is returned as an error.
func checkFormat(db *badger.DB) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("badger panicked: %v", r)
		}
	}()
	var have []byte
	err = db.View(func(txn *badger.Txn) error {
		item, err := txn.Get([]byte(formatKey))
		if err != nil {
			return err
		}
		have, err = item.ValueCopy(nil)
		return err
	})
	switch {
	case err == nil:
		if string(have) != FormatVersion {
			return fmt.Errorf("archive format %q, this fw reads %q", have, FormatVersion)
		}
		return nil
	case errors.Is(err, badger.ErrKeyNotFound):
		return db.Update(func(txn *badger.Txn) error {
			return txn.Set([]byte(formatKey), []byte(FormatVersion))
		})
	default:
		return fmt.Errorf("reading the archive format: %w", err)
	}
}

// Dir returns the workspace directory.
func (a *Archive) Dir() string { return a.dir }

func dbKey(k archive.Key) []byte {
	b := make([]byte, 0, len(entryPrefix)+len(k))
	return append(append(b, entryPrefix...), k[:]...)
}

// Get implements archive.Archive.
func (a *Archive) Get(k archive.Key) (archive.Record, bool, error) {
	a.life.RLock()
	defer a.life.RUnlock()
	if a.closed {
		return archive.Record{}, false, archive.ErrClosed
	}
	a.mu.Lock()
	data, ok := a.pending[k]
	if !ok {
		data, ok = a.flushing[k]
	}
	a.mu.Unlock()
	if ok {
		return decodeStored(k, data)
	}
	return a.getStored(k)
}

// getStored is Get for an entry that is not in the buffers; the caller holds
// life.
func (a *Archive) getStored(k archive.Key) (archive.Record, bool, error) {
	data, err := a.read(k)
	switch {
	case errors.Is(err, badger.ErrKeyNotFound):
		return archive.Record{}, false, nil
	case err != nil:
		// The database is open (life is held), so a failure to read this
		// one entry is damage to it: a miss to warn about and rewrite.
		return archive.Record{}, false, &archive.CorruptError{Key: k, Err: fmt.Errorf("reading entry: %w", err)}
	}
	return decodeStored(k, data)
}

func decodeStored(k archive.Key, data []byte) (archive.Record, bool, error) {
	rec, err := archive.DecodeRecordFor(k, data)
	if err != nil {
		return archive.Record{}, false, &archive.CorruptError{Key: k, Err: err}
	}
	return rec, true, nil
}

// read reads the stored value of k. Badger may panic on a damaged table
// block (it parses a block before checking it); that panic, in this
// goroutine, is returned as an error.
func (a *Archive) read(k archive.Key) (data []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			data, err = nil, fmt.Errorf("badger panicked: %v", r)
		}
	}()
	err = a.db.View(func(txn *badger.Txn) error {
		item, err := txn.Get(dbKey(k))
		if err != nil {
			return err
		}
		data, err = item.ValueCopy(nil)
		return err
	})
	return data, err
}

// Batched reads (GetBatch). The keys not in the write buffers are read in key
// order, in one read transaction per goroutine: by one Badger Get each when
// they are few among the database's entries, and otherwise by walking an
// iterator through the database from the first key to the last, which is
// several times cheaper per key than a Get when the keys are dense (a warm run
// over the inputs of a cold one).
const (
	// scanDensity: the iterator is used when the keys to read are at least
	// 1/scanDensity of the entries in the database's tables.
	scanDensity = 4
	// readersMin is the least number of keys worth a goroutine of their own.
	readersMin = 256
)

// GetBatch implements archive.BatchGetter.
func (a *Archive) GetBatch(keys []archive.Key, res []archive.Result) {
	a.getBatch(keys, res, false)
}

// GetBatchEncoded implements archive.EncodedBatchGetter: GetBatch without
// decoding the records, each checked with archive.CheckRecord instead.
func (a *Archive) GetBatchEncoded(keys []archive.Key, res []archive.Result) {
	a.getBatch(keys, res, true)
}

func (a *Archive) getBatch(keys []archive.Key, res []archive.Result, enc bool) {
	a.life.RLock()
	defer a.life.RUnlock()
	res = res[:len(keys)]
	if a.closed {
		for i := range res {
			res[i] = archive.Result{Err: archive.ErrClosed}
		}
		return
	}
	// Buffered entries first, as Get does; data holds them until decoded.
	data := make([][]byte, len(keys))
	var need []int // positions of the keys to read from Badger
	a.mu.Lock()
	for i, k := range keys {
		d, ok := a.pending[k]
		if !ok {
			d, ok = a.flushing[k]
		}
		if ok {
			data[i] = d
		} else {
			need = append(need, i)
		}
	}
	a.mu.Unlock()
	var dec archive.RecordDecoder
	for i, d := range data {
		if d != nil {
			res[i] = decodeResult(&dec, keys[i], d, enc)
		}
	}
	if len(need) == 0 {
		return
	}
	sortKeys(keys, need)
	scan := len(need)*scanDensity >= a.tableKeys()
	n := min(runtime.GOMAXPROCS(0), len(need)/readersMin)
	if n <= 1 {
		a.readBatch(keys, need, res, scan, enc)
		return
	}
	var wg sync.WaitGroup
	for g := range n {
		part := need[g*len(need)/n : (g+1)*len(need)/n]
		wg.Go(func() { a.readBatch(keys, part, res, scan, enc) })
	}
	wg.Wait()
}

// sortKeys sorts the positions pos by their keys. Keys are SHA-256 sums, so
// their first bytes nearly always order them: pos is sorted as integers that
// hold a key's first bytes above its position, then runs with the same first
// bytes are ordered by the whole keys.
func sortKeys(keys []archive.Key, pos []int) {
	const posBits = 20
	if len(pos) > 1<<posBits {
		slices.SortFunc(pos, func(x, y int) int { return bytes.Compare(keys[x][:], keys[y][:]) })
		return
	}
	packed := make([]uint64, len(pos))
	for j, i := range pos {
		packed[j] = binary.BigEndian.Uint64(keys[i][:8])&^(1<<posBits-1) | uint64(i)
	}
	slices.Sort(packed)
	for j, v := range packed {
		pos[j] = int(v & (1<<posBits - 1))
	}
	for j := 0; j < len(packed); {
		e := j + 1
		for e < len(packed) && packed[e]>>posBits == packed[j]>>posBits {
			e++
		}
		if e-j > 1 {
			slices.SortFunc(pos[j:e], func(x, y int) int { return bytes.Compare(keys[x][:], keys[y][:]) })
		}
		j = e
	}
}

// tableKeys estimates the entries in the database's tables (the memtables
// not included).
func (a *Archive) tableKeys() int {
	n := 0
	for _, t := range a.db.Tables() {
		n += int(t.KeyCount)
	}
	return n
}

// decodeResult is the result of reading data under k: decoded, or only
// checked if enc is set.
func decodeResult(dec *archive.RecordDecoder, k archive.Key, data []byte, enc bool) archive.Result {
	if enc {
		if err := archive.CheckRecordFor(k, data); err != nil {
			return archive.Result{Err: &archive.CorruptError{Key: k, Err: err}}
		}
		return archive.Result{OK: true, Enc: data}
	}
	rec, err := dec.DecodeFor(k, data)
	if err != nil {
		return archive.Result{Err: &archive.CorruptError{Key: k, Err: err}}
	}
	return archive.Result{Rec: rec, OK: true}
}

// readBatch reads the keys at positions need (in key order) in one read
// transaction, with an iterator if scan is set, and stores their results.
// After a panic inside Badger (a damaged table block), the keys not read yet
// are read one by one, so that the damage is reported for its entries only.
func (a *Archive) readBatch(keys []archive.Key, need []int, res []archive.Result, scan, enc bool) {
	done := 0
	func() {
		defer func() {
			if r := recover(); r != nil {
				_ = r // the keys from done on are read again below
			}
		}()
		txn := a.db.NewTransaction(false)
		defer txn.Discard()
		var it *badger.Iterator
		if scan {
			it = txn.NewIterator(badger.IteratorOptions{Prefix: []byte(entryPrefix)})
			defer it.Close()
		}
		var (
			dec   archive.RecordDecoder
			arena []byte // the values read, copied out of the transaction
			dk    = []byte(entryPrefix + string(make([]byte, len(archive.Key{}))))
		)
		for done < len(need) {
			i := need[done]
			copy(dk[len(entryPrefix):], keys[i][:])
			var item *badger.Item
			if scan {
				if done == 0 {
					it.Seek(dk)
				}
				for it.Valid() && bytes.Compare(it.Item().Key(), dk) < 0 {
					it.Next()
				}
				if it.Valid() && bytes.Equal(it.Item().Key(), dk) {
					item = it.Item()
				}
			} else {
				var err error
				item, err = txn.Get(dk)
				if err != nil && !errors.Is(err, badger.ErrKeyNotFound) {
					res[i] = archive.Result{Err: &archive.CorruptError{Key: keys[i], Err: fmt.Errorf("reading entry: %w", err)}}
					done++
					continue
				}
			}
			if item == nil {
				res[i] = archive.Result{}
				done++
				continue
			}
			if arena == nil {
				arena = make([]byte, 0, min(max(4096, int(item.ValueSize())*(len(need)-done)), 1<<20))
			}
			start := len(arena)
			err := item.Value(func(v []byte) error {
				arena = append(arena, v...)
				return nil
			})
			if err != nil {
				res[i] = archive.Result{Err: &archive.CorruptError{Key: keys[i], Err: fmt.Errorf("reading entry: %w", err)}}
			} else {
				res[i] = decodeResult(&dec, keys[i], arena[start:len(arena):len(arena)], enc)
			}
			done++
		}
	}()
	for _, i := range need[done:] {
		var r archive.Result
		r.Rec, r.OK, r.Err = a.getStored(keys[i])
		if enc && r.OK {
			// Rec aliases a copy of the value made for this key alone.
			r.Enc, r.Rec = archive.AppendRecordFor(nil, keys[i], r.Rec), archive.Record{}
		}
		res[i] = r
	}
}

// Put implements archive.Archive. The entry is buffered; it is acknowledged
// when a later Flush or Close returns nil.
func (a *Archive) Put(k archive.Key, rec archive.Record) error {
	if n := rec.EncodedLen(); n > MaxRecordSize {
		return fmt.Errorf("%w: %d bytes, at most %d", archive.ErrTooLarge, n, MaxRecordSize)
	}
	data := archive.EncodeRecordFor(k, rec)
	a.life.RLock()
	defer a.life.RUnlock()
	if a.closed {
		return archive.ErrClosed
	}
	a.mu.Lock()
	if old, ok := a.pending[k]; ok {
		a.pendingBytes -= len(old)
	}
	a.pending[k] = data
	a.pendingBytes += len(data)
	full := a.pendingBytes >= a.cfg.batchBytes
	if !full {
		a.armLocked()
	}
	a.mu.Unlock()
	if full {
		return a.flush()
	}
	return nil
}

// armLocked arms the flush timer, if there is a flush interval and it is not
// armed; the caller holds mu and has buffered a Put.
func (a *Archive) armLocked() {
	if a.cfg.interval <= 0 || a.timer != nil {
		return
	}
	a.timer = time.AfterFunc(a.cfg.interval, a.timedFlush)
}

// timedFlush is the flush timer's: it writes the buffered Puts, the oldest
// of which is the interval old. A write error is logged; the Puts stay
// buffered, and the next Flush retries them and returns the error.
func (a *Archive) timedFlush() {
	a.life.RLock()
	defer a.life.RUnlock()
	a.mu.Lock()
	a.timer = nil
	a.mu.Unlock()
	if a.closed {
		return
	}
	if err := a.flush(); err != nil && a.cfg.logger != nil {
		a.cfg.logger.Warn("fw: timed flush of the archive failed; retried on the next flush", "workspace", a.dir, "err", err)
	}
}

// Flush implements archive.Archive: it writes every buffered Put and returns
// when Badger has committed them (and synced them, with WithSyncWrites).
func (a *Archive) Flush() error {
	a.life.RLock()
	defer a.life.RUnlock()
	if a.closed {
		return archive.ErrClosed
	}
	return a.flush()
}

// flush writes the pending entries; the caller holds life.
func (a *Archive) flush() error {
	a.flushMu.Lock()
	defer a.flushMu.Unlock()
	a.mu.Lock()
	batch := a.pending
	if len(batch) == 0 {
		a.mu.Unlock()
		return nil
	}
	a.flushing = batch
	a.pending = make(map[archive.Key][]byte)
	a.pendingBytes = 0
	a.mu.Unlock()

	err := a.write(batch)

	a.mu.Lock()
	a.flushing = nil
	if err != nil {
		// Keep what was not acknowledged for the next Flush, unless a newer
		// Put replaced it meanwhile.
		for k, v := range batch {
			if _, newer := a.pending[k]; !newer {
				a.pending[k] = v
				a.pendingBytes += len(v)
			}
		}
	}
	if len(a.pending) > 0 {
		// Put during the write, or kept after a failed one: the timer
		// writes them (again) at most an interval from now.
		a.armLocked()
	}
	a.mu.Unlock()
	if err != nil {
		return fmt.Errorf("fw: writing to the archive of workspace %s: %w", a.dir, err)
	}
	return nil
}

// write stores a batch with a WriteBatch, which splits it into as many
// transactions as Badger's size limits need. Each value is in exactly one
// transaction, so each entry is atomic.
func (a *Archive) write(batch map[archive.Key][]byte) error {
	wb := a.db.NewWriteBatch()
	defer wb.Cancel()
	for k, v := range batch {
		if err := wb.Set(dbKey(k), v); err != nil {
			return err
		}
	}
	return wb.Flush()
}

// Close implements archive.Archive: it flushes, closes the database and
// releases the workspace.
func (a *Archive) Close() error {
	a.life.Lock()
	defer a.life.Unlock()
	if a.closed {
		return nil
	}
	a.closed = true
	ferr := a.flush()
	a.mu.Lock()
	if a.timer != nil {
		a.timer.Stop()
		a.timer = nil
	}
	a.mu.Unlock()
	cerr := a.db.Close()
	a.unlock()
	a.pending, a.flushing = nil, nil
	if ferr != nil {
		return ferr
	}
	if cerr != nil {
		return fmt.Errorf("fw: closing the archive of workspace %s: %w", a.dir, cerr)
	}
	return nil
}

// badgerLogger adapts slog to Badger's Logger.
type badgerLogger struct{ l *slog.Logger }

func (b *badgerLogger) log(level slog.Level, format string, args []any) {
	b.l.Log(context.Background(), level, strings.TrimSpace(fmt.Sprintf(format, args...)))
}

func (b *badgerLogger) Errorf(f string, v ...any)   { b.log(slog.LevelError, f, v) }
func (b *badgerLogger) Warningf(f string, v ...any) { b.log(slog.LevelWarn, f, v) }
func (b *badgerLogger) Infof(f string, v ...any)    { b.log(slog.LevelDebug, f, v) }
func (b *badgerLogger) Debugf(f string, v ...any)   { b.log(slog.LevelDebug, f, v) }
