package stats

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats/scalar"
)

// lmmRichardson returns f'(x) by central differences with two steps of
// Richardson extrapolation (error O(h⁶)).
func lmmRichardson(f func(float64) float64, x, h float64) float64 {
	d := func(h float64) float64 { return (f(x+h) - f(x-h)) / (2 * h) }
	d1, d2, d3 := d(h), d(h/2), d(h/4)
	e1, e2 := (4*d2-d1)/3, (4*d3-d2)/3
	return (16*e2 - e1) / 15
}

// The closed-form derivatives of lmmSlopes against numerical ones of
// lmmData.at, at an interior λ and at the boundary λ = 0 (at() accepts a
// small negative λ, so the differences are central there too).
func TestLMMSlopesNumerically(t *testing.T) {
	for _, c := range []struct {
		file  string
		x     []string
		block bool
	}{
		{"unequal.csv", []string{"treat"}, false},
		{"blocks.csv", []string{"treat", "x"}, true},
	} {
		d := modelsReadCSVPath(t, "../testdata/lmm/"+c.file)
		var block []string
		if c.block {
			block = d.labels("block")
		}
		ld, err := lmmNewData(d.num["y"], c.x, d.cols(c.x...), d.labels("cluster"), block)
		require.NoError(t, err)
		for _, lam := range []float64{0, 0.3, 4} {
			for _, reml := range []bool{true, false} {
				pt := ld.at(lam, reml)
				sl := ld.slopes(pt)
				h := 1e-3 * max(lam, 1e-2) // below 1/max n_j, so that 1 + λn_j > 0
				at := func(l float64) lmmPoint { return ld.at(l, reml) }
				check := func(what string, got float64, f func(float64) float64) {
					t.Helper()
					want := lmmRichardson(f, lam, h)
					assert.Truef(t, scalar.EqualWithinAbsOrRel(got, want, 1e-9, 1e-7), "%s λ=%v reml=%v: %.12g, numerically %.12g", c.file, lam, reml, what, got, want)
				}
				check("(log|V*|)'", sl.dLogV, func(l float64) float64 { return at(l).logDetV })
				check("(log|M|)'", sl.dLogM, func(l float64) float64 { return at(l).logDetM })
				check("(r²)'", sl.dP, func(l float64) float64 { return at(l).pwrss })
				check("(log|V*|)''", sl.d2LogV, func(l float64) float64 { return ld.slopes(at(l)).dLogV })
				check("(log|M|)''", sl.d2LogM, func(l float64) float64 { return ld.slopes(at(l)).dLogM })
				check("(r²)''", sl.d2P, func(l float64) float64 { return ld.slopes(at(l)).dP })
				d1, d2 := sl.profiledSlope(pt)
				check("d'", d1, func(l float64) float64 { return at(l).dev })
				check("d''", d2, func(l float64) float64 { d1, _ := ld.slopes(at(l)).profiledSlope(at(l)); return d1 })
				p := ld.p
				for a := range p {
					for b := range p {
						check("(M⁻¹)'", sl.dminv[a*p+b], func(l float64) float64 { return ld.slopes(at(l)).minv[a*p+b] })
					}
				}
			}
		}
	}
}
