package stats

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLMMBrentMin(t *testing.T) {
	for _, c := range []struct {
		name   string
		f      func(float64) float64
		lo, hi float64
		want   float64
		tol    float64
	}{
		{"parabola", func(x float64) float64 { return (x - 0.3) * (x - 0.3) }, 0, 1, 0.3, 1e-8},
		{"quartic, flat", func(x float64) float64 { return math.Pow(x-2, 4) }, 0, 5, 2, 1e-3},
		{"kink", func(x float64) float64 { return math.Abs(x - 1e-3) }, 0, 1, 1e-3, 1e-9},
		{"at the lower end", func(x float64) float64 { return x }, 0, 1, 0, 1e-9},
		{"at the upper end", func(x float64) float64 { return -x }, 2, 3, 3, 1e-8},
		{"cosine, flat to rounding within √ε", math.Cos, 2, 4, math.Pi, 5e-8},
	} {
		x, fx, evals := lmmBrentMin(c.f, c.lo, c.hi, 1e-10, 1e-12, 500)
		assert.InDelta(t, c.want, x, c.tol, c.name)
		assert.Equal(t, c.f(x), fx, c.name)
		assert.Less(t, evals, 200, c.name)
	}
	// The evaluation limit is kept.
	_, _, evals := lmmBrentMin(math.Cos, 2, 4, 0, 0, 7)
	assert.Equal(t, 7, evals)
}
