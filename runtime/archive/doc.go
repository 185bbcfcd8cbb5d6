// Package archive is the storage layer behind fw's cached processors and
// persistent builders (SPEC §8): cache keys, the record of one handler call's
// emissions, the Archive interface, and an in-memory Archive.
//
// It depends on the standard library only. The runtime and generated code
// import it; the Badger-backed archive lives in the sub-package badgerarchive,
// so an application that never opens a workspace never links Badger.
//
// # Keys
//
// A Key is SHA-256 over this preimage (uvarint and varint are
// encoding/binary's AppendUvarint and AppendVarint):
//
//	uvarint(len(DomainTag)) DomainTag       "fw/cache"
//	uvarint(KeySchemaVersion)               1
//	uvarint(len(Processor)) Processor       processor or builder name
//	varint(Version)                         its `version N` (0 when none)
//	Fingerprint                             32 bytes, see Fingerprint
//	uvarint(len(Salt)) Salt                 optional; nil and empty are the same
//	uvarint(len(input)) input               the input's canonical encoding
//
// Every field is length-prefixed or of fixed size, so no two different specs
// and inputs share a preimage. A change of any field, or of the canonical
// encoding of the input, changes the key; the golden tests pin known keys so
// such a change cannot go unnoticed. A change of the key schema itself must bump
// KeySchemaVersion.
//
// # Records
//
// A Record is the ordered list of emissions of one successful call, each an
// event name and that event's canonical encoding. It is stored as
//
//	"fwrc"                         4 bytes, magic
//	2                              1 byte, record format version
//	uvarint(n)                     number of emissions
//	n × (uvarint(len(name)) name uvarint(len(data)) data)
//	CRC-32C                        4 bytes big-endian, over the key, then all bytes before it
//
// The checksum covers the key the record is stored under (EncodeRecordFor,
// DecodeRecordFor; EncodeRecord and DecodeRecord use the zero Key), so a
// whole, valid record read under another key is corrupt, never another
// input's result. A record of version 1 (whose checksum did not cover the
// key) is corrupt too: a miss, recomputed and rewritten.
//
// DecodeRecordFor checks the version and the checksum before anything else, then the structure,
// which must end exactly at the checksum. CRC-32C detects every error burst of
// up to 32 bits, so every single flipped byte is caught; a truncated or
// extended entry loses its checksum and its structure, so an entry is never
// taken for a prefix (or an extension) of what was recorded.
//
// # Archives
//
// An Archive maps keys to records. Get of a corrupt entry returns a
// *CorruptError (errors.Is(err, ErrCorrupt)): the caller warns, treats it as a
// miss, re-executes, and its Put rewrites the entry. Lookup implements that
// policy. A Put is acknowledged when a later Flush (or Close) returns nil; the
// caller records a call's emissions with one Put only after the call
// succeeded, so an entry holds all of a call's emissions or is absent.
//
// An archive may also implement BatchGetter, to look up many keys at once
// (Memory under one lock, badgerarchive in key order with one read
// transaction per reader); the engine then looks up all the cached calls of a
// step with one GetBatch. GetBatch (the function) falls back to one Get per
// key, and Policy applies Lookup's policy to each result.
package archive
