package main

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// analyse2BenchSink keeps the benchmarks' output alive.
var analyse2BenchSink int

// analyse2BenchFile writes a trial of n rows: 50 blocks, clusters of 50
// units randomised whole within blocks, a covariate x and an outcome y.
func analyse2BenchFile(b *testing.B, n int) string {
	b.Helper()
	r := rand.New(rand.NewPCG(1, uint64(n)))
	var buf bytes.Buffer
	buf.WriteString("block,cluster,arm,x,y\n")
	for i := 0; i < n; i++ {
		g := i / 50
		arm, t := "control", 0.0
		if g%2 == 1 {
			arm, t = "treatment", 1
		}
		x := r.NormFloat64()
		fmt.Fprintf(&buf, "b%02d,c%05d,%s,%.6f,%.6f\n", (g/2)%50, g, arm, x, 0.2*t+0.5*x+r.NormFloat64())
	}
	path := filepath.Join(b.TempDir(), "trial.csv")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkAnalyse2 runs the whole command on files of 1e2 to 1e6 rows:
// HC2 with a covariate and blocks, CR2 with clusters too, and 1,000
// re-randomisations.
func BenchmarkAnalyse2(b *testing.B) {
	for _, n := range []int{100, 10_000, 100_000, 1_000_000} {
		path := analyse2BenchFile(b, n)
		base := []string{"analyse", "--in", path, "--outcome", "y", "--covariates", "x", "--block", "block", "--json"}
		for _, c := range []struct {
			name string
			args []string
		}{
			{"hc2", base},
			{"cr2", append(base[:len(base):len(base)], "--cluster", "cluster")},
			{"ri1000", append(base[:len(base):len(base)], "--permutations", "1000", "--seed", "1")},
		} {
			if c.name == "ri1000" && n > 10_000 {
				continue
			}
			b.Run(fmt.Sprintf("%s/n=%d", c.name, n), func(b *testing.B) {
				for b.Loop() {
					var out bytes.Buffer
					if err := run(c.args, &out, io.Discard); err != nil {
						b.Fatal(err)
					}
					analyse2BenchSink += out.Len()
				}
			})
		}
	}
}
