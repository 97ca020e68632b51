package benefits

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/stat/distuv"

	"github.com/evalkit/evalkit/rct/analysis"
	"github.com/evalkit/evalkit/stats"
)

// waldRatio is a negbin_glm rate ratio of 0.8 with the Wald interval of
// its log at 95%: exp(log 0.8 ± 1.959964 × 0.15) = 0.5962 to 1.0735.
func waldRatio() Effect {
	z := distuv.UnitNormal.Quantile(0.975)
	return Effect{Treatment: "patrol", Control: "control", Method: analysis.NegBinGLM, Measure: RateRatio, Estimate: 0.8,
		CILow: 0.8 * math.Exp(-z*0.15), CIHigh: 0.8 * math.Exp(z*0.15), Level: 0.95, SE: 0.15, DF: math.NaN()}
}

// The check: drawing the log rate ratio from N(log 0.8, 0.15²)
// gives crimes averted whose 2.5% and 97.5% quantiles estimate the
// analytic interval N(1 - CIHigh) to N(1 - CILow), so that each
// Monte Carlo bound lies within a few of its Monte Carlo standard errors
// of the analytic one. The seed is fixed, so the test is deterministic; a
// bound off by more than 4 standard errors fails it.
func TestSimulateAgreesWithAnalytic(t *testing.T) {
	r, err := Appraise(waldRatio(), Options{Crime: "violence_with_injury", Baseline: 100, Years: 3,
		Cost: &Cost{Amount: 100000, PriceYear: 2015}, Simulate: 20000, Seed: 2024})
	require.NoError(t, err)
	s := r.Simulation
	require.NotNil(t, s)
	assert.Equal(t, 20000, s.Draws)
	assert.False(t, s.SEFromCI)
	assert.Equal(t, 0.15, s.SE)
	for _, c := range []struct {
		name            string
		mc              Interval
		analyticLow, hi float64
	}{
		{"averted", s.Averted, r.AvertedLow, r.AvertedHigh},
		{"benefit", s.Benefit, r.BenefitLow, r.BenefitHigh},
		{"npv", s.NPV, r.NPVLow, r.NPVHigh},
	} {
		assert.Greater(t, c.mc.LowSE, 0.0, c.name)
		assert.Greater(t, c.mc.HighSE, 0.0, c.name)
		assert.LessOrEqual(t, math.Abs(c.mc.Low-c.analyticLow), 4*c.mc.LowSE, "%s low: %v vs %v (MC se %v)", c.name, c.mc.Low, c.analyticLow, c.mc.LowSE)
		assert.LessOrEqual(t, math.Abs(c.mc.High-c.hi), 4*c.mc.HighSE, "%s high: %v vs %v (MC se %v)", c.name, c.mc.High, c.hi, c.mc.HighSE)
	}
	// The Monte Carlo error of a 2.5% quantile of 20,000 normal draws is
	// about sqrt(0.025 × 0.975 / 20000) / φ(1.96) = 0.00110 / 0.0584 = 0.0189
	// standard deviations; on the log scale that is 0.0189 × 0.15 = 0.00284,
	// and at the upper bound of the rate ratio (1.0735) about
	// 100 × 1.0735 × 0.00284 = 0.30 crimes.
	assert.InDelta(t, 0.30, s.Averted.LowSE, 0.1)
	// P(NPV > 0) = P(averted > 100,000 / 14,050 = 7.1174 a year) =
	// P(RR < 1 - 0.071174 = 0.928826) = Φ((log 0.928826 - log 0.8) / 0.15)
	// = Φ((-0.073835 + 0.223144) / 0.15) = Φ(0.995393) = 0.84023; the
	// share of draws lies within 4 of its Monte Carlo errors of it.
	p := distuv.UnitNormal.CDF((math.Log(1-100000.0/(100*14050)) - math.Log(0.8)) / 0.15)
	assert.InDelta(t, 0.84023, p, 5e-5)
	assert.LessOrEqual(t, math.Abs(s.PNPVPositive-p), 4*s.PNPVPositiveSE)
}

func TestSimulateReproducible(t *testing.T) {
	opt := Options{Crime: "violence_with_injury", Baseline: 100, Simulate: 1000, Seed: 7}
	a, err := Appraise(waldRatio(), opt)
	require.NoError(t, err)
	b, err := Appraise(waldRatio(), opt)
	require.NoError(t, err)
	assert.Equal(t, a.Simulation.Averted, b.Simulation.Averted)
	assert.Equal(t, a.Simulation.Benefit, b.Simulation.Benefit)
	opt.Seed = 8
	c, err := Appraise(waldRatio(), opt)
	require.NoError(t, err)
	assert.NotEqual(t, a.Simulation.Averted, c.Simulation.Averted)
	// Without a cost there is no NPV.
	for _, x := range []float64{a.Simulation.NPV.Low, a.Simulation.NPV.High, a.Simulation.NPV.LowSE, a.Simulation.NPV.HighSE} {
		assert.True(t, math.IsNaN(x))
	}
	assert.True(t, math.IsNaN(a.Simulation.PNPVPositive))
}

// A method without a standard error (poisson_exact's exact interval, or
// Newcombe's for a risk difference): the SE is taken from the interval's
// width, (log 1.0735 - log 0.5962) / (2 × 1.959964) = 0.15 for the
// Wald interval of waldRatio.
func TestSimulateSEFromInterval(t *testing.T) {
	e := waldRatio()
	e.Method, e.SE = analysis.PoissonExact, math.NaN()
	r, err := Appraise(e, Options{Crime: "violence_with_injury", Baseline: 100, Simulate: 1000, Seed: 1})
	require.NoError(t, err)
	assert.True(t, r.Simulation.SEFromCI)
	assert.InDelta(t, 0.15, r.Simulation.SE, 1e-12)
	assert.Contains(t, r.Warnings[len(r.Warnings)-1], "poisson_exact gives no standard error")

	e.CIHigh = math.Inf(1)
	_, err = Appraise(e, Options{Crime: "violence_with_injury", Baseline: 100, Simulate: 1000, Seed: 1})
	assert.ErrorIs(t, err, ErrEffect)
}

// A linear probability model's risk difference with a t interval of 10
// df: RD -0.1, SE 0.04, CI -0.1 ± t(10, 0.975) × 0.04 = -0.1 ± 2.228139 ×
// 0.04. The draws are from the t, so that their interval estimates the
// analytic one: 500 × (0.1 ± 0.0891256) = 5.44 to 94.56 crimes.
func TestSimulateStudentT(t *testing.T) {
	q := stats.CentralTUpperQuantile(0.025, 10)
	assert.InDelta(t, 2.228139, q, 5e-7)
	e := Effect{Treatment: "navigators", Control: "control", Method: analysis.OLSCR2, Measure: RiskDifference,
		Estimate: -0.1, CILow: -0.1 - q*0.04, CIHigh: -0.1 + q*0.04, Level: 0.95, SE: 0.04, DF: 10}
	r, err := Appraise(e, Options{Crime: "robbery", Baseline: 500, Simulate: 20000, Seed: 3})
	require.NoError(t, err)
	assert.InDelta(t, 5.44, r.AvertedLow, 0.005)
	assert.InDelta(t, 94.56, r.AvertedHigh, 0.005)
	s := r.Simulation.Averted
	assert.LessOrEqual(t, math.Abs(s.Low-r.AvertedLow), 4*s.LowSE)
	assert.LessOrEqual(t, math.Abs(s.High-r.AvertedHigh), 4*s.HighSE)
	// Normal draws would give the narrower 500 × (0.1 ± 1.959964 × 0.04)
	// = 10.80 to 89.20, many Monte Carlo errors inside the t interval.
	assert.Greater(t, 10.80-s.Low, 10*s.LowSE)
}

func TestQuantile7(t *testing.T) {
	x := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	// R: quantile(1:10, c(0, 0.025, 0.25, 0.5, 0.975, 1)) = 1, 1.225, 3.25, 5.5, 9.775, 10
	for _, tc := range [][2]float64{{0, 1}, {0.025, 1.225}, {0.25, 3.25}, {0.5, 5.5}, {0.975, 9.775}, {1, 10}} {
		assert.InDelta(t, tc[1], quantile7(x, tc[0]), 1e-12, "p = %v", tc[0])
	}
	// The Monte Carlo error of the median of 1..10: n p = 5, sqrt(10 ×
	// 0.25) = 1.58, so x[3] to x[7] (indices floor(3.42) and ceil(6.58)):
	// (8 - 4) / 2 = 2.
	assert.Equal(t, 2.0, quantileSE(x, 0.5))
}
