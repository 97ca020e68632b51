package stats

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize"
)

// lmmRSStarts are the starting values of θ (in the scaled data's units)
// from which the deviance is minimised: lme4's own, Λ = I, and smaller,
// larger and lopsided ones, so that a second local minimum is not missed.
var lmmRSStarts = [][3]float64{{1, 0, 1}, {0.1, 0, 0.1}, {3, 0, 3}, {1, 0, 0.1}, {0.1, 0, 1}}

// Tolerances of the search for θ: lmmRSDecrement bounds the Newton
// decrement g'H⁺g of the profiled deviance at a converged optimum (in
// deviance units, the least improvement a further step could still
// promise), and lmmRSBoundaryTol is the size of a diagonal element of Λ,
// relative to the largest element, below which the boundary (that element
// 0) is tried.
const (
	lmmRSDecrement   = 1e-8
	lmmRSBoundaryTol = 1e-5
)

// fitTheta minimises the profiled deviance over θ ∈ ℝ³ (every real Λ gives
// a positive semi-definite ΛΛ', so the boundary of the parameter space
// needs no constraint): BFGS with the analytic gradient from each of
// lmmRSStarts, Newton's method with the Richardson-extrapolated Hessian
// (lmmRSJacobian) from the best of them, then the boundary's points (θ = 0,
// and a diagonal element of Λ 0 when it is within lmmRSBoundaryTol of 0)
// where the deviance is no larger, as lme4 reports a fit on the boundary,
// and the signs chosen to make θ₁₁, θ₂₂ ≥ 0, lme4's convention. A θ beyond
// lmmThetaLimit, or a Newton decrement above lmmRSDecrement at the end, is
// ErrNoConvergence.
func (d *lmmRSData) fitTheta(reml bool) (lmmRSPoint, error) {
	var last lmmRSPoint
	eval := func(x []float64) lmmRSPoint {
		th := [3]float64{x[0], x[1], x[2]}
		if last.r == nil || last.theta != th {
			last = d.at(th, reml)
		}
		return last
	}
	problem := optimize.Problem{
		Func: func(x []float64) float64 {
			if v := eval(x).dev; lmmFinite(v) {
				return v
			}
			return math.Inf(1)
		},
		Grad: func(grad, x []float64) {
			g := d.profiledGradient(eval(x))
			copy(grad, g[:])
		},
	}
	settings := &optimize.Settings{
		GradientThreshold: 1e-10,
		Converger:         &optimize.FunctionConverge{Absolute: 1e-13, Relative: 1e-15, Iterations: 20},
		MajorIterations:   1000,
	}
	best := lmmRSPoint{}
	best.dev = math.Inf(1)
	for _, s := range lmmRSStarts {
		if pt := d.at(s, reml); pt.dev < best.dev {
			best = pt
		}
		// An error (a line search that cannot improve on rounding) still
		// leaves the best point found in res; Newton's method refines it.
		res, _ := optimize.Minimize(problem, s[:], settings, &optimize.BFGS{})
		if res == nil || !lmmFinite(res.X...) {
			continue
		}
		if pt := d.at([3]float64{res.X[0], res.X[1], res.X[2]}, reml); pt.dev < best.dev {
			best = pt
		}
	}
	if !lmmFinite(best.dev) {
		return lmmRSPoint{}, fmt.Errorf("%w: the deviance is not finite", ErrNoConvergence)
	}
	best, dec := d.newton(best)
	best = d.boundary(best)
	th := best.theta
	if th[0] < 0 {
		th[0], th[1] = -th[0], -th[1]
	}
	th[2] = math.Abs(th[2])
	if th != best.theta {
		best = d.at(th, reml) // the same ΛΛ', so the same deviance
	}
	size := math.Max(math.Abs(th[0]), math.Max(math.Abs(th[1]), th[2]))
	switch {
	case size > lmmThetaLimit:
		return lmmRSPoint{}, fmt.Errorf("%w: the likelihood grows without bound with the group variances "+
			"(the fixed effects and the groups' own lines fit the outcome exactly?)", ErrNoConvergence)
	case !(dec <= lmmRSDecrement):
		return lmmRSPoint{}, fmt.Errorf("%w: the deviance's minimum was not found (Newton decrement %g at θ = %v)", ErrNoConvergence, dec, th)
	}
	return best, nil
}

// newton takes Newton steps on the profiled deviance from pt, each along
// the Hessian's positive eigenvectors and halved until the deviance does
// not rise, until a step is below rounding; it returns the last point and
// its Newton decrement g'H⁺g.
func (d *lmmRSData) newton(pt lmmRSPoint) (lmmRSPoint, float64) {
	grad := func(th [3]float64) [3]float64 { return d.profiledGradient(d.at(th, pt.reml)) }
	dec := math.Inf(1)
	for range 50 {
		g := d.profiledGradient(pt)
		h := lmmRSJacobian(grad, pt.theta)
		step, decrement := lmmNewtonStep(h, g)
		dec = decrement
		if !lmmFinite(step[:]...) {
			return pt, math.Inf(1)
		}
		moved := false
		for t := 1.0; t > 1e-3; t /= 2 {
			next := pt.theta
			for i := range next {
				next[i] += t * step[i]
			}
			if np := d.at(next, pt.reml); np.dev <= pt.dev {
				moved = np.theta != pt.theta
				pt = np
				break
			}
		}
		size := math.Max(math.Abs(pt.theta[0]), math.Max(math.Abs(pt.theta[1]), math.Abs(pt.theta[2])))
		if !moved || math.Abs(step[0])+math.Abs(step[1])+math.Abs(step[2]) <= 1e-13*(1+size) {
			break
		}
	}
	return pt, dec
}

// lmmNewtonStep returns the Newton step -H⁺g on H's eigenvectors whose
// eigenvalues are positive (above 1e-10 of the largest), and the
// decrement g'H⁺g.
func lmmNewtonStep(h [3][3]float64, g [3]float64) ([3]float64, float64) {
	var step [3]float64
	sym := mat.NewSymDense(3, nil)
	for i := range 3 {
		for j := i; j < 3; j++ {
			sym.SetSym(i, j, (h[i][j]+h[j][i])/2)
		}
	}
	var eig mat.EigenSym
	if !eig.Factorize(sym, true) {
		return [3]float64{math.NaN(), math.NaN(), math.NaN()}, math.Inf(1)
	}
	vals := eig.Values(nil)
	var vecs mat.Dense
	eig.VectorsTo(&vecs)
	top := math.Max(math.Abs(vals[0]), math.Abs(vals[2]))
	dec := 0.0
	for k, l := range vals {
		if !(l > 1e-10*top) {
			continue
		}
		c := 0.0
		for i := range 3 {
			c += vecs.At(i, k) * g[i]
		}
		dec += c * c / l
		for i := range 3 {
			step[i] -= c / l * vecs.At(i, k)
		}
	}
	return step, dec
}

// boundary returns the point with θ = 0 (no random effects), with θ₂₂ = 0,
// or with θ₁₁ = 0 (and the slope's variance all in θ₂₂), the last two
// where that element of pt's θ is within lmmRSBoundaryTol of 0 relative to
// the largest, when the deviance there is no larger than pt's.
func (d *lmmRSData) boundary(pt lmmRSPoint) lmmRSPoint {
	th := pt.theta
	size := math.Max(math.Abs(th[0]), math.Max(math.Abs(th[1]), math.Abs(th[2])))
	near := func(v float64) bool { return v != 0 && math.Abs(v) <= lmmRSBoundaryTol*size }
	cands := [][3]float64{{}}
	if near(th[2]) {
		cands = append(cands, [3]float64{th[0], th[1], 0})
	}
	if near(th[0]) {
		cands = append(cands, [3]float64{0, 0, math.Hypot(th[1], th[2])})
	}
	for _, c := range cands {
		if np := d.at(c, pt.reml); np.dev <= pt.dev {
			pt = np
		}
	}
	return pt
}

// lmmRSJacobian returns the Jacobian of f at θ, J_ij = ∂f_i/∂θ_j, by
// central differences with steps h, h/2, h/4 and h/8 combined by
// Richardson's extrapolation (as numDeriv's method = "Richardson" [1], with
// its r = 4 and v = 2), h = 1e-3 max(‖θ‖∞, 1e-2) for every element, so that
// an element at 0 is stepped on the scale of the others.
//
// [1] Gilbert, P. and Varadhan, R. (2016). numDeriv: accurate numerical
// derivatives. R package version 2016.8-1.1.
func lmmRSJacobian(f func([3]float64) [3]float64, th [3]float64) [3][3]float64 {
	const levels = 4
	size := math.Max(math.Abs(th[0]), math.Max(math.Abs(th[1]), math.Abs(th[2])))
	h0 := 1e-3 * math.Max(size, 1e-2)
	var jac [3][3]float64
	for j := range 3 {
		var a [levels][3]float64
		h := h0
		for l := range levels {
			up, down := th, th
			up[j] += h
			down[j] -= h
			fu, fd := f(up), f(down)
			for i := range 3 {
				a[l][i] = (fu[i] - fd[i]) / (up[j] - down[j])
			}
			h /= 2
		}
		for k := 1; k < levels; k++ {
			w := math.Pow(4, float64(k))
			for l := levels - 1; l >= k; l-- {
				for i := range 3 {
					a[l][i] += (a[l][i] - a[l-1][i]) / (w - 1)
				}
			}
		}
		for i := range 3 {
			jac[i][j] = a[levels-1][i]
		}
	}
	return jac
}
