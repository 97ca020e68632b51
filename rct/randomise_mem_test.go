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
// allocation and the layout, and no sort of every id at once (sortIDs
// takes 56 bytes a unit on 64-bit builds). The bound counts machine words,
// so that 32-bit builds are held to it too.
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
		// Shuffled ids: each unit's stratum, Rows (= Sequence), Groups and
		// Arm, a word each, the ids' 8-byte sort keys and the hash table
		// (under 12 bytes a unit), and some scratch; sorted: no Groups and
		// no hash table. Randomise's layout has no GroupOf.
		perUnit := float64(got) / n
		limit := 4.5*float64(word) + 24
		if sorted {
			limit = 3.5*float64(word) + 8
		}
		if perUnit > limit {
			t.Errorf("sorted %v: %.1f bytes a unit, want at most %v", sorted, perUnit, limit)
		}
		t.Logf("sorted %v: %.1f bytes a unit", sorted, perUnit)
	}
}
