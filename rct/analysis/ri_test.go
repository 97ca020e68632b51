package analysis

import (
	"fmt"
	"math"
	"runtime"
	"strings"
	"testing"

	"github.com/evalkit/evalkit/rct"
	"github.com/evalkit/evalkit/stats"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// riBenchCSV writes a trial of units in clusters of size (1: no
// clusters), in blocks, half the clusters of each block treated, with a
// covariate x and an outcome y.
func riBenchCSV(units, size, blocks int) string {
	r := rct.NewRand(7)
	var b strings.Builder
	b.WriteString("id,block,cluster,arm,x,y\n")
	for i := range units {
		g := i / size
		arm := "control"
		if g/blocks%2 == 1 {
			arm = "treatment"
		}
		x := r.Float64()
		fmt.Fprintf(&b, "u%d,b%d,c%d,%s,%.6f,%.6f\n", i, g%blocks, g, arm, x, x+r.Float64())
	}
	return b.String()
}

// The least-squares statistic from group totals gives the same p-values
// as re-fitting the treatment model on every draw, as before it (the
// treatment's coefficient of stats.TreatmentModel.Fit, re-randomised by
// units), with and without clusters, covariates and blocks.
func TestRILeastSquaresAsRefit(t *testing.T) {
	for _, c := range []struct {
		units, size, blocks int
		cols                Columns
	}{
		{300, 1, 6, Columns{Outcome: "y", Covariates: []string{"x"}, Block: "block"}},
		{300, 1, 1, Columns{Outcome: "y", Covariates: []string{"x"}}},
		{600, 6, 5, Columns{Outcome: "y", Block: "block", Cluster: "cluster"}},
		{600, 6, 5, Columns{Outcome: "y", Covariates: []string{"x"}, Block: "block", Cluster: "cluster"}},
		{600, 6, 1, Columns{Outcome: "y", Cluster: "cluster"}},
	} {
		name := fmt.Sprintf("%d units in %d blocks, clusters of %d, %+v", c.units, c.blocks, c.size, c.cols)
		src := riBenchCSV(c.units, c.size, c.blocks)
		d, err := ReadCSV(strings.NewReader(src), c.cols)
		require.NoError(t, err)
		const draws, seed = 3000, 9
		res, err := Analyse(d, Plan{Permutations: draws, Seed: seed})
		require.NoError(t, err)
		got := comparison(t, res, "treatment")
		require.True(t, got.Method.LeastSquares(), name)

		// Before: the units re-randomised, the model re-fitted each draw.
		rows := strings.Split(strings.TrimSpace(src), "\n")[1:]
		var y, x []float64
		var block, cluster []string
		var assign []int
		for _, r := range rows {
			f := strings.Split(r, ",")
			var xv, yv float64
			fmt.Sscan(f[4], &xv)
			fmt.Sscan(f[5], &yv)
			x, y = append(x, xv), append(y, yv)
			block, cluster = append(block, f[1]), append(cluster, f[2])
			a := 0
			if f[3] == "treatment" {
				a = 1
			}
			assign = append(assign, a)
		}
		var names []string
		var cov [][]float64
		if c.cols.Covariates != nil {
			names, cov = []string{"x"}, [][]float64{x}
		}
		var bl, cl []string
		if c.cols.Block != "" {
			bl = block
		}
		if c.cols.Cluster != "" {
			cl = cluster
		}
		tm, err := stats.NewTreatmentModel(y, names, cov, stats.OLSOptions{Cov: stats.HC0, Block: bl})
		require.NoError(t, err)
		p, err := rct.NewPermutations(assign, bl, cl)
		require.NoError(t, err)
		refit := func() rct.Statistic {
			return func(assign []int) float64 {
				treat := make([]bool, len(assign))
				for i, a := range assign {
					treat[i] = a == 1
				}
				f, err := tm.Fit(treat)
				if err != nil {
					return math.NaN()
				}
				return f.Estimate
			}
		}
		want, err := rct.RandomisationTest(p, refit, rct.RIOptions{Draws: draws, Seed: seed})
		require.NoError(t, err)
		assert.Equal(t, want.P, got.RIPValue, name)
		assert.InEpsilon(t, want.Observed, got.Estimate, 1e-10, name)

		// The same on one core.
		procs := runtime.GOMAXPROCS(1)
		res, err = Analyse(d, Plan{Permutations: draws, Seed: seed})
		runtime.GOMAXPROCS(procs)
		require.NoError(t, err)
		assert.Equal(t, want.P, comparison(t, res, "treatment").RIPValue, name+", one core")
	}
}

// Randomisation inference: exact enumeration equals R's enumeration
// (testdata/r/analyse2.R, R 4.2.2), sampling is within Monte Carlo error of
// it and reproducible for a seed.
func TestRandomisationInference(t *testing.T) {
	tiny := Columns{Outcome: "y", Covariates: []string{"x"}, Block: "block"}
	cluster := Columns{Outcome: "y", Block: "block", Cluster: "cluster"}
	// R: the share of the 4900 allocations with |T*| >= |T_obs|, T the
	// coefficient of treat in lm(y ~ treat + x + factor(block)).
	const exactTiny = 0.0016326530612244899
	// R: the same over the 36 allocations of whole clusters,
	// lm(y ~ treat + factor(block)).
	const exactCluster = 0.055555555555555552
	ri := func(file string, cols Columns, b int, seed uint64) Comparison {
		t.Helper()
		c := comparison(t, analyseFile(t, dataAnalyse2+file, cols, Plan{Permutations: b, Seed: seed}), "treatment")
		require.Falsef(t, math.IsNaN(c.RIPValue), "ri_p_value undefined: %q", c.Notes)
		return c
	}
	for _, c := range []struct {
		file string
		cols Columns
		b    int
		seed uint64
		want float64
	}{
		{"tiny_ri.csv", tiny, 4900, 1, exactTiny},
		{"tiny_ri.csv", tiny, 100000, 1, exactTiny},
		{"tiny_cluster.csv", cluster, 36, 5, exactCluster},
	} {
		got := ri(c.file, c.cols, c.b, c.seed)
		assert.Equal(t, c.want, got.RIPValue, "%s B=%d", c.file, c.b)
		assert.Contains(t, strings.Join(got.Notes, "\n"), "exact")
	}
	// Sampled: within 4 standard errors of the exact p (plus the 1/(1+B)
	// of the observed draw).
	const b = 2000
	for _, seed := range []uint64{1, 2, 3} {
		p := ri("tiny_ri.csv", tiny, b, seed).RIPValue
		tol := 4*math.Sqrt(exactTiny*(1-exactTiny)/b) + 1.0/(b+1)
		assert.InDelta(t, exactTiny, p, tol, "seed %d", seed)
		assert.Equal(t, p, ri("tiny_ri.csv", tiny, b, seed).RIPValue, "seed %d: not reproducible", seed)
	}
}

// Progress is reported for each comparison's re-randomisations, named.
func TestProgress(t *testing.T) {
	var named []string
	var done, total []int
	p := Plan{Permutations: 300, Seed: 2,
		Comparison: func(tr, c string) { named = append(named, tr+" vs "+c) },
		Progress:   func(d, n int) { done, total = append(done, d), append(total, n) }}
	analyseFile(t, dataAnalyse2+"awkward.csv", awkward(""), p)
	assert.Equal(t, []string{"navigator vs control", "phone vs control"}, named)
	require.NotEmpty(t, done)
	for i := range done {
		assert.Equal(t, 300, total[i])
		assert.True(t, done[i] >= 0 && done[i] <= 300, "done %d", done[i])
		if i > 0 && done[i] < done[i-1] {
			assert.Equal(t, 300, done[i-1], "a comparison's progress falls only after it is done")
		}
	}
	assert.Equal(t, 300, done[len(done)-1], "the last comparison reports it is done")
}

// The balance table against R (testdata/r/analyse2.R: (mean_t - mean_c) /
// sqrt((var_t + var_c) / 2) over the analysed rows).
func TestBalanceAgainstR(t *testing.T) {
	for _, c := range []struct {
		file string
		cols Columns
		want map[string]float64 // covariate/arm -> std_diff
	}{
		{"school_navigators.csv", Columns{Outcome: "attendance", Covariates: []string{"attendance_baseline"}, Cluster: "school", Block: "town"},
			map[string]float64{"attendance_baseline/treatment": 0.1896110187216819}},
		{"awkward.csv", awkward("cluster"), map[string]float64{
			"x1/navigator": -0.3771615050393845, "x1/phone": 0.027904317629336348,
			"x2/navigator": 0.3960528046463811, "x2/phone": -0.29692420752125032}},
	} {
		res := analyseFile(t, dataAnalyse2+c.file, c.cols, Plan{})
		require.Len(t, res.Balance, len(c.want))
		for _, b := range res.Balance {
			w := c.want[b.Covariate+"/"+b.Arm]
			assert.InEpsilon(t, w, b.StdDiff, 1e-9, "%s/%s", b.Covariate, b.Arm)
		}
	}
}

// ParsePermutations takes a whole number from 1 to rct.RIMaxDraws, or
// auto; more is too many (#21 H4), and a plan asking for more is refused.
func TestParsePermutations(t *testing.T) {
	for _, c := range []struct {
		in      string
		b       int
		auto    bool
		tooMany bool
		bad     bool
	}{
		{in: "2000", b: 2000},
		{in: "1", b: 1},
		{in: "10000000", b: 10_000_000},
		{in: "auto", auto: true},
		{in: "10000001", tooMany: true},
		{in: "1e18", tooMany: true},
		{in: "1000000000000000000", tooMany: true},
		{in: "99999999999999999999", tooMany: true},
		{in: "Inf", tooMany: true},
		{in: "0", bad: true},
		{in: "-5", bad: true},
		{in: "", bad: true},
		{in: "1e5", bad: true},
		{in: "2.5", bad: true},
		{in: "NaN", bad: true},
		{in: "-99999999999999999999", bad: true},
		{in: "Auto", bad: true},
	} {
		b, auto, err := ParsePermutations(c.in)
		switch {
		case c.tooMany:
			assert.ErrorIs(t, err, rct.ErrTooManyDraws, c.in)
			assert.ErrorContains(t, err, "auto draws until", c.in)
		case c.bad:
			assert.Error(t, err, c.in)
			assert.NotErrorIs(t, err, rct.ErrTooManyDraws, c.in)
		default:
			assert.NoError(t, err, c.in)
			assert.Equal(t, c.b, b, c.in)
			assert.Equal(t, c.auto, auto, c.in)
		}
	}
	d, err := ReadCSV(strings.NewReader(riBenchCSV(40, 1, 1)), Columns{Outcome: "y"})
	require.NoError(t, err)
	_, err = Analyse(d, Plan{Permutations: rct.RIMaxDraws + 1, Seed: 1})
	assert.ErrorIs(t, err, rct.ErrTooManyDraws)
}
