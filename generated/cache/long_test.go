package cache_test

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"

	"github.com/fwgo/fw/generated/cache"
	"github.com/fwgo/fw/runtime/archive"
	"github.com/fwgo/fw/runtime/fw"
	"github.com/fwgo/fw/runtime/fwimpl"
)

// Helpers of the crash, lock, damage and benchmark tests: a Classify whose
// every call emits a long list of events that depends on its input only, so
// that any stored entry can be checked against the list its input must give.

// longReading is input number id. Three in four are Fine (ok, level LOW or
// MID) and emit Normals; the others are Bad and emit Alerts.
func longReading(id int) cache.Reading {
	r := cache.Reading{
		Sensor: fmt.Sprintf("k%07d", id),
		Value:  float64(id) + 0.25,
		At:     int64(id),
		Level:  cache.Level(id % 2),
		Ok:     id%4 != 3,
		Raw:    []byte{byte(id), byte(id >> 8), byte(id >> 16)},
	}
	if id%8 == 5 { // ok but HIGH: Bad
		r.Level = cache.LevelHIGH
	}
	return r
}

// longCount is how many events Classify emits for input id: 200 to 2000.
func longCount(id int) int { return 200 + (id*7919)%1801 }

// longEmissions is what Classify emits for r: longCount events, each
// starting with r's sensor, so that an entry names its input.
func longEmissions(r cache.Reading, n int) []cache.Event {
	id := int(r.At)
	evs := make([]cache.Event, 0, n)
	fine := r.Ok && (r.Level == cache.LevelLOW || r.Level == cache.LevelMID)
	for j := range n {
		if fine {
			evs = append(evs, cache.Normal{Sensor: r.Sensor + "/" + strconv.Itoa(j), Value: r.Value*1e4 + float64(j)})
			continue
		}
		raw := make([]byte, 1+(j*13+id)%64)
		for k := range raw {
			raw[k] = byte(id*31 + j*7 + k)
		}
		evs = append(evs, cache.Alert{Sensor: r.Sensor, Level: cache.Level(j % 3), Raw: raw})
	}
	return evs
}

// longClassify emits longEmissions(input, count(id)) and counts its calls.
// spin, if set, is called first (the benchmarks' fixed handler cost).
type longClassify struct {
	count func(id int) int
	spin  func()
	calls atomic.Int64
	mu    sync.Mutex
	ids   []int // inputs it was called for
}

func (h *longClassify) called(r cache.Reading) []cache.Event {
	if h.spin != nil {
		h.spin()
	}
	h.calls.Add(1)
	h.mu.Lock()
	h.ids = append(h.ids, int(r.At))
	h.mu.Unlock()
	return longEmissions(r, h.count(int(r.At)))
}

func (h *longClassify) OnFine(c cache.ClassifyFineContext) error {
	for _, e := range h.called(c.Event()) {
		c.EmitNormal(e.(cache.Normal))
	}
	return nil
}

func (h *longClassify) OnBad(c cache.ClassifyBadContext) error {
	for _, e := range h.called(c.Event()) {
		c.EmitAlert(e.(cache.Alert))
	}
	return nil
}

func (h *longClassify) OnSourced(c cache.ClassifySourcedContext, v cache.Reading) error { return nil }

// evSink receives Classify's emissions; it keeps them if keep is set, and
// counts them.
type evSink struct {
	keep bool
	n    atomic.Int64
	evs  []cache.Event
}

func (s *evSink) Init(c cache.SinkInitContext) error { return nil }
func (s *evSink) OnNormal(c cache.SinkNormalContext) error {
	s.n.Add(1)
	if s.keep {
		s.evs = append(s.evs, c.Event())
	}
	return nil
}
func (s *evSink) OnAlert(c cache.SinkAlertContext) error {
	s.n.Add(1)
	if s.keep {
		s.evs = append(s.evs, c.Event())
	}
	return nil
}
func (s *evSink) OnSummary(c cache.SinkSummaryContext, v int64) error   { return nil }
func (s *evSink) OnRaw(c cache.SinkRawContext, v []byte) error          { return nil }
func (s *evSink) OnLevel(c cache.SinkLevelContext, v cache.Level) error { return nil }
func (s *evSink) OnFlag(c cache.SinkFlagContext, v bool) error          { return nil }

// longPipeline is the generated pipeline with h and s; the builders are
// never resolved.
func longPipeline(h cache.ClassifyHandler, s cache.SinkHandler, opts ...fw.Option) *cache.Pipeline {
	return must(cache.NewPipeline(cache.Handlers{Classify: h, Readings: idle{}, Scaled: idle{}, Raw: rawB{}, Levels: levelsB{}, Flags: flagsB{}, Ticks: ticksB{}, ByLevel: idle{}, Summary: summaryB{}, Sink: s}, opts...))
}

// expectedRecord is the record of input id's call.
func expectedRecord(id int, count func(int) int) archive.Record {
	return cache.RecordOf(longEmissions(longReading(id), count(id)))
}

// idOfRecord reads the input number from a record's first emission (both
// Normal and Alert start with the sensor "k%07d"), or -1.
func idOfRecord(rec archive.Record) int {
	if len(rec.Emissions) == 0 {
		return -1
	}
	d := fwimpl.NewDecoder(rec.Emissions[0].Data)
	s, _, _ := strings.Cut(d.String(), "/")
	id, err := strconv.Atoi(strings.TrimPrefix(s, "k"))
	if err != nil || !strings.HasPrefix(s, "k") {
		return -1
	}
	return id
}

// The layout of a workspace, as badgerarchive documents it: the database in
// archive/, an entry under "c/" and the 32 bytes of its key.
const entryPrefix = "c/"

func dbKey(k archive.Key) []byte { return append([]byte(entryPrefix), k[:]...) }

// openRawDB opens the Badger database of a workspace directly, bypassing the
// archive, with the archive's sizing. Open the workspace with badgerarchive
// first after a crash (it repairs what Badger cannot open), and close it.
func openRawDB(dir string) (*badger.DB, error) {
	o := badger.DefaultOptions(filepath.Join(dir, "archive")).
		WithLogger(nil).
		WithNumVersionsToKeep(1).
		WithDetectConflicts(false).
		WithMemTableSize(8 << 20).
		WithNumMemtables(2).
		WithNumLevelZeroTables(2).
		WithNumLevelZeroTablesStall(8).
		WithNumCompactors(2).
		WithValueThreshold(64 << 10).
		WithValueLogFileSize(64 << 20).
		WithCompression(options.None).
		WithBlockCacheSize(0).
		WithIndexCacheSize(0).
		WithMetricsEnabled(false)
	return badger.Open(o)
}
