package analysis

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"
)

// benchTrialCSV writes a continuous trial of n rows shaped as
// cmd/evalkit/testdata/analyse/bench_1e6.sh's: id, arm and score columns.
func benchTrialCSV(n int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	var b bytes.Buffer
	b.WriteString("id,arm,score\n")
	for i := range n {
		arm, mu := "control", 50.0
		if r.IntN(2) == 1 {
			arm, mu = "treatment", 50.5
		}
		fmt.Fprintf(&b, "U%07d,%s,%.3f\n", i+1, arm, mu+10*r.NormFloat64())
	}
	return b.Bytes()
}

// benchBlocksCSV writes n rows with 50 blocks and a covariate, as
// testdata/r/analyse2_speed.R's blocks.csv.
func benchBlocksCSV(n int) []byte {
	r := rand.New(rand.NewPCG(3, 4))
	var b bytes.Buffer
	b.WriteString("block,arm,x,y\n")
	for range n {
		k := r.IntN(50)
		arm, t := "control", 0.0
		if r.IntN(2) == 1 {
			arm, t = "treatment", 1
		}
		x := r.NormFloat64()
		fmt.Fprintf(&b, "b%02d,%s,%.6f,%.6f\n", k+1, arm, x, 1+0.1*t+0.5*x+float64(k+1)/50+r.NormFloat64())
	}
	return b.Bytes()
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
	}{
		{"continuous", benchTrialCSV, Columns{Outcome: "score"}},
		{"hc2_blocks", benchBlocksCSV, Columns{Outcome: "y", Covariates: []string{"x"}, Block: "block"}},
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
					if benchAnalysis, err = Analyse(d, Plan{}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
