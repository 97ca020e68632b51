package analysis

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// benchCSV writes a CSV file of the header and n rows, row i written by
// row from a generator seeded with seed.
func benchCSV(header string, n int, seed uint64, row func(r *rand.Rand, b *bytes.Buffer, i int)) []byte {
	r := rand.New(rand.NewPCG(seed, seed+1))
	var b bytes.Buffer
	b.WriteString(header + "\n")
	for i := range n {
		row(r, &b, i)
	}
	return b.Bytes()
}

// randomArm returns control or treatment with equal chances, and 1 for
// treatment.
func randomArm(r *rand.Rand) (string, float64) {
	if r.IntN(2) == 1 {
		return "treatment", 1
	}
	return "control", 0
}

// benchTrialCSV writes a continuous trial of n rows shaped as
// cmd/evalkit/testdata/analyse/bench_1e6.sh's: id, arm and score columns.
func benchTrialCSV(n int) []byte {
	return benchCSV("id,arm,score", n, 1, func(r *rand.Rand, b *bytes.Buffer, i int) {
		arm, t := randomArm(r)
		fmt.Fprintf(b, "U%07d,%s,%.3f\n", i+1, arm, 50+0.5*t+10*r.NormFloat64())
	})
}

// benchBlocksCSV writes n rows with 50 blocks and a covariate, as
// testdata/r/analyse2_speed.R's blocks.csv.
func benchBlocksCSV(n int) []byte {
	return benchCSV("block,arm,x,y", n, 3, func(r *rand.Rand, b *bytes.Buffer, _ int) {
		k := r.IntN(50) + 1
		arm, t := randomArm(r)
		x := r.NormFloat64()
		fmt.Fprintf(b, "b%02d,%s,%.6f,%.6f\n", k, arm, x, 1+0.1*t+0.5*x+float64(k)/50+r.NormFloat64())
	})
}

// benchCountsCSV writes n rows of counts with 20 blocks, a covariate and
// an exposure, as testdata/bench.sh's counts.csv: y is Poisson with a
// gamma-distributed rate, a negative binomial of size 2.
func benchCountsCSV(n int) []byte {
	return benchCSV("arm,area,x,y,weeks", n, 5, func(r *rand.Rand, b *bytes.Buffer, _ int) {
		arm, t := randomArm(r)
		x := poisson(r, 5)
		mu := math.Exp(0.5 + 0.1*t + 0.05*float64(x))
		g := (r.ExpFloat64() + r.ExpFloat64()) / 2 // gamma(2, 1/2): mean 1
		fmt.Fprintf(b, "%s,a%02d,%d,%d,26\n", arm, r.IntN(20)+1, x, poisson(r, mu*g))
	})
}

// poisson draws a Poisson variate of mean mu by Knuth's method.
func poisson(r *rand.Rand, mu float64) int {
	l, k, p := math.Exp(-mu), 0, r.Float64()
	for p > l {
		k++
		p *= r.Float64()
	}
	return k
}

// benchAnalysis keeps the last result so that the work is not removed.
var benchAnalysis *Result

// BenchmarkReadAnalyse reads a generated trial with ReadCSV and analyses
// it, as evalkit analyse does; run with -benchmem or -memprofile to see the
// memory that reading and analysing take.
func BenchmarkReadAnalyse(b *testing.B) {
	for _, c := range []struct {
		name string
		data func(int) []byte
		cols Columns
		plan Plan
	}{
		{"continuous", benchTrialCSV, Columns{Outcome: "score"}, Plan{}},
		{"hc2_blocks", benchBlocksCSV, Columns{Outcome: "y", Covariates: []string{"x"}, Block: "block"}, Plan{}},
		{"negbin_blocks", benchCountsCSV, Columns{Outcome: "y", Exposure: "weeks", Covariates: []string{"x"}, Block: "area"}, Plan{Type: Count}},
	} {
		for _, n := range []int{1e4, 1e6} {
			data := c.data(n)
			b.Run(fmt.Sprintf("%s/n=%d", c.name, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					d, err := ReadCSV(bytes.NewReader(data), c.cols)
					if err != nil {
						b.Fatal(err)
					}
					if benchAnalysis, err = Analyse(d, c.plan); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
