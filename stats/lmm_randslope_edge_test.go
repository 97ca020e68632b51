package stats

import (
	"math"
	"math/rand/v2"
	"runtime"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats/scalar"
)

// lmmRSSim makes n rows in J sites (labelled s0, s1, ...; site i%J) with
// the treatment randomised within site (every other row of a site), a
// covariate, and site intercepts and treatment slopes of SDs si and ss.
func lmmRSSim(seed uint64, n, J int, si, ss float64) (y []float64, x [][]float64, site []string) {
	rng := rand.New(rand.NewPCG(seed, 5))
	b0, b1 := make([]float64, J), make([]float64, J)
	for j := range b0 {
		b0[j], b1[j] = si*rng.NormFloat64(), ss*rng.NormFloat64()
	}
	x = [][]float64{make([]float64, n), make([]float64, n)}
	y = make([]float64, n)
	site = make([]string, n)
	for i := range y {
		j := i % J
		site[i] = "s" + strconv.Itoa(j)
		x[0][i] = float64(i / J % 2)
		x[1][i] = rng.NormFloat64()
		y[i] = 1 + 0.5*x[0][i] + 0.3*x[1][i] + b0[j] + b1[j]*x[0][i] + rng.NormFloat64()
	}
	return y, x, site
}

func TestLMMRandomSlopeErrors(t *testing.T) {
	y, x, g := lmmRSSim(1, 60, 6, 1, 0.5)
	cp := func(v []float64) []float64 { return append([]float64(nil), v...) }
	cases := []struct {
		name string
		y    []float64
		x    [][]float64
		g    []string
		opt  LMMOptions
		want error
		msg  string
	}{
		{name: "NaN in y", y: func() []float64 { v := cp(y); v[7] = math.NaN(); return v }(), x: x, g: g, want: ErrDomain, msg: "outcome at observation 8"},
		{name: "Inf in x", y: y, x: [][]float64{x[0], func() []float64 { v := cp(x[1]); v[0] = math.Inf(1); return v }()}, g: g, want: ErrDomain, msg: "x at observation 1"},
		{name: "level", y: y, x: x, g: g, opt: LMMOptions{Level: -0.5}, want: ErrDomain},
		{name: "one group", y: y, x: x, g: make([]string, 60), want: ErrTooFew, msg: "1 group"},
		{name: "n ≤ 2J", y: y, x: x, g: func() []string {
			v := make([]string, 60)
			for i := range v {
				v[i] = strconv.Itoa(i / 2)
			}
			return v
		}(), want: ErrTooFew, msg: "60 observations for 60 random effects"},
		{name: "treatment by group", y: y, x: x, g: func() []string {
			v := make([]string, 60)
			for i := range v {
				v[i] = strconv.Itoa(i%3) + "/" + strconv.Itoa(int(x[0][i]))
			}
			return v
		}(), want: ErrSingular, msg: `column "treat" does not vary within any group`},
		{name: "constant", y: y, x: [][]float64{x[0], make([]float64, 60)}, g: g, want: ErrSingular, msg: `"x" is constant`},
		{name: "constant slope column", y: y, x: [][]float64{make([]float64, 60), x[1]}, g: g, want: ErrSingular, msg: `"treat" is constant`},
		{name: "collinear", y: y, x: [][]float64{x[0], x[1], func() []float64 {
			v := cp(x[1])
			for i := range v {
				v[i] = 3*v[i] + x[0][i]
			}
			return v
		}()}, g: g, want: ErrSingular, msg: `"x2" is collinear`},
		{name: "exact fit", y: func() []float64 {
			v := make([]float64, 60)
			for i := range v {
				v[i] = 1 - x[1][i]
			}
			return v
		}(), x: x, g: g, want: ErrZeroVariance},
		{name: "each site's own line fits exactly", y: func() []float64 {
			v := make([]float64, 60)
			for i := range v {
				j := float64(i % 6)
				v[i] = j + j*j*x[0][i]
			}
			return v
		}(), x: x[:1], g: g, want: ErrNoConvergence},
	}
	names := []string{"treat", "x", "x2"}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := LMMRandomSlope(c.y, names[:len(c.x)], c.x, c.g, 0, c.opt)
			require.ErrorIs(t, err, c.want)
			assert.Contains(t, err.Error(), c.msg)
		})
	}
}

func TestLMMRandomSlopePanics(t *testing.T) {
	y, x, g := lmmRSSim(1, 40, 4, 1, 0.5)
	assert.PanicsWithValue(t, "stats: random slope column out of range", func() { _, _ = LMMRandomSlope(y, lmmSimNames, x, g, 2, LMMOptions{}) })
	assert.PanicsWithValue(t, "stats: random slope column out of range", func() { _, _ = LMMRandomSlope(y, lmmSimNames, x, g, -1, LMMOptions{}) })
	assert.PanicsWithValue(t, "stats: group length mismatch", func() { _, _ = LMMRandomSlope(y, lmmSimNames, x, g[:39], 0, LMMOptions{}) })
	assert.PanicsWithValue(t, "stats: names and columns length mismatch", func() { _, _ = LMMRandomSlope(y, lmmSimNames[:1], x, g, 0, LMMOptions{}) })
	assert.PanicsWithValue(t, "stats: block length mismatch", func() { _, _ = LMMRandomSlope(y, lmmSimNames, x, g, 0, LMMOptions{Block: g[:3]}) })
}

// The analytic gradient of the profiled deviance, and of the deviance at
// fixed σ, agree with Richardson-extrapolated differences of the deviance
// itself, at points inside, on the boundary and with negative elements.
func TestLMMRandomSlopeGradient(t *testing.T) {
	y, x, g := lmmRSSim(2, 240, 12, 1, 0.6)
	for _, reml := range []bool{true, false} {
		d, err := lmmRSNewData(y, lmmSimNames, x, g, 0, nil)
		require.NoError(t, err)
		const s2 = 0.7 // a fixed σ² in the scaled data's units
		fixed := func(pt lmmRSPoint) float64 {
			v := pt.logDetV + pt.k*math.Log(2*math.Pi*s2) + pt.pwrss/s2
			if reml {
				v += pt.logDetM
			}
			return v
		}
		for _, th := range [][3]float64{{1, 0, 1}, {0.4, -0.8, 0.3}, {-2, 0.5, -0.1}, {0.7, 0.2, 0}, {0, 0.3, 0.5}} {
			num := func(f func(lmmRSPoint) float64) [3]float64 {
				jac := lmmRSJacobian(func(t [3]float64) [3]float64 {
					v := f(d.at(t, reml))
					return [3]float64{v, v, v}
				}, th)
				return jac[0]
			}
			want := num(func(pt lmmRSPoint) float64 { return pt.dev })
			got := d.profiledGradient(d.at(th, reml))
			wantFixed := num(fixed)
			gotFixed := d.parts(d.at(th, reml), false).gradient(th, reml, 1/s2)
			for k := range got {
				assert.Truef(t, scalar.EqualWithinAbsOrRel(got[k], want[k], 1e-7, 1e-7), "REML %v θ %v: ∂d/∂θ_%d = %v, numerically %v", reml, th, k, got[k], want[k])
				assert.Truef(t, scalar.EqualWithinAbsOrRel(gotFixed[k], wantFixed[k], 1e-7, 1e-7), "REML %v θ %v: ∂D/∂θ_%d = %v, numerically %v", reml, th, k, gotFixed[k], wantFixed[k])
			}
		}
	}
}

// Sites that are copies of one another have no variation between them:
// the optimum is Σ = 0, where the REML fit is least squares with classical
// errors and df = n - p.
func TestLMMRandomSlopeNoSiteVariation(t *testing.T) {
	y0, x0, _ := lmmRSSim(3, 20, 1, 0, 0)
	var y []float64
	x := [][]float64{nil, nil}
	var site []string
	for j := range 6 {
		y = append(y, y0...)
		x[0] = append(x[0], x0[0]...)
		x[1] = append(x[1], x0[1]...)
		for range y0 {
			site = append(site, "s"+strconv.Itoa(j))
		}
	}
	res, err := LMMRandomSlope(y, lmmSimNames, x, site, 0, LMMOptions{})
	require.NoError(t, err)
	assert.Equal(t, [3]float64{}, res.Theta)
	assert.True(t, res.Singular)
	assert.Zero(t, res.VarIntercept)
	assert.Zero(t, res.VarSlope)
	assert.True(t, math.IsNaN(res.Cor), "cor %v", res.Cor)
	ols, err := OLS(y, lmmSimNames, x, OLSOptions{Cov: Classical})
	require.NoError(t, err)
	for k, c := range res.Coefficients {
		o := ols.Coefficients[k]
		assert.InDelta(t, o.Estimate, c.Estimate, 1e-12*math.Abs(o.Estimate), c.Name)
		assert.InDelta(t, o.SE, c.SE, 1e-12*o.SE, c.Name)
		assert.InDelta(t, o.DF, c.DF, 1e-9, c.Name)
	}
}

// The model does not depend on the order of the rows or on the units of
// y and of the slope's column: the treatment coded 0/2 and y times 1e-6 or
// 1e7 give estimates and variances in their units, the same df, p and
// correlation, and θ with its slope elements divided by 2.
func TestLMMRandomSlopeInvariance(t *testing.T) {
	y, x, g := lmmRSSim(4, 300, 15, 1, 0.5)
	base, err := LMMRandomSlope(y, lmmSimNames, x, g, 0, LMMOptions{})
	require.NoError(t, err)
	require.False(t, base.Singular)
	perm := rand.New(rand.NewPCG(9, 9)).Perm(len(y))
	py, pg := make([]float64, len(y)), make([]string, len(y))
	px := [][]float64{make([]float64, len(y)), make([]float64, len(y))}
	for i, k := range perm {
		py[i], pg[i], px[0][i], px[1][i] = y[k], g[k], 2*x[0][k], x[1][k]
	}
	for _, scale := range []float64{1, 1e-6, 1e7} {
		sy := make([]float64, len(y))
		for i, v := range py {
			sy[i] = scale * v
		}
		res, err := LMMRandomSlope(sy, lmmSimNames, px, pg, 0, LMMOptions{})
		require.NoError(t, err)
		near := func(what string, got, want float64) {
			t.Helper()
			assert.Truef(t, scalar.EqualWithinAbsOrRel(got, want, 0, 1e-8), "scale %v: %s = %v, want %v", scale, what, got, want)
		}
		unit := []float64{scale, scale / 2, scale}
		for k, c := range res.Coefficients {
			b := base.Coefficients[k]
			near(c.Name+" estimate", c.Estimate, unit[k]*b.Estimate)
			near(c.Name+" se", c.SE, unit[k]*b.SE)
			near(c.Name+" df", c.DF, b.DF)
			near(c.Name+" p", c.P, b.P)
		}
		near("var_intercept", res.VarIntercept, scale*scale*base.VarIntercept)
		near("var_slope", res.VarSlope, scale*scale/4*base.VarSlope)
		near("var_residual", res.VarResidual, scale*scale*base.VarResidual)
		near("cor", res.Cor, base.Cor)
		near("theta11", res.Theta[0], base.Theta[0])
		near("theta21", res.Theta[1], base.Theta[1]/2)
		near("theta22", res.Theta[2], base.Theta[2]/2)
	}
}

// Data far from 1 in size give the fit of the data rescaled, with the
// log-likelihood moved by its Jacobian, as for LMM.
func TestLMMRandomSlopeExtremeScales(t *testing.T) {
	y, x, g := lmmRSSim(5, 120, 8, 1, 0.6)
	for _, ml := range []bool{false, true} {
		base, err := LMMRandomSlope(y, lmmSimNames, x, g, 0, LMMOptions{ML: ml})
		require.NoError(t, err)
		for _, c := range []float64{1e150, 1e-150} {
			sy := make([]float64, len(y))
			for i, v := range y {
				sy[i] = v * c
			}
			res, err := LMMRandomSlope(sy, lmmSimNames, x, g, 0, LMMOptions{ML: ml})
			require.NoError(t, err, "y times %g", c)
			for k, co := range res.Coefficients {
				b := base.Coefficients[k]
				assert.Truef(t, scalar.EqualWithinAbsOrRel(co.Estimate/c, b.Estimate, 0, 1e-8), "ML %v, y×%g: %s estimate", ml, c, co.Name)
				assert.Truef(t, scalar.EqualWithinAbsOrRel(co.DF, b.DF, 0, 1e-8), "ML %v, y×%g: %s df", ml, c, co.Name)
			}
			assert.Truef(t, scalar.EqualWithinAbsOrRel(res.VarSlope/c/c, base.VarSlope, 0, 1e-8), "ML %v, y×%g: var_slope", ml, c)
			k := float64(len(y))
			if !ml {
				k -= 3
			}
			shift := -k * math.Log(c)
			assert.InDeltaf(t, base.LogLik+shift, res.LogLik, 1e-9*math.Abs(shift), "ML %v, y×%g: log-likelihood", ml, c)
		}
	}
}

// The result is the same to the last bit whatever the number of CPUs.
func TestLMMRandomSlopeSameOnAnyCPUs(t *testing.T) {
	y, x, g := lmmRSSim(6, 60_000, 40, 1, 0.5)
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	one, err := LMMRandomSlope(y, lmmSimNames, x, g, 0, LMMOptions{})
	require.NoError(t, err)
	runtime.GOMAXPROCS(max(prev, 4))
	many, err := LMMRandomSlope(y, lmmSimNames, x, g, 0, LMMOptions{})
	require.NoError(t, err)
	assert.Equal(t, one, many)
}
