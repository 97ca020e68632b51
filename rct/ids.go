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
	// touched keeps the reads of addAll's batches.
	touched uint32
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

// addAll puts units 0 to n-1, id(i) being unit i's id, in the empty set
// in turn, until one's id is already there: it returns that unit, dup,
// and the earlier unit with its id, first; -1, -1 when the ids are
// distinct. The ids are hashed, and their slots read, in batches, so that
// the slots' loads from memory overlap.
func (s *idSet) addAll(n int, id func(i int) string) (dup, first int) {
	const batch = 32
	var hs [batch]uint64
	var vs [batch]string
	for lo := 0; lo < n; lo += batch {
		hi := min(lo+batch, n)
		for i := lo; i < hi; i++ {
			vs[i-lo] = id(i)
			hs[i-lo] = maphash.String(s.seed, vs[i-lo])
			s.touched |= s.slots[hs[i-lo]&s.mask]
		}
		for i := lo; i < hi; i++ {
			if f := s.add(i, vs[i-lo], hs[i-lo], id); f >= 0 {
				return i, f
			}
		}
	}
	return -1, -1
}

// add puts unit i, whose id is v with hash h, in the set, unless an
// earlier unit has that id: then it returns that unit, else -1. id(k)
// returns unit k's id.
func (s *idSet) add(i int, v string, h uint64, id func(k int) string) int {
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

// checkIDs reads the ids in input order. It reports the first empty id,
// else the first unit whose id an earlier unit has (idSet; ids that
// increase strictly are distinct and need none); it returns each id's key
// (idKey), by which strata sort their units, and whether the ids are in
// strictly increasing order, as a list exported in id order is.
func checkIDs(id Column) (keys []int, increasing bool, err error) {
	n := id.len()
	keys = make([]int, n)
	increasing = true
	prev := ""
	for i := 0; i < n; i++ {
		v := id.at(i)
		if v == "" {
			return nil, false, &UnitError{Row: i, Other: -1, Column: id.Name, Err: ErrEmptyID}
		}
		keys[i] = idKey(v)
		increasing = increasing && (i == 0 || prev < v)
		prev = v
	}
	if increasing {
		return keys, true, nil
	}
	if dup, first := newIDSet(n).addAll(n, id.at); dup >= 0 {
		return nil, false, &UnitError{Row: dup, Other: first, Column: id.Name, Value: id.at(dup), Err: ErrDuplicateID}
	}
	return keys, false, nil
}
