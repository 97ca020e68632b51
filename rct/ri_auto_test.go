package rct

import (
	"math"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// autoDesignTest is 60 units in 3 blocks, 30 treated, with an effect that
// puts p near 0.02: auto mode then stops after several batches.
func autoDesignTest(t *testing.T) (*Permutations, func() Statistic) {
	t.Helper()
	r := NewRand(8)
	n := 60
	y, blocks, assign := make([]float64, n), make([]string, n), make([]int, n)
	for b := range 3 {
		copy(assign[20*b:], CompleteAssign(20, []int{1, 1}, r))
	}
	for i := range y {
		y[i] = float64(r.Uint64n(1000))/100 + 2.0*float64(assign[i])
		blocks[i] = string(rune('a' + i/20))
	}
	p, err := NewPermutations(assign, blocks, nil)
	require.NoError(t, err)
	return p, func() Statistic { return DiffInMeans(y, 1, 0) }
}

// TestRandomisationTestAuto: an auto run stops at the first multiple of
// 1000 draws at which the 99% interval's half-width is below 0.005, and
// gives exactly the result of a run of that many draws; the result is the
// same at 1 and 2 workers and at GOMAXPROCS 1 and 2; progress ends at
// (B, B).
func TestRandomisationTestAuto(t *testing.T) {
	p, newStat := autoDesignTest(t)
	type progressCall struct{ done, total int }
	var calls []progressCall
	auto, err := RandomisationTest(p, newStat, RIOptions{Auto: true, Seed: 3, Workers: 1,
		Progress: func(done, total int) { calls = append(calls, progressCall{done, total}) }})
	require.NoError(t, err)
	B := auto.Draws
	require.False(t, auto.Exact)
	require.Zero(t, B%RIAutoBatch, "draws %d", B)
	require.Greater(t, B, RIAutoBatch, "stopped after one batch: the test needs a later stop")
	require.Less(t, B, RIAutoMaxDraws)
	t.Logf("auto: %v after %d draws", auto, B)

	low, high := auto.MCInterval()
	assert.Less(t, (high-low)/2, RIAutoHalfWidth)
	fixed, err := RandomisationTest(p, newStat, RIOptions{Draws: B, Seed: 3})
	require.NoError(t, err)
	assert.Equal(t, fixed, auto, "auto and fixed runs of %d draws", B)
	before, err := RandomisationTest(p, newStat, RIOptions{Draws: B - RIAutoBatch, Seed: 3})
	require.NoError(t, err)
	low, high = before.MCInterval()
	assert.GreaterOrEqual(t, (high-low)/2, RIAutoHalfWidth, "the batch before would have stopped")

	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2} {
		runtime.GOMAXPROCS(procs)
		for _, w := range []int{0, 1, 2} {
			again, err := RandomisationTest(p, newStat, RIOptions{Auto: true, Seed: 3, Workers: w})
			require.NoError(t, err)
			assert.Equal(t, auto, again, "GOMAXPROCS %d, workers %d", procs, w)
		}
	}

	require.NotEmpty(t, calls)
	assert.Equal(t, progressCall{B, B}, calls[len(calls)-1])
	for k, c := range calls[:len(calls)-1] {
		assert.Equal(t, RIAutoMaxDraws, c.total, "call %d", k)
		if k > 0 {
			assert.GreaterOrEqual(t, c.done, calls[k-1].done, "call %d", k)
		}
	}
}

// TestRandomisationTestAutoCap: with Draws as the cap, a p-value near 0.5
// (which needs about 66,000 draws) stops at the cap, even one that is not a
// multiple of the batch, with the result of a fixed run; a design with no
// more allocations than the cap is enumerated.
func TestRandomisationTestAutoCap(t *testing.T) {
	y := []float64{3.1, 0.2, 5.5, 2.2, 1.9, 4.4, 0.7, 2.8, 3.3, 6.1, 1.2, 2.5, 0.3, 4.1, 2.6, 3.9, 1.4, 5.2, 2.0, 3.0}
	assign := []int{1, 0, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 0, 1, 1, 0, 1, 0, 0, 1}
	p, err := NewPermutations(assign, nil, nil)
	require.NoError(t, err)
	newStat := func() Statistic { return DiffInMeans(y, 1, 0) }
	for _, limit := range []int{2500, 3000} {
		auto, err := RandomisationTest(p, newStat, RIOptions{Auto: true, Draws: limit, Seed: 5, Workers: 2})
		require.NoError(t, err)
		fixed, err := RandomisationTest(p, newStat, RIOptions{Draws: limit, Seed: 5})
		require.NoError(t, err)
		assert.Equal(t, fixed, auto, "cap %d", limit)
		assert.Equal(t, limit, auto.Draws)
		assert.Greater(t, auto.P, 0.2)
	}
	small, err := NewPermutations([]int{1, 0, 0, 1, 1, 0, 0, 1}, nil, nil)
	require.NoError(t, err)
	res, err := RandomisationTest(small, newStat0(y[:8]), RIOptions{Auto: true})
	require.NoError(t, err)
	assert.True(t, res.Exact)
	assert.Equal(t, 70, res.Draws)
	assert.True(t, math.IsNaN(res.MCSE()))
	assert.Panics(t, func() { _, _ = RandomisationTest(small, newStat0(y[:8]), RIOptions{Auto: true, Draws: -1}) })
	assert.Panics(t, func() { _, _ = RandomisationTest(small, newStat0(y[:8]), RIOptions{}) })
}

func newStat0(y []float64) func() Statistic {
	return func() Statistic { return DiffInMeans(y, 1, 0) }
}

// TestRandomisationTestStreams: draw k is draw k mod 256 of a fresh
// sampler on NewStream(seed, k/256 + 1), as RandomisationTest documents,
// so a run of B draws counts the first B of them, across chunk boundaries
// and at any number of workers.
func TestRandomisationTestStreams(t *testing.T) {
	p, newStat := autoDesignTest(t)
	stat := newStat()
	threshold := math.Abs(stat(p.Observed())) * (1 - 1e-9)
	var extreme []int // extreme[k]: extreme draws among the first k
	extreme = append(extreme, 0)
	for c := range 5 {
		s, r := p.NewSampler(), NewStream(4, uint64(c)+1)
		for range 256 {
			e := extreme[len(extreme)-1]
			if math.Abs(stat(s.Sample(r))) >= threshold {
				e++
			}
			extreme = append(extreme, e)
		}
	}
	for _, B := range []int{1, 255, 256, 257, 511, 512, 1000, 1001, 1280} {
		for _, w := range []int{1, 3} {
			res, err := RandomisationTest(p, newStat, RIOptions{Draws: B, Seed: 4, Workers: w})
			require.NoError(t, err)
			assert.Equal(t, extreme[B], res.Extreme, "draws %d, workers %d", B, w)
		}
	}
}
