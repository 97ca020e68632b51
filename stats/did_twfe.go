package stats

import (
	"fmt"
	"math"
	"strconv"
)

// TWFEResult is a two-way fixed-effects difference-in-differences estimate.
type TWFEResult struct {
	// TreatmentEffect is the coefficient of the treated-and-after indicator
	// with its CR2 standard error and Bell-McCaffrey degrees of freedom.
	TreatmentEffect
	// N is the number of observations, Units, Periods and Clusters the
	// numbers of distinct units, periods and clusters.
	N, Units, Periods, Clusters int
	// Balanced reports that every unit was observed once in every period,
	// which the closed form of the CR2 computation needs (see TWFE).
	Balanced bool
	// Level is the confidence level of the interval.
	Level float64
}

// TWFE fits the two-way fixed-effects regression
//
//	y_it = α_i + γ_t + β D_it + ε_it
//
// of y on the indicator D (treated, and on or after its first treated
// period) with unit and period fixed effects, and returns β with the CR2
// (Bell-McCaffrey) covariance clustered on cluster (nil: on unit), as
//
//	estimatr::lm_robust(y ~ D, fixed_effects = ~ unit + time,
//	                    clusters = cluster, se_type = "CR2")
//
// computes it: the hat matrix is that of the full model, dummies included.
// By Frisch-Waugh-Lovell, β = D̃'ỹ/D̃'D̃ with D̃, ỹ the residuals of D and y
// on both sets of dummies, and the CR2 variance of β is
//
//	V = Σ_g (D̃_g' A_g e_g)² / (D̃'D̃)²,  A_g = (I - H_gg)^(-1/2)
//
// with e the residuals of the full model. When the panel is balanced and
// every cluster holds whole units, D̃ = D - D̄_i· - D̄_·t + D̄ and, for a
// cluster g of m units out of N with T periods each,
//
//	I - H_gg = (Q - P) + (1 - m/N) P - D̃_g D̃_g'/D̃'D̃
//
// on the vectors centred within each unit (Q the projection on them, P the
// projection on those that are the same for every unit of the cluster; the
// unit dummies' directions have leverage 1 and carry neither D̃ nor e).
// The rank-one term mixes only the two directions PD̃_g and (Q - P)D̃_g, so
// A_g is known in closed form (a 2 by 2 eigenproblem) and the whole
// computation, Bell-McCaffrey's degrees of freedom included [1], costs
// O(n + G T²) for G clusters. Otherwise the model is fitted by OLS with the
// units absorbed and a dummy for every period but the first, and the CR2 of
// its cluster computation (see OLS), which costs O(n T²) and more.
//
// Special cases:
//
//	D constant within units and periods (collinear)    → error wrapping ErrSingular
//	fewer than 2 clusters, or n ≤ units + periods      → error wrapping ErrTooFew
//	a NaN or ±Inf in y                                 → error wrapping ErrDomain
//	a cluster with leverage 1 in the direction of D̃    → error wrapping ErrDomain
//
// TWFE panics if unit, time, treated or a non-nil cluster do not have
// len(y) elements.
//
// [1] Pustejovsky, J. E. and Tipton, E. (2018). Small-sample methods for
// cluster-robust variance estimation and hypothesis testing in fixed
// effects models. J. Bus. Econ. Stat. 36(4), 672-683.
func TWFE(y []float64, treated []bool, unit, time, cluster []string, level float64) (*TWFEResult, error) {
	n := len(y)
	absorbCheckLen("treated", len(treated), n)
	absorbCheckLen("unit", len(unit), n)
	absorbCheckLen("time", len(time), n)
	if cluster == nil {
		cluster = unit
	}
	absorbCheckLen("cluster", len(cluster), n)
	lv, err := confidenceLevel(level)
	if err != nil {
		return nil, err
	}
	if err := olsCheckFinite("outcome", y); err != nil {
		return nil, err
	}
	u, units := codeLabels(unit)
	t, periods := codeLabels(time)
	c, clusters := codeLabels(cluster)
	res := &TWFEResult{N: n, Units: len(units), Periods: len(periods), Clusters: len(clusters), Level: lv}
	if n <= len(units)+len(periods) {
		return nil, fmt.Errorf("%w: %d observations for %d units and %d periods", ErrTooFew, n, len(units), len(periods))
	}
	if len(clusters) < 2 {
		return nil, fmt.Errorf("%w: CR2 needs at least 2 clusters, have %d", ErrTooFew, len(clusters))
	}
	b := newTWFEBalanced(y, treated, u, t, c, len(units), len(periods), len(clusters))
	var est, se, df float64
	if b != nil {
		res.Balanced = true
		est, se, df, err = b.fit(clusters)
	} else {
		est, se, df, err = twfeByOLS(y, treated, unit, t, len(periods), cluster)
	}
	if err != nil {
		return nil, err
	}
	co := olsCoefficient("treated", est, se, df, lv)
	res.TreatmentEffect = TreatmentEffect{Estimate: co.Estimate, SE: co.SE, DF: co.DF, T: co.T, P: co.P, CILow: co.CILow, CIHigh: co.CIHigh}
	return res, nil
}

// twfeByOLS fits the model by OLS with the units absorbed and period
// dummies, for a panel that is not balanced or clusters that split units.
func twfeByOLS(y []float64, treated []bool, unit []string, t []int, periods int, cluster []string) (est, se, df float64, err error) {
	n := len(y)
	d := make([]float64, n)
	for i, b := range treated {
		if b {
			d[i] = 1
		}
	}
	names := []string{"treated"}
	x := [][]float64{d}
	for p := 1; p < periods; p++ {
		col := make([]float64, n)
		for i, ti := range t {
			if ti == p {
				col[i] = 1
			}
		}
		names = append(names, "period"+strconv.Itoa(p))
		x = append(x, col)
	}
	fit, err := OLS(y, names, x, OLSOptions{Cov: CR2, Block: unit, Cluster: cluster})
	if err != nil {
		return 0, 0, 0, err
	}
	c := fit.Coefficients[0]
	return c.Estimate, c.SE, c.DF, nil
}

// twfeBalanced is a balanced panel stored unit by unit, T periods each, with
// y and D two-way demeaned.
type twfeBalanced struct {
	units, periods int
	y, d           []float64 // ỹ and D̃ at u*periods + t
	clusterOf      []int     // cluster code of each unit
	treated        []bool
}

// newTWFEBalanced returns the panel when every unit is observed exactly once
// in every period and every cluster holds whole units, else nil.
func newTWFEBalanced(y []float64, treated []bool, u, t, c []int, units, periods, clusters int) *twfeBalanced {
	if len(y) != units*periods {
		return nil
	}
	b := &twfeBalanced{units: units, periods: periods, y: make([]float64, len(y)), d: make([]float64, len(y)), clusterOf: make([]int, units), treated: treated}
	seen := make([]bool, len(y))
	for k := range b.clusterOf {
		b.clusterOf[k] = -1
	}
	for i := range y {
		pos := u[i]*periods + t[i]
		if seen[pos] {
			return nil
		}
		seen[pos] = true
		if b.clusterOf[u[i]] >= 0 && b.clusterOf[u[i]] != c[i] {
			return nil
		}
		b.clusterOf[u[i]] = c[i]
		b.y[pos] = y[i]
		if treated[i] {
			b.d[pos] = 1
		}
	}
	for pass := 0; pass < 2; pass++ { // the second pass removes the first's rounding
		b.demean(b.y)
		b.demean(b.d)
	}
	return b
}

// demean applies the two-way within transformation x - x̄_i· - x̄_·t + x̄.
func (b *twfeBalanced) demean(x []float64) {
	T, N := b.periods, b.units
	rowMean := make([]float64, N)
	colMean := make([]float64, T)
	all := 0.0
	for i := 0; i < N; i++ {
		for t, v := range x[i*T : i*T+T] {
			rowMean[i] += v
			colMean[t] += v
		}
	}
	for i := range rowMean {
		all += rowMean[i]
		rowMean[i] /= float64(T)
	}
	for t := range colMean {
		colMean[t] /= float64(N)
	}
	all /= float64(N * T)
	for i := 0; i < N; i++ {
		row := x[i*T : i*T+T]
		for t := range row {
			row[t] -= rowMean[i] + colMean[t] - all
		}
	}
}

// fit returns β, its CR2 standard error and Bell-McCaffrey df.
func (b *twfeBalanced) fit(clusterNames []string) (est, se, df float64, err error) {
	T := b.periods
	S, Sy, SD := 0.0, 0.0, 0.0
	for k, d := range b.d {
		S += d * d
		Sy += d * b.y[k]
	}
	for _, v := range b.treated {
		if v {
			SD++ // Σ D², the size of the undemeaned indicator
		}
	}
	if SD == 0 || S <= olsCollinearTol*olsCollinearTol*SD {
		return 0, 0, 0, fmt.Errorf("%w: the treated indicator is collinear with the unit and period effects (no unit changes treatment while others do not)", ErrSingular)
	}
	est = Sy / S
	e := make([]float64, len(b.y))
	for k := range e {
		e[k] = b.y[k] - est*b.d[k]
	}
	members := make([][]int, len(clusterNames))
	for unit, g := range b.clusterOf {
		members[g] = append(members[g], unit)
	}
	var meat, tr, sumD2, cross float64
	ww := make([]float64, (T+1)*(T+1)) // Σ_g w_g w_g'
	w := make([]float64, T+1)
	for g, us := range members {
		a, err := newTWFEClusterRoot(b, us, S)
		if err != nil {
			return 0, 0, 0, fmt.Errorf("%w: cluster %q: %v", ErrDomain, clusterNames[g], err)
		}
		ad := a.apply(a.gather(b.d))
		eg := a.gather(e)
		dg := a.gather(b.d)
		u := 0.0
		for k := range ad {
			u += ad[k] * eg[k]
		}
		meat += u * u
		// ℓ_g = A_g D̃_g / S, δ_g = ‖ℓ_g‖², w_g = (D̃_g'ℓ_g/√S, Σ_units ℓ/√N).
		delta, dl := 0.0, 0.0
		clear(w)
		for k, v := range ad {
			l := v / S
			delta += l * l
			dl += dg[k] * l
			w[1+k%T] += l / math.Sqrt(float64(b.units))
		}
		w[0] = dl / math.Sqrt(S)
		wn := 0.0
		for _, v := range w {
			wn += v * v
		}
		tr += delta - wn
		sumD2 += delta * delta
		cross += delta * wn
		for i, wi := range w {
			if wi == 0 {
				continue
			}
			row := ww[i*(T+1) : (i+1)*(T+1)]
			for j, wj := range w {
				row[j] += wi * wj
			}
		}
	}
	frob := 0.0
	for _, v := range ww {
		frob += v * v
	}
	return est, math.Sqrt(meat) / S, tr * tr / (sumD2 - 2*cross + frob), nil
}

// twfeClusterRoot is (I - H_gg)^(-1/2) of one cluster of a balanced panel
// on the vectors centred within units (see TWFE).
type twfeClusterRoot struct {
	b     *twfeBalanced
	units []int
	a     float64       // 1 - m/N, the eigenvalue of P's directions before the rank-one term
	u     [2][]float64  // unit vectors along PD̃_g and (Q - P)D̃_g (nil when that part is 0)
	g     [2][2]float64 // G^(-1/2) in the basis u
}

// newTWFEClusterRoot prepares the cluster of the given units.
func newTWFEClusterRoot(b *twfeBalanced, units []int, S float64) (*twfeClusterRoot, error) {
	r := &twfeClusterRoot{b: b, units: units, a: 1 - float64(len(units))/float64(b.units)}
	d := r.gather(b.d)
	d1 := r.common(d)
	d2 := make([]float64, len(d))
	for k := range d {
		d2[k] = d[k] - d1[k]
	}
	var norm [2]float64
	for j, v := range [2][]float64{d1, d2} {
		s := 0.0
		for _, x := range v {
			s += x * x
		}
		norm[j] = math.Sqrt(s)
		if norm[j] > 1e-14*math.Sqrt(S) {
			for k := range v {
				v[k] /= norm[j]
			}
			r.u[j] = v
		} else {
			norm[j] = 0
		}
	}
	// G = diag(a, 1) - nn'/S in the basis u.
	g := [2][2]float64{{r.a - norm[0]*norm[0]/S, -norm[0] * norm[1] / S}, {-norm[0] * norm[1] / S, 1 - norm[1]*norm[1]/S}}
	var err error
	r.g, err = twfeInvSqrt2(g, r.u[0] != nil, r.u[1] != nil)
	return r, err
}

// gather returns the cluster's values of x, unit after unit.
func (r *twfeClusterRoot) gather(x []float64) []float64 {
	T := r.b.periods
	out := make([]float64, 0, len(r.units)*T)
	for _, u := range r.units {
		out = append(out, x[u*T:u*T+T]...)
	}
	return out
}

// common returns P x: each period's mean over the cluster's units, for
// every unit.
func (r *twfeClusterRoot) common(x []float64) []float64 {
	T, m := r.b.periods, len(r.units)
	mean := make([]float64, T)
	for k, v := range x {
		mean[k%T] += v / float64(m)
	}
	out := make([]float64, len(x))
	for k := range out {
		out[k] = mean[k%T]
	}
	return out
}

// apply returns A_g x for x centred within each unit.
func (r *twfeClusterRoot) apply(x []float64) []float64 {
	x1 := r.common(x)
	var c [2]float64
	for j, u := range r.u {
		for k := range u {
			c[j] += u[k] * x[k]
		}
	}
	s := 1 / math.Sqrt(r.a)
	out := make([]float64, len(x))
	for k := range x {
		out[k] = s*x1[k] + (x[k] - x1[k])
	}
	for j, u := range r.u {
		if u == nil {
			continue
		}
		// Replace the component along u_j (scaled s for P's, 1 for Q - P's)
		// by the 2 by 2 root's.
		scale := 1.0
		if j == 0 {
			scale = s
		}
		v := r.g[j][0]*c[0] + r.g[j][1]*c[1]
		for k := range u {
			out[k] += (v - scale*c[j]) * u[k]
		}
	}
	return out
}

// twfeInvSqrt2 returns g^(-1/2) for a symmetric 2 by 2 g restricted to the
// coordinates in use, or an error when an eigenvalue is not positive
// (leverage 1).
func twfeInvSqrt2(g [2][2]float64, use0, use1 bool) ([2][2]float64, error) {
	var out [2][2]float64
	bad := fmt.Errorf("leverage 1 in the direction of the treated indicator, so CR2 is undefined")
	switch {
	case use0 && use1:
		a, b, d := g[0][0], g[0][1], g[1][1]
		mid, rad := (a+d)/2, math.Hypot((a-d)/2, b)
		l1, l2 := mid+rad, mid-rad
		if l2 <= cr2LeverageOne {
			return out, bad
		}
		// Eigenvector of l1: (b, l1 - a), or (l1 - d, b).
		vx, vy := b, l1-a
		if math.Abs(vx)+math.Abs(vy) < math.Abs(l1-d)+math.Abs(b) {
			vx, vy = l1-d, b
		}
		h := math.Hypot(vx, vy)
		if h == 0 {
			vx, vy, h = 1, 0, 1
		}
		vx, vy = vx/h, vy/h
		f1, f2 := 1/math.Sqrt(l1), 1/math.Sqrt(l2)
		out[0][0] = f1*vx*vx + f2*vy*vy
		out[1][1] = f1*vy*vy + f2*vx*vx
		out[0][1] = (f1 - f2) * vx * vy
		out[1][0] = out[0][1]
	case use0:
		if g[0][0] <= cr2LeverageOne {
			return out, bad
		}
		out[0][0] = 1 / math.Sqrt(g[0][0])
	case use1:
		if g[1][1] <= cr2LeverageOne {
			return out, bad
		}
		out[1][1] = 1 / math.Sqrt(g[1][1])
	}
	return out, nil
}
