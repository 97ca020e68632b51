package stats

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats/scalar"
)

// TestOddsRatioOneDefinition pins the two odds ratios of
// examples/focused_deterrence.csv (64 of 197 treated and 75 of 191 controls
// re-offended; rows with a missing outcome left out), from
// testdata/r/oddsratio_definition.R with R 4.2.2: OddsRatio is the
// contract's odds_ratio, the sample odds ratio, and what `evalkit analyse`
// reports; FisherExact's ConditionalOR is fisher.test's estimate, a
// different number.
func TestOddsRatioOneDefinition(t *testing.T) {
	or, err := OddsRatio(64, 197, 75, 191, 0.95)
	require.NoError(t, err)
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"odds_ratio", or.Estimate, 0.74426065162907262}, // R 4.2.2: (64/133)/(75/116)
		{"ci_low", or.Low, 0.49086469165903007},          // R 4.2.2: exp(log(or) - qnorm(0.975) * sqrt(1/64 + 1/133 + 1/75 + 1/116))
		{"ci_high", or.High, 1.1284655974972928},         // R 4.2.2: exp(log(or) + qnorm(0.975) * sqrt(1/64 + 1/133 + 1/75 + 1/116))
	} {
		assert.Truef(t, scalar.EqualWithinRel(c.got, c.want, 1e-12), "%s = %.17g, R %.17g", c.name, c.got, c.want)
	}
	f, err := FisherExact(64, 197, 75, 191, TwoSided)
	require.NoError(t, err)
	// R 4.2.2: E_ψ[X] = 64 solved to 1e-13 (testdata/r/oddsratio_definition.R);
	// fisher.test(matrix(c(64, 75, 133, 116), 2))$estimate = 0.74483900420836557,
	// uniroot's default tolerance.
	assert.InEpsilon(t, 0.74482936539862732, f.ConditionalOR, 1e-9)
	assert.InEpsilon(t, 0.74483900420836557, f.ConditionalOR, 2e-5)
	assert.Greater(t, f.ConditionalOR-or.Estimate, 5e-4, "the conditional MLE and the sample odds ratio differ in the fourth digit")
}
