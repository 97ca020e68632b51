package stats

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// poolBenchSink keeps benchmark results alive.
var poolBenchSink *PoolResult

// BenchmarkPool pools k studies with τ² = 0.05 and se from 0.05 to 0.5, by
// each method. REML's cost is its Fisher scoring steps, each O(k).
func BenchmarkPool(b *testing.B) {
	for _, k := range []int{1e2, 1e4, 1e6} {
		rng := rand.New(rand.NewPCG(11, uint64(k)))
		y, se := make([]float64, k), make([]float64, k)
		for i := range y {
			se[i] = 0.05 + 0.45*rng.Float64()
			y[i] = 0.2 + math.Sqrt(se[i]*se[i]+0.05)*rng.NormFloat64()
		}
		for _, m := range []PoolMethod{PoolREML, PoolDL} {
			b.Run(fmt.Sprintf("%v/k=%d", m, k), func(b *testing.B) {
				for b.Loop() {
					r, err := Pool(y, se, PoolOptions{Method: m})
					if err != nil {
						b.Fatal(err)
					}
					poolBenchSink = r
				}
			})
		}
	}
}
