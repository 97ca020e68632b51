package pool

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/evalkit/evalkit/stats"
)

// twoSites is testdata/meta/two.csv, with a name holding a tab.
func twoSites(log bool) *Sites {
	return &Sites{Names: []string{"North\tend", "South"}, Estimate: []float64{0.45, -0.05}, SE: []float64{0.12, 0.15}, Log: log}
}

func writeText(t *testing.T, s *Sites, opt stats.PoolOptions) string {
	t.Helper()
	r, err := Pool(s, opt)
	require.NoError(t, err)
	var b strings.Builder
	require.NoError(t, r.WriteText(&b))
	return b.String()
}

func TestWriteTextRandomEffects(t *testing.T) {
	// The numbers are rma's on two.csv (stats/meta_ref_test.go, "two/REML").
	want := `Pooled effect of 2 sites: random effects, tau² by REML

site                 estimate      se             95% CI  weight
North end                0.45    0.12   0.2148 to 0.6852  51.62%
South                   -0.05    0.15    -0.344 to 0.244  48.38%
pooled                 0.2081  0.2499  -0.2816 to 0.6978
prediction interval                     -0.5976 to 1.014

test of no effect: z = 0.8328, p = 0.4049
heterogeneity: tau² = 0.1066 (se 0.1768), tau = 0.3264, I² = 85.24%, H² = 6.775
Q = 6.775 on 1 df, p = 0.009244
`
	assert.Equal(t, want, writeText(t, twoSites(false), stats.PoolOptions{}))
}

func TestWriteTextFixedEffectRatios(t *testing.T) {
	// rma(..., method = "EE") on two.csv, and exp of its numbers.
	want := `Pooled effect of 2 sites: fixed effect, ratios on the log scale

site                 log ratio      se             95% CI   ratio           95% CI  weight
North end                 0.45    0.12   0.2148 to 0.6852   1.568    1.24 to 1.984  60.98%
South                    -0.05    0.15    -0.344 to 0.244  0.9512  0.7089 to 1.276  39.02%
pooled                  0.2549  0.0937  0.07122 to 0.4385    1.29    1.074 to 1.55

test of no effect: z = 2.72, p = 0.006528
heterogeneity (tau² = 0 by assumption): I² = 85.24%, H² = 6.775
Q = 6.775 on 1 df, p = 0.009244
`
	assert.Equal(t, want, writeText(t, twoSites(true), stats.PoolOptions{Method: stats.PoolFE}))
}

func TestDisplayName(t *testing.T) {
	assert.Equal(t, "a b c", displayName("a\tb\nc"))
	long := strings.Repeat("x", 200)
	assert.Less(t, len(displayName(long)), 70)
}
