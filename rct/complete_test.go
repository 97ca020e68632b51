package rct

import (
	"fmt"
	"math"
	"testing"
)

// permutationsTest calls fn with every permutation of 0..k-1.
func permutationsTest(k int, fn func([]int)) {
	p := make([]int, k)
	used := make([]bool, k)
	var rec func(int)
	rec = func(i int) {
		if i == k {
			fn(p)
			return
		}
		for j := 0; j < k; j++ {
			if !used[j] {
				used[j], p[i] = true, j
				rec(i + 1)
				used[j] = false
			}
		}
	}
	rec(0)
}

// TestCompleteExactMarginals enumerates every random choice of the
// remainder step (the k! orders of the arms and the W starts) and checks
// that E[n_j] = N w_j / W exactly, in integers. Given the counts the units
// are dealt by a uniform shuffle, so each unit's probability of arm j is
// E[n_j]/N = w_j/W.
func TestCompleteExactMarginals(t *testing.T) {
	ratios := [][]int{{1, 1}, {2, 1}, {1, 1, 1}, {2, 2, 1}, {2, 1, 1}, {1, 1, 1, 1}, {3, 1, 1, 1}, {1, 2, 3, 4}}
	for _, w := range ratios {
		for N := 0; N <= 12; N++ {
			t.Run(fmt.Sprintf("N=%d w=%v", N, w), func(t *testing.T) {
				k, W := len(w), 0
				for _, x := range w {
					W += x
				}
				sum := make([]int, k)
				cases := 0
				permutationsTest(k, func(perm []int) {
					for u := 0; u < W; u++ {
						counts := make([]int, k)
						R := N
						for j, x := range w {
							counts[j] = N * x / W
							R -= counts[j]
						}
						systematicRemainder(counts, int64(N), w, int64(W), int64(R), perm, int64(u))
						total := 0
						for j, c := range counts {
							fl := N * w[j] / W
							if c != fl && c != fl+1 {
								t.Fatalf("arm %d gets %d, not floor %d or one more", j, c, fl)
							}
							total += c
							sum[j] += c
						}
						if total != N {
							t.Fatalf("counts %v sum to %d", counts, total)
						}
						cases++
					}
				})
				if N <= 5 && k <= 3 {
					completeUnitMarginalsTest(t, N, w)
				}
				for j := range w {
					// E[n_j] = sum_j / cases must equal N w_j / W.
					if sum[j]*W != N*w[j]*cases {
						t.Errorf("arm %d: E[n] = %d/%d, want %d*%d/%d", j, sum[j], cases, N, w[j], W)
					}
				}
			})
		}
	}
}

// Counts are exact (floor or floor+1, summing to N) for N = 1..50 and
// several ratios, on the generator's own draws.
func TestCompleteCounts(t *testing.T) {
	r := NewRand(7)
	for _, w := range [][]int{{1, 1}, {1, 2}, {2, 2, 1}, {1, 1, 1, 1}, {5, 3}} {
		W := 0
		for _, x := range w {
			W += x
		}
		for N := 1; N <= 50; N++ {
			for rep := 0; rep < 20; rep++ {
				c := CompleteCounts(N, w, r)
				total := 0
				for j, x := range c {
					if fl := N * w[j] / W; x != fl && x != fl+1 {
						t.Fatalf("N=%d w=%v: counts %v", N, w, c)
					}
					total += x
				}
				if total != N {
					t.Fatalf("N=%d w=%v: counts %v", N, w, c)
				}
			}
		}
	}
}

// CompleteAssign's unit-level frequencies agree with w_j/W within 5
// standard errors (N = 4 with 2:2:1 and N = 3 with 2:1:1).
func TestCompleteAssignMonteCarlo(t *testing.T) {
	const reps = 50000
	for _, tc := range []struct {
		name string
		n    int
		w    []int
	}{{"N=4 2:2:1", 4, []int{2, 2, 1}}, {"N=3 2:1:1", 3, []int{2, 1, 1}}} {
		r := NewRand(11)
		W := 0
		for _, x := range tc.w {
			W += x
		}
		freq := make([][]int, tc.n)
		for i := range freq {
			freq[i] = make([]int, len(tc.w))
		}
		for rep := 0; rep < reps; rep++ {
			for i, a := range CompleteAssign(tc.n, tc.w, r) {
				freq[i][a]++
			}
		}
		for i := range freq {
			for j, x := range tc.w {
				p := float64(x) / float64(W)
				se := math.Sqrt(p * (1 - p) / reps)
				if got := float64(freq[i][j]) / reps; math.Abs(got-p) > 5*se {
					t.Errorf("%s: unit %d arm %d: %.4f, want %.4f", tc.name, i, j, got, p)
				}
			}
		}
	}
}

// completeUnitMarginalsTest enumerates every random choice of
// CompleteAssign (arm order, start, and the N! orders in which the counts
// are dealt to the units) and checks that each unit gets arm j in exactly
// the share w_j / W of the cases.
func completeUnitMarginalsTest(t *testing.T, N int, w []int) {
	t.Helper()
	k, W := len(w), 0
	for _, x := range w {
		W += x
	}
	hits := make([][]int, N)
	for i := range hits {
		hits[i] = make([]int, k)
	}
	cases := 0
	permutationsTest(k, func(perm []int) {
		for u := 0; u < W; u++ {
			counts := make([]int, k)
			R := N
			for j, x := range w {
				counts[j] = N * x / W
				R -= counts[j]
			}
			systematicRemainder(counts, int64(N), w, int64(W), int64(R), perm, int64(u))
			var dealt []int
			for j, c := range counts {
				for ; c > 0; c-- {
					dealt = append(dealt, j)
				}
			}
			permutationsTest(N, func(order []int) {
				for i, o := range order {
					hits[i][dealt[o]]++
				}
				cases++
			})
		}
	})
	for i := range hits {
		for j := range w {
			if hits[i][j]*W != w[j]*cases {
				t.Errorf("N=%d w=%v: unit %d arm %d in %d of %d cases, want share %d/%d", N, w, i, j, hits[i][j], cases, w[j], W)
			}
		}
	}
}
