package stats

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats/scalar"
)

// Reference values: R 4.2.2, by testdata/r/lmm_icc.R on testdata/lmm/*.csv: the
// factor(cluster) and Residuals lines of anova(lm(...)), Donner's n0 from table(cluster),
// and Searle's interval by hand with qf. Sums of squares and qf are exact in R to
// rounding, so the tolerance is 1e-10 relative.
var iccANOVACases = []struct {
	name, file, form string
	cell             func(d modelsTestData) []string
	msb, msw, f      float64
	df1, df2         float64
	n0               float64
	ci95, ci90       [2]float64
}{
	{name: "balanced", file: "balanced.csv", form: "anova(lm(y ~ factor(cluster)))",
		msb: 5.0492609411026361, msw: 1.1773100610388905, f: 4.2888115104079132, df1: 19, df2: 180, n0: 10,
		ci95: [2]float64{0.12087761183849692, 0.45506908607051616}, ci90: [2]float64{0.13850769476885988, 0.41878312538684009}},
	{name: "unequal", file: "unequal.csv", form: "anova(lm(y ~ factor(cluster)))",
		msb: 47.954396355381498, msw: 9.1156801503862095, f: 5.2606492948691033, df1: 17, df2: 408, n0: 22.288041977354322,
		ci95: [2]float64{0.078849000849145021, 0.32903536481724782}, ci90: [2]float64{0.08955792534336092, 0.29646897279521506}},
	// cell = interaction(treat, block): the clusters within their arm-by-block cells.
	{name: "blocks", file: "blocks.csv", form: "anova(lm(y ~ factor(cell) + factor(cluster)))",
		cell: func(d modelsTestData) []string {
			c := make([]string, len(d.labels("block")))
			for i, b := range d.labels("block") {
				c[i] = d.labels("treat")[i] + "|" + b
			}
			return c
		},
		msb: 4.1601099792996408, msw: 1.5831203652139325, f: 2.6277913358391234, df1: 24, df2: 321, n0: 9.8930772308923558,
		ci95: [2]float64{0.053559485452803923, 0.29604784295263936}, ci90: [2]float64{0.065540503340919334, 0.26740273290502475}},
	{name: "arms", file: "arms.csv", form: "anova(lm(y ~ factor(arm) + factor(cluster)))",
		cell: func(d modelsTestData) []string { return d.labels("arm") },
		msb:  10.052745579413623, msw: 3.7312214341682171, f: 2.6942237968931031, df1: 21, df2: 198, n0: 9.219349784567175,
		ci95: [2]float64{0.054423650845360751, 0.33387803345061878}, ci90: [2]float64{0.068117349552619055, 0.30102844944075935}},
	{name: "singular", file: "singular.csv", form: "anova(lm(y ~ factor(cluster)))",
		msb: 3.0515207682872587, msw: 1.2184048777053833, f: 2.5045211358921797, df1: 14, df2: 195, n0: 13.903401360544219,
		ci95: [2]float64{0.020782019631530254, 0.27711512785092846}, ci90: [2]float64{0.030478465425505946, 0.24079106594132324}},
}

const iccTol = 1e-10

func iccNear(t *testing.T, what string, got, want float64) {
	t.Helper()
	assert.Truef(t, scalar.EqualWithinAbsOrRel(got, want, 0, iccTol), "%s = %.17g, want %.17g", what, got, want)
}

func TestClusterANOVAAgainstR(t *testing.T) {
	for _, c := range iccANOVACases {
		t.Run(c.name, func(t *testing.T) {
			d := modelsReadCSVPath(t, "../testdata/lmm/"+c.file)
			var cell []string
			if c.cell != nil {
				cell = c.cell(d)
			}
			a, err := ClusterANOVA(d.num["y"], d.labels("cluster"), cell)
			require.NoError(t, err)
			iccNear(t, "MSBetween", a.MSBetween, c.msb)
			iccNear(t, "MSWithin", a.MSWithin, c.msw)
			iccNear(t, "F", a.F, c.f)
			iccNear(t, "N0", a.N0, c.n0)
			assert.Equal(t, c.df1, a.DF1)
			assert.Equal(t, c.df2, a.DF2)
			assert.Equal(t, len(d.num["y"]), a.N)
			assert.Equal(t, int(c.df2), a.N-a.Clusters)
			for _, l := range []struct {
				level float64
				want  [2]float64
			}{{0.95, c.ci95}, {0.9, c.ci90}} {
				lo, hi, err := SearleICCInterval(a.F, a.DF1, a.DF2, a.N0, l.level)
				require.NoError(t, err)
				iccNear(t, "low", lo, l.want[0])
				iccNear(t, "high", hi, l.want[1])
			}
		})
	}
}

// searle(F, df1, df2, n0, level) of testdata/r/lmm_icc.R, R 4.2.2.
func TestSearleICCIntervalAgainstR(t *testing.T) {
	for _, c := range []struct {
		f, df1, df2, n0, level float64
		low, high              float64
	}{
		{2.5, 19, 180, 10, 0.95, 0.037017507986352803, 0.30799591177972602},
		{0.4, 19, 180, 10, 0.95, -0.084421713572445906, -0.012953131208830718},
		{30, 3, 8, 3.5, 0.99, 0.37790472781389439, 0.99736101433546409},
		{1, 1, 1, 2, 0.5, -0.70710678118654757, 0.70710678118654746},
		{5, 200, 1e5, 50, 0.95, 0.059221771517644607, 0.093320986863690406},
		{0, 4, 20, 5, 0.95, -0.25, -0.25},
	} {
		lo, hi, err := SearleICCInterval(c.f, c.df1, c.df2, c.n0, c.level)
		require.NoError(t, err)
		iccNear(t, "low", lo, c.low)
		iccNear(t, "high", hi, c.high)
	}
}

// qf of R 4.2.2 (testdata/r/lmm_icc.R), and for F(2, 3), whose distribution function
// 1 - (1 + 2x/3)^(-3/2) inverts in closed form, that form: there R's
// qf(1e-10, 2, 3) = 1.000000082740371e-10 is 8e-9 off (qbeta's precision near 0), and
// qf(1 - 1e-10, 2, 3) loses digits to 1 - p; qf(1e-10, 2, 3, lower.tail = FALSE) =
// 6962381.7504191622 agrees with the closed form.
func TestICCFQuantiles(t *testing.T) {
	iccNear(t, "qf(0.025, 19, 180)", iccFLower(0.025, 19, 180), 0.45864981338915084)
	iccNear(t, "qf(0.975, 19, 180)", iccFUpper(0.025, 19, 180), 1.8058302190372426)
	iccNear(t, "qf(0.5, 1e4, 1e4)", iccFLower(0.5, 1e4, 1e4), 1)
	for _, p := range []float64{1e-10, 1e-3, 0.3, 0.9} {
		lower := 1.5 * math.Expm1(-2.0/3*math.Log1p(-p))
		upper := 1.5 * math.Expm1(-2.0/3*math.Log(p))
		iccNear(t, "F(2, 3) lower quantile", iccFLower(p, 2, 3), lower)
		iccNear(t, "F(2, 3) upper quantile", iccFUpper(p, 2, 3), upper)
	}
	iccNear(t, "qf(1e-10, 2, 3, lower.tail = FALSE)", iccFUpper(1e-10, 2, 3), 6962381.7504191622)
}

func TestClusterANOVAErrors(t *testing.T) {
	y := []float64{1, 2, 3, 4, 5, 6}
	for _, c := range []struct {
		name          string
		y             []float64
		cluster, cell []string
		want          error
		msg           string
	}{
		{"NaN", []float64{1, math.NaN(), 3, 4, 5, 6}, []string{"a", "a", "b", "b", "c", "c"}, nil, ErrDomain, "observation 2"},
		{"cluster across cells", y, []string{"a", "a", "b", "b", "c", "c"}, []string{"x", "y", "y", "y", "x", "x"}, ErrDomain, `cluster "a"`},
		{"one cluster per cell", y, []string{"a", "a", "b", "b", "c", "c"}, []string{"x", "x", "y", "y", "z", "z"}, ErrTooFew, ""},
		{"clusters of one", y, []string{"a", "b", "c", "d", "e", "f"}, nil, ErrTooFew, ""},
		{"one cluster", y, []string{"a", "a", "a", "a", "a", "a"}, nil, ErrTooFew, ""},
		{"no variation within", []float64{1, 1, 2, 2, 3, 3}, []string{"a", "a", "b", "b", "c", "c"}, nil, ErrZeroVariance, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ClusterANOVA(c.y, c.cluster, c.cell)
			require.ErrorIs(t, err, c.want)
			assert.Contains(t, err.Error(), c.msg)
		})
	}
	assert.Panics(t, func() { _, _ = ClusterANOVA(y, []string{"a"}, nil) })
	assert.Panics(t, func() { _, _ = ClusterANOVA(y, []string{"a", "a", "b", "b", "c", "c"}, []string{"x"}) })
}

func TestSearleICCIntervalErrors(t *testing.T) {
	for _, c := range []struct {
		name                   string
		f, df1, df2, n0, level float64
	}{
		{"level 0", 2, 3, 30, 5, 0},
		{"level 1", 2, 3, 30, 5, 1},
		{"negative F", -1, 3, 30, 5, 0.95},
		{"NaN F", math.NaN(), 3, 30, 5, 0.95},
		{"infinite F", math.Inf(1), 3, 30, 5, 0.95},
		{"df1 0", 2, 0, 30, 5, 0.95},
		{"df2 NaN", 2, 3, math.NaN(), 5, 0.95},
		{"n0 1", 2, 3, 30, 1, 0.95},
	} {
		_, _, err := SearleICCInterval(c.f, c.df1, c.df2, c.n0, c.level)
		assert.ErrorIs(t, err, ErrDomain, c.name)
	}
}
