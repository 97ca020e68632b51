package stats

import (
	"fmt"
	"math"
)

// PoolStudyError reports a study whose estimate or standard error Pool
// cannot use. Index is the study's 0-based position in the input slices.
type PoolStudyError struct {
	Index int
	// Field is "estimate" or "se".
	Field string
	Value float64
	Err   error
}

func (e *PoolStudyError) Error() string {
	return fmt.Sprintf("pool: study %d (index %d): %s = %g: %v", e.Index+1, e.Index, e.Field, e.Value, e.Err)
}

func (e *PoolStudyError) Unwrap() error { return e.Err }

// poolData is a meta-analysis's data on the scale Pool computes on: the
// estimates y = (estimate - c)/s and variances v = (se/s)², with s a power
// of two (so that se/s is exact) and c the fixed-effect estimate.
type poolData struct {
	k    int
	y, v []float64
	c, s float64
}

// poolMaxSpread bounds the estimates' range over the smallest standard
// error, far beyond any real data, so that τ² (about the range's square)
// and the weights' squares neither overflow nor underflow.
const poolMaxSpread = 1e60

// newPoolData checks and scales the studies.
func newPoolData(estimate, se []float64) (*poolData, error) {
	if len(estimate) != len(se) {
		panic("stats: slice length mismatch")
	}
	minSE, lo, hi := math.Inf(1), math.Inf(1), math.Inf(-1)
	for i, y := range estimate {
		if math.IsNaN(y) || math.IsInf(y, 0) {
			return nil, &PoolStudyError{Index: i, Field: "estimate", Value: y, Err: fmt.Errorf("not a finite number: %w", ErrDomain)}
		}
		if s := se[i]; !(s > 0) || math.IsInf(s, 0) {
			return nil, &PoolStudyError{Index: i, Field: "se", Value: s, Err: fmt.Errorf("not a positive finite number: %w", ErrDomain)}
		}
		minSE, lo, hi = math.Min(minSE, se[i]), math.Min(lo, y), math.Max(hi, y)
	}
	k := len(estimate)
	if k < 2 {
		return nil, fmt.Errorf("pool: %d studies, at least 2 needed: %w", k, ErrTooFew)
	}
	if !((hi-lo)/minSE <= poolMaxSpread) {
		return nil, fmt.Errorf("pool: estimates from %g to %g span more than %g times the smallest standard error %g: %w", lo, hi, poolMaxSpread, minSE, ErrDomain)
	}
	_, e := math.Frexp(minSE)
	d := &poolData{k: k, y: make([]float64, k), v: make([]float64, k), s: math.Ldexp(1, e)}
	sum := 0.0
	for i, s := range se {
		r := s / d.s
		d.v[i] = r * r
		if math.IsInf(d.v[i], 0) {
			return nil, fmt.Errorf("pool: standard errors %g and %g too far apart: %w", minSE, s, ErrDomain)
		}
		w := 1 / d.v[i]
		sum += w
		d.c += w / sum * (estimate[i] - d.c) // a running weighted mean, which cannot overflow
	}
	for i, y := range estimate {
		d.y[i] = (y - d.c) / d.s
	}
	return d, nil
}

// poolFit is the weighted mean of the scaled estimates at a given τ².
type poolFit struct {
	// w are the weights 1/(v_i + τ²), sum their sum, mu the weighted mean,
	// q = Σ w_i (y_i - mu)² and logDet = Σ log(v_i + τ²).
	w                  []float64
	sum, mu, q, logDet float64
}

// weighted returns the weighted mean at τ² = tau2.
func (d *poolData) weighted(tau2 float64) poolFit {
	f := poolFit{w: make([]float64, d.k)}
	for i, v := range d.v {
		f.w[i] = 1 / (v + tau2)
		f.sum += f.w[i]
		f.mu += f.w[i] * d.y[i]
		f.logDet += math.Log(v + tau2)
	}
	f.mu /= f.sum
	for i, y := range d.y {
		e := y - f.mu
		f.q += f.w[i] * e * e
	}
	return f
}

// poolTraces returns tr(P) and tr(P²) = Σ_ij P_ij² for P = W - w w'/Σw, W =
// diag(w), the residual-forming matrix of the weighted mean. With a_i =
// Σ_{j≠i} w_j and b_i = Σ_{j≠i} w_j² summed as prefix and suffix sums,
//
//	tr(P) = Σ w_i a_i / S,  tr(P²) = Σ w_i² (a_i² + b_i) / S²,  S = Σ w_i,
//
// sums of positive terms that keep their precision when one weight
// dominates, where S - Σw²/S would cancel.
func poolTraces(w []float64) (trP, trPP float64) {
	k := len(w)
	a, b := make([]float64, k), make([]float64, k)
	pa, pb := 0.0, 0.0
	for i, x := range w {
		a[i], b[i] = pa, pb
		pa, pb = pa+x, pb+x*x
	}
	sa, sb := 0.0, 0.0
	for i := k - 1; i >= 0; i-- {
		a[i], b[i] = a[i]+sa, b[i]+sb
		sa, sb = sa+w[i], sb+w[i]*w[i]
	}
	s := pa
	for i, x := range w {
		ra := a[i] / s
		trP += x * ra
		trPP += x * x * (ra*ra + b[i]/s/s) // no w⁴, which would underflow
	}
	return trP, trPP
}
