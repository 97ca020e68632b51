package stats

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// continuousBenchSink keeps benchmark results alive.
var continuousBenchSink any

// continuousBenchData returns two normal samples of n/2 values each.
func continuousBenchData(n int) (x, y []float64) {
	rng := rand.New(rand.NewPCG(1, 2))
	x, y = make([]float64, n/2), make([]float64, n-n/2)
	for i := range x {
		x[i] = rng.NormFloat64() + 0.2
	}
	for i := range y {
		y[i] = rng.NormFloat64()
	}
	return x, y
}

func BenchmarkWelchT(b *testing.B) {
	for _, n := range []int{1e2, 1e3, 1e4, 1e5, 1e6} {
		x, y := continuousBenchData(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				r, _ := WelchT(x, y, 0.95, TwoSided)
				continuousBenchSink = r
			}
		})
	}
}

func BenchmarkMannWhitney(b *testing.B) {
	for _, n := range []int{1e2, 1e3, 1e4, 1e5, 1e6} {
		x, y := continuousBenchData(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				r, _ := MannWhitney(x, y, TwoSided)
				continuousBenchSink = r
			}
		})
	}
	// The largest exact case: 49 and 49 values without ties.
	x, y := continuousBenchData(98)
	b.Run("exact49", func(b *testing.B) {
		for b.Loop() {
			r, _ := MannWhitney(x, y, TwoSided)
			continuousBenchSink = r
		}
	})
}

func BenchmarkCohensD(b *testing.B) {
	for _, n := range []int{1e2, 1e3, 1e4, 1e5, 1e6} {
		x, y := continuousBenchData(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				r, _ := CohensD(x, y, 0.95, TwoSided)
				continuousBenchSink = r
			}
		})
	}
}
