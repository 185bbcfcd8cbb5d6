package fwimpl

// Key groups of partitioned processors (`partition by f into K`). The key
// group of a message is a function of its key's value alone, the same in
// every process, on every machine and in every release: the FNV-1a 64 hash
// of the key's canonical encoding (the bytes the Codec writes for the field,
// AppendString, AppendInt, AppendBool, AppendBytes, AppendUint for an enum,
// AppendTime, AppendDuration), mod K. It is not maphash (seeded per
// process); changing it changes which instance receives which key, so
// keygroup_test.go pins it.

const (
	fnvOffset64 = 14695981039346656037
	fnvPrime64  = 1099511628211
)

// KeyGroup returns the key group, 0 <= g < k, of the key whose canonical
// encoding is b: FNV-1a 64 of b, mod k. Generated code builds b in a stack
// buffer with the AppendX primitives. It does not allocate.
func KeyGroup(b []byte, k uint32) uint32 {
	h := uint64(fnvOffset64)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime64
	}
	return uint32(h % uint64(k))
}

// KeyGroupString returns the key group of the string key s: KeyGroup of
// AppendString(nil, s) (its uvarint length, then its bytes), hashed in place
// without the copy. It does not allocate.
func KeyGroupString(s string, k uint32) uint32 {
	h := uint64(fnvOffset64)
	for n := uint64(len(s)); ; n >>= 7 { // the uvarint of len(s)
		c := byte(n & 0x7f)
		if n >= 0x80 {
			c |= 0x80
		}
		h ^= uint64(c)
		h *= fnvPrime64
		if n < 0x80 {
			break
		}
	}
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime64
	}
	return uint32(h % uint64(k))
}

// KeyGroupBytes returns the key group of the bytes key p: KeyGroup of
// AppendBytes(nil, p), which is KeyGroupString of string(p), hashed in place.
// It does not allocate.
func KeyGroupBytes(p []byte, k uint32) uint32 {
	h := uint64(fnvOffset64)
	for n := uint64(len(p)); ; n >>= 7 {
		c := byte(n & 0x7f)
		if n >= 0x80 {
			c |= 0x80
		}
		h ^= uint64(c)
		h *= fnvPrime64
		if n < 0x80 {
			break
		}
	}
	for _, c := range p {
		h ^= uint64(c)
		h *= fnvPrime64
	}
	return uint32(h % uint64(k))
}
