package rct

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRandomisationTestPinned pins counts of extreme draws that the code
// before the Rerandomiser interface (commit 1ef4606) printed for blocked
// designs, with and without clusters, at draws either side of a chunk
// (256) and across many chunks: re-randomising a Permutations is
// unchanged bit for bit.
func TestRandomisationTestPinned(t *testing.T) {
	type key struct {
		n       int
		cluster bool
		draws   int
	}
	want := map[key]int{
		{301, false, 255}: 29, {301, false, 257}: 29, {301, false, 5001}: 518,
		{301, true, 255}: 20, {301, true, 257}: 22, {301, true, 5001}: 455,
		{2000, false, 255}: 127, {2000, false, 257}: 136, {2000, false, 5001}: 2720,
		{2000, true, 255}: 151, {2000, true, 257}: 148, {2000, true, 5001}: 2626,
	}
	r := NewRand(11)
	for _, n := range []int{30, 301, 2000} {
		y, blocks, clusters, assign := make([]float64, n), make([]string, n), make([]string, n), make([]int, n)
		for i := range y {
			y[i] = r.Float64()
			blocks[i] = fmt.Sprint(i / 2 % 3)
			clusters[i] = fmt.Sprint(i / 2)
			assign[i] = i / 6 % 2
		}
		for _, cl := range [][]string{nil, clusters} {
			p, err := NewPermutations(assign, blocks, cl)
			require.NoError(t, err)
			for _, draws := range []int{255, 257, 1000, 5001} {
				res, err := RandomisationTest(p, func() Statistic { return DiffInMeans(y, 1, 0) }, RIOptions{Draws: draws, Seed: uint64(draws), Workers: 2})
				require.NoError(t, err)
				k := key{n, cl != nil, draws}
				if w, ok := want[k]; ok {
					assert.Equal(t, w, res.Extreme, "%+v", k)
					assert.Equal(t, draws, res.Draws)
				}
				if n == 30 && cl != nil && draws >= 1000 {
					// 1000 allocations: enumerated, 395 extreme.
					assert.True(t, res.Exact)
					assert.Equal(t, 395, res.Extreme)
				}
			}
		}
	}
}

// TestRandomisationTestPinnedOneBlock pins counts of extreme draws that
// the code before the draws of one block of single units skipped the copy
// to the assignment (main at e2b9d5b) printed: unchanged bit for bit.
func TestRandomisationTestPinnedOneBlock(t *testing.T) {
	type key struct{ n, draws int }
	want := map[key]int{
		{301, 255}: 85, {301, 257}: 86, {301, 5001}: 1795,
		{2000, 255}: 128, {2000, 257}: 133, {2000, 5001}: 2607,
	}
	r := NewRand(11)
	for _, n := range []int{301, 2000} {
		y, assign := make([]float64, n), make([]int, n)
		for i := range y {
			y[i] = r.Float64()
			assign[i] = i / 6 % 2
		}
		p, err := NewPermutations(assign, nil, nil)
		require.NoError(t, err)
		for _, draws := range []int{255, 257, 5001} {
			res, err := RandomisationTest(p, func() Statistic { return DiffInMeans(y, 1, 0) }, RIOptions{Draws: draws, Seed: uint64(draws), Workers: 2})
			require.NoError(t, err)
			assert.Equal(t, want[key{n, draws}], res.Extreme, "n %d, %d draws", n, draws)
		}
	}
}
