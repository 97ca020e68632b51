package rct

import (
	"hash/maphash"
	"runtime"
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
// hash and same(i, j) reports whether units i and j have the same id. With
// part 0 or 1, only the units whose hashes have bit partBit equal to part
// are put in the set (with part -1, all are): two sets, one of each part,
// find the same duplicates as one of all. The ids are hashed, and their
// slots read, in batches, so that the slots' loads from memory overlap.
func (s *idSet) addAll(n int, hash func(i int) uint64, same func(i, j int) bool, part int) (dup, first int) {
	const batch = 32
	var hs [batch]uint64
	var is [batch]int
	for lo := 0; lo < n; {
		k := 0
		for ; lo < n && k < batch; lo++ {
			if h := hash(lo); part < 0 || int(h>>partBit&1) == part {
				hs[k], is[k] = h, lo
				s.set.Touch(h)
				k++
			}
		}
		for b := range k {
			i := is[b]
			if f, ok := s.set.Find(hs[b], func(j int) bool { return same(i, j) }); ok {
				return i, f
			}
			s.set.Add(i)
		}
	}
	return -1, -1
}

// partBit is the bit of an id's hash that parts the units of addAll: one
// that neither a rowset.Set's slot (the low bits) nor its tag (the top 32
// bits) reads.
const partBit = 31

// addIDs is addAll of the ids id(i), hashed by maphash.
func (s *idSet) addIDs(n int, id func(i int) string) (dup, first int) {
	return s.addAll(n, func(i int) uint64 { return maphash.String(s.seed, id(i)) },
		func(i, j int) bool { return id(i) == id(j) }, -1)
}

// keyHash returns the hash of an id's key (idKey) that addKeys puts it in
// the set by: a mix of the bits of the key and seed (the finaliser of
// SplitMix64 [1]), which reads no text.
//
// [1] Steele, G. L., Lea, D. and Flood, C. H. (2014). Fast splittable
// pseudorandom number generators. OOPSLA 2014, 453-472.
func keyHash(key int, seed uint64) uint64 {
	x := uint64(uint(key)) ^ seed
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// addKeys is addAll (of units of the part given) of ids whose keys
// (idKey) are distinct exactly when they are, each hashed from its key
// alone (keyHash).
func (s *idSet) addKeys(keys []int, part int) (dup, first int) {
	seed := maphash.Comparable(s.seed, 0)
	return s.addAll(len(keys), func(i int) uint64 { return keyHash(keys[i], seed) },
		func(i, j int) bool { return keys[i] == keys[j] }, part)
}

// duplicateID returns the first unit whose id an earlier unit has, as
// a UnitError naming both, or nil: the ids of id, every one not empty,
// whose keys (idKey) are keys; short reports that every id is at most
// idKeyBytes bytes without a NUL byte, so that ids are the same exactly
// when their keys are. Many short ids are put in two sets at the same
// time, on two cores, of the units whose keys' hashes have bit partBit
// clear and set: the first duplicate is the earlier of the two sets'.
func duplicateID(id Column, keys []int, short bool) error {
	n := len(keys)
	dup, first := -1, -1
	switch {
	case !short:
		dup, first = newIDSet(n).addIDs(n, id.at)
	case n < 1<<16:
		dup, first = newIDSet(n).addKeys(keys, -1)
	default:
		seed := maphash.MakeSeed()
		mix := maphash.Comparable(seed, 0)
		ones := 0
		for _, k := range keys {
			ones += int(keyHash(k, mix) >> partBit & 1)
		}
		var dups, firsts [2]int
		each(2, func(part int) {
			s := &idSet{set: rowset.New([2]int{n - ones, ones}[part], n), seed: seed}
			dups[part], firsts[part] = s.addKeys(keys, part)
		})
		dup, first = dups[0], firsts[0]
		if dups[1] >= 0 && (dup < 0 || dups[1] < dup) {
			dup, first = dups[1], firsts[1]
		}
	}
	if n >= 1<<20 {
		// The set of ids (4 to 8 bytes a unit) is garbage now, and with
		// the file's text most of the heap: a collection here lets the
		// strata's slices reuse it, where the heap would otherwise grow by
		// as much (at 10^7 units, 68 MB of 650). Its cost is a few
		// milliseconds: the live heap holds almost no pointers.
		runtime.GC()
	}
	if dup >= 0 {
		return &UnitError{Row: dup, Other: first, Column: id.Name, Value: id.at(dup), Err: ErrDuplicateID}
	}
	return nil
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
	if err := duplicateID(id, keys, short); err != nil {
		return nil, false, err
	}
	return keys, false, nil
}
