package rct

import "hash/maphash"

// firstDuplicate returns the first of n units, in input order, whose id
// (id(i)) an earlier unit has: the smallest index dup with id(first) == id(dup) for
// some first < dup, and that id's first index; dup = first = -1 when the
// ids are distinct. It gives the same pair as sortIDs without sorting.
//
// The ids are put in turn into an open-addressing hash table of indices
// (linear probing, at most two thirds full, 4 bytes a slot), so the first
// id found already there is the first duplicate and the index found is
// its id's first. The hash's seed is random, which changes only where ids
// lie in the table, never the result.
func firstDuplicate(n int, id func(i int) string) (dup, first int) {
	if n > 1<<31-1 {
		panic("rct: more than 2^31-1 units")
	}
	size := 1
	for size < n+n/2+1 {
		size <<= 1
	}
	mask := uint64(size - 1)
	slots := make([]uint32, size) // index+1; 0 is empty
	seed := maphash.MakeSeed()
	for i := 0; i < n; i++ {
		s := id(i)
		for h := maphash.String(seed, s) & mask; ; h = (h + 1) & mask {
			k := slots[h]
			if k == 0 {
				slots[h] = uint32(i) + 1
				break
			}
			if id(int(k-1)) == s {
				return i, int(k - 1)
			}
		}
	}
	return -1, -1
}
