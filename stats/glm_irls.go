package stats

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// glmFamily is an error distribution with its link: the inverse link
// μ = g⁻¹(η), its derivative dμ/dη, the variance function and the unit
// deviance.
type glmFamily struct {
	linkInv  func(eta float64) float64
	muEta    func(eta float64) float64
	variance func(mu float64) float64
	devResid func(y, mu float64) float64
	// logLink is true when dμ/dη is μ itself, so IRLS need not compute it.
	logLink bool
}

// glmLogLink gives a family the log link: μ = dμ/dη = exp(η), bounded below
// by the machine epsilon as R's poisson()$linkinv is.
func glmLogLink(f glmFamily) glmFamily {
	f.linkInv, f.muEta, f.logLink = glmLogLinkInv, glmLogLinkInv, true
	return f
}

func glmPoissonFamily() glmFamily {
	return glmLogLink(glmFamily{
		variance: func(mu float64) float64 { return mu },
		devResid: func(y, mu float64) float64 {
			if y > 0 {
				return 2 * (y*math.Log(y/mu) - (y - mu))
			}
			return 2 * mu
		},
	})
}

// glmFit is the outcome of IRLS.
type glmFit struct {
	beta []float64
	mu   []float64
	dev  float64
	cov  *mat.SymDense // (X'WX)⁻¹ with the weights of the last iteration
	iter int
}

// glmLogLinkInv is R's log-link inverse, exp(η) bounded below by the machine epsilon.
func glmLogLinkInv(eta float64) float64 {
	return math.Max(math.Exp(eta), 2.220446049250313e-16)
}

// glmIRLS fits the model by iteratively reweighted least squares starting
// from the linear predictor eta (and the means mu, or g⁻¹(eta) when mu is
// nil), as R's glm.fit with etastart does: each step regresses
// z = η - offset + (y - μ)/μ' on X with weights μ'²/V(μ); a non-finite
// deviance halves the step towards the previous coefficients; convergence
// is |dev - dev_old|/(|dev| + 0.1) < ε.
//
// A step solves the normal equations X'WX β = X'Wz, accumulated with the
// blocks' structure (glmGram) and solved by glmCholSolve, unless the pivot
// or condition check fails, when it solves by Householder QR of the
// weighted design (tallQR), as every step does with d.qrOnly.
//
// eta and mu are the working buffers: glmIRLS overwrites them, and the fit's
// means are mu (allocated when nil). No step allocates an n-long slice. For
// a log-link family a given mu must be g⁻¹(eta), since μ is its μ'.
func glmIRLS(d *glmDesign, fam glmFamily, eta, mu []float64) (*glmFit, error) {
	n := d.n
	if mu == nil {
		mu = make([]float64, n)
		for i, e := range eta {
			mu[i] = fam.linkInv(e)
		}
	}
	devParts := make([]float64, glmChunks(n))
	dev := func(beta []float64) float64 {
		glmForChunks(n, func(c, lo, hi int) {
			s := 0.0
			for i := lo; i < hi; i++ {
				if beta != nil {
					eta[i] = d.eta(i, beta)
					mu[i] = fam.linkInv(eta[i])
				}
				s += fam.devResid(d.y[i], mu[i])
			}
			devParts[c] = s
		})
		s := 0.0
		for _, v := range devParts {
			s += v
		}
		return s
	}
	work := func(i int) (w, z float64) {
		me := mu[i] // μ always holds g⁻¹(η)
		if !fam.logLink {
			me = fam.muEta(eta[i])
		}
		return me * me / fam.variance(mu[i]), eta[i] - d.off(i) + (d.y[i]-mu[i])/me
	}
	s := glmNewSolver(d)
	devOld := dev(nil)
	var coefOld []float64
	for iter := 1; iter <= d.maxIter; iter++ {
		beta, ok := s.step(work)
		if !ok {
			return nil, glmErrNoConv("weighted least squares failed at iteration %d: the weighted design is singular", iter)
		}
		for j := range beta {
			if math.IsNaN(beta[j]) || math.IsInf(beta[j], 0) {
				return nil, glmErrNoConv("non-finite coefficients at iteration %d", iter)
			}
		}
		dv := dev(beta)
		for ii := 1; math.IsNaN(dv) || math.IsInf(dv, 0); ii++ {
			if coefOld == nil || ii > d.maxIter {
				return nil, glmErrNoConv("no valid set of coefficients at iteration %d", iter)
			}
			for j := range beta {
				beta[j] = (beta[j] + coefOld[j]) / 2
			}
			dv = dev(beta)
		}
		if math.Abs(dv-devOld)/(math.Abs(dv)+0.1) < d.eps {
			return &glmFit{beta: beta, mu: mu, dev: dv, cov: s.cov(), iter: iter}, nil
		}
		devOld = dv
		coefOld = beta
	}
	return nil, glmErrNoConv("IRLS did not converge in %d iterations", d.maxIter)
}

// glmNextStep returns the largest change max_i |Δη_i| of the linear
// predictor that one more IRLS step from the converged fit would make: tiny
// at a maximum of the likelihood, about 1 per step where coefficients
// diverge. It is +Inf when the step cannot be solved.
func glmNextStep(d *glmDesign, fam glmFamily, fit *glmFit) float64 {
	eta := make([]float64, d.n)
	for i := range eta {
		eta[i] = d.eta(i, fit.beta)
	}
	mu := fit.mu
	beta, ok := glmNewSolver(d).step(func(i int) (w, z float64) {
		me := fam.muEta(eta[i])
		return me * me / fam.variance(mu[i]), eta[i] - d.off(i) + (d.y[i]-mu[i])/me
	})
	if !ok {
		return math.Inf(1)
	}
	step := 0.0
	for i, e := range eta {
		step = math.Max(step, math.Abs(d.eta(i, beta)-e))
	}
	return step
}
