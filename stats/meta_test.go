package stats

import (
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats/scalar"
)

func TestPoolErrors(t *testing.T) {
	for _, c := range []struct {
		name    string
		est, se []float64
		opt     PoolOptions
		want    error
		index   int // of a *PoolStudyError, -1 for none
		field   string
	}{
		{"no studies", nil, nil, PoolOptions{}, ErrTooFew, -1, ""},
		{"one study", []float64{0.2}, []float64{0.1}, PoolOptions{Method: PoolDL}, ErrTooFew, -1, ""},
		{"NaN estimate", []float64{0.1, 0.2, math.NaN()}, []float64{0.1, 0.1, 0.1}, PoolOptions{}, ErrDomain, 2, "estimate"},
		{"Inf estimate", []float64{math.Inf(-1), 0.2}, []float64{0.1, 0.1}, PoolOptions{}, ErrDomain, 0, "estimate"},
		{"zero se", []float64{0.1, 0.2}, []float64{0.1, 0}, PoolOptions{}, ErrDomain, 1, "se"},
		{"negative se", []float64{0.1, 0.2, 0.3}, []float64{0.1, -0.1, 0.1}, PoolOptions{}, ErrDomain, 1, "se"},
		{"NaN se", []float64{0.1, 0.2}, []float64{math.NaN(), 0.1}, PoolOptions{}, ErrDomain, 0, "se"},
		{"Inf se", []float64{0.1, 0.2}, []float64{0.1, math.Inf(1)}, PoolOptions{}, ErrDomain, 1, "se"},
		{"bad study before k", []float64{math.NaN()}, []float64{0.1}, PoolOptions{}, ErrDomain, 0, "estimate"},
		{"se too far apart", []float64{0.1, 0.2}, []float64{1e-200, 1e200}, PoolOptions{}, ErrDomain, -1, ""},
		{"estimates too far apart", []float64{-1e308, 1e308}, []float64{1, 1}, PoolOptions{}, ErrDomain, -1, ""},
		{"estimate too far out", []float64{0, 1, 1e70}, []float64{1, 1, 1}, PoolOptions{}, ErrDomain, -1, ""},
		{"level 1", []float64{0.1, 0.2}, []float64{0.1, 0.1}, PoolOptions{Level: 1}, ErrDomain, -1, ""},
		{"level negative", []float64{0.1, 0.2}, []float64{0.1, 0.1}, PoolOptions{Level: -0.95}, ErrDomain, -1, ""},
		{"level NaN", []float64{0.1, 0.2}, []float64{0.1, 0.1}, PoolOptions{Level: math.NaN()}, ErrDomain, -1, ""},
		{"unknown method", []float64{0.1, 0.2}, []float64{0.1, 0.1}, PoolOptions{Method: PoolMethod(7)}, ErrDomain, -1, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := Pool(c.est, c.se, c.opt)
			assert.Nil(t, r)
			require.ErrorIs(t, err, c.want)
			var se *PoolStudyError
			if c.index < 0 {
				assert.False(t, errors.As(err, &se), "%v", err)
				return
			}
			require.ErrorAs(t, err, &se)
			assert.Equal(t, c.index, se.Index)
			assert.Equal(t, c.field, se.Field)
		})
	}
	assert.PanicsWithValue(t, "stats: slice length mismatch", func() { _, _ = Pool([]float64{1, 2}, []float64{1}, PoolOptions{}) })
}

func TestPoolStudyErrorNamesTheStudy(t *testing.T) {
	_, err := Pool([]float64{0.1, 0.2, 0.3}, []float64{0.1, 0.1, 0}, PoolOptions{})
	assert.EqualError(t, err, "pool: study 3 (index 2): se = 0: not a positive finite number: stats: argument out of domain")
}

func TestPoolMethodString(t *testing.T) {
	assert.Equal(t, "REML", PoolREML.String())
	assert.Equal(t, "DL", PoolDL.String())
	assert.Equal(t, "FE", PoolFE.String())
	assert.Equal(t, "PoolMethod(?)", PoolMethod(9).String())
	assert.Equal(t, PoolREML, PoolOptions{}.Method, "the zero value is rma's default")
}

// TestPoolEquivariant checks that a change of the estimates' scale and
// origin (y → a y + b, se → |a| se) moves μ̂ with it, multiplies SE, τ and
// the prediction interval's width by |a|, and leaves Q, I², H², the weights
// (and p, when b = 0) unchanged, down to scales where an absolute
// convergence tolerance, or τ² itself (which underflows at a = 1e-200),
// would fail.
func TestPoolEquivariant(t *testing.T) {
	_, est, se := readPoolCSV(t, "bcg")
	for _, m := range []PoolMethod{PoolREML, PoolDL, PoolFE} {
		base, err := Pool(est, se, PoolOptions{Method: m})
		require.NoError(t, err)
		for _, ab := range [][2]float64{{1000, 5}, {-1, 0}, {1e-100, 3e-100}, {1e120, -2e120}, {1e-200, 0}} {
			a, b := ab[0], ab[1]
			y, s := make([]float64, len(est)), make([]float64, len(se))
			for i := range est {
				y[i], s[i] = a*est[i]+b, math.Abs(a)*se[i]
			}
			r, err := Pool(y, s, PoolOptions{Method: m})
			require.NoError(t, err, "%v a=%g", m, a)
			near := func(name string, got, want float64) {
				assert.Truef(t, scalar.EqualWithinAbsOrRel(got, want, 1e-12*math.Abs(b), 1e-11), "%v a=%g: %s = %g, want %g", m, a, name, got, want)
			}
			near("estimate", r.Estimate, a*base.Estimate+b)
			near("se", r.SE, math.Abs(a)*base.SE)
			near("tau", r.Tau, math.Abs(a)*base.Tau)
			if a*a != 0 {
				near("tau2", r.Tau2, a*a*base.Tau2)
			}
			if m != PoolFE {
				near("pi width", r.PIHigh-r.PILow, math.Abs(a)*(base.PIHigh-base.PILow))
			}
			near("Q", r.Q, base.Q)
			near("I2", r.I2, base.I2)
			near("H2", r.H2, base.H2)
			if b == 0 {
				near("p", r.P, base.P)
			}
			for i := range r.Studies {
				near("weight", r.Studies[i].Weight, base.Studies[i].Weight)
			}
		}
	}
}

// TestPoolOrderInvariant checks that reversing the studies changes nothing
// but the order of Studies.
func TestPoolOrderInvariant(t *testing.T) {
	_, est, se := readPoolCSV(t, "bcg")
	k := len(est)
	ry, rs := make([]float64, k), make([]float64, k)
	for i := range est {
		ry[k-1-i], rs[k-1-i] = est[i], se[i]
	}
	for _, m := range []PoolMethod{PoolREML, PoolDL, PoolFE} {
		a, err := Pool(est, se, PoolOptions{Method: m})
		require.NoError(t, err)
		b, err := Pool(ry, rs, PoolOptions{Method: m})
		require.NoError(t, err)
		assert.InEpsilon(t, a.Estimate, b.Estimate, 1e-13)
		assert.InEpsilon(t, a.SE, b.SE, 1e-13)
		assert.InDelta(t, a.Tau2, b.Tau2, 1e-13)
		assert.InEpsilon(t, a.Q, b.Q, 1e-13)
		for i := range a.Studies {
			assert.InEpsilon(t, a.Studies[i].Weight, b.Studies[k-1-i].Weight, 1e-12)
		}
	}
}
