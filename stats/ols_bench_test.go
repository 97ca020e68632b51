package stats

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// olsBenchSink keeps benchmark results alive.
var olsBenchSink any

// olsBenchData makes n rows like testdata/r/models.R's bench file: a
// treatment, three covariates, 50 blocks and 2,000 clusters, labelled by
// their numbers.
func olsBenchData(n int) (y []float64, x [][]float64, block, cluster []string) {
	rng := rand.New(rand.NewPCG(7, uint64(n)))
	x = make([][]float64, 4)
	for j := range x {
		x[j] = make([]float64, n)
	}
	y = make([]float64, n)
	block = make([]string, n)
	cluster = make([]string, n)
	ce := make([]float64, 2000)
	for g := range ce {
		ce[g] = 0.3 * rng.NormFloat64()
	}
	for i := 0; i < n; i++ {
		b, g := rng.IntN(50), rng.IntN(2000)
		block[i], cluster[i] = strconv.Itoa(b), strconv.Itoa(g)
		if rng.IntN(2) == 1 {
			x[0][i] = 1
		}
		x[1][i] = rng.NormFloat64()
		x[2][i] = rng.NormFloat64()
		x[3][i] = rng.Float64()
		y[i] = 0.2*x[0][i] + x[1][i] - 0.5*x[2][i] + 0.3*x[3][i] + float64(b)/50 + ce[g] + rng.NormFloat64()
	}
	return y, x, block, cluster
}

var olsBenchNames = []string{"t", "x1", "x2", "x3"}

func BenchmarkOLSHC2Blocks(b *testing.B) {
	for _, n := range []int{100, 10_000, 1_000_000} {
		y, x, block, _ := olsBenchData(n)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for b.Loop() {
				r, err := OLS(y, olsBenchNames, x, OLSOptions{Cov: HC2, Block: block})
				if err != nil {
					b.Fatal(err)
				}
				olsBenchSink = r
			}
		})
	}
}

func BenchmarkOLSCR2(b *testing.B) {
	for _, n := range []int{10_000, 1_000_000} {
		y, x, _, cluster := olsBenchData(n)
		b.Run(fmt.Sprintf("n=%d/clusters=2000", n), func(b *testing.B) {
			for b.Loop() {
				r, err := OLS(y, olsBenchNames, x, OLSOptions{Cov: CR2, Cluster: cluster})
				if err != nil {
					b.Fatal(err)
				}
				olsBenchSink = r
			}
		})
	}
}

func BenchmarkOLSCR2Blocks(b *testing.B) {
	for _, n := range []int{10_000, 1_000_000} {
		y, x, block, cluster := olsBenchData(n)
		b.Run(fmt.Sprintf("n=%d/clusters=2000/blocks=50", n), func(b *testing.B) {
			for b.Loop() {
				r, err := OLS(y, olsBenchNames, x, OLSOptions{Cov: CR2, Cluster: cluster, Block: block})
				if err != nil {
					b.Fatal(err)
				}
				olsBenchSink = r
			}
		})
	}
}

func BenchmarkTreatmentModelFit(b *testing.B) {
	for _, n := range []int{100, 10_000, 1_000_000} {
		y, x, block, _ := olsBenchData(n)
		m, err := NewTreatmentModel(y, olsBenchNames[1:], x[1:], OLSOptions{Cov: HC2, Block: block})
		if err != nil {
			b.Fatal(err)
		}
		treat := make([]bool, n)
		for i, v := range x[0] {
			treat[i] = v == 1
		}
		b.Run(fmt.Sprintf("HC2/n=%d", n), func(b *testing.B) {
			for b.Loop() {
				r, err := m.Fit(treat)
				if err != nil {
					b.Fatal(err)
				}
				olsBenchSink = r
			}
		})
	}
}

func BenchmarkTreatmentModelFitCR2(b *testing.B) {
	for _, n := range []int{10_000, 1_000_000} {
		y, x, block, cluster := olsBenchData(n)
		m, err := NewTreatmentModel(y, olsBenchNames[1:], x[1:], OLSOptions{Cov: CR2, Block: block, Cluster: cluster})
		if err != nil {
			b.Fatal(err)
		}
		treat := make([]bool, n)
		for i, v := range x[0] {
			treat[i] = v == 1
		}
		b.Run(fmt.Sprintf("n=%d/clusters=2000/blocks=50", n), func(b *testing.B) {
			for b.Loop() {
				r, err := m.Fit(treat)
				if err != nil {
					b.Fatal(err)
				}
				olsBenchSink = r
			}
		})
	}
}

func BenchmarkNegBin(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		rng := rand.New(rand.NewPCG(11, uint64(n)))
		y := make([]float64, n)
		t := make([]float64, n)
		x1 := make([]float64, n)
		block := make([]string, n)
		offset := make([]float64, n)
		for i := range y {
			b := rng.IntN(4)
			block[i] = strconv.Itoa(b)
			if rng.IntN(2) == 1 {
				t[i] = 1
			}
			x1[i] = rng.NormFloat64()
			exposure := 4 + 48*rng.Float64()
			offset[i] = math.Log(exposure)
			mu := exposure / 10 * math.Exp(-0.3*t[i]+0.4*x1[i]+0.2*float64(b))
			// Gamma-Poisson mixture with size 1.7: Gamma by the sum of
			// exponentials is not exact for a non-integer shape, so use a
			// Poisson with a log-normal frailty instead; only speed matters.
			lam := mu * math.Exp(0.6*rng.NormFloat64()-0.18)
			y[i] = float64(olsBenchPoisson(rng, lam))
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for b.Loop() {
				r, err := NegBin(y, []string{"t", "x1"}, [][]float64{t, x1}, GLMOptions{Block: block, Offset: offset})
				if err != nil {
					b.Fatal(err)
				}
				olsBenchSink = r
			}
		})
	}
}

// olsBenchPoisson draws a Poisson variate by inversion (small means only).
func olsBenchPoisson(rng *rand.Rand, lam float64) int {
	u := rng.Float64()
	p := math.Exp(-lam)
	k := 0
	for s := p; u > s && k < 10000; {
		k++
		p *= lam / float64(k)
		s += p
	}
	return k
}
