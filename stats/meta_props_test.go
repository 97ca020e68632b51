package stats

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// remlLogLik is the restricted log-likelihood of y_i ~ N(μ, se_i² + τ²),
// up to a constant, written out on the data as given.
func remlLogLik(y, se []float64, tau2 float64) float64 {
	sw, swy := 0.0, 0.0
	ll := 0.0
	for i := range y {
		v := se[i]*se[i] + tau2
		sw, swy = sw+1/v, swy+y[i]/v
		ll -= math.Log(v) / 2
	}
	mu := swy / sw
	for i := range y {
		ll -= (y[i] - mu) * (y[i] - mu) / (se[i]*se[i] + tau2) / 2
	}
	return ll - math.Log(sw)/2
}

// TestPoolREMLMaximises checks, without R, that the REML τ² is the largest
// restricted likelihood on a grid over [0, 3 τ̂² + 1].
func TestPoolREMLMaximises(t *testing.T) {
	for _, f := range []string{"bcg", "homogeneous", "two", "precise"} {
		_, y, se := readPoolCSV(t, f)
		r, err := Pool(y, se, PoolOptions{})
		require.NoError(t, err)
		best := remlLogLik(y, se, r.Tau2)
		for i := 0; i <= 3000; i++ {
			tau2 := (3*r.Tau2 + 1) * float64(i) / 3000
			assert.LessOrEqualf(t, remlLogLik(y, se, tau2), best+1e-12, "%s: ℓ(%g) > ℓ(τ̂² = %g)", f, tau2, r.Tau2)
		}
	}
}

// TestPoolTwoStudies checks that with k = 2 both estimators give the
// contrast's moment estimate max(0, ((y1 - y2)² - v1 - v2)/2): REML's
// restricted likelihood is that of y1 - y2 ~ N(0, v1 + v2 + 2τ²).
func TestPoolTwoStudies(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	zeros := 0
	for n := 0; n < 200; n++ {
		y := []float64{rng.NormFloat64(), rng.NormFloat64()}
		se := []float64{0.1 + rng.Float64(), 0.1 + rng.Float64()}
		d := y[0] - y[1]
		want := math.Max(0, (d*d-se[0]*se[0]-se[1]*se[1])/2)
		if want == 0 {
			zeros++
		}
		for _, m := range []PoolMethod{PoolREML, PoolDL} {
			r, err := Pool(y, se, PoolOptions{Method: m, PredictionT: true})
			require.NoError(t, err)
			assert.InDeltaf(t, want, r.Tau2, 1e-12*(1+want), "%v y=%v se=%v", m, y, se)
			assert.Equal(t, 1.0, r.PIDF, "k - 2 = 0 is raised to 1, as predict's pi.type = \"riley\"")
		}
	}
	assert.Greater(t, zeros, 10, "both branches of the max are exercised")
	assert.Less(t, zeros, 190)
}

// TestPoolHomogeneous checks the special values at τ² = 0 and of the
// fixed-effect model.
func TestPoolHomogeneous(t *testing.T) {
	_, y, se := readPoolCSV(t, "homogeneous")
	for _, m := range []PoolMethod{PoolREML, PoolDL} {
		r, err := Pool(y, se, PoolOptions{Method: m})
		require.NoError(t, err)
		assert.Zero(t, r.Tau2, "%v: exactly 0, not a small positive number", m)
		assert.Zero(t, r.I2)
		assert.Equal(t, 1.0, r.H2)
		assert.Equal(t, r.CILow, r.PILow)
		assert.Equal(t, r.CIHigh, r.PIHigh)
		assert.Equal(t, r.FixedEstimate, r.Estimate)
		assert.True(t, math.IsInf(r.PIDF, 1))
	}
	r, err := Pool(y, se, PoolOptions{Method: PoolFE})
	require.NoError(t, err)
	assert.True(t, math.IsNaN(r.Tau2SE) && math.IsNaN(r.PILow) && math.IsNaN(r.PIHigh) && math.IsNaN(r.PIDF))
	assert.Zero(t, r.Iterations)
	// Identical estimates: Q = 0, where metafor's FE I² is NaN (0/0).
	r, err = Pool([]float64{0.3, 0.3, 0.3}, []float64{0.1, 0.2, 0.3}, PoolOptions{Method: PoolFE})
	require.NoError(t, err)
	assert.Zero(t, r.Q)
	assert.Zero(t, r.I2)
	assert.Zero(t, r.H2)
	assert.Equal(t, 1.0, r.QP)
}

// TestPoolWeightsSumTo100 checks the percent weights on data with one
// dominant study, where tr(P) must keep its precision.
func TestPoolWeightsSumTo100(t *testing.T) {
	y := []float64{0.1, 0.5, -0.2, 0.9}
	se := []float64{1e-6, 0.3, 0.2, 0.4}
	for _, m := range []PoolMethod{PoolREML, PoolDL, PoolFE} {
		r, err := Pool(y, se, PoolOptions{Method: m})
		require.NoError(t, err)
		sum := 0.0
		for _, s := range r.Studies {
			sum += s.Weight
		}
		assert.InDelta(t, 100, sum, 1e-12, "%v", m)
		if m != PoolFE {
			assert.Greater(t, r.Tau2SE, 0.0, "%v", m)
		}
	}
}

// TestPoolREMLWhereRMAOscillates fits testdata/meta/extreme.csv, where one
// study's variance is 1e-77 of the others' and rma's Fisher scoring (step
// 1) swings between two values of τ² for ever, while the safeguarded
// iteration converges to the root that rma reaches with half steps.
func TestPoolREMLWhereRMAOscillates(t *testing.T) {
	_, y, se := readPoolCSV(t, "extreme")
	r, err := Pool(y, se, PoolOptions{})
	require.NoError(t, err)
	// R 4.2.2, metafor 3.8.1 (testdata/r/meta.R): rma(estimate, sei = se, data =
	// read.csv("testdata/meta/extreme.csv"), method = "REML", control =
	// list(threshold = 1e-12, maxiter = 1000, stepadj = 0.5)): tau2, beta, se.
	assert.InEpsilon(t, 0.0070312499950887274, r.Tau2, 1e-12)
	assert.InEpsilon(t, 0.11250000004365579, r.Estimate, 1e-12)
	assert.InEpsilon(t, 0.064951905268710114, r.SE, 1e-12)
	assert.Less(t, r.Iterations, 100)
	// rma's QE is 1.4399999993294479, its digits lost to cancellation;
	// Cochran's Q is 4 (d/0.1875)², d = 0.1875 - 4.3655745685100555e-11 the
	// distance of the four equal studies (se 0.1875) from μ̂_FE = 0.1875 (to
	// 1e-77).
	d := 0.1875 - 4.3655745685100555e-11
	assert.InEpsilon(t, 4*(d/0.1875)*(d/0.1875), r.Q, 1e-12)
}
