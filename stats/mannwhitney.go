package stats

import (
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/stat/distuv"
)

// MannWhitneyResult is the result of a Mann-Whitney (Wilcoxon rank-sum)
// test of x (treatment) against y (control).
type MannWhitneyResult struct {
	// NX and NY are the sample sizes.
	NX, NY int
	// W is R's statistic: the sum of the ranks of x in the pooled sample
	// (ties given their average rank) minus nx(nx+1)/2, which is the
	// number of pairs (x_i, y_j) with x_i > y_j plus half the number of
	// tied pairs (the U statistic of x).
	W float64
	// Exact reports whether P is from the exact null distribution of W
	// (both samples under 50 and no ties) rather than the normal
	// approximation.
	Exact bool
	// Ties reports whether any value occurs more than once in the pooled
	// sample.
	Ties bool
	// Z is the normal deviate (W - nx ny/2 - c) / σ with the tie and
	// continuity corrections; NaN when Exact.
	Z float64
	// P is the p-value for Alternative.
	P float64
	// Alternative is the alternative hypothesis of P: Greater is that x
	// tends to be larger than y.
	Alternative Alternative
}

// MannWhitney returns the Mann-Whitney test of x against y as R's
// wilcox.test(x, y, alternative) computes it with its defaults (exact =
// NULL, correct = TRUE). The statistic is
//
//	W = Σ rank(x_i) - nx(nx+1)/2
//
// with ranks in the pooled sample and ties averaged. When nx < 50, ny < 50
// and there are no ties, P is exact, from the counts of the null
// distribution of W by the recursion [1]
//
//	c(k; m, n) = c(k - n; m - 1, n) + c(k; m, n - 1)
//
// (as R's cwilcox, kept as float64 counts in O(m·mn) memory). Otherwise it
// is normal, with the tie-corrected variance and a continuity correction c
// of ±1/2 towards the null [2]:
//
//	σ² = (nx ny / 12) ((N + 1) - Σ (t³ - t) / (N (N - 1))),  N = nx + ny
//	z  = (W - nx ny / 2 - c) / σ
//
// where t runs over the sizes of the groups of tied values. The two-sided
// exact P is twice the smaller tail, at most 1. The pooled sample is sorted
// once, so the test takes O(N log N) time.
//
// Special cases:
//
//	len(x) == 0 or len(y) == 0          error wrapping ErrTooFew
//	a non-finite value in x or y        error wrapping ErrDomain
//	every value equal (σ = 0)           error wrapping ErrZeroVariance (R returns NaN)
//
// [1] Mann, H. B. and Whitney, D. R. (1947). On a test of whether one of two
// random variables is stochastically larger than the other. Annals of
// Mathematical Statistics 18, 50–60.
// [2] Hollander, M. and Wolfe, D. A. (1973). Nonparametric Statistical
// Methods. New York: Wiley. Pages 68–75.
func MannWhitney(x, y []float64, alt Alternative) (MannWhitneyResult, error) {
	if alt != TwoSided && alt != Less && alt != Greater {
		panic("stats: unknown Alternative")
	}
	if err := continuousCheck(x, y, 1); err != nil {
		return MannWhitneyResult{}, err
	}
	rankSum, tieSum := mannWhitneyRankSum(x, y)
	nx, ny := float64(len(x)), float64(len(y))
	r := MannWhitneyResult{
		NX: len(x), NY: len(y),
		W:           rankSum - nx*(nx+1)/2,
		Ties:        tieSum > 0,
		Z:           math.NaN(),
		Alternative: alt,
	}
	if len(x) < 50 && len(y) < 50 && !r.Ties {
		r.Exact = true
		counts, total := mannWhitneyCounts(len(x), len(y))
		switch alt {
		case TwoSided:
			var p float64
			if r.W > nx*ny/2 {
				p = mannWhitneyCDF(counts, total, len(x), len(y), r.W-1, false)
			} else {
				p = mannWhitneyCDF(counts, total, len(x), len(y), r.W, true)
			}
			r.P = math.Min(2*p, 1)
		case Greater:
			r.P = mannWhitneyCDF(counts, total, len(x), len(y), r.W-1, false)
		case Less:
			r.P = mannWhitneyCDF(counts, total, len(x), len(y), r.W, true)
		}
		return r, nil
	}
	n := nx + ny
	sigma := math.Sqrt((nx * ny / 12) * ((n + 1) - tieSum/(n*(n-1))))
	if sigma == 0 {
		return MannWhitneyResult{}, fmt.Errorf("%w: every value is the same, so the ranks carry no information", ErrZeroVariance)
	}
	z := r.W - nx*ny/2
	var corr float64
	switch alt {
	case TwoSided:
		if z > 0 {
			corr = 0.5
		} else if z < 0 {
			corr = -0.5
		}
	case Greater:
		corr = 0.5
	case Less:
		corr = -0.5
	}
	z = (z - corr) / sigma
	r.Z = z
	switch alt {
	case TwoSided:
		r.P = 2 * distuv.UnitNormal.CDF(-math.Abs(z)) // Φ(−|z|): no 1 − Φ, which underflows
	case Greater:
		r.P = distuv.UnitNormal.CDF(-z)
	case Less:
		r.P = distuv.UnitNormal.CDF(z)
	}
	return r, nil
}

// mannWhitneyParallelMost is the most values that mannWhitneyRankSum
// sorts on two cores: 2^21; a variable, so that tests take either path.
var mannWhitneyParallelMost = 1 << 21

// mannWhitneyRankSum returns the sum of the ranks of x in the pooled
// sample, ties given their average rank, and Σ (t³ - t) over the groups of
// t tied values. It sorts x and y once each (as order-preserving integer
// keys, see mannWhitneySortedKeys) and merges them. Samples of 2^15 values
// or more are sorted at the same time, on two cores, up to
// mannWhitneyParallelMost values in all, beyond which they are sorted one
// after the other, the larger first, its scratch then the smaller's (8
// bytes a value less at the peak).
func mannWhitneyRankSum(x, y []float64) (rankSum, tieSum float64) {
	var xs, ys []uint64
	switch {
	case min(len(x), len(y)) < 1<<15:
		xs, _ = mannWhitneySortedKeys(x, nil)
		ys, _ = mannWhitneySortedKeys(y, nil)
	case len(x)+len(y) <= mannWhitneyParallelMost:
		done := make(chan struct{})
		go func() { xs, _ = mannWhitneySortedKeys(x, nil); close(done) }()
		ys, _ = mannWhitneySortedKeys(y, nil)
		<-done
	default:
		// One after the other, the larger first, whose scratch the
		// smaller reuses.
		big, small, bigKeys, smallKeys := x, y, &xs, &ys
		if len(y) > len(x) {
			big, small, bigKeys, smallKeys = y, x, &ys, &xs
		}
		var spare []uint64
		*bigKeys, spare = mannWhitneySortedKeys(big, nil)
		*smallKeys, _ = mannWhitneySortedKeys(small, spare)
	}
	i, j := 0, 0
	var pos float64 // values ranked so far
	for i < len(xs) || j < len(ys) {
		var v uint64
		switch {
		case i == len(xs):
			v = ys[j]
		case j == len(ys):
			v = xs[i]
		default:
			v = min(xs[i], ys[j])
		}
		i0, j0 := i, j
		for i < len(xs) && xs[i] == v {
			i++
		}
		for j < len(ys) && ys[j] == v {
			j++
		}
		tx, t := float64(i-i0), float64(i-i0+j-j0)
		// The group holds ranks pos+1 .. pos+t, average pos + (t+1)/2.
		rankSum += tx * (pos + (t+1)/2)
		if t > 1 {
			tieSum += t*t*t - t
		}
		pos += t
	}
	return rankSum, tieSum
}

// mannWhitneySortedKeys returns the values of v, which must not be NaN, as
// sorted uint64 keys whose order is that of the values: the sign bit is
// flipped for positive values and every bit for negative ones, and -0 is
// taken as +0 so that equal values have equal keys. Large samples are
// sorted by a least-significant-digit radix sort on 11-bit digits, which
// is several times faster than a comparison sort of float64s; its scratch
// is scratch when that holds as many keys, and is returned as spare (nil
// when none was used), for another sort.
func mannWhitneySortedKeys(v []float64, scratch []uint64) (sorted, spare []uint64) {
	keys := make([]uint64, len(v))
	for i, f := range v {
		if f == 0 {
			f = 0 // -0 becomes +0
		}
		b := math.Float64bits(f)
		if b>>63 == 1 {
			keys[i] = ^b
		} else {
			keys[i] = b | 1<<63
		}
	}
	if len(keys) < 4096 {
		slices.Sort(keys)
		return keys, scratch
	}
	const bits = 11
	const size = 1 << bits
	tmp := scratch[:0]
	if cap(tmp) < len(keys) {
		tmp = make([]uint64, len(keys))
	}
	tmp = tmp[:len(keys)]
	var count [size]int
	for shift := uint(0); shift < 64; shift += bits {
		clear(count[:])
		for _, k := range keys {
			count[(k>>shift)&(size-1)]++
		}
		if count[(keys[0]>>shift)&(size-1)] == len(keys) {
			continue // every key has the same digit here
		}
		sum := 0
		for d, c := range count {
			count[d] = sum
			sum += c
		}
		for _, k := range keys {
			d := (k >> shift) & (size - 1)
			tmp[count[d]] = k
			count[d]++
		}
		keys, tmp = tmp, keys
	}
	return keys, tmp
}

// mannWhitneyCounts returns c[k], the number of orderings of m x's and n
// y's (no ties) whose statistic W equals k, for k = 0, ..., floor(mn/2)
// (the rest follow from c[k] = c[mn-k]), and their total over all k,
// choose(m+n, m). The counts are those of R's cwilcox, built up one y at a
// time by c(k; i, j) = c(k; i, j-1) + c(k - j; i - 1, j), in
// O(min(m,n)·mn) memory and O(m²n²) time (under 1.5e6 additions for m, n
// < 50).
func mannWhitneyCounts(m, n int) (counts []float64, total float64) {
	if m > n {
		m, n = n, m // the distribution is the same
	}
	half := m * n / 2
	g := make([][]float64, m+1) // g[i][k] = c(k; i, j) for the current j
	for i := range g {
		g[i] = make([]float64, half+1)
		g[i][0] = 1 // j = 0: W = 0 for any i
	}
	for j := 1; j <= n; j++ {
		for i := 1; i <= m; i++ {
			gi, prev := g[i], g[i-1] // prev already holds c(.; i-1, j)
			for k := min(i*j, half); k >= j; k-- {
				gi[k] += prev[k-j]
			}
		}
	}
	counts = g[m]
	for k, c := range counts {
		if 2*k == m*n {
			total += c // the middle value, counted once
		} else {
			total += 2 * c
		}
	}
	return counts, total
}

// mannWhitneyCDF returns P(W <= q) when lower, else P(W > q), for m x's
// and n y's, from the counts of mannWhitneyCounts, summing over the shorter
// tail as R's pwilcox does.
func mannWhitneyCDF(counts []float64, total float64, m, n int, q float64, lower bool) float64 {
	mn := float64(m * n)
	q = math.Floor(q + 1e-7)
	if q < 0 {
		if lower {
			return 0
		}
		return 1
	}
	if q >= mn {
		if lower {
			return 1
		}
		return 0
	}
	var p float64
	if q <= mn/2 {
		for k := 0; k <= int(q); k++ {
			p += counts[k] / total
		}
	} else {
		q = mn - q
		for k := 0; k < int(q); k++ {
			p += counts[k] / total
		}
		lower = !lower
	}
	if lower {
		return p
	}
	return 0.5 - p + 0.5
}
