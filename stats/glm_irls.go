package stats

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// glmFamily is an error distribution with the log link.
type glmFamily struct {
	variance func(mu float64) float64
	devResid func(y, mu float64) float64
}

func glmPoissonFamily() glmFamily {
	return glmFamily{
		variance: func(mu float64) float64 { return mu },
		devResid: func(y, mu float64) float64 {
			if y > 0 {
				return 2 * (y*math.Log(y/mu) - (y - mu))
			}
			return 2 * mu
		},
	}
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
// from the linear predictor eta0, as R's glm.fit with etastart does: each
// step regresses z = η - offset + (y - μ)/μ on X with weights μ²/V(μ), by QR;
// a non-finite deviance halves the step towards the previous coefficients;
// convergence is |dev - dev_old|/(|dev| + 0.1) < ε.
func glmIRLS(d *glmDesign, fam glmFamily, eta0 []float64) (*glmFit, error) {
	n, p := d.n, d.p
	eta := append([]float64(nil), eta0...)
	mu := make([]float64, n)
	dev := func() float64 {
		s := 0.0
		for i, m := range mu {
			s += fam.devResid(d.y[i], m)
		}
		return s
	}
	setMu := func(beta []float64) {
		for i := 0; i < n; i++ {
			row := d.x[i*p : i*p+p]
			e := d.offset[i]
			for j, b := range beta {
				e += row[j] * b
			}
			eta[i] = e
			mu[i] = glmLogLinkInv(e)
		}
	}
	for i, e := range eta {
		mu[i] = glmLogLinkInv(e)
	}
	devOld := dev()
	var coefOld []float64
	var r []float64
	var beta []float64
	q := p + 1 // the weighted design and the weighted working response
	for iter := 1; iter <= d.maxIter; iter++ {
		r = tallQR(n, q, func(i int, row []float64) {
			me := glmLogLinkInv(eta[i]) // μ.η for the log link
			z := eta[i] - d.offset[i] + (d.y[i]-mu[i])/me
			w := math.Sqrt(me * me / fam.variance(mu[i]))
			for j, v := range d.x[i*p : i*p+p] {
				row[j] = v * w
			}
			row[p] = z * w
		})
		var ok bool
		if beta, ok = tallQRSolve(r, q); !ok {
			return nil, glmErrNoConv("weighted least squares failed at iteration %d: the weighted design is singular", iter)
		}
		for j := range beta {
			if math.IsNaN(beta[j]) || math.IsInf(beta[j], 0) {
				return nil, glmErrNoConv("non-finite coefficients at iteration %d", iter)
			}
		}
		setMu(beta)
		dv := dev()
		for ii := 1; math.IsNaN(dv) || math.IsInf(dv, 0); ii++ {
			if coefOld == nil || ii > d.maxIter {
				return nil, glmErrNoConv("no valid set of coefficients at iteration %d", iter)
			}
			for j := range beta {
				beta[j] = (beta[j] + coefOld[j]) / 2
			}
			setMu(beta)
			dv = dev()
		}
		if math.Abs(dv-devOld)/(math.Abs(dv)+0.1) < d.eps {
			return &glmFit{beta: beta, mu: mu, dev: dv, cov: glmCovFromR(r, q, p), iter: iter}, nil
		}
		devOld = dv
		coefOld = beta
	}
	return nil, glmErrNoConv("IRLS did not converge in %d iterations", d.maxIter)
}

// glmCovFromR returns (R'R)⁻¹ from the leading p by p block of the q by q
// triangular factor r of the weighted design.
func glmCovFromR(r []float64, q, p int) *mat.SymDense {
	rt := mat.NewTriDense(p, mat.Upper, nil)
	for i := 0; i < p; i++ {
		for j := i; j < p; j++ {
			rt.SetTri(i, j, r[i*q+j])
		}
	}
	var rinv mat.TriDense
	_ = rinv.InverseTri(rt) // a Condition warning only; rank was checked on X
	cov := mat.NewSymDense(p, nil)
	for i := 0; i < p; i++ {
		for j := i; j < p; j++ {
			s := 0.0
			for k := j; k < p; k++ {
				s += rinv.At(i, k) * rinv.At(j, k)
			}
			cov.SetSym(i, j, s)
		}
	}
	return cov
}
