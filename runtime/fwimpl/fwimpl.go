// Package fwimpl is the contract between the code that fwgen generates and
// the engine. It is for generated code only: it carries no compatibility
// promise to users, and its names may change with any release of fw.
// Applications use package fw.
//
// Most names here are aliases of the internal engine's, as
// google.golang.org/protobuf/runtime/protoimpl is of its internal
// implementation. The rest is the generic code that every generated package
// would otherwise repeat: the Runner its Pipeline embeds, the bases of its
// handler contexts (Ctx, On), its arenas' slabs (Slab, ArenaPool), the tables
// of its event types (Types: binary and JSON codecs) and routes (Routes), and
// the handler test harness behind its Call<Processor> functions (TestCase).
// A generated file references SupportPackageIsVersion3, so that a generator
// and an fw module that do not match fail to compile.
package fwimpl

import (
	"iter"
	"time"

	"github.com/fwgo/fw/runtime/fw"
	"github.com/fwgo/fw/runtime/internal/engine"
)

// SupportPackageIsVersion3 is referenced by generated code. A generator that
// emits code for a newer contract references a newer constant, so a
// mismatched generator and runtime fail to compile instead of misbehaving.
const SupportPackageIsVersion3 = true

// The description of a generated package, and the messages in flight.
type (
	Kind       = engine.Kind
	Msg        = engine.Msg
	Delivery   = engine.Delivery
	EventInfo  = engine.EventInfo
	ProcInfo   = engine.ProcInfo
	TargetInfo = engine.TargetInfo
	Program    = engine.Program
)

// Case numbers of lifecycle calls in a Delivery.
const (
	CaseInit      = engine.CaseInit
	CasePhase     = engine.CasePhase
	CaseTerminate = engine.CaseTerminate
)

// The engine and the interfaces generated code implements for it.
type (
	Engine        = engine.Engine
	Call          = engine.Call
	Serial        = engine.Serial
	Dispatcher    = engine.Dispatcher
	Sources       = engine.Sources
	Codec         = engine.Codec
	Arena         = engine.Arena
	Arenas        = engine.Arenas
	Feed          = engine.Feed
	Stream        = engine.Stream
	Waiter        = engine.Waiter
	Failure       = engine.Failure
	FailureRouter = engine.FailureRouter
	Decoder       = engine.Decoder
	Source[T any] = engine.Source[T]
)

// New returns an engine for p that calls handlers through d.
func New(p *Program, d Dispatcher, opts ...fw.Option) *Engine { return engine.New(p, d, opts...) }

// NewSerial returns a Serial for p, to drive a Dispatcher directly (tests, benchmarks).
func NewSerial(p *Program) *Serial { return engine.NewSerial(p) }

// UnknownDelivery is the error of a Delivery a generated Invoke does not know.
func UnknownDelivery(d Delivery) error { return engine.UnknownDelivery(d) }

// SeqFeed is a Feed of the values of seq, each made a Msg by msg.
func SeqFeed[T any](seq iter.Seq[T], msg func(c *Call, v T) Msg) Feed {
	return engine.SeqFeed(seq, msg)
}

// The canonical binary encoding (cache keys, archive records, records of
// runs). Functions rather than variables, so that calls to them are direct
// and inlined where the engine's are.

func AppendBool(b []byte, v bool) []byte     { return engine.AppendBool(b, v) }
func AppendBytes(b []byte, p []byte) []byte  { return engine.AppendBytes(b, p) }
func AppendFloat(b []byte, v float64) []byte { return engine.AppendFloat(b, v) }
func AppendInt(b []byte, v int64) []byte     { return engine.AppendInt(b, v) }
func AppendString(b []byte, s string) []byte { return engine.AppendString(b, s) }
func AppendUint(b []byte, v uint64) []byte   { return engine.AppendUint(b, v) }
func NewDecoder(data []byte) *Decoder        { return engine.NewDecoder(data) }

// The canonical encoding of the composite types (see engine/codec.go): a
// time's instant, a duration, an optional value's presence byte, a list's or
// map's length, and a map's keys in the order of its entries' encodings.
// The Decoder reads them back (Time, Duration, Present, Len, LenEmpty,
// StringKey, IntKey; Enter and Leave bound recursive records' nesting).

func AppendTime(b []byte, t time.Time) []byte         { return engine.AppendTime(b, t) }
func AppendDuration(b []byte, d time.Duration) []byte { return engine.AppendDuration(b, d) }
func AppendPresent(b []byte, present bool) []byte     { return engine.AppendPresent(b, present) }
func AppendLen(b []byte, n int) []byte                { return engine.AppendLen(b, n) }

// MapKey is the type of the keys of a map of a .fw type: string or int.
type MapKey = engine.MapKey

// SortedKeys returns m's keys in increasing order, in buf's storage if it has
// room (a stack array's slice keeps small maps allocation-free).
func SortedKeys[M ~map[K]V, K MapKey, V any](m M, buf []K) []K {
	return engine.SortedKeys(m, buf)
}

// ErrEncoding is the error of a malformed canonical encoding.
var ErrEncoding = engine.ErrEncoding
