package rct

import (
	"fmt"
	"testing"
)

// firstDuplicate returns the first unit whose id an earlier unit has, and
// that unit, as idSet finds them; -1, -1 when the ids are distinct.
func firstDuplicate(ids []string) (dup, first int) {
	s := newIDSet(len(ids))
	at := func(k int) string { return ids[k] }
	for i, v := range ids {
		if f := s.add(i, v, at); f >= 0 {
			return i, f
		}
	}
	return -1, -1
}

// idKeys returns each id's first eight bytes, as sortGroupsByID takes them.
func idKeys(ids []string) []uint64 {
	keys := make([]uint64, len(ids))
	for i, v := range ids {
		keys[i] = idChunk(v, 0)
	}
	return keys
}

// idSet finds a duplicate among many ids (where the tags are few bits)
// as a map does, and none among distinct ones.
func TestIDSetMany(t *testing.T) {
	for _, n := range []int{1, 2, 1000, 70_000} {
		ids := make([]string, n)
		for i := range ids {
			ids[i] = fmt.Sprintf("u%d", (i*7919)%n)
		}
		if dup, first := firstDuplicate(ids); dup != -1 || first != -1 {
			t.Fatalf("n=%d distinct: dup %d (first %d)", n, dup, first)
		}
		if n < 3 {
			continue
		}
		ids[n-1], ids[n/2] = ids[n/3], ids[n/3]
		if dup, first := firstDuplicate(ids); dup != n/2 || first != n/3 {
			t.Fatalf("n=%d: dup %d (first %d), want %d (%d)", n, dup, first, n/2, n/3)
		}
	}
}
