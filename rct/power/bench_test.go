package power

import (
	"fmt"
	"testing"
)

// benchSink keeps benchmark results alive.
var benchSink float64

func BenchmarkTTestSolveN(b *testing.B) {
	for _, d := range []float64{0.8, 0.2, 0.05, 0.01} { // n ≈ 26 to 157,000 per arm
		b.Run(fmt.Sprintf("d=%g", d), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				res, _ := TTest{Effect: d, Power: 0.8}.Solve()
				benchSink += res.NControlExact
			}
		})
	}
}

// BenchmarkCurveSolveN is the contract's speed check: 2,000 sample sizes
// solved for effects from 0.1 to 1 (R 4.2.2 takes 0.63 s for
// sapply(seq(0.1, 1, length.out = 2000), function(d) pwr.t.test(d = d, power = 0.8)$n)).
func BenchmarkCurveSolveN(b *testing.B) {
	for i := 0; i < b.N; i++ {
		pts, err := Curve(2000, 0.1, 1, func(d float64) (float64, error) {
			res, err := TTest{Effect: d, Power: 0.8}.Solve()
			return res.NControlExact, err
		})
		if err != nil {
			b.Fatal(err)
		}
		benchSink += pts[0].Y
	}
}

func BenchmarkClusterSolveJ(b *testing.B) {
	for _, es := range []float64{0.5, 0.2, 0.05} {
		b.Run(fmt.Sprintf("es=%g", es), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				res, _ := Cluster{ICC: 0.1, ClusterSize: 25, Effect: es, Power: 0.8}.Solve()
				benchSink += res.Clusters
			}
		})
	}
}

func BenchmarkCountsSolveN(b *testing.B) {
	for _, rr := range []float64{0.5, 0.8, 0.95} {
		b.Run(fmt.Sprintf("rr=%g", rr), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				res, _ := Counts{MeanControl: 2, Dispersion: 1, RateRatio: rr, Power: 0.8}.Solve()
				benchSink += res.NControlExact
			}
		})
	}
}

func BenchmarkPropSolveN(b *testing.B) {
	for _, pt := range []float64{0.15, 0.25, 0.29} {
		b.Run(fmt.Sprintf("pt=%g", pt), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				res, _ := Prop{PControl: 0.3, PTreatment: pt, Power: 0.8}.Solve()
				benchSink += res.NControlExact
			}
		})
	}
}
