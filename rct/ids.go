package rct

import (
	"hash/maphash"
	"strings"

	"github.com/evalkit/evalkit/internal/rowset"
)

// idSet is a set of units' ids that finds the first duplicate id without
// sorting: a rowset.Set of the units, each standing for its id, hashed
// with a random seed, which changes only where ids lie in the set, never
// which units are found.
type idSet struct {
	set  *rowset.Set
	seed maphash.Seed
}

// newIDSet returns an empty set for up to n units.
func newIDSet(n int) *idSet {
	if n > 1<<31-1 {
		panic("rct: more than 2^31-1 units")
	}
	return &idSet{set: rowset.New(n, n), seed: maphash.MakeSeed()}
}

// addAll puts units 0 to n-1 in the empty set in turn, until one's id is
// already there: it returns that unit, dup, and the earlier unit with its
// id, first; -1, -1 when the ids are distinct. hash(i) is unit i's id's
// hash and same(i, j) reports whether units i and j have the same id. The
// ids are hashed, and their slots read, in batches, so that the slots'
// loads from memory overlap.
func (s *idSet) addAll(n int, hash func(i int) uint64, same func(i, j int) bool) (dup, first int) {
	const batch = 32
	var hs [batch]uint64
	for lo := 0; lo < n; lo += batch {
		hi := min(lo+batch, n)
		for i := lo; i < hi; i++ {
			hs[i-lo] = hash(i)
			s.set.Touch(hs[i-lo])
		}
		for i := lo; i < hi; i++ {
			if f, ok := s.set.Find(hs[i-lo], func(j int) bool { return same(i, j) }); ok {
				return i, f
			}
			s.set.Add(i)
		}
	}
	return -1, -1
}

// addIDs is addAll of the ids id(i), hashed by maphash.
func (s *idSet) addIDs(n int, id func(i int) string) (dup, first int) {
	return s.addAll(n, func(i int) uint64 { return maphash.String(s.seed, id(i)) },
		func(i, j int) bool { return id(i) == id(j) })
}

// addKeys is addAll of ids whose keys (idKey) are distinct exactly when
// they are: each hashed from its key alone by a mix of the bits of the key
// and the set's seed (the finaliser of SplitMix64 [1]), without reading
// its text.
//
// [1] Steele, G. L., Lea, D. and Flood, C. H. (2014). Fast splittable
// pseudorandom number generators. OOPSLA 2014, 453-472.
func (s *idSet) addKeys(keys []int) (dup, first int) {
	seed := maphash.Comparable(s.seed, 0)
	return s.addAll(len(keys), func(i int) uint64 {
		x := uint64(uint(keys[i])) ^ seed
		x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
		x = (x ^ x>>27) * 0x94d049bb133111eb
		return x ^ x>>31
	}, func(i, j int) bool { return keys[i] == keys[j] })
}

// checkIDs reads the ids in input order. It reports the first empty id,
// else the first unit whose id an earlier unit has (idSet; ids that
// increase strictly are distinct and need none); it returns each id's key
// (idKey), by which strata sort their units, and whether the ids are in
// strictly increasing order, as a list exported in id order is.
func checkIDs(id Column) (keys []int, increasing bool, err error) {
	n := id.len()
	keys = make([]int, n)
	increasing, short := true, true
	prev := ""
	for i := 0; i < n; i++ {
		v := id.at(i)
		if v == "" {
			return nil, false, &UnitError{Row: i, Other: -1, Column: id.Name, Err: ErrEmptyID}
		}
		keys[i] = idKey(v)
		increasing = increasing && (i == 0 || prev < v)
		short = short && len(v) <= idKeyBytes && strings.IndexByte(v, 0) < 0
		prev = v
	}
	if increasing {
		return keys, true, nil
	}
	// Ids of at most idKeyBytes bytes and no NUL byte are their keys,
	// zero-padded: two are the same exactly when their keys are.
	var dup, first int
	if short {
		dup, first = newIDSet(n).addKeys(keys)
	} else {
		dup, first = newIDSet(n).addIDs(n, id.at)
	}
	if dup >= 0 {
		return nil, false, &UnitError{Row: dup, Other: first, Column: id.Name, Value: id.at(dup), Err: ErrDuplicateID}
	}
	return keys, false, nil
}
