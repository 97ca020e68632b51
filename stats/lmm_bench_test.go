package stats

import (
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
)

// lmmBenchData makes n rows in J clusters (cluster i%J, labelled by its
// number), a treatment by cluster (every other cluster), a covariate, a
// cluster effect of SD 0.4 and a residual of SD 1.
func lmmBenchData(n, J int) (y []float64, x [][]float64, cluster []string) {
	rng := rand.New(rand.NewPCG(17, uint64(n)))
	u := make([]float64, J)
	for j := range u {
		u[j] = 0.4 * rng.NormFloat64()
	}
	x = [][]float64{make([]float64, n), make([]float64, n)}
	y = make([]float64, n)
	cluster = make([]string, n)
	labels := make([]string, J)
	for j := range labels {
		labels[j] = strconv.Itoa(j)
	}
	for i := range y {
		j := rng.IntN(J)
		cluster[i] = labels[j]
		x[0][i] = float64(j % 2)
		x[1][i] = rng.NormFloat64()
		y[i] = 1 + 0.2*x[0][i] + 0.5*x[1][i] + u[j] + rng.NormFloat64()
	}
	return y, x, cluster
}

var lmmBenchNames = []string{"treat", "x"}

// BenchmarkLMM fits y ~ treat + x + (1 | cluster) by REML with the
// Satterthwaite df. `go test ./stats -run XXX -bench LMM -benchtime 5x`; lmer's time
// on the n = 10⁶ data is measured by testdata/r/lmm_speed.R on the file that
// TestLMMBenchCSV writes.
func BenchmarkLMM(b *testing.B) {
	for _, size := range []struct{ n, J int }{{100, 10}, {10_000, 200}, {1_000_000, 2000}} {
		y, x, cluster := lmmBenchData(size.n, size.J)
		b.Run(fmt.Sprintf("n=%d/clusters=%d", size.n, size.J), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r, err := LMM(y, lmmBenchNames, x, cluster, LMMOptions{})
				if err != nil {
					b.Fatal(err)
				}
				olsBenchSink = r
			}
		})
	}
}

// TestLMMBenchCSV writes BenchmarkLMM's 10⁶ rows to the file named by
// EVALKIT_LMM_BENCH_CSV, for lmer (testdata/r/lmm_speed.R), and prints the
// fit to compare:
//
//	EVALKIT_LMM_BENCH_CSV=/tmp/lmm_bench.csv go test ./stats -run TestLMMBenchCSV -v
func TestLMMBenchCSV(t *testing.T) {
	path := os.Getenv("EVALKIT_LMM_BENCH_CSV")
	if path == "" {
		t.Skip("EVALKIT_LMM_BENCH_CSV not set")
	}
	y, x, cluster := lmmBenchData(1_000_000, 2000)
	fh, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(fh)
	_ = w.Write([]string{"y", "treat", "x", "cluster"})
	for i := range y {
		_ = w.Write([]string{strconv.FormatFloat(y[i], 'g', -1, 64), strconv.FormatFloat(x[0][i], 'g', -1, 64),
			strconv.FormatFloat(x[1][i], 'g', -1, 64), cluster[i]})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	if err := fh.Close(); err != nil {
		t.Fatal(err)
	}
	r, err := LMM(y, lmmBenchNames, x, cluster, LMMOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range r.Coefficients {
		t.Logf("%s %.17g se %.17g df %.17g", c.Name, c.Estimate, c.SE, c.DF)
	}
	t.Logf("theta %.17g var %.17g %.17g loglik %.17g", r.Theta, r.VarGroup, r.VarResidual, r.LogLik)
}
