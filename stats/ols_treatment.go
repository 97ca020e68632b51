package stats

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// TreatmentEffect is the coefficient of a treatment indicator in a linear
// model, with its inference.
type TreatmentEffect struct {
	// Estimate is the adjusted difference in means, treated minus control.
	Estimate float64
	// SE is its standard error under the model's covariance estimator.
	SE float64
	// DF is the degrees of freedom: n - p - G + 1, or Bell-McCaffrey's for CR2.
	DF float64
	// T is Estimate/SE and P its two-sided p-value from t with DF.
	T, P float64
	// CILow and CIHigh bound the confidence interval at the model's level.
	CILow, CIHigh float64
}

// TreatmentModel is the regression
//
//	outcome ~ treat + covariates + factor(block)
//
// (lm_robust with se_type HC2, CR2 or another CovType) prepared for many
// treatment vectors on the same outcome, covariates, blocks and clusters, as
// randomisation inference needs. The work that does not depend on the
// treatment is done once: y and the covariates Z are demeaned within blocks
// (by the overall mean without blocks, which is the intercept), Z̃ = QR is
// factorised, and y is residualised on Z̃. By the Frisch-Waugh-Lovell
// theorem a treatment vector t then needs only its own residual
// t⊥ = t̃ - QQ't̃:
//
//	β̂ = t⊥'ỹ⊥ / t⊥'t⊥,  e = ỹ⊥ - β̂ t⊥,  h_ii = 1/n_b + ‖Q_i‖² + t⊥_i²/t⊥'t⊥
//	Var_HC(β̂) = Σ_i ω_i t⊥_i² / (t⊥'t⊥)²
//
// with ω_i as in OLS, so Fit costs O(n k) for k covariates. CR2 reuses the
// covariates' QR (see fitCR2) and runs the cluster computation, O(n k²).
type TreatmentModel struct {
	n       int
	opt     OLSOptions
	level   float64
	blockOf []int32
	blockN  []float64
	y       []float64   // demeaned outcome
	z       [][]float64 // demeaned covariates
	names   []string
	q       [][]float64 // orthonormal basis of the demeaned covariates
	ry      []float64   // ỹ residualised on the covariates
	qy      []float64   // Q'ỹ
	rzinv   []float64   // R⁻¹ of the covariates' QR, by rows
	hz      []float64   // 1/n_b + ‖Q_i‖²
	dfResid float64
	// cluster holds the cluster codes (CR2 only, see codeLabels) and
	// clusterNames their labels, coded once here and not in every Fit.
	cluster      []int
	clusterNames []string
}

// NewTreatmentModel prepares the model for outcome y, covariate columns
// covariates (named by names; may be empty) and opt (Block, Cluster, Cov,
// Level as in OLS). The block and cluster labels are coded here, once, in
// order of first appearance, so that Fit does no work on labels. It returns
// the errors of OLS for the covariates.
// NewTreatmentModel panics on length mismatches and when opt.Cov is CR2
// without clusters.
func NewTreatmentModel(y []float64, names []string, covariates [][]float64, opt OLSOptions) (*TreatmentModel, error) {
	n := len(y)
	checkColumns(n, names, covariates)
	if opt.Cov == CR2 {
		if opt.Cluster == nil {
			panic("stats: CR2 needs clusters")
		}
		absorbCheckLen("cluster", len(opt.Cluster), n)
	}
	m := &TreatmentModel{n: n, opt: opt, level: opt.Level, names: names}
	if opt.Cov == CR2 {
		m.cluster, m.clusterNames = codeLabels(opt.Cluster)
	}
	var err error
	if m.level, err = confidenceLevel(m.level); err != nil {
		return nil, err
	}
	if err := olsCheckFinite("outcome", y); err != nil {
		return nil, err
	}
	block, _ := codeLabelsAs[int32](opt.Block)
	if block == nil {
		block = make([]int32, n)
	}
	absorbCheckLen("block", len(block), n)
	m.blockOf, m.blockN = absorbBlocks(block)
	m.y = absorbDemean(y, m.blockOf, m.blockN)
	k := len(covariates)
	for j, c := range covariates {
		if err := olsCheckFinite(names[j], c); err != nil {
			return nil, err
		}
		d := absorbDemean(c, m.blockOf, m.blockN)
		if dn := floats.Norm(d, 2); dn == 0 || dn <= olsCollinearTol*floats.Norm(c, 2) {
			return nil, fmt.Errorf("%w: column %q is constant%s", ErrSingular, names[j], treatmentWithinBlocks(opt.Block))
		}
		m.z = append(m.z, d)
	}
	m.dfResid = float64(n - k - 1 - len(m.blockN))
	if m.dfResid < 1 {
		return nil, fmt.Errorf("%w: %d observations for %d parameters", ErrTooFew, n, n-int(m.dfResid))
	}
	m.ry = append([]float64(nil), m.y...)
	m.hz = make([]float64, n)
	for i := range m.hz {
		m.hz[i] = 1 / m.blockN[m.blockOf[i]]
	}
	if k > 0 {
		f := &olsFit{n: n, p: k, names: names, cols: m.z, blockOf: m.blockOf, blockN: m.blockN}
		if err := f.solve(m.y, nil); err != nil {
			return nil, err
		}
		m.ry = f.resid
		m.rzinv = f.rinvRaw
		// Q = Z̃ R⁻¹, column by column.
		m.q = make([][]float64, k)
		for a := 0; a < k; a++ {
			col := make([]float64, n)
			for b := 0; b <= a; b++ {
				floats.AddScaled(col, f.rinv.At(b, a), m.z[b])
			}
			m.q[a] = col
			m.qy = append(m.qy, floats.Dot(col, m.y))
			for i, v := range col {
				m.hz[i] += v * v
			}
		}
	}
	return m, nil
}

func treatmentWithinBlocks(block []string) string {
	if block != nil {
		return " within blocks"
	}
	return ""
}

// Fit returns the treatment effect for the indicator treat (true = treated).
//
// Special cases:
//
//	treat constant (within every block) or collinear with the covariates → error wrapping ErrSingular
//	CR2 with a cluster of leverage 1                                      → error wrapping ErrDomain
//
// Fit panics if len(treat) differs from the outcome's length. It does not
// modify the model and may be called from several goroutines at once.
func (m *TreatmentModel) Fit(treat []bool) (TreatmentEffect, error) {
	if len(treat) != m.n {
		panic("stats: slice length mismatch")
	}
	t := make([]float64, m.n)
	for i, b := range treat {
		if b {
			t[i] = 1
		}
	}
	tt := absorbDemean(t, m.blockOf, m.blockN)
	tn := floats.Norm(tt, 2)
	tp := append([]float64(nil), tt...)
	qt := make([]float64, len(m.q))
	for a, qa := range m.q {
		qt[a] = floats.Dot(qa, tt)
		floats.AddScaled(tp, -qt[a], qa)
	}
	s := floats.Dot(tp, tp)
	if tn == 0 || math.Sqrt(s) <= olsCollinearTol*tn {
		return TreatmentEffect{}, fmt.Errorf("%w: treatment is constant%s or collinear with the covariates", ErrSingular, treatmentWithinBlocks(m.opt.Block))
	}
	beta := floats.Dot(tp, m.ry) / s
	if m.opt.Cov == CR2 {
		return m.fitCR2(tt, tp, qt, s, beta)
	}
	var v, ee float64
	for i, r := range m.ry {
		e := r - beta*tp[i]
		a := tp[i] / s
		w := e * e
		ee += w
		switch m.opt.Cov {
		case HC2, HC3:
			d := 1 - m.hz[i] - tp[i]*tp[i]/s
			if d <= robustLeverageOne {
				w = 0
			} else if m.opt.Cov == HC2 {
				w /= d
			} else {
				w /= d * d
			}
		}
		v += a * a * w
	}
	switch m.opt.Cov {
	case Classical:
		v = ee / m.dfResid / s
	case HC1:
		v *= float64(m.n) / m.dfResid
	case HC0, HC2, HC3:
	default:
		panic("stats: unknown CovType")
	}
	return treatmentEffectOf(olsCoefficient("treat", beta, math.Sqrt(v), m.dfResid, m.level)), nil
}

// fitCR2 computes the CR2 inference for the design [Z̃, t̃] without a new
// QR: its R is the covariates' R_Z bordered by c = Q't̃ and r = ‖t⊥‖,
//
//	R = [R_Z c; 0 r],  R⁻¹ = [R_Z⁻¹  -R_Z⁻¹c/r; 0 1/r],
//
// β_t is the FWL estimate, β_Z = R_Z⁻¹(Q'ỹ - c β_t), and e = ỹ⊥ - β_t t⊥.
func (m *TreatmentModel) fitCR2(tt, tp, qt []float64, s, beta float64) (TreatmentEffect, error) {
	k := len(m.z)
	p := k + 1
	r := math.Sqrt(s)
	f := &olsFit{n: m.n, p: p, names: append(append([]string(nil), m.names...), "treat"),
		cols: append(append([][]float64(nil), m.z...), tt), blockOf: m.blockOf, blockN: m.blockN, dfResid: m.dfResid}
	f.rinv = mat.NewTriDense(p, mat.Upper, nil)
	for a := 0; a < k; a++ {
		v := 0.0
		for b := a; b < k; b++ {
			f.rinv.SetTri(a, b, m.rzinv[a*k+b])
			v += m.rzinv[a*k+b] * qt[b]
		}
		f.rinv.SetTri(a, k, -v/r)
	}
	f.rinv.SetTri(k, k, 1/r)
	f.setInverseR()
	f.beta = make([]float64, p)
	f.beta[k] = beta
	for a := 0; a < k; a++ {
		v := 0.0
		for b := a; b < k; b++ {
			v += m.rzinv[a*k+b] * (m.qy[b] - qt[b]*beta)
		}
		f.beta[a] = v
	}
	f.resid = make([]float64, m.n)
	for i, e := range m.ry {
		f.resid[i] = e - beta*tp[i]
	}
	res, err := cr2Compute(f, m.cluster, m.clusterNames, true)
	if err != nil {
		return TreatmentEffect{}, err
	}
	return treatmentEffectOf(olsCoefficient("treat", beta, math.Sqrt(res.cov.At(k, k)), res.df[k], m.level)), nil
}

func treatmentEffectOf(c Coefficient) TreatmentEffect {
	return TreatmentEffect{Estimate: c.Estimate, SE: c.SE, DF: c.DF, T: c.T, P: c.P, CILow: c.CILow, CIHigh: c.CIHigh}
}
