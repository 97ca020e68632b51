package benefits

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/mathext"

	"github.com/evalkit/evalkit/rct"
	"github.com/evalkit/evalkit/stats"
)

// Simulation is a Monte Carlo interval of the crimes averted, the benefit
// and the NPV, from draws of the effect from its sampling distribution.
//
// Draw i takes u_i = (b_i + 1/2) / 2^53, where b_i is the top 53 bits of
// the i-th raw output of rct.NewRand(Seed), so that 0 < u_i < 1, and sets
//
//	g_i = g + SE × Q(u_i),   effect_i = exp(g_i) for a rate ratio, g_i for a risk difference
//
// where g is log(Estimate) for a rate ratio and Estimate for a risk
// difference, and Q is the standard normal quantile function (the
// inverse-CDF draw), or Student's t quantile with the effect's DF when it
// has one. SE is the effect's standard error; when the method gives none
// (an exact or score interval), it is taken from the interval's width,
//
//	SE = (g(CIHigh) - g(CILow)) / (2 Q((1 + Level)/2)),
//
// which is symmetric on the scale of g where the method's interval need
// not be. The draws are valued as the result's estimate is, and the
// interval's bounds are the draws' quantiles at (1 - Level)/2 and
// (1 + Level)/2 (R's quantile type 7). The same seed gives the same
// interval on every platform.
type Simulation struct {
	// Draws is the number of draws; Seed their seed.
	Draws int
	Seed  uint64
	// SE is the standard error drawn with; SEFromCI reports that it was
	// taken from the interval's width.
	SE       float64
	SEFromCI bool
	// Averted, Benefit and NPV are the intervals (NPV's NaN without a
	// cost).
	Averted, Benefit, NPV Interval
	// PNPVPositive is the share of draws with an NPV above 0, and
	// PNPVPositiveSE its Monte Carlo standard error sqrt(p (1 - p) / Draws);
	// NaN without a cost.
	PNPVPositive, PNPVPositiveSE float64
}

// Interval is a Monte Carlo interval with the Monte Carlo standard error
// of each bound. The error of the quantile at p of n sorted draws x is
//
//	(x[j+] - x[j-]) / 2,  j± = n p ± sqrt(n p (1 - p)) (rounded outwards)
//
// half the distribution-free interval of the quantile spanning one binomial
// standard deviation of its rank on either side [1].
//
// [1] Conover, W. J. (1999). Practical Nonparametric Statistics, 3rd ed.,
// section 3.2 (confidence interval for a quantile).
type Interval struct {
	Low    float64 `json:"low"`
	High   float64 `json:"high"`
	LowSE  float64 `json:"low_mc_se"`
	HighSE float64 `json:"high_mc_se"`
}

// drawScale returns g, SE and whether SE came from the interval.
func (e Effect) drawScale() (g, se float64, fromCI bool, err error) {
	tr := func(x float64) float64 { return x }
	if e.Measure == RateRatio {
		tr = math.Log
	}
	g = tr(e.Estimate)
	if e.SE > 0 && !math.IsInf(e.SE, 0) {
		return g, e.SE, false, nil
	}
	z := e.quantile((1 + e.Level) / 2)
	se = (tr(e.CIHigh) - tr(e.CILow)) / (2 * z)
	if !(se > 0) || math.IsInf(se, 0) || math.IsInf(g, 0) {
		return 0, 0, false, fmt.Errorf("%w: the %s of %s vs %s has no standard error and no finite interval to draw from", ErrEffect, e.Measure.words(), e.Treatment, e.Control)
	}
	return g, se, true, nil
}

// quantile is Q(u): the standard normal quantile, or Student's t with the
// effect's DF when it has one.
func (e Effect) quantile(u float64) float64 {
	if e.DF > 0 && !math.IsInf(e.DF, 0) {
		return -stats.CentralTUpperQuantile(u, e.DF) // P(T > -q) = u: q is the lower quantile
	}
	return mathext.NormalQuantile(u)
}

// simulate draws the crimes averted n times and returns their interval and
// those of the benefit and the NPV, which are increasing linear functions
// of them.
func (p *model) simulate(e Effect, n int, seed uint64) (*Simulation, error) {
	g, se, fromCI, err := e.drawScale()
	if err != nil {
		return nil, err
	}
	r := rct.NewRand(seed)
	x := make([]float64, n)
	for i := range x {
		u := (float64(r.Uint64()>>11) + 0.5) * 0x1p-53
		d := g + se*e.quantile(u)
		if e.Measure == RateRatio {
			d = math.Exp(d)
		}
		x[i] = p.m.averted(p.n, d)
	}
	sort.Float64s(x)
	s := &Simulation{Draws: n, Seed: seed, SE: se, SEFromCI: fromCI, Averted: mcInterval(x, p.level),
		PNPVPositive: math.NaN(), PNPVPositiveSE: math.NaN()}
	uc, _ := p.uc.Float64()
	worth := uc * p.discount.sum(p.years, 1) // pounds per crime averted a year
	c := p.totalCost(p.bias, 1)
	s.Benefit = s.Averted.scaled(worth, 0)
	nan := math.NaN()
	s.NPV = Interval{Low: nan, High: nan, LowSE: nan, HighSE: nan}
	if !math.IsNaN(c) {
		s.NPV = s.Averted.scaled(worth, c)
		k := sort.Search(n, func(i int) bool { return x[i]*worth-c > 0 }) // the first draw with NPV > 0
		pr := float64(n-k) / float64(n)
		s.PNPVPositive, s.PNPVPositiveSE = pr, math.Sqrt(pr*(1-pr)/float64(n))
	}
	return s, nil
}

// scaled is the interval of a x - c.
func (iv Interval) scaled(a, c float64) Interval {
	return Interval{Low: a*iv.Low - c, High: a*iv.High - c, LowSE: a * iv.LowSE, HighSE: a * iv.HighSE}
}

// mcInterval returns the interval at level of the sorted draws x.
func mcInterval(x []float64, level float64) Interval {
	lo, hi := (1-level)/2, (1+level)/2
	return Interval{Low: quantile7(x, lo), High: quantile7(x, hi), LowSE: quantileSE(x, lo), HighSE: quantileSE(x, hi)}
}

// quantile7 is R's quantile(x, p, type = 7) of sorted x:
//
//	h = (n - 1) p,  x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h])
func quantile7(x []float64, p float64) float64 {
	h := float64(len(x)-1) * p
	j := int(math.Floor(h))
	if j+1 >= len(x) {
		return x[len(x)-1]
	}
	return x[j] + (h-float64(j))*(x[j+1]-x[j])
}

// quantileSE is the Monte Carlo standard error of the quantile at p of
// sorted x (see Interval).
func quantileSE(x []float64, p float64) float64 {
	n := float64(len(x))
	d := math.Sqrt(n * p * (1 - p))
	lo := max(int(math.Floor(n*p-d)), 0)
	hi := min(int(math.Ceil(n*p+d)), len(x)-1)
	return (x[hi] - x[lo]) / 2
}
