package rowset

import "math/bits"

// Set is a set of rows of a column, each standing for its value: an
// open-addressing hash table (linear probing, at most two thirds full) of
// 4-byte slots, each holding a row plus one in its low bits (0 being an
// empty slot) and, in the bits the rows leave, a tag from the value's
// hash, so that a value is compared with a row's only when their tags
// agree. A million rows take 4 to 8 MiB, where a map of their strings
// took tens.
type Set struct {
	slots []uint32
	mask  uint64
	bits  uint // of row+1
	n     int
	// at and tag are the slot that Find stopped at and the tag it sought,
	// where Add puts its row.
	at  int
	tag uint32
	// touched keeps Touch's reads.
	touched uint32
}

// New returns an empty set for up to most rows of a column of rows rows,
// rows being below 2^32 - 1.
func New(most, rows int) *Set {
	if uint64(rows) >= 1<<32-1 {
		panic("rowset: 2^32-1 rows or more")
	}
	size := 16
	for size < most+most/2+1 {
		size *= 2
	}
	s := &Set{slots: make([]uint32, size), mask: uint64(size - 1), bits: uint(bits.Len(uint(rows)))}
	writePages(s.slots)
	return s
}

// writePages writes a zero in each page of slots, in order. Memory fresh
// from the operating system is mapped when first touched: a read maps the
// shared zero page, which the first write must then replace (a
// copy-on-write fault, and a flush of the page from every core's TLB),
// where a write maps a page of its own at once. A set's slots are read
// before they are written (Touch, Find), in random order: without this,
// the set of a million rows took twice as long in a new process.
func writePages(slots []uint32) {
	const page = 4096 / 4 // slots in the smallest page
	for i := 0; i < len(slots); i += page {
		slots[i] = 0
	}
}

// Len returns the number of rows in the set.
func (s *Set) Len() int { return s.n }

// Reset empties the set.
func (s *Set) Reset() {
	clear(s.slots)
	s.n = 0
}

// Touch reads the first slot of a value of hash h, so that the loads of a
// batch of values' slots from memory overlap before Find reads them.
func (s *Set) Touch(h uint64) { s.touched |= s.slots[h&s.mask] }

// Find returns a row of the set whose value is the one of hash h, same(r)
// reporting whether row r holds that value; ok is false when there is
// none, and then Add(row) puts a row with it in the set.
func (s *Set) Find(h uint64, same func(r int) bool) (row int, ok bool) {
	low := uint32(1)<<s.bits - 1
	s.tag = uint32(h>>32) >> s.bits // the hash's top 32-bits bits
	for p := h & s.mask; ; p = (p + 1) & s.mask {
		k := s.slots[p]
		if k == 0 {
			s.at = int(p)
			return 0, false
		}
		if k>>s.bits == s.tag {
			if r := int(k&low) - 1; same(r) {
				return r, true
			}
		}
	}
}

// Add puts row in the set, in the slot where Find, which did not find its
// value, stopped.
func (s *Set) Add(row int) {
	s.slots[s.at] = s.tag<<s.bits | uint32(row+1)
	s.n++
}
