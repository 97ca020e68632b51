package stats

import "math"

// NegBin fits the log-linear negative-binomial model
//
//	log E[y_i] = offset_i + β₀ + x_i'β,   Var[y_i] = μ_i + μ_i²/θ
//
// by maximum likelihood exactly as MASS::glm.nb(y ~ x... + offset(offset))
// does [1]: a Poisson fit, then θ by Newton's method on its score
// (theta.ml), then alternately the coefficients by IRLS at the current θ
// (started from the previous μ) and θ by theta.ml at the previous μ, until
//
//	|L_old - L|/d₁ + |θ_old - θ|/d₂ ≤ ε,   d₁ = √(2 max(1, n-p)), d₂ = 1,
//
// with L the log-likelihood. As in glm.nb, the coefficients reported are
// those of the last IRLS fit and θ that of the last theta.ml; the standard
// errors are Wald's with dispersion 1, and ThetaSE is 1/√I(θ) from the
// observed information at the last Newton step.
//
// Special cases:
//
//	y not a non-negative whole number, or a non-finite x or offset → error wrapping ErrDomain
//	a constant or collinear column                                → error wrapping ErrSingular
//	IRLS, theta.ml or the alternation not converging in MaxIter   → error wrapping ErrNoConvergence
//	θ estimated below 0, or no overdispersion (θ → ∞, I(θ) ≤ 0)   → error wrapping ErrNoConvergence
//	                                                                (glm.nb warns and returns a number)
//	a fitted mean numerically 0 (a group with no events)          → error wrapping ErrNoConvergence
//
// NegBin panics if a column, opt.Block or opt.Offset does not have len(y)
// elements, or if len(names) != len(x).
//
// [1] Venables, W. N. and Ripley, B. D. (2002). Modern Applied Statistics
// with S, 4th ed. Springer, section 7.4.
func NegBin(y []float64, names []string, x [][]float64, opt GLMOptions) (*GLMResult, error) {
	d, err := glmNewDesign(y, names, x, opt)
	if err != nil {
		return nil, err
	}
	return negbinFit(d)
}

// negbinFit fits the negative-binomial model of d (see NegBin).
func negbinFit(d *glmDesign) (*GLMResult, error) {
	y := d.y
	eta := glmPoissonStart(y)
	fit, err := glmIRLS(d, glmPoissonFamily(), eta, nil)
	if err != nil {
		return nil, err
	}
	// Each IRLS fit starts from the previous one's means mu and writes its
	// own into next; theta.ml then uses mu, and the two buffers swap.
	mu, next := fit.mu, make([]float64, d.n)
	tally := negbinTallyCounts(y)
	th, thSE, err := negbinThetaML(y, mu, tally, d.maxIter)
	if err != nil {
		return nil, err
	}
	d1 := math.Sqrt(2 * math.Max(1, float64(d.n-d.p)))
	const d2 = 1.0
	del := 1.0
	lm := negbinLogLik(th, mu, y, tally)
	lm0 := lm + 2*d1
	iter := 0
	for {
		iter++
		if iter > d.maxIter {
			return nil, glmErrNoConv("glm.nb alternation limit of %d reached", d.maxIter)
		}
		if !(math.Abs(lm0-lm)/d1+math.Abs(del)/d2 > d.eps) {
			break
		}
		fam := negbinFamily(th)
		glmForChunks(d.n, func(_, lo, hi int) {
			for i := lo; i < hi; i++ {
				eta[i] = math.Log(mu[i])
				next[i] = fam.linkInv(eta[i])
			}
		})
		fit, err = glmIRLS(d, fam, eta, next)
		if err != nil {
			return nil, err
		}
		t0 := th
		th, thSE, err = negbinThetaML(y, mu, tally, d.maxIter)
		if err != nil {
			return nil, err
		}
		mu, next = fit.mu, mu
		del = t0 - th
		lm0 = lm
		lm = negbinLogLik(th, mu, y, tally)
	}
	if err := glmCheckZeroMeans(y, fit.mu); err != nil {
		return nil, err
	}
	return glmResult(d, fit, lm, th, thSE, iter-1), nil
}

// negbinFamily is the negative binomial with known θ (MASS::negative.binomial).
func negbinFamily(theta float64) glmFamily {
	return glmLogLink(glmFamily{
		variance: func(mu float64) float64 { return mu + mu*mu/theta },
		devResid: func(y, mu float64) float64 {
			if y == 0 {
				return -2 * (theta * math.Log(theta/(mu+theta))) // the same, without 0 log(1/μ)
			}
			return 2 * (y*math.Log(math.Max(1, y)/mu) - (y+theta)*math.Log((y+theta)/(mu+theta)))
		},
	})
}

// negbinLogLik is the negative-binomial log-likelihood as glm.nb computes it,
//
//	Σ_i lΓ(θ+y_i) - lΓ(θ) - lΓ(y_i+1) + θ log θ + y_i log(μ_i + [y_i = 0]) - (θ+y_i) log(θ+μ_i),
//
// with the terms in lΓ summed once per distinct count (tally, as
// negbinScoreInfo does) and the rest in chunks added in order.
func negbinLogLik(th float64, mu, y []float64, tally negbinTally) float64 {
	n := float64(len(y))
	s := n * (th*math.Log(th) - glmLgamma(th))
	for k, v := range tally.value {
		s += tally.count[k] * (glmLgamma(th+v) - glmLgamma(v+1))
	}
	parts := make([]float64, glmChunks(len(y)))
	glmForChunks(len(y), func(c, lo, hi int) {
		t := 0.0
		for i := lo; i < hi; i++ {
			if v := y[i]; v > 0 {
				t += v*math.Log(mu[i]) - (th+v)*math.Log(th+mu[i])
			} else {
				t -= th * math.Log(th+mu[i]) // y log(μ + (y == 0)) is 0 when y is 0
			}
		}
		parts[c] = t
	})
	for _, t := range parts {
		s += t
	}
	return s
}
