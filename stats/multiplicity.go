package stats

import (
	"math"
	"sort"
)

// Holm returns Holm's step-down adjustment [1] of the p-values p, as R's
// p.adjust(p, "holm"): with the m non-missing p-values in increasing order
// p(1) <= ... <= p(m),
//
//	p̃(i) = min(1, max_{j <= i} (m - j + 1) p(j)),
//
// returned in the order of p. NaN entries stay NaN and do not count in m,
// as R drops NA. The input is not modified.
//
// [1] Holm, S. (1979). A simple sequentially rejective multiple test
// procedure. Scandinavian Journal of Statistics 6, 65-70.
func Holm(p []float64) []float64 {
	idx, out := multiplicityOrder(p)
	m := float64(len(idx))
	run := 0.0
	for i, k := range idx {
		run = math.Max(run, (m-float64(i))*p[k])
		out[k] = math.Min(1, run)
	}
	return out
}

// BenjaminiHochberg returns the Benjamini-Hochberg adjustment [1] of the
// p-values p, which controls the false discovery rate, as R's p.adjust(p,
// "BH"): with the m non-missing p-values in increasing order,
//
//	p̃(i) = min(1, min_{j >= i} m p(j) / j),
//
// returned in the order of p. NaN entries stay NaN and do not count in m.
// The input is not modified.
//
// [1] Benjamini, Y. and Hochberg, Y. (1995). Controlling the false discovery
// rate: a practical and powerful approach to multiple testing. JRSS B 57,
// 289-300.
func BenjaminiHochberg(p []float64) []float64 {
	idx, out := multiplicityOrder(p)
	m := float64(len(idx))
	run := math.Inf(1)
	for i := len(idx) - 1; i >= 0; i-- {
		k := idx[i]
		run = math.Min(run, m/float64(i+1)*p[k])
		out[k] = math.Min(1, run)
	}
	return out
}

// multiplicityOrder returns the indices of the non-NaN p-values in
// increasing order of p (ties in input order), and an output slice with
// NaN where p is NaN.
func multiplicityOrder(p []float64) (idx []int, out []float64) {
	out = make([]float64, len(p))
	for i, v := range p {
		if math.IsNaN(v) {
			out[i] = math.NaN()
			continue
		}
		idx = append(idx, i)
	}
	sort.SliceStable(idx, func(a, b int) bool { return p[idx[a]] < p[idx[b]] })
	return idx, out
}
