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

var (
	New             = engine.New
	NewSerial       = engine.NewSerial
	UnknownDelivery = engine.UnknownDelivery
)

// SeqFeed is a Feed of the values of seq, each made a Msg by msg.
func SeqFeed[T any](seq iter.Seq[T], msg func(c *Call, v T) Msg) Feed {
	return engine.SeqFeed(seq, msg)
}

// The canonical binary encoding (cache keys, archive records, records of runs).
var (
	AppendBool   = engine.AppendBool
	AppendBytes  = engine.AppendBytes
	AppendFloat  = engine.AppendFloat
	AppendInt    = engine.AppendInt
	AppendString = engine.AppendString
	AppendUint   = engine.AppendUint
	NewDecoder   = engine.NewDecoder
	ErrEncoding  = engine.ErrEncoding
)

// JSON input.
var (
	JSONEventName    = engine.JSONEventName
	DecodeJSONStrict = engine.DecodeJSONStrict
)
