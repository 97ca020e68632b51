package report

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/plot"

	"github.com/evalkit/evalkit/rct/pool"
	"github.com/evalkit/evalkit/stats"
)

// poolBCG pools testdata/meta/bcg.csv, metafor's dat.bcg as log risk
// ratios, drawn as ratios when log is set.
func poolBCG(t testing.TB, m stats.PoolMethod, log bool) *pool.Result {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", "meta", "bcg.csv"))
	require.NoError(t, err)
	defer f.Close()
	s, err := pool.ReadSites(f, "bcg.csv")
	require.NoError(t, err)
	s.Log = log
	r, err := pool.Pool(s, stats.PoolOptions{Method: m})
	require.NoError(t, err)
	return r
}

func TestPoolForestGolden(t *testing.T) {
	for _, c := range []struct {
		name string
		r    *pool.Result
	}{
		{"pool_bcg_reml", poolBCG(t, stats.PoolREML, false)},
		{"pool_bcg_ratio_dl", poolBCG(t, stats.PoolDL, true)},
		{"pool_bcg_ratio_fe", poolBCG(t, stats.PoolFE, true)},
	} {
		p, err := PoolForest(c.r)
		require.NoError(t, err)
		w, h := PoolForestSize(c.r)
		checkGolden(t, c.name, p, w, h)
	}
}

// poolForestLabels returns the plot's row labels, top to bottom.
func poolForestLabels(p *plot.Plot) []string {
	var labels []string
	for _, tk := range p.Y.Tick.Marker.Ticks(p.Y.Min, p.Y.Max) {
		labels = append(labels, tk.Label)
	}
	return labels
}

func TestPoolForestRows(t *testing.T) {
	p, err := PoolForest(poolBCG(t, stats.PoolREML, false))
	require.NoError(t, err)
	labels := poolForestLabels(p)
	require.Len(t, labels, 15)
	assert.Equal(t, "Aronson 1948", labels[0])
	assert.Equal(t, "Pooled, τ² = 0.313, I² = 92.2%", labels[13])
	assert.Equal(t, "Prediction interval", labels[14])
	assert.Equal(t, "13 sites pooled: random effects (REML)", p.Title.Text)
	assert.Equal(t, "estimate (95% CI)", p.X.Label.Text)
	assert.True(t, p.X.Min < -1.87 && p.X.Max > 1.88, "the axis holds every interval: %v to %v", p.X.Min, p.X.Max)

	p, err = PoolForest(poolBCG(t, stats.PoolFE, true))
	require.NoError(t, err)
	labels = poolForestLabels(p)
	require.Len(t, labels, 14, "no prediction interval for the fixed effect")
	assert.Equal(t, "Pooled, I² = 92.1%", labels[13])
	assert.Equal(t, "ratio (95% CI, log scale)", p.X.Label.Text)
	assert.IsType(t, plot.LogScale{}, p.X.Scale)
	assert.True(t, p.X.Min < 1 && p.X.Max > 1, "no effect, 1, on the axis")
}

func TestPoolForestSpecialCases(t *testing.T) {
	for _, c := range []struct {
		name  string
		sites pool.Sites
		want  []string
	}{
		{"interval beyond 1e100", pool.Sites{Names: []string{"wide", "b"}, Estimate: []float64{0, 1}, SE: []float64{1e100, 1}},
			[]string{"wide (interval open)", "b"}},
		{"estimate beyond 1e100", pool.Sites{Names: []string{"far", "b"}, Estimate: []float64{2e100, 0}, SE: []float64{1e50, 1e50}},
			[]string{"far (not estimable)", "b"}},
		{"ratio overflows", pool.Sites{Names: []string{"huge", "b"}, Estimate: []float64{800, 0}, SE: []float64{1, 1}, Log: true},
			[]string{"huge (not estimable)", "b"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := pool.Pool(&c.sites, stats.PoolOptions{Method: stats.PoolDL})
			require.NoError(t, err)
			p, err := PoolForest(r)
			require.NoError(t, err)
			assert.Equal(t, c.want, poolForestLabels(p)[:2])
			_, err = RenderPoolForest(r, "png")
			assert.NoError(t, err)
		})
	}
}

func TestRenderPoolForest(t *testing.T) {
	r := poolBCG(t, stats.PoolREML, false)
	png, err := RenderPoolForest(r, "png")
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(png), "\x89PNG"))
	svg, err := RenderPoolForest(r, "svg")
	require.NoError(t, err)
	assert.Contains(t, string(svg), "<svg")
	_, err = RenderPoolForest(r, "pdf")
	assert.EqualError(t, err, `report: plot format "pdf": want png or svg`)
}

func ExamplePoolForest() {
	s := &pool.Sites{Names: []string{"Reading", "Slough", "Oxford"}, Estimate: []float64{-0.3, -0.1, 0.05}, SE: []float64{0.1, 0.15, 0.12}, Log: true}
	r, err := pool.Pool(s, stats.PoolOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err := PoolForest(r)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Title.Text)
	fmt.Println(p.X.Label.Text)
	// Output:
	// 3 sites pooled: random effects (REML)
	// ratio (95% CI, log scale)
}

func TestPoolNumber(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{0.011952, "0.0120"}, {-1.5853, "-1.59"}, {123456, "123456"}, {0, "0"},
		{1.96e100, "1.96e+100"}, {-2e6, "-2e+06"}, {5e-5, "5e-05"}, {1e-200, "1e-200"},
		{math.NaN(), "undefined"}, {math.Inf(1), "undefined"},
	} {
		assert.Equal(t, c.want, poolNumber(c.v), "%v", c.v)
	}
}
