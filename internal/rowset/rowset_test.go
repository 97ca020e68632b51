package rowset

import (
	"fmt"
	"hash/maphash"
	"math/rand/v2"
	"testing"
)

// A Set finds each value's first row as a map does, with tags of many
// bits and of one (rows near 2^31, so that values are compared at almost
// every slot), and again after Reset.
func TestSetAsMap(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	seed := maphash.MakeSeed()
	for _, rows := range []int{1000, 1<<31 - 1} {
		s := New(1000, rows)
		for range 2 {
			s.Reset()
			values := make([]string, 1000)
			first := map[string]int{}
			for i := range values {
				values[i] = fmt.Sprint(rnd.IntN(600))
				r, ok := s.Find(maphash.String(seed, values[i]), func(r int) bool { return values[r] == values[i] })
				want, seen := first[values[i]]
				if ok != seen || ok && r != want {
					t.Fatalf("rows %d: value %q at %d: found %d, %v; want %d, %v", rows, values[i], i, r, ok, want, seen)
				}
				if !ok {
					s.Add(i)
					first[values[i]] = i
				}
			}
			if s.Len() != len(first) {
				t.Fatalf("rows %d: %d rows in the set, want %d", rows, s.Len(), len(first))
			}
		}
	}
}
