package rct

import (
	"runtime"
	"slices"
	"testing"
)

// allocatedBytes returns the bytes that fn allocates.
func allocatedBytes(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// Randomise's memory per unit, in shuffled and in sorted order of id: the
// allocation (a word per unit) and the layout's GroupOf, Rows and Groups
// (a word each), and no sort of every id at once (sortIDs takes six words
// a unit). The bound is in machine words, so that 386 is held to it too.
func TestRandomiseMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates 100,000 units")
	}
	const n = 100_000
	d := benchDesign(n, n/1000)
	word := uint64(4 << (^uint(0) >> 63))
	for _, sorted := range []bool{false, true} {
		if sorted {
			d.ID.Values = slices.Sorted(slices.Values(d.ID.Values))
		}
		var err error
		got := allocatedBytes(func() { _, err = Randomise(d, Options{}, 1) })
		if err != nil {
			t.Fatal(err)
		}
		perUnit := float64(got) / n / float64(word)
		// Shuffled ids: GroupOf, GroupStratum, Rows (= Sequence), Groups,
		// Arm, and the hash table (1.3 words on 64-bit builds, 2.6 on 32-bit
		// ones) and sort scratch; sorted: no
		// Groups and no hash table.
		limit := 8.0
		if sorted {
			limit = 4.5
		}
		if perUnit > limit {
			t.Errorf("sorted %v: %.2f words a unit, want at most %v", sorted, perUnit, limit)
		}
		t.Logf("sorted %v: %.2f words a unit", sorted, perUnit)
	}
}
