package stats

import "math"

// CovariateBalance compares a covariate's distribution in the treated and
// control units, before and after matching or weighting.
type CovariateBalance struct {
	// SMDBefore and SMDAfter are the standardised mean differences,
	// unweighted and weighted (see Balance).
	SMDBefore, SMDAfter float64
	// VarRatioBefore and VarRatioAfter are the ratios of the treated
	// units' variance to the controls'.
	VarRatioBefore, VarRatioAfter float64
}

// Balance returns the balance of covariate x between the treated and the
// control units, unweighted and with weights w (0 for a unit left out by
// matching), by cobalt's definitions for the effect on the treated [1]:
//
//	SMD = (x̄_w,treated - x̄_w,control) / s_t
//	VR  = v_w(treated) / v_w(control),  v_w = Σ w (x - x̄_w)² Σw / ((Σw)² - Σw²)
//
// where s_t is the treated units' standard deviation in the full,
// unweighted sample, the same before and after: the sample SD (divisor
// n - 1), or sqrt(p(1 - p)) for a covariate whose every value is 0 or 1
// (cobalt's binary = "std"). The variances are over the units with a
// positive weight; unweighted, v is the sample variance.
//
// Special cases:
//
//	s_t = 0 and a difference that is not 0  → SMD NaN
//	a variance undefined or 0 below          → VR NaN (or +Inf above a positive one)
//
// Balance panics if treated or w do not have len(x) elements.
//
// [1] Austin, P. C. (2009). Balance diagnostics for comparing the
// distribution of baseline covariates between treatment groups in
// propensity-score matched samples. Statistics in Medicine 28, 3083-3107.
func Balance(x []float64, treated []bool, w []float64) CovariateBalance {
	n := len(x)
	absorbCheckLen("treated", len(treated), n)
	absorbCheckLen("weights", len(w), n)
	one := make([]float64, n)
	for i := range one {
		one[i] = 1
	}
	binary := true
	var xt []float64
	for i, v := range x {
		binary = binary && (v == 0 || v == 1)
		if treated[i] {
			xt = append(xt, v)
		}
	}
	mt, vt := balanceMoments(xt, one[:len(xt)])
	st := math.Sqrt(vt)
	if binary {
		st = math.Sqrt(mt * (1 - mt))
	}
	var b CovariateBalance
	for k, wt := range [][]float64{one, w} {
		var xs, ws [2][]float64
		for i, v := range x {
			if wt[i] > 0 {
				g := 0
				if treated[i] {
					g = 1
				}
				xs[g] = append(xs[g], v)
				ws[g] = append(ws[g], wt[i])
			}
		}
		m1, v1 := balanceMoments(xs[1], ws[1])
		m0, v0 := balanceMoments(xs[0], ws[0])
		smd := m1 - m0
		if smd != 0 {
			smd /= st
		}
		if st == 0 && smd != 0 {
			smd = math.NaN()
		}
		vr := v1 / v0
		if k == 0 {
			b.SMDBefore, b.VarRatioBefore = smd, vr
		} else {
			b.SMDAfter, b.VarRatioAfter = smd, vr
		}
	}
	return b
}

// balanceMoments returns the weighted mean and the weighted variance
// Σ w (x - m)² Σw / ((Σw)² - Σw²) (NaN for fewer than two units).
func balanceMoments(x, w []float64) (mean, variance float64) {
	sw, sw2, swx := 0.0, 0.0, 0.0
	for i, v := range x {
		sw += w[i]
		sw2 += w[i] * w[i]
		swx += w[i] * v
	}
	mean = swx / sw
	ss := 0.0
	for i, v := range x {
		ss += w[i] * (v - mean) * (v - mean)
	}
	if len(x) < 2 {
		return mean, math.NaN()
	}
	return mean, ss * sw / (sw*sw - sw2)
}
