package rct

import (
	"hash/maphash"
	"math/bits"
)

// idSet is a set of units' ids that finds the first duplicate id without
// sorting: an open-addressing hash table (linear probing, at most two
// thirds full) of 4-byte slots, each holding a unit's index plus one in
// its low bits and, in the bits its index leaves, a tag taken from the
// id's hash, so that ids are compared only when their tags agree. The
// hash's seed is random, which changes only where ids lie in the table,
// never which units are found.
type idSet struct {
	slots []uint32
	mask  uint64
	bits  uint // of the index plus one
	seed  maphash.Seed
}

// newIDSet returns an empty set for up to n units.
func newIDSet(n int) *idSet {
	if n > 1<<31-1 {
		panic("rct: more than 2^31-1 units")
	}
	size := 1
	for size < n+n/2+1 {
		size <<= 1
	}
	return &idSet{slots: make([]uint32, size), mask: uint64(size - 1), bits: uint(bits.Len(uint(n))), seed: maphash.MakeSeed()}
}

// add puts unit i, whose id is v, in the set, unless an earlier unit has
// that id: then it returns that unit, else -1. id(k) returns unit k's id.
func (s *idSet) add(i int, v string, id func(k int) string) int {
	h := maphash.String(s.seed, v)
	tag := uint32(h >> (32 + s.bits)) // the hash's top 32-bits bits
	low := uint32(1)<<s.bits - 1
	for p := h & s.mask; ; p = (p + 1) & s.mask {
		k := s.slots[p]
		if k == 0 {
			s.slots[p] = tag<<s.bits | uint32(i+1)
			return -1
		}
		if k>>s.bits == tag {
			if j := int(k&low) - 1; id(j) == v {
				return j
			}
		}
	}
}
