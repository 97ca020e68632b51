package stats

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// ebalTol is the largest gap, in standard deviations of each covariate,
// between the weighted control means and the treated means at which the
// Newton iterations stop; the gap in the covariates' units is reported.
const ebalTol = 1e-12

// EntropyBalance is a set of entropy-balancing weights.
type EntropyBalance struct {
	// Weights holds every unit's weight: 1 for the treated, and for the
	// controls w_i ∝ exp(λ'x_i), scaled to sum to the number of treated units.
	Weights []float64
	// Lambda is λ, the dual solution, one per covariate (in the covariates'
	// units centred at the treated means).
	Lambda []float64
	// MaxGap is the largest |Σ w_i x_ij / Σ w_i - mean_treated_j| over the
	// covariates j, and Iterations the Newton steps taken.
	MaxGap     float64
	Iterations int
}

// EntropyBalanceATT returns the entropy-balancing weights of Hainmueller
// [1] for the effect on the treated: the control weights closest to uniform
// in entropy, Σ w_i log w_i, whose weighted means of every covariate equal
// the treated units' means. They are w_i ∝ exp(λ'(x_i - m)) with λ the
// minimiser of the convex dual
//
//	L(λ) = log Σ_controls exp(λ'(x_i - m)),  ∇L = Σ p_i (x_i - m),
//	∇²L = Σ p_i (x_i - x̄_p)(x_i - x̄_p)',  p_i = w_i / Σ w,
//
// found by Newton's method with a backtracking (Armijo) line search from
// λ = 0, on the covariates scaled by their standard deviations, until every
// gap is below 1e-12 standard deviations. The solution is unique when it
// exists. x holds the covariate columns over all units.
//
// Special cases:
//
//	no treated unit or fewer controls than covariates + 1        → error wrapping ErrTooFew
//	a NaN or ±Inf covariate                                      → error wrapping ErrDomain
//	covariates collinear among the controls                      → error wrapping ErrSingular
//	treated means outside the controls' convex hull (no weights
//	can reach them), seen as no convergence in 200 steps          → error wrapping ErrNoConvergence
//
// EntropyBalanceATT panics if a column does not have len(treated) values.
//
// [1] Hainmueller, J. (2012). Entropy balancing for causal effects: a
// multivariate reweighting method to produce balanced samples in
// observational studies. Political Analysis 20(1), 25-46.
func EntropyBalanceATT(x [][]float64, names []string, treated []bool) (*EntropyBalance, error) {
	n := len(treated)
	checkColumns(n, names, x)
	for j, c := range x {
		if err := olsCheckFinite(names[j], c); err != nil {
			return nil, err
		}
	}
	var ctrl []int
	nt := 0
	for i, t := range treated {
		if t {
			nt++
		} else {
			ctrl = append(ctrl, i)
		}
	}
	k := len(x)
	if nt == 0 || len(ctrl) < k+1 {
		return nil, fmt.Errorf("%w: %d treated units and %d controls for %d covariates", ErrTooFew, nt, len(ctrl), k)
	}
	// c_ij = (x_ij - m_j)/s_j over the controls.
	c := make([][]float64, k)
	scale := make([]float64, k)
	for j, col := range x {
		m, mean, ss := 0.0, 0.0, 0.0
		for i, v := range col {
			mean += v
			if treated[i] {
				m += v
			}
		}
		m /= float64(nt)
		mean /= float64(n)
		for _, v := range col {
			ss += (v - mean) * (v - mean)
		}
		scale[j] = math.Sqrt(ss / float64(n-1))
		if scale[j] == 0 {
			scale[j] = 1
		}
		c[j] = make([]float64, len(ctrl))
		for a, i := range ctrl {
			c[j][a] = (col[i] - m) / scale[j]
		}
	}
	lambda := make([]float64, k)
	p, L := ebalWeights(c, lambda)
	res := &EntropyBalance{}
	for iter := 0; ; iter++ {
		g, H := ebalGradHess(c, p)
		gap := 0.0
		for _, v := range g {
			gap = math.Max(gap, math.Abs(v))
		}
		if gap < ebalTol {
			res.Iterations = iter
			break
		}
		if iter == 200 {
			return nil, fmt.Errorf("%w: entropy balancing: no weights of the controls reach the treated means (gap %.3g SD after 200 Newton steps)", ErrNoConvergence, gap)
		}
		var chol mat.Cholesky
		if !chol.Factorize(H) || chol.Cond() > 1e14 {
			// Singular at the uniform weights: the data; later: the weights
			// collapse onto a few controls as λ runs off to infinity.
			if iter == 0 {
				return nil, fmt.Errorf("%w: entropy balancing: the covariates are collinear among the controls", ErrSingular)
			}
			return nil, fmt.Errorf("%w: entropy balancing: no weights of the controls reach the treated means (the weights collapse onto a few controls; gap %.3g SD)", ErrNoConvergence, gap)
		}
		var step mat.VecDense
		if err := chol.SolveVecTo(&step, mat.NewVecDense(k, g)); err != nil {
			return nil, fmt.Errorf("%w: entropy balancing: %v", ErrSingular, err)
		}
		slope := -mat.Dot(&step, mat.NewVecDense(k, g))
		next := make([]float64, k)
		t := 1.0
		for ; t > 1e-12; t /= 2 {
			for j := range next {
				next[j] = lambda[j] - t*step.AtVec(j)
			}
			pn, Ln := ebalWeights(c, next)
			if Ln <= L+1e-4*t*slope || math.Abs(Ln-L) <= 1e-15*math.Abs(L) {
				p, L = pn, Ln
				break
			}
		}
		if t <= 1e-12 {
			return nil, fmt.Errorf("%w: entropy balancing: the line search failed (gap %.3g SD)", ErrNoConvergence, gap)
		}
		copy(lambda, next)
	}
	res.Weights = make([]float64, n)
	for i, t := range treated {
		if t {
			res.Weights[i] = 1
		}
	}
	for a, i := range ctrl {
		res.Weights[i] = p[a] * float64(nt)
	}
	res.Lambda = make([]float64, k)
	for j := range lambda {
		res.Lambda[j] = lambda[j] / scale[j]
		sw, swx, mt := 0.0, 0.0, 0.0
		for i, v := range x[j] {
			if treated[i] {
				mt += v
			} else {
				sw += res.Weights[i]
				swx += res.Weights[i] * v
			}
		}
		res.MaxGap = math.Max(res.MaxGap, math.Abs(swx/sw-mt/float64(nt)))
	}
	return res, nil
}

// ebalWeights returns the normalised weights p_i ∝ exp(λ'c_i) and the dual
// L(λ) = log Σ exp(λ'c_i), computed with the largest exponent taken out.
func ebalWeights(c [][]float64, lambda []float64) ([]float64, float64) {
	n := len(c[0])
	e := make([]float64, n)
	top := math.Inf(-1)
	for i := range e {
		for j, l := range lambda {
			e[i] += l * c[j][i]
		}
		top = math.Max(top, e[i])
	}
	s := 0.0
	for i := range e {
		e[i] = math.Exp(e[i] - top)
		s += e[i]
	}
	for i := range e {
		e[i] /= s
	}
	return e, top + math.Log(s)
}

// ebalGradHess returns ∇L = Σ p c and ∇²L = Σ p (c - ∇L)(c - ∇L)'.
func ebalGradHess(c [][]float64, p []float64) ([]float64, *mat.SymDense) {
	k := len(c)
	g := make([]float64, k)
	for j := range c {
		for i, pi := range p {
			g[j] += pi * c[j][i]
		}
	}
	H := mat.NewSymDense(k, nil)
	for a := 0; a < k; a++ {
		for b := a; b < k; b++ {
			s := 0.0
			for i, pi := range p {
				s += pi * (c[a][i] - g[a]) * (c[b][i] - g[b])
			}
			H.SetSym(a, b, s)
		}
	}
	return g, H
}
