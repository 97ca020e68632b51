package stats

import (
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats/scalar"
)

// Reference values: R 4.2.2, Lee's bounds computed by hand in
// testdata/r/iv.R (sort, keep the trimmed arm's mass m from the bottom or
// the top, the boundary value weighted by its fraction within m): lower,
// upper, trim share, retention of each arm.
func TestLeeBoundsAgainstR(t *testing.T) {
	yt := []float64{4.1, 5.3, 2.2, 6.8, 5.3, 3.9, 7.4, 5.0, 4.6}
	yc := []float64{3.2, 4.4, 1.9, 5.1, 3.3, 2.8, 4.0}
	for _, tc := range []struct {
		name          string
		nt, nc        int
		trimTreatment bool
		want          [5]float64
	}{
		// 9 of 10 treated and 7 of 10 controls observed: the treatment arm
		// keeps the mass 7 of its 9 outcomes
		{"treatment trimmed", 10, 10, true,
			[5]float64{0.81428571428571406, 1.9714285714285715, 0.22222222222222229, 0.90000000000000002, 0.69999999999999996}},
		// 9 of 14 treated and 7 of 8 controls: the control arm keeps the
		// mass 8 × 9/14 = 5.14 of its 7, a fraction of the boundary value
		{"control trimmed", 14, 8, false,
			[5]float64{0.98888888888888893, 1.8777777777777782, 0.26530612244897955, 0.6428571428571429, 0.875}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := LeeBounds(yt, yc, tc.nt, tc.nc)
			require.NoError(t, err)
			got := [5]float64{r.Lower, r.Upper, r.TrimShare, r.RetentionTreatment, r.RetentionControl}
			for i, w := range tc.want {
				require.Truef(t, scalar.EqualWithinAbsOrRel(got[i], w, 1e-14, 1e-12), "number %d = %.17g, R %.17g", i, got[i], w)
			}
			require.Equal(t, tc.trimTreatment, r.TrimTreatment)
		})
	}
}

// With equal retention nothing is trimmed and both bounds are the
// difference in means; with no attrition likewise. Ties at the boundary
// are shared by the fraction of the mass left: trimming a quarter of
// {1, 2, 2, 2} from the top keeps 1, 2, 2 (mean 5/3).
func TestLeeBoundsSpecialCases(t *testing.T) {
	r, err := LeeBounds([]float64{3, 5}, []float64{1, 2, 3, 2}, 4, 8)
	require.NoError(t, err)
	require.Equal(t, LeeResult{Lower: 2, Upper: 2, RetentionTreatment: 0.5, RetentionControl: 0.5}, r)
	r, err = LeeBounds([]float64{1, 2, 2, 2}, []float64{0, 0, 0}, 4, 4)
	require.NoError(t, err)
	require.InDelta(t, 5.0/3, r.Lower, 1e-15)
	require.InDelta(t, 2, r.Upper, 1e-15)
	require.Equal(t, 0.25, r.TrimShare)
	require.True(t, r.TrimTreatment)
	require.LessOrEqual(t, r.Lower, r.Upper)
}

func TestLeeBoundsErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		yt, yc []float64
		nt, nc int
		want   error
	}{
		{"no treated observed", nil, []float64{1}, 3, 2, ErrTooFew},
		{"no control observed", []float64{1}, nil, 3, 2, ErrTooFew},
		{"more observed than units", []float64{1, 2, 3}, []float64{1}, 2, 2, ErrDomain},
		{"NaN", []float64{1, math.NaN()}, []float64{1}, 2, 2, ErrDomain},
		{"Inf", []float64{1, 2}, []float64{math.Inf(-1)}, 2, 2, ErrDomain},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LeeBounds(tc.yt, tc.yc, tc.nt, tc.nc)
			require.Truef(t, errors.Is(err, tc.want), "%v", err)
		})
	}
}

// FuzzLeeBounds: the bounds are ordered, lie between the extreme
// differences of the outcomes, and contain the difference in means of the
// observed when nothing is trimmed.
func FuzzLeeBounds(f *testing.F) {
	f.Add([]byte{1, 5, 3, 9, 2, 2, 7}, uint8(3), uint8(2), uint8(1))
	f.Add([]byte{0, 0, 0, 0}, uint8(0), uint8(0), uint8(2))
	f.Fuzz(func(t *testing.T, data []byte, split, mt, mc uint8) {
		k := int(split) % (len(data) + 1)
		var yt, yc []float64
		for i, b := range data {
			if i < k {
				yt = append(yt, float64(int8(b)))
			} else {
				yc = append(yc, float64(int8(b)))
			}
		}
		r, err := LeeBounds(yt, yc, len(yt)+int(mt%8), len(yc)+int(mc%8))
		if err != nil {
			if !errors.Is(err, ErrTooFew) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if !(r.Lower <= r.Upper+1e-9) {
			t.Fatalf("lower %v > upper %v", r.Lower, r.Upper)
		}
		lo := minOf(yt) - maxOf(yc)
		hi := maxOf(yt) - minOf(yc)
		if r.Lower < lo-1e-9 || r.Upper > hi+1e-9 {
			t.Fatalf("bounds [%v, %v] outside [%v, %v]", r.Lower, r.Upper, lo, hi)
		}
		if !(r.TrimShare >= 0 && r.TrimShare < 1) {
			t.Fatalf("trim share %v", r.TrimShare)
		}
	})
}

func minOf(v []float64) float64 {
	m := math.Inf(1)
	for _, x := range v {
		m = math.Min(m, x)
	}
	return m
}

func maxOf(v []float64) float64 {
	m := math.Inf(-1)
	for _, x := range v {
		m = math.Max(m, x)
	}
	return m
}
