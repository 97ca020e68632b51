package decimal

import (
	"math"
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestExact(t *testing.T) {
	for _, tc := range []struct {
		x    float64
		want string // the fraction in lowest terms
	}{
		{0.8, "4/5"},
		{0.28, "7/25"},
		{100, "100/1"},
		{-3.07, "-307/100"},
		{1e-7, "1/10000000"},
		{0, "0/1"},
	} {
		assert.Equal(t, tc.want, Exact(tc.x).String(), "%v", tc.x)
	}
	// 100 × (1 - 0.8) = 20 exactly, where float64 gives 19.999999999999996.
	r := new(big.Rat).Sub(big.NewRat(1, 1), Exact(0.8))
	r.Mul(r, Exact(100))
	assert.Equal(t, "20/1", r.String())
	n, rr := 100.0, 0.8 // variables: Go's constant arithmetic would be exact
	assert.Equal(t, 19.999999999999996, n*(1-rr))
	assert.Panics(t, func() { Exact(math.NaN()) })
	assert.Panics(t, func() { Exact(math.Inf(1)) })
}
