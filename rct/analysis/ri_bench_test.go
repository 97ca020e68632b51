package analysis

import (
	"strings"
	"testing"

	"github.com/evalkit/evalkit/internal/cputime"
)

// riBenchResult keeps the benchmarks' results live.
var riBenchResult float64

// BenchmarkRI times randomisation inference of 1e5 draws (-benchtime 1x;
// -short makes it 1e4), in wall and CPU time (cpu-ns/op): at unit level,
// n = 1000, without covariates (welch_t) and with a covariate and 10
// blocks (ols_hc2), and 200 clusters of 25 units, without and with the
// covariate and blocks (ols_cr2).
func BenchmarkRI(b *testing.B) {
	draws := 100_000
	if testing.Short() {
		draws = 10_000
	}
	for _, c := range []struct {
		name                string
		units, size, blocks int
		covariates          []string
		block, cluster      string
	}{
		{"units=1000", 1000, 1, 1, nil, "", ""},
		{"units=1000/cov+blocks", 1000, 1, 10, []string{"x"}, "block", ""},
		{"clusters=200", 5000, 25, 1, nil, "", "cluster"},
		{"clusters=200/cov+blocks", 5000, 25, 10, []string{"x"}, "block", "cluster"},
	} {
		cols := Columns{Outcome: "y", Covariates: c.covariates, Block: c.block, Cluster: c.cluster}
		d, err := ReadCSV(strings.NewReader(riBenchCSV(c.units, c.size, c.blocks)), cols)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) {
			cpu := cputime.Process()
			for b.Loop() {
				res, err := Analyse(d, Plan{Permutations: draws, Seed: 1})
				if err != nil {
					b.Fatal(err)
				}
				riBenchResult = res.Comparisons[0].RIPValue
			}
			b.ReportMetric(float64(cputime.Process()-cpu)/float64(b.N), "cpu-ns/op")
		})
	}
}
