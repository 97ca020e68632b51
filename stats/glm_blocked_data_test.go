package stats

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// glmBlockedData is a generated trial of n counts in 20 blocks with a
// treatment indicator, a Poisson covariate and an exposure: the shape of
// testdata/bench.sh's negative-binomial job. The counts are Poisson with a
// log-normal frailty (overdispersed), drawn by inversion.
type glmBlockedData struct {
	y, t, x, offset []float64
	block           []string
}

func glmGenBlocked(n int, seed uint64) glmBlockedData {
	rng := rand.New(rand.NewPCG(seed, 20))
	d := glmBlockedData{y: make([]float64, n), t: make([]float64, n), x: make([]float64, n),
		offset: make([]float64, n), block: make([]string, n)}
	for i := range n {
		b := rng.IntN(20)
		d.block[i] = fmt.Sprintf("a%02d", b+1)
		if rng.IntN(2) == 1 {
			d.t[i] = 1
		}
		d.x[i] = float64(olsBenchPoisson(rng, 5))
		exposure := 4 + 48*rng.Float64()
		d.offset[i] = math.Log(exposure)
		mu := exposure / 20 * math.Exp(0.1*d.t[i]+0.05*d.x[i]+0.02*float64(b))
		d.y[i] = float64(olsBenchPoisson(rng, mu*math.Exp(0.6*rng.NormFloat64()-0.18)))
	}
	return d
}
