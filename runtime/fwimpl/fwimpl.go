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

// The encodings of time and duration values (see engine.AppendTime).

func AppendTime(b []byte, t time.Time) []byte         { return engine.AppendTime(b, t) }
func AppendDuration(b []byte, v time.Duration) []byte { return engine.AppendDuration(b, v) }

// ErrEncoding is the error of a malformed canonical encoding.
var ErrEncoding = engine.ErrEncoding
