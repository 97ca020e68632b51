package rct

// valueCodes numbers the values of a column, as a map[string]int32 of them
// does, for the strata of a scan (scanDesign). A value of at most eight
// bytes is held by its bytes as an integer (idChunk) and its length, in an
// open-addressing table (linear probing, at most half full) hashed by a
// multiplication: finding it reads neither its text nor a string's hash,
// where a map took 25 ns a unit of a million; a longer value is in a map.
type valueCodes struct {
	slots []codeSlot
	shift uint // 64 - log2(len(slots))
	n     int  // values in slots
	// long holds the longer values, and every value when all is set.
	long map[string]int32
	all  bool
}

// codeSlot is a slot of valueCodes: a value's bytes and length, and its
// code plus one (0 for an empty slot).
type codeSlot struct {
	chunk     uint64
	len, code int32
}

// newValueCodes returns an empty valueCodes; with inMap, every value is
// kept in the map (long), which a program may then read itself.
func newValueCodes(inMap bool) *valueCodes {
	return &valueCodes{slots: make([]codeSlot, 64), shift: 64 - 6, long: make(map[string]int32), all: inMap}
}

// slot returns the slot of v's bytes c and length n, or the empty slot
// where it goes: the search starts at the top bits of their product with
// 2^64 divided by the golden ratio (Knuth's multiplicative hashing, TAOCP
// vol. 3, 6.4).
func (x *valueCodes) slot(c uint64, n int) *codeSlot {
	mask := uint64(len(x.slots) - 1)
	for p := ((c ^ uint64(n)) * 0x9e3779b97f4a7c15) >> x.shift; ; p = (p + 1) & mask {
		if s := &x.slots[p]; s.code == 0 || s.chunk == c && int(s.len) == n {
			return s
		}
	}
}

// find returns the code of v.
func (x *valueCodes) find(v string) (code int32, ok bool) {
	if len(v) > 8 || x.all {
		code, ok = x.long[v]
		return code, ok
	}
	s := x.slot(idChunk(v, 0), len(v))
	return s.code - 1, s.code != 0
}

// add gives v, not there yet, the code.
func (x *valueCodes) add(v string, code int32) {
	if len(v) > 8 || x.all {
		x.long[v] = code
		return
	}
	*x.slot(idChunk(v, 0), len(v)) = codeSlot{idChunk(v, 0), int32(len(v)), code + 1}
	if x.n++; 2*x.n > len(x.slots) {
		old := x.slots
		x.slots, x.shift = make([]codeSlot, 2*len(old)), x.shift-1
		for _, s := range old {
			if s.code != 0 {
				*x.slot(s.chunk, int(s.len)) = s
			}
		}
	}
}
