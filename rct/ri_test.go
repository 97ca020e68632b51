package rct

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
	"testing"
)

// riBruteTest counts, over every subset of clusters of the right size in
// each block (at most two blocks, two arms), the allocations with
// |T| >= |T_obs|: an enumeration independent of Permutations.Enumerate.
func riBruteTest(y []float64, assign []int, blocks, clusters []string) (extreme, total int) {
	// Clusters in order, with their block and observed arm.
	type cl struct {
		block string
		arm   int
		units []int
	}
	var cls []cl
	idx := map[string]int{}
	for i := range y {
		key := fmt.Sprint(i)
		if clusters != nil {
			key = clusters[i]
		}
		k, ok := idx[key]
		if !ok {
			k = len(cls)
			idx[key] = k
			b := ""
			if blocks != nil {
				b = blocks[i]
			}
			cls = append(cls, cl{block: b, arm: assign[i]})
		}
		cls[k].units = append(cls[k].units, i)
	}
	treatedIn := map[string]int{}
	for _, c := range cls {
		treatedIn[c.block] += c.arm
	}
	obs := DiffInMeans(y, 1, 0)(assign)
	a := make([]int, len(y))
	for mask := uint64(0); mask < 1<<len(cls); mask++ {
		got := map[string]int{}
		for k, c := range cls {
			if mask>>k&1 == 1 {
				got[c.block]++
			}
		}
		ok := true
		for b, n := range treatedIn {
			ok = ok && got[b] == n
		}
		if !ok || bits.OnesCount64(mask) == 0 {
			continue
		}
		for k, c := range cls {
			for _, i := range c.units {
				a[i] = int(mask >> k & 1)
			}
		}
		total++
		if math.Abs(DiffInMeans(y, 1, 0)(a)) >= math.Abs(obs)*(1-1e-9) {
			extreme++
		}
	}
	return extreme, total
}

func TestRandomisationTestExact(t *testing.T) {
	y12 := []float64{3.1, 0.2, 5.5, 2.2, 1.9, 4.4, 0.7, 2.8, 3.3, 6.1, 1.2, 2.5}
	tests := []struct {
		name     string
		y        []float64
		assign   []int
		blocks   []string
		clusters []string
		wantP    float64 // when known by hand, else 0
	}{
		// {4,5,6} vs {1,2,3}: 2 of the 20 allocations reach |T| = 3.
		{"by hand", []float64{1, 2, 3, 4, 5, 6}, []int{0, 0, 0, 1, 1, 1}, nil, nil, 0.1},
		{"blocked", y12, []int{1, 0, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0},
			[]string{"a", "a", "a", "a", "a", "a", "b", "b", "b", "b", "b", "b"}, nil, 0},
		{"clustered", y12, []int{1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 1, 0},
			nil, []string{"c1", "c1", "c2", "c2", "c3", "c4", "c4", "c4", "c5", "c6", "c7", "c8"}, 0},
		{"blocked clusters", y12, []int{1, 1, 0, 0, 0, 1, 0, 0, 1, 1, 0, 1},
			[]string{"a", "a", "a", "a", "a", "a", "b", "b", "b", "b", "b", "b"},
			[]string{"c1", "c1", "c2", "c2", "c3", "c4", "c5", "c5", "c6", "c6", "c7", "c8"}, 0},
	}
	for _, tc := range tests {
		p, err := NewPermutations(tc.assign, tc.blocks, tc.clusters)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		newStat := func() Statistic { return DiffInMeans(tc.y, 1, 0) }
		res, err := RandomisationTest(p, newStat, RIOptions{Draws: 100000, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range []int{1, 3} {
			again, _ := RandomisationTest(p, newStat, RIOptions{Draws: 100000, Seed: 9, Workers: w})
			if again != res {
				t.Errorf("%s: workers %d gave %v, want %v", tc.name, w, again, res)
			}
		}
		ext, total := riBruteTest(tc.y, tc.assign, tc.blocks, tc.clusters)
		if !res.Exact || res.Draws != total || res.Extreme != ext {
			t.Errorf("%s: %v; brute force %d of %d", tc.name, res, ext, total)
		}
		if tc.wantP != 0 && math.Abs(res.P-tc.wantP) > 1e-15 {
			t.Errorf("%s: p = %v, want %v", tc.name, res.P, tc.wantP)
		}
	}
}

// Sampled p-values fall within Monte Carlo error of the exact share, and
// do not depend on the number of workers.
func TestRandomisationTestSampled(t *testing.T) {
	r := NewRand(4)
	n := 24
	y := make([]float64, n)
	blocks := make([]string, n)
	for i := range y {
		y[i] = float64(r.Uint64n(1000)) / 100
		blocks[i] = fmt.Sprint("b", i/8)
	}
	assign := make([]int, n)
	for b := 0; b < 3; b++ {
		copy(assign[8*b:], CompleteAssign(8, []int{1, 1}, r))
	}
	for i := range y {
		y[i] += 1.2 * float64(assign[i]) // an effect, so p is mid-range
	}
	p, err := NewPermutations(assign, blocks, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Count().Int64(); got != 70*70*70 {
		t.Fatalf("count = %d, want 343000", got)
	}
	newStat := func() Statistic { return DiffInMeans(y, 1, 0) }
	exact, _ := RandomisationTest(p, newStat, RIOptions{Draws: 343000})
	if !exact.Exact {
		t.Fatal("not enumerated")
	}
	const B = 20000
	var first RIResult
	for _, w := range []int{1, 2, 5} {
		calls, last := 0, 0
		res, err := RandomisationTest(p, newStat, RIOptions{Draws: B, Seed: 77, Workers: w,
			Progress: func(done, total int) { calls++; last = done }})
		if err != nil {
			t.Fatal(err)
		}
		if w == 1 {
			first = res
			se := math.Sqrt(exact.P * (1 - exact.P) / B)
			if math.Abs(res.P-exact.P) > 4*se {
				t.Errorf("sampled p = %v, exact %v (se %v)", res.P, exact.P, se)
			}
		} else if res != first {
			t.Errorf("workers %d: %v, want %v", w, res, first)
		}
		if last != B || calls == 0 {
			t.Errorf("progress ended at %d after %d calls", last, calls)
		}
	}
}

func TestPermutationsSampleKeepsDesign(t *testing.T) {
	assign := []int{1, 1, 0, 0, 0, 1, 2, 2, 0}
	blocks := []string{"a", "a", "a", "a", "b", "b", "b", "b", "b"}
	clusters := []string{"x", "x", "y", "z", "u", "v", "w", "w", "t"}
	p, err := NewPermutations(assign, blocks, clusters)
	if err != nil {
		t.Fatal(err)
	}
	r := NewRand(3)
	for k := 0; k < 200; k++ {
		a := p.Sample(r)
		if a[0] != a[1] || a[6] != a[7] {
			t.Fatalf("cluster split: %v", a)
		}
		var cnt [2][3]int
		for i, x := range a {
			if clusters[i] == "x" && i == 1 || clusters[i] == "w" && i == 7 {
				continue
			}
			b := 0
			if blocks[i] == "b" {
				b = 1
			}
			cnt[b][x]++
		}
		if cnt[0] != [3]int{2, 1, 0} || cnt[1] != [3]int{2, 1, 1} {
			t.Fatalf("counts changed: %v", cnt)
		}
	}
	if _, err := NewPermutations([]int{0, 1}, nil, []string{"x", "x"}); err == nil {
		t.Error("mixed cluster accepted")
	}
}

// #21 H4: B above RIMaxDraws is refused at once, where 10^18 draws on 40
// units enumerated all C(40, 20) = 1.4e11 allocations (about 14 hours).
func TestRandomisationTestTooManyDraws(t *testing.T) {
	assign, y := make([]int, 40), make([]float64, 40)
	for i := range assign {
		assign[i], y[i] = i%2, float64(i)
	}
	p, err := NewPermutations(assign, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	newStat := func() Statistic { return DiffInMeans(y, 1, 0) }
	for _, opt := range []RIOptions{{Draws: math.MaxInt}, {Draws: RIMaxDraws + 1}, {Draws: RIMaxDraws + 1, Auto: true}} {
		if _, err := RandomisationTest(p, newStat, opt); !errors.Is(err, ErrTooManyDraws) {
			t.Errorf("%+v: error %v, want ErrTooManyDraws", opt, err)
		}
	}
}
