package archive

import (
	"crypto/sha256"
	"encoding"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"sync"
)

// DomainTag separates cache keys from every other use of SHA-256 over similar data.
const DomainTag = "fw/cache"

// KeySchemaVersion is the version of the key preimage layout described in the
// package documentation. Changing the layout must bump it, which invalidates
// every stored entry instead of misreading them.
const KeySchemaVersion = 1

// fingerprintTag is the domain tag of Fingerprint.
const fingerprintTag = "fw/fingerprint"

// Key identifies one cached call: a processor (or builder) at a version, with a
// declaration fingerprint and a salt, applied to one input.
type Key [32]byte

// String returns the key in lower-case hex.
func (k Key) String() string { return hex.EncodeToString(k[:]) }

// ParseKey parses the hex form returned by Key.String.
func ParseKey(s string) (Key, error) {
	var k Key
	if len(s) != 2*len(k) {
		return k, fmt.Errorf("fw: bad cache key %q: want %d hex digits", s, 2*len(k))
	}
	if _, err := hex.Decode(k[:], []byte(s)); err != nil {
		return k, fmt.Errorf("fw: bad cache key %q: %v", s, err)
	}
	return k, nil
}

// KeySpec is everything a cache key depends on besides the input. A generated
// package builds one per cached processor or persistent builder, once.
type KeySpec struct {
	// Processor is the processor's or builder's name (unique in its program).
	Processor string
	// Version is its declared `version N`; 0 when it declares none.
	Version int64
	// Fingerprint is Fingerprint(...) of the declaration and of the shapes of the
	// event types it reads and emits; the generator should include the package
	// path among the parts so that two programs sharing a workspace never share
	// entries.
	Fingerprint [32]byte
	// Salt is optional (nil and empty are the same); a run may set one to keep
	// its entries apart from other runs' on the same workspace.
	Salt []byte
}

// Fingerprint hashes an ordered list of strings (declaration text, event type
// shapes, ...) into a KeySpec fingerprint. Each part is length-prefixed, so the
// split between parts matters: Fingerprint("ab", "c") != Fingerprint("a", "bc").
func Fingerprint(parts ...string) [32]byte {
	b := make([]byte, 0, 64)
	b = binary.AppendUvarint(b, uint64(len(fingerprintTag)))
	b = append(b, fingerprintTag...)
	b = binary.AppendUvarint(b, uint64(len(parts)))
	for _, p := range parts {
		b = binary.AppendUvarint(b, uint64(len(p)))
		b = append(b, p...)
	}
	return sha256.Sum256(b)
}

// keyBufs pools the scratch buffers of preimages, so computing a key does not
// allocate.
var keyBufs = sync.Pool{New: func() any {
	b := make([]byte, 0, 256)
	return &b
}}

// appendHeader appends the preimage up to, not including, the input's length.
func (s *KeySpec) appendHeader(b []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(DomainTag)))
	b = append(b, DomainTag...)
	b = binary.AppendUvarint(b, KeySchemaVersion)
	b = binary.AppendUvarint(b, uint64(len(s.Processor)))
	b = append(b, s.Processor...)
	b = binary.AppendVarint(b, s.Version)
	b = append(b, s.Fingerprint[:]...)
	b = binary.AppendUvarint(b, uint64(len(s.Salt)))
	return append(b, s.Salt...)
}

// Key returns the cache key of an input given by its canonical encoding.
func (s KeySpec) Key(input []byte) Key {
	bp := keyBufs.Get().(*[]byte)
	b := s.appendHeader((*bp)[:0])
	return sumPreimage(bp, b, input)
}

// sumPreimage hashes the preimage header b (in the pooled buffer *bp), the
// input's length and the input, and puts the buffer back.
func sumPreimage(bp *[]byte, b, input []byte) Key {
	b = binary.AppendUvarint(b, uint64(len(input)))
	b = append(b, input...)
	k := Key(sha256.Sum256(b))
	if cap(b) <= 1<<16 { // do not keep a huge buffer in the pool
		*bp = b[:0]
		keyBufs.Put(bp)
	}
	return k
}

// Keyer computes the keys of one KeySpec, faster than KeySpec.Key: the
// preimage up to the input is encoded once. The zero Keyer is not usable; call
// KeySpec.Keyer. It is safe for concurrent use.
type Keyer struct {
	head []byte
}

// Keyer returns the Keyer of s.
func (s KeySpec) Keyer() Keyer { return Keyer{head: s.appendHeader(nil)} }

// Key returns the cache key of an input given by its canonical encoding: the
// same as KeySpec.Key.
func (k Keyer) Key(input []byte) Key {
	bp := keyBufs.Get().(*[]byte)
	return sumPreimage(bp, append((*bp)[:0], k.head...), input)
}

// KeyOf returns the cache key of an event, encoded with its AppendBinary (the
// generated canonical encoding).
func (s KeySpec) KeyOf(ev encoding.BinaryAppender) (Key, error) {
	// The encoding goes into a pooled buffer; Key takes another one for the
	// preimage.
	bp := keyBufs.Get().(*[]byte)
	defer keyBufs.Put(bp)
	in, err := ev.AppendBinary((*bp)[:0])
	if cap(in) <= 1<<16 { // do not keep a huge buffer in the pool
		*bp = in[:0]
	} else {
		*bp = (*bp)[:0]
	}
	if err != nil {
		return Key{}, fmt.Errorf("fw: cache key of an input of %s: %w", s.Processor, err)
	}
	return s.Key(in), nil
}
