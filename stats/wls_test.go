package stats

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWLSMatchesLmRobust(t *testing.T) {
	d := readMatchData(t)
	w := make([]float64, len(d.y))
	nav := make([]float64, len(d.y))
	for i := range w {
		w[i] = 0.5 + float64((i+1)%7)/4
		if d.treat[i] {
			nav[i] = 1
		}
	}
	// testdata/r/match.out: lm_robust(exclusions ~ navigator + age + fsm,
	// weights = w, se_type = S), estimatr 1.0.0
	rows := readMatchReference(t)[6].all["wls"]
	require.Len(t, rows, 5)
	for _, row := range rows {
		cov := map[string]CovType{"classical": Classical, "HC0": HC0, "HC1": HC1, "HC2": HC2, "HC3": HC3}[row[0]]
		fit, err := WLS(d.y, w, []string{"navigator", "age", "fsm"}, [][]float64{nav, d.x[0], d.x[2]}, OLSOptions{Cov: cov})
		require.NoError(t, err)
		for k, v := range []float64{fit.Coefficients[1].Estimate, fit.Coefficients[1].SE, fit.Coefficients[2].SE, fit.Coefficients[1].DF} {
			didClose(t, row[0], v, matchNum(t, row[1+k]), 0, 1e-9)
		}
	}
}

func TestWLSErrors(t *testing.T) {
	y := []float64{1, 2, 3, 4}
	x := [][]float64{{0, 1, 0, 1}}
	_, err := WLS(y, []float64{1, 0, 1, 1}, []string{"t"}, x, OLSOptions{})
	assert.ErrorIs(t, err, ErrDomain)
	_, err = WLS(y, []float64{1, 1, 1, 1}, []string{"t"}, [][]float64{{1, 1, 1, 1}}, OLSOptions{})
	assert.ErrorIs(t, err, ErrSingular)
	assert.Panics(t, func() {
		WLS(y, []float64{1, 1, 1, 1}, []string{"t"}, x, OLSOptions{Cov: CR2, Cluster: []string{"a", "a", "b", "b"}})
	})
}
