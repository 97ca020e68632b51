package rct

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// unitsCSVTest writes a units file of n units: id, area (north or south,
// alternating in runs of 1 and 2), school (the cluster, clusterSize units
// each), risk (low, high, high, low, ...).
func unitsCSVTest(n, clusterSize int) string {
	var b strings.Builder
	b.WriteString("unit_id,area,school,risk\n")
	for i := range n {
		area := []string{"north", "south", "south"}[i%3]
		risk := []string{"low", "high", "high", "low"}[i%4]
		fmt.Fprintf(&b, "u%03d,%s,%s%02d,%s\n", i+1, area, area, i/clusterSize, risk)
	}
	return b.String()
}

// outcomesTest returns y for the units in order: noise plus effect in
// treatment.
func outcomesTest(obs []int, effect float64, seed uint64) []float64 {
	r := rand.New(rand.NewPCG(seed, 7))
	y := make([]float64, len(obs))
	for i, a := range obs {
		y[i] = math.Round(100*r.NormFloat64()) / 100
		if a == 1 {
			y[i] += effect
		}
	}
	return y
}

// meanDiffTest is the difference in means of y between the units with
// assignment 1 and 0 (others left out), NaN when one is empty: written
// apart from DiffInMeans.
func meanDiffTest(y []float64, a []int) float64 {
	var s [2]float64
	var n [2]int
	for i, v := range a {
		if v == 0 || v == 1 {
			s[v] += y[i]
			n[v]++
		}
	}
	if n[0] == 0 || n[1] == 0 {
		return math.NaN()
	}
	return s[1]/float64(n[1]) - s[0]/float64(n[0])
}

func extremeTest(t, obs float64) bool {
	return !math.IsNaN(t) && math.Abs(t) >= math.Abs(obs)*(1-1e-9)
}

// shuffledTest returns 0, ..., n-1 in a random order: the caller's rows
// need not follow the allocation file.
func shuffledTest(n int, seed uint64) []int {
	return rand.New(rand.NewPCG(seed, 1)).Perm(n)
}

// blocksBruteTest lists, by brute force over every subset of the units,
// the allocations that a permuted-block design allows: clusters whole,
// and in every block as many treated clusters as observed. block and
// cluster number each unit's block and cluster from 0. It returns the
// number with |T| >= |T_obs| and the number in all.
func blocksBruteTest(y []float64, obs []int, block, cluster []int) (extreme, total int) {
	n := len(obs)
	nb, nc := slices.Max(block)+1, slices.Max(cluster)+1
	first := make([]int, nc) // each cluster's first unit
	for i := n - 1; i >= 0; i-- {
		first[cluster[i]] = i
	}
	treated := func(a []int, c []int) []int {
		clear(c)
		for _, i := range first {
			c[block[i]] += a[i]
		}
		return c
	}
	want := slices.Clone(treated(obs, make([]int, nb)))
	got := make([]int, nb)
	tObs := meanDiffTest(y, obs)
	a := make([]int, n)
masks:
	for mask := 0; mask < 1<<n; mask++ {
		for i := range a {
			a[i] = mask >> i & 1
			if a[i] != a[first[cluster[i]]] {
				continue masks
			}
		}
		if !slices.Equal(treated(a, got), want) {
			continue
		}
		total++
		if extremeTest(meanDiffTest(y, a), tObs) {
			extreme++
		}
	}
	return extreme, total
}

// numberTest numbers the distinct values in order of first appearance.
func numberTest(values []string) []int {
	index, out := map[string]int{}, make([]int, len(values))
	for i, v := range values {
		if _, ok := index[v]; !ok {
			index[v] = len(index)
		}
		out[i] = index[v]
	}
	return out
}

// TestRerandomiseBlocksExact: the exact p-value of a permuted-block design
// (two strata, block sizes 2 and 4, the last block of each stratum partly
// filled) is the share of the allocations that a brute-force enumeration
// of the design finds, exactly; with clusters too.
func TestRerandomiseBlocksExact(t *testing.T) {
	tests := []struct {
		name        string
		n, clusters int
		cluster     string
		seed        uint64
	}{
		{"units", 11, 1, "", 3},
		{"clusters", 14, 2, "school", 8},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := Settings{ID: "unit_id", Arms: []string{"control", "treatment"}, Block: []string{"area"}, Cluster: tc.cluster,
				Method: Blocks, BlockSizes: []int{2, 4}, Seed: tc.seed}
			d := allocatedTest(t, unitsCSVTest(tc.n, tc.clusters), s)
			units := shuffledTest(d.N(), tc.seed)
			rr, err := d.Rerandomiser(units, "treatment", "control")
			require.NoError(t, err)
			obs := rr.Observed()
			y := outcomesTest(obs, 0.8, tc.seed)
			block, cluster := make([]string, len(units)), make([]string, len(units))
			for k, i := range units {
				block[k] = fmt.Sprint(d.Stratum[i], "#", d.BlockSeq[i])
				cluster[k] = d.ID[i]
				if tc.cluster != "" {
					cluster[k] = d.Cluster[i]
				}
				assert.Equal(t, d.Arm[i] == "treatment", obs[k] == 1)
			}
			ext, total := blocksBruteTest(y, obs, numberTest(block), numberTest(cluster))
			// Some block is cut short: it has an odd number of clusters,
			// the block sizes being even.
			clustersIn := map[string]map[string]bool{}
			for k := range block {
				if clustersIn[block[k]] == nil {
					clustersIn[block[k]] = map[string]bool{}
				}
				clustersIn[block[k]][cluster[k]] = true
			}
			partial := 0
			for _, c := range clustersIn {
				partial += len(c) % 2
			}
			require.Positive(t, partial, "no stratum's last block is cut short")
			for _, w := range []int{1, 2} {
				res, err := RandomisationTest(rr, func() Statistic { return DiffInMeans(y, 1, 0) }, RIOptions{Draws: 100000, Seed: 1, Workers: w})
				require.NoError(t, err)
				assert.True(t, res.Exact)
				assert.Equal(t, total, res.Draws, "allocations")
				assert.Equal(t, ext, res.Extreme, "extreme allocations")
				assert.Equal(t, float64(ext)/float64(total), res.P)
			}
			assert.Equal(t, int64(total), rr.Count().Int64())
			t.Logf("%s: p = %d/%d", tc.name, ext, total)
		})
	}
}

// TestRerandomiseComplete: under complete randomisation the design's
// re-randomiser is Permutations over the strata and clusters, as the
// analysis has re-randomised without a manifest: the same draws, the same
// result.
func TestRerandomiseComplete(t *testing.T) {
	s := Settings{ID: "unit_id", Arms: []string{"control", "letter", "visit"}, Block: []string{"area"}, Cluster: "school", Seed: 4}
	d := allocatedTest(t, unitsCSVTest(60, 2), s)
	var units []int
	for _, i := range shuffledTest(d.N(), 2) {
		if d.Arm[i] != "letter" {
			units = append(units, i)
		}
	}
	rr, err := d.Rerandomiser(units, "visit", "control")
	require.NoError(t, err)
	p, err := NewPermutations(rr.Observed(), pick(d.Stratum, units), pick(d.Cluster, units))
	require.NoError(t, err)
	assert.Equal(t, p.Count(), rr.Count())
	y := outcomesTest(rr.Observed(), 0.3, 5)
	newStat := func() Statistic { return DiffInMeans(y, 1, 0) }
	want, err := RandomisationTest(p, newStat, RIOptions{Draws: 3000, Seed: 6})
	require.NoError(t, err)
	got, err := RandomisationTest(rr, newStat, RIOptions{Draws: 3000, Seed: 6})
	require.NoError(t, err)
	assert.Equal(t, want, got)
	assert.False(t, got.Exact)
}

// simpleExactTest is the exact probability, under simple randomisation
// with treatment probability pt for each cluster independently, of an
// allocation with |T| >= |T_obs|: a weighted sum over all 2^m allocations
// of the m clusters (in order of first appearance).
func simpleExactTest(y []float64, obs []int, cluster []string, pt float64) float64 {
	groupOf, groups := make([]int, len(obs)), map[string]int{}
	for i := range obs {
		key := fmt.Sprint(i)
		if cluster != nil {
			key = cluster[i]
		}
		if _, ok := groups[key]; !ok {
			groups[key] = len(groups)
		}
		groupOf[i] = groups[key]
	}
	m := len(groups)
	tObs := meanDiffTest(y, obs)
	a := make([]int, len(obs))
	p := 0.0
	for mask := 0; mask < 1<<m; mask++ {
		w := 1.0
		for g := range m {
			if mask>>g&1 == 1 {
				w *= pt
			} else {
				w *= 1 - pt
			}
		}
		for i, g := range groupOf {
			a[i] = mask >> g & 1
		}
		if extremeTest(meanDiffTest(y, a), tObs) {
			p += w
		}
	}
	return p
}

// TestRerandomiseSimple: with a 1:2 ratio the sampled p-value is within
// Monte Carlo error of the exact weighted share over all allocations, at
// any number of workers; with 1:1 every allocation is equally likely and
// the test is exact; a third arm's units are left out.
func TestRerandomiseSimple(t *testing.T) {
	tests := []struct {
		name    string
		arms    []string
		ratio   []int
		cluster string
		pt      float64 // treatment's probability within the comparison
		exact   bool
	}{
		{"1:2", []string{"control", "treatment"}, []int{1, 2}, "", 2.0 / 3, false},
		{"1:2 clusters", []string{"control", "treatment"}, []int{1, 2}, "school", 2.0 / 3, false},
		{"1:1", []string{"control", "treatment"}, nil, "", 0.5, true},
		{"three arms 3:1:2", []string{"control", "other", "treatment"}, []int{3, 1, 2}, "", 0.4, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := Settings{ID: "unit_id", Arms: tc.arms, Ratio: tc.ratio, Cluster: tc.cluster, Method: Simple, Seed: 11}
			d := allocatedTest(t, unitsCSVTest(14, 2), s)
			var units []int
			for _, i := range shuffledTest(d.N(), 3) {
				if d.Arm[i] != "other" {
					units = append(units, i)
				}
			}
			rr, err := d.Rerandomiser(units, "treatment", "control")
			require.NoError(t, err)
			obs := rr.Observed()
			y := outcomesTest(obs, 0.5, 12)
			var cluster []string
			if tc.cluster != "" {
				cluster = pick(d.Cluster, units)
			}
			want := simpleExactTest(y, obs, cluster, tc.pt)
			const B = 20000
			var first RIResult
			for _, w := range []int{1, 2} {
				res, err := RandomisationTest(rr, func() Statistic { return DiffInMeans(y, 1, 0) }, RIOptions{Draws: B, Seed: 13, Workers: w})
				require.NoError(t, err)
				if w == 1 {
					first = res
				}
				assert.Equal(t, first, res, "workers %d", w)
			}
			assert.Equal(t, tc.exact, first.Exact)
			if tc.exact {
				assert.InDelta(t, want, first.P, 1e-15, "exact p")
				assert.Equal(t, int64(1)<<len(units), rr.Count().Int64())
			} else {
				assert.Nil(t, rr.Count())
				se := math.Sqrt(want * (1 - want) / B)
				assert.InDelta(t, want, first.P, 4*se, "sampled p %v, exact %v (se %v)", first.P, want, se)
			}
			t.Logf("%s: p = %v, exact %v", tc.name, first.P, want)
		})
	}
}

// minimiseTest is Pocock-Simon minimisation written apart from
// Layout.minimise, for equal weights and one stratum: for each unit in
// order, the imbalance of each arm j is the sum over factors of the range
// of the arms' counts at the unit's level with the unit added to j; the
// preferred arm is drawn uniformly from those of least imbalance and taken
// with probability p, else an arm is drawn uniformly from the others; when
// every arm ties, the arm is drawn uniformly.
func minimiseTest(levels [][]int, k int, p float64, r *rand.Rand, arm []int) {
	counts := make([][][]int, len(levels)) // factor, level, arm
	for f, l := range levels {
		counts[f] = make([][]int, slices.Max(l)+1)
		for v := range counts[f] {
			counts[f][v] = make([]int, k)
		}
	}
	imbalance := make([]int, k)
	var least, others []int
	for i := range arm {
		best := math.MaxInt
		for j := range k {
			imbalance[j] = 0
			for f := range levels {
				lo, hi := math.MaxInt, math.MinInt
				for a, n := range counts[f][levels[f][i]] {
					if a == j {
						n++
					}
					lo, hi = min(lo, n), max(hi, n)
				}
				imbalance[j] += hi - lo
			}
			best = min(best, imbalance[j])
		}
		least, others = least[:0], others[:0]
		for j, g := range imbalance {
			if g == best {
				least = append(least, j)
			}
		}
		a := least[r.IntN(len(least))]
		if len(least) < k && r.Float64() >= p {
			for j := range k {
				if j != a {
					others = append(others, j)
				}
			}
			a = others[r.IntN(len(others))]
		}
		arm[i] = a
		for f := range levels {
			counts[f][levels[f][i]][a]++
		}
	}
}

// TestRerandomiseMinimise: the sampled p-value of a re-run minimisation is
// within Monte Carlo error of the share found by many runs of minimiseTest,
// at any number of workers; with three arms the units the re-run puts in
// the third arm are coded -1 and left out of the difference in means.
func TestRerandomiseMinimise(t *testing.T) {
	tests := []struct {
		name string
		arms []string
		n    int
	}{
		{"two arms", []string{"control", "treatment"}, 16},
		{"three arms", []string{"control", "treatment", "other"}, 21},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			const prob = 0.8
			s := Settings{ID: "unit_id", Arms: tc.arms, Method: Minimise, Factors: []string{"area", "risk"}, MinimiseProb: prob, Seed: 21}
			d := allocatedTest(t, unitsCSVTest(tc.n, 1), s)
			// The comparison's units: treatment and control, in a
			// shuffled order.
			var units []int
			for _, i := range shuffledTest(d.N(), 4) {
				if d.Arm[i] != "other" {
					units = append(units, i)
				}
			}
			rr, err := d.Rerandomiser(units, "treatment", "control")
			require.NoError(t, err)
			assert.Nil(t, rr.Count())
			obs := rr.Observed()
			y := outcomesTest(obs, 0.7, 22)
			tObs := meanDiffTest(y, obs)

			// The reference: many independent re-runs.
			levels := [][]int{make([]int, d.N()), make([]int, d.N())}
			for i := range d.N() {
				// unitsCSVTest's area and risk of unit i.
				levels[0][i], levels[1][i] = min(i%3, 1), []int{0, 1, 1, 0}[i%4]
			}
			const R = 100000
			r := rand.New(rand.NewPCG(23, 24))
			arm, a := make([]int, d.N()), make([]int, len(units))
			ext, third := 0, 0
			for range R {
				minimiseTest(levels, len(tc.arms), prob, r, arm)
				for k, i := range units {
					switch tc.arms[arm[i]] {
					case "treatment":
						a[k] = 1
					case "control":
						a[k] = 0
					default:
						a[k] = -1
						third++
					}
				}
				if extremeTest(meanDiffTest(y, a), tObs) {
					ext++
				}
			}
			want := float64(ext) / R

			const B = 20000
			var first RIResult
			for _, w := range []int{1, 2} {
				res, err := RandomisationTest(rr, func() Statistic { return DiffInMeans(y, 1, 0) }, RIOptions{Draws: B, Seed: 25, Workers: w})
				require.NoError(t, err)
				if w == 1 {
					first = res
				}
				assert.Equal(t, first, res, "workers %d", w)
			}
			se := math.Sqrt(want * (1 - want) * (1.0/B + 1.0/R))
			assert.InDelta(t, want, first.P, 4*se, "sampled p %v, reference %v (se %v)", first.P, want, se)
			assert.False(t, first.Exact)
			t.Logf("%s: p = %v, reference %v", tc.name, first.P, want)

			// -1 arises exactly when there is a third arm, and
			// DiffInMeans leaves those units out.
			drawn := rr.NewSampler().Sample(NewRand(9))
			if len(tc.arms) == 3 {
				require.Positive(t, third, "the reference never put a compared unit in the third arm")
				found := false
				sm := rr.NewSampler()
				for k := 0; k < 100 && !found; k++ {
					drawn = sm.Sample(NewRand(uint64(k)))
					found = strings.Contains(fmt.Sprint(drawn), "-1")
				}
				require.True(t, found, "no draw put a compared unit in the third arm")
			} else {
				assert.Zero(t, third)
			}
			assert.Equal(t, meanDiffTest(y, drawn), DiffInMeans(y, 1, 0)(drawn), "draw %v", drawn)
		})
	}
}

func TestRerandomiserErrors(t *testing.T) {
	s := Settings{ID: "unit_id", Arms: []string{"control", "letter", "visit"}, Seed: 1}
	d := allocatedTest(t, unitsCSVTest(9, 1), s)
	var letter, control int
	for i, a := range d.Arm {
		switch a {
		case "letter":
			letter = i
		case "control":
			control = i
		}
	}
	tests := []struct {
		name         string
		units        []int
		treat, contr string
		want         string
	}{
		{"unknown arm", []int{0}, "phone", "control", `rct: treatment arm "phone" is not one of the design's arms ["control" "letter" "visit"]`},
		{"unknown control", []int{0}, "visit", "ctrl", `rct: control arm "ctrl" is not one of the design's arms ["control" "letter" "visit"]`},
		{"same arm", []int{0}, "visit", "visit", `rct: arm "visit" compared with itself`},
		{"out of range", []int{9}, "visit", "control", "rct: unit index 9 out of range [0, 9)"},
		{"negative", []int{-1}, "visit", "control", "rct: unit index -1 out of range [0, 9)"},
		{"twice", []int{control, control}, "visit", "control", fmt.Sprintf(`rct: unit %d (id "%s") is in the comparison twice`, control, d.ID[control])},
		{"other arm", []int{control, letter}, "visit", "control", fmt.Sprintf(`rct: unit %d (id "%s"), allocated to "letter": not allocated to either arm of the comparison "visit" and "control"`, letter, d.ID[letter])},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := d.Rerandomiser(tc.units, tc.treat, tc.contr)
			require.EqualError(t, err, tc.want)
			if tc.name == "other arm" {
				assert.ErrorIs(t, err, ErrNotInComparison)
			}
		})
	}
}
