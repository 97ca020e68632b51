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

// lmmSim makes n rows in J groups (labelled g0, g1, ...; group i%J), a
// group-level treatment, a covariate and a group effect of SD su.
func lmmSim(seed uint64, n, J int, su float64) (y []float64, x [][]float64, group []string) {
	rng := rand.New(rand.NewPCG(seed, 3))
	u := make([]float64, J)
	for j := range u {
		u[j] = su * rng.NormFloat64()
	}
	x = [][]float64{make([]float64, n), make([]float64, n)}
	y = make([]float64, n)
	group = make([]string, n)
	for i := range y {
		j := i % J
		group[i] = "g" + strconv.Itoa(j)
		x[0][i] = float64(j % 2)
		x[1][i] = rng.NormFloat64()
		y[i] = 1 + 0.5*x[0][i] + 0.3*x[1][i] + u[j] + rng.NormFloat64()
	}
	return y, x, group
}

var lmmSimNames = []string{"treat", "x"}

func TestLMMErrors(t *testing.T) {
	y, x, g := lmmSim(1, 60, 6, 0.5)
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
		{name: "Inf in x", y: y, x: [][]float64{x[0], func() []float64 { v := cp(x[1]); v[0] = math.Inf(-1); return v }()}, g: g, want: ErrDomain, msg: `x at observation 1`},
		{name: "level", y: y, x: x, g: g, opt: LMMOptions{Level: 1}, want: ErrDomain},
		{name: "one group", y: y, x: x, g: make([]string, 60), want: ErrTooFew, msg: "1 group"},
		{name: "groups of one", y: y, x: x, g: func() []string {
			v := make([]string, 60)
			for i := range v {
				v[i] = strconv.Itoa(i)
			}
			return v
		}(), want: ErrTooFew, msg: "single observation"},
		{name: "n ≤ p", y: y[:3], x: [][]float64{x[0][:3], x[1][:3]}, g: g[:3], want: ErrTooFew},
		{name: "no rows", y: []float64{}, x: [][]float64{{}, {}}, g: []string{}, opt: LMMOptions{Block: []string{}}, want: ErrTooFew},
		{name: "collinear", y: y, x: [][]float64{x[0], x[1], func() []float64 {
			v := cp(x[1])
			for i := range v {
				v[i] = 2*v[i] - x[0][i]
			}
			return v
		}()}, g: g, want: ErrSingular, msg: `"x2" is collinear`},
		{name: "constant", y: y, x: [][]float64{x[0], make([]float64, 60)}, g: g, want: ErrSingular, msg: `"x"`},
		{name: "block dummy equal to treat", y: y, x: x, g: g, opt: LMMOptions{Block: func() []string {
			v := make([]string, 60)
			for i := range v {
				v[i] = "b" + strconv.Itoa(int(x[0][i]))
			}
			return v
		}()}, want: ErrSingular, msg: `"block:b1"`},
		{name: "exact fit", y: func() []float64 {
			v := make([]float64, 60)
			for i := range v {
				v[i] = 2 + x[1][i]
			}
			return v
		}(), x: x, g: g, want: ErrZeroVariance},
		{name: "no variation within groups", y: func() []float64 {
			v := make([]float64, 60)
			for i := range v {
				v[i] = float64((i % 6) * (i % 6))
			}
			return v
		}(), x: x[:1], g: g, want: ErrNoConvergence, msg: "without bound"},
	}
	names := func(x [][]float64) []string { return []string{"treat", "x", "x2"}[:len(x)] }
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := LMM(c.y, names(c.x), c.x, c.g, c.opt)
			require.ErrorIs(t, err, c.want)
			assert.Contains(t, err.Error(), c.msg)
		})
	}
}

func TestLMMPanics(t *testing.T) {
	y, x, g := lmmSim(1, 40, 4, 0.5)
	assert.PanicsWithValue(t, "stats: group length mismatch", func() { _, _ = LMM(y, lmmSimNames, x, g[:39], LMMOptions{}) })
	assert.PanicsWithValue(t, "stats: slice length mismatch", func() { _, _ = LMM(y[:39], lmmSimNames, x, g[:39], LMMOptions{}) })
	assert.PanicsWithValue(t, "stats: names and columns length mismatch", func() { _, _ = LMM(y, lmmSimNames[:1], x, g, LMMOptions{}) })
	assert.PanicsWithValue(t, "stats: block length mismatch", func() { _, _ = LMM(y, lmmSimNames, x, g, LMMOptions{Block: g[:3]}) })
}

// On the boundary θ = 0 the REML fit is least squares: β̂ and its
// covariance are those of OLS with classical errors, and df = n - p.
func TestLMMSingularIsOLS(t *testing.T) {
	d := modelsReadCSVPath(t, "../testdata/lmm/singular.csv")
	x := []string{"treat", "x"}
	res, err := LMM(d.num["y"], x, d.cols(x...), d.labels("cluster"), LMMOptions{})
	require.NoError(t, err)
	require.True(t, res.Singular)
	require.Zero(t, res.Theta)
	ols, err := OLS(d.num["y"], x, d.cols(x...), OLSOptions{Cov: Classical})
	require.NoError(t, err)
	for k, c := range res.Coefficients {
		o := ols.Coefficients[k]
		assert.InDelta(t, o.Estimate, c.Estimate, 1e-12*math.Abs(o.Estimate), c.Name)
		assert.InDelta(t, o.SE, c.SE, 1e-12*o.SE, c.Name)
		assert.Equal(t, o.DF, math.Round(c.DF), c.Name)
		assert.InDelta(t, o.DF, c.DF, 1e-9, c.Name)
	}
}

// The model does not depend on the order of the rows, and the estimates
// scale with y while θ, the df and the p-values do not.
func TestLMMInvariance(t *testing.T) {
	y, x, g := lmmSim(2, 300, 25, 0.7)
	base, err := LMM(y, lmmSimNames, x, g, LMMOptions{})
	require.NoError(t, err)
	perm := rand.New(rand.NewPCG(9, 9)).Perm(len(y))
	py, pg := make([]float64, len(y)), make([]string, len(y))
	px := [][]float64{make([]float64, len(y)), make([]float64, len(y))}
	for i, k := range perm {
		py[i], pg[i], px[0][i], px[1][i] = y[k], g[k], x[0][k], x[1][k]
	}
	for _, scale := range []float64{1, 1e-6, 1e7} {
		sy := make([]float64, len(y))
		for i, v := range py {
			sy[i] = scale * v
		}
		res, err := LMM(sy, lmmSimNames, px, pg, LMMOptions{})
		require.NoError(t, err)
		for k, c := range res.Coefficients {
			b := base.Coefficients[k]
			assert.True(t, scalar.EqualWithinAbsOrRel(c.Estimate, scale*b.Estimate, 0, 1e-9), "scale %v %s estimate", scale, c.Name)
			assert.True(t, scalar.EqualWithinAbsOrRel(c.SE, scale*b.SE, 0, 1e-9), "scale %v %s se", scale, c.Name)
			assert.True(t, scalar.EqualWithinAbsOrRel(c.DF, b.DF, 0, 1e-9), "scale %v %s df %v, %v", scale, c.Name, c.DF, b.DF)
		}
		assert.True(t, scalar.EqualWithinAbsOrRel(res.Theta, base.Theta, 0, 1e-9), "scale %v theta", scale)
		assert.True(t, scalar.EqualWithinAbsOrRel(res.VarGroup, scale*scale*base.VarGroup, 0, 1e-9), "scale %v var", scale)
	}
}

// The result is the same to the last bit whatever the number of CPUs (the
// tall QR splits the rows into fixed blocks and reduces them in order).
func TestLMMSameOnAnyCPUs(t *testing.T) {
	y, x, g := lmmSim(3, 100_000, 500, 0.4)
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	one, err := LMM(y, lmmSimNames, x, g, LMMOptions{})
	require.NoError(t, err)
	runtime.GOMAXPROCS(max(prev, 4))
	many, err := LMM(y, lmmSimNames, x, g, LMMOptions{})
	require.NoError(t, err)
	assert.Equal(t, one, many)
}

// A group of one observation is allowed (unequal.csv has two, and agrees
// with lmer); with all but one group of size one, σ_u is still identified.
func TestLMMSingletonGroups(t *testing.T) {
	y, x, _ := lmmSim(4, 40, 4, 0.5)
	g := make([]string, len(y))
	for i := range g {
		g[i] = strconv.Itoa(i)
		if i < 10 {
			g[i] = "big"
		}
	}
	res, err := LMM(y, lmmSimNames[1:], x[1:], g, LMMOptions{})
	require.NoError(t, err)
	assert.Equal(t, 31, res.Groups)
	assert.True(t, res.VarGroup >= 0 && res.VarResidual > 0)
}

func TestLMMICC(t *testing.T) {
	r := &LMMResult{VarGroup: 1, VarResidual: 3}
	assert.Equal(t, 0.25, r.ICC())
}

// Data far from 1 in size give the fit of the data rescaled, with the
// log-likelihood moved by its Jacobian: for y times c and x times e,
// log L - n log c (ML) or log L - (n-p) log c - log e (REML).
func TestLMMExtremeScales(t *testing.T) {
	y, x, g := lmmSim(5, 80, 8, 0.6)
	for _, ml := range []bool{false, true} {
		base, err := LMM(y, lmmSimNames, x, g, LMMOptions{ML: ml})
		require.NoError(t, err)
		for _, sc := range []struct{ c, e float64 }{{1e150, 1}, {1e-150, 1}, {1, 1e150}, {1, 1e-150}, {1e-100, 1e100}, {2.5e-140, 1e-7}} {
			sy := make([]float64, len(y))
			sx := []float64{}
			for i, v := range y {
				sy[i] = v * sc.c
				sx = append(sx, x[1][i]*sc.e)
			}
			res, err := LMM(sy, lmmSimNames, [][]float64{x[0], sx}, g, LMMOptions{ML: ml})
			require.NoError(t, err, "y times %g, x times %g", sc.c, sc.e)
			near := func(what string, got, want float64) {
				t.Helper()
				assert.Truef(t, scalar.EqualWithinAbsOrRel(got, want, 0, 1e-12), "ML %v, y×%g, x×%g: %s = %v, want %v", ml, sc.c, sc.e, what, got, want)
			}
			unit := []float64{sc.c, sc.c, sc.c / sc.e}
			for k, co := range res.Coefficients {
				b := base.Coefficients[k]
				near(co.Name+" estimate", co.Estimate/unit[k], b.Estimate)
				near(co.Name+" se", co.SE/unit[k], b.SE)
				near(co.Name+" df", co.DF, b.DF)
				near(co.Name+" p", co.P, b.P)
			}
			near("theta", res.Theta, base.Theta)
			near("residual variance", res.VarResidual/sc.c/sc.c, base.VarResidual)
			shift := -float64(len(y)) * math.Log(sc.c)
			if !ml {
				shift = -float64(len(y)-3)*math.Log(sc.c) - math.Log(sc.e)
			}
			assert.InDeltaf(t, base.LogLik+shift, res.LogLik, 1e-9*math.Abs(shift), "ML %v, y×%g, x×%g: log-likelihood", ml, sc.c, sc.e)
		}
	}
}
