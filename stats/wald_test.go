package stats

import (
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/mat"
)

// Reference values: R 4.2.2, estimatr 1.0.0, car 3.1-1:
// car::linearHypothesis(lm_robust(...), terms, test = "Chisq") on
// testdata/models/iv.csv (testdata/r/iv.R): the statistic, df and p.
func TestWaldAgainstR(t *testing.T) {
	d := ivTestData(t)
	for _, tc := range []struct {
		name    string
		x       []string
		block   bool
		cluster bool
		cov     CovType
		terms   []string
		want    [3]float64
	}{
		// lm_robust(y ~ treat * female + x, se_type = "HC2"), terms treat:female and x
		{"HC2 treat:female, x", []string{"treat", "female", "x", "tf"}, false, false, HC2, []string{"tf", "x"},
			[3]float64{82.55502333252123, 2, 1.1841438306012045e-18}},
		// lm_robust(y ~ treat * female + x + factor(town), se_type = "HC2"), treat:female
		{"HC2 block treat:female", []string{"treat", "female", "x", "tf"}, true, false, HC2, []string{"tf"},
			[3]float64{0.45378993205751239, 1, 0.50054064922309049}},
		// lm_robust(y ~ treat * female + x, clusters = school, se_type = "CR2"), treat and treat:female
		{"CR2 treat, treat:female", []string{"treat", "female", "x", "tf"}, false, true, CR2, []string{"treat", "tf"},
			[3]float64{1.8701645799964783, 2, 0.39255356097052452}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opt := OLSOptions{Cov: tc.cov}
			if tc.block {
				opt.Block = d.labels("town")
			}
			if tc.cluster {
				opt.Cluster = d.labels("school")
			}
			fit, err := OLS(d.num["y"], tc.x, d.cols(tc.x...), opt)
			require.NoError(t, err)
			w, err := fit.Wald(tc.terms...)
			require.NoError(t, err)
			require.Truef(t, scalar.EqualWithinRel(w.Statistic, tc.want[0], 1e-9), "W %.17g, R %.17g", w.Statistic, tc.want[0])
			require.Equal(t, tc.want[1], w.DF)
			require.Truef(t, scalar.EqualWithinRel(w.P, tc.want[2], 1e-8), "p %.17g, R %.17g", w.P, tc.want[2])
		})
	}
}

// With one coefficient, W is the square of its z statistic and p the
// two-sided normal p-value.
func TestWaldOneCoefficient(t *testing.T) {
	w, err := Wald([]float64{1.5}, mat.NewSymDense(1, []float64{0.25}))
	require.NoError(t, err)
	require.InDelta(t, 9, w.Statistic, 1e-12)
	require.InDelta(t, math.Erfc(3/math.Sqrt2), w.P, 1e-12)
}

func TestWaldErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		b    []float64
		v    []float64
		want error
	}{
		{"zero variance", []float64{1, 2}, []float64{1, 0, 0, 0}, ErrSingular},
		{"collinear", []float64{1, 2}, []float64{1, 2, 2, 4}, ErrSingular},
		{"not positive", []float64{1, 2}, []float64{1, 2, 2, 1}, ErrSingular},
		{"NaN estimate", []float64{math.NaN(), 2}, []float64{1, 0, 0, 1}, ErrDomain},
		{"Inf covariance", []float64{1, 2}, []float64{math.Inf(1), 0, 0, 1}, ErrDomain},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Wald(tc.b, mat.NewSymDense(2, tc.v))
			require.Truef(t, errors.Is(err, tc.want), "%v", err)
		})
	}
	require.Panics(t, func() { _, _ = Wald(nil, mat.NewSymDense(1, nil)) })
	require.Panics(t, func() { _, _ = Wald([]float64{1}, mat.NewSymDense(2, nil)) })
	fit, err := OLS([]float64{1, 2, 4, 3}, []string{"x"}, [][]float64{{1, 2, 3, 4}}, OLSOptions{})
	require.NoError(t, err)
	require.PanicsWithValue(t, `stats: no coefficient "z"`, func() { _, _ = fit.Wald("z") })
}
