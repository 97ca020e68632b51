package stats

import (
	"fmt"
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

// noncentralTAbsTol is the absolute tolerance beside the relative 1e-9: it
// is AS 243's own error bound (errmax = 1e-12, the truncation error of the
// series that both R and evalkit stop summing there). A value such as
// pt(0.3, 1000, 5) ≈ 1.3e-6 differs from the 40-digit value (mpmath 1.3.0)
// by 2e-15 in R and by 1e-14 here, depending on the term at which the bound
// is first met; tails formed as 1 − (a series near 1), such as
// pt(-2, 1000, 5) ≈ 1.35e-12, are off by 1e-13 in both programs.
const noncentralTAbsTol = 1e-12

func TestNoncentralTCDFAgainstR(t *testing.T) {
	bad := 0
	for _, r := range noncentralTRef {
		x, df, ncp := r[0], r[1], r[2]
		name := fmt.Sprintf("pt(%g, %g, %g)", x, df, ncp)
		if got := NoncentralTCDF(x, df, ncp); !scalar.EqualWithinAbsOrRel(got, r[3], noncentralTAbsTol, 1e-9) {
			t.Errorf("%s = %.17g, want %.17g (rel %.2g)", name, got, r[3], math.Abs(got-r[3])/r[3])
			bad++
		}
		if got := NoncentralTSurvival(x, df, ncp); !scalar.EqualWithinAbsOrRel(got, r[4], noncentralTAbsTol, 1e-9) {
			t.Errorf("%s upper = %.17g, want %.17g (rel %.2g)", name, got, r[4], math.Abs(got-r[4])/r[4])
			bad++
		}
	}
	if bad > 0 {
		t.Logf("%d of %d values differ", bad, 2*len(noncentralTRef))
	}
}

func TestCentralTSurvivalAgainstR(t *testing.T) {
	for _, r := range centralTSurvivalRef {
		// Relative only: the upper tail must keep its digits far out. The
		// largest difference, 4e-14 at df = 1e7, is R's (its pt is a
		// corrected normal beyond df = 4e5).
		const tol = 1e-12
		if got := CentralTSurvival(r[0], r[1]); !scalar.EqualWithinRel(got, r[2], tol) {
			t.Errorf("pt(%g, %g, lower.tail = FALSE) = %.17g, want %.17g", r[0], r[1], got, r[2])
		}
	}
}

func TestCentralTUpperQuantileAgainstR(t *testing.T) {
	for _, r := range centralTUpperQuantileRef {
		if got := CentralTUpperQuantile(r[0], r[1]); !scalar.EqualWithinAbsOrRel(got, r[2], 1e-14, 1e-9) {
			t.Errorf("qt(%g, %g, lower.tail = FALSE) = %.17g, want %.17g", r[0], r[1], got, r[2])
		}
	}
}

func TestNoncentralTSpecialCases(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	for _, c := range []struct {
		name         string
		x, df, ncp   float64
		lower, upper float64
	}{
		{"NaN x", nan, 5, 1, nan, nan},
		{"df 0", 1, 0, 1, nan, nan},
		{"df negative", 1, -2, 1, nan, nan},
		{"-Inf", -inf, 5, 1, 0, 1},
		{"+Inf", inf, 5, 1, 1, 0},
		{"left of zero, ncp above 40", -0.1, 5, 41, 0, 1},
		{"zero", 0, 7, 1.5, 0.066807201268858057, 0.93319279873114191},         // R 4.2.2: pnorm(-1.5), pnorm(1.5)
		{"infinite df", 1, inf, 0.5, 0.69146246127401312, 0.30853753872598688}, // R 4.2.2: pnorm(0.5), pnorm(0.5, lower.tail = FALSE)
	} {
		lo, up := NoncentralTCDF(c.x, c.df, c.ncp), NoncentralTSurvival(c.x, c.df, c.ncp)
		same := func(got, want float64) bool {
			if math.IsNaN(want) {
				return math.IsNaN(got)
			}
			return scalar.EqualWithinAbsOrRel(got, want, 1e-15, 1e-12)
		}
		if !same(lo, c.lower) || !same(up, c.upper) {
			t.Errorf("%s: got %g, %g; want %g, %g", c.name, lo, up, c.lower, c.upper)
		}
	}
	if q := CentralTUpperQuantile(0, 3); !math.IsInf(q, 1) {
		t.Errorf("CentralTUpperQuantile(0, 3) = %g, want +Inf", q)
	}
	if q := CentralTUpperQuantile(1.5, 3); !math.IsNaN(q) {
		t.Errorf("CentralTUpperQuantile(1.5, 3) = %g, want NaN", q)
	}
}

func TestCentralTUpperQuantileRoundTrip(t *testing.T) {
	for _, df := range []float64{0.5, 1, 2, 7, 50, 3000, 1e6} {
		for _, p := range []float64{1e-300, 1e-20, 1e-5, 0.01, 0.3, 0.5, 0.9, 0.999} {
			q := CentralTUpperQuantile(p, df)
			if got := CentralTSurvival(q, df); !scalar.EqualWithinAbsOrRel(got, p, 1e-300, 1e-12) {
				t.Errorf("df %g: survival(quantile(%g)) = %g", df, p, got)
			}
		}
	}
}

func FuzzNoncentralTCDF(f *testing.F) {
	f.Add(1.96, 30.0, 2.8)
	f.Add(-40.0, 1.0, 45.0)
	f.Add(0.0, 1e9, -3.0)
	f.Fuzz(func(t *testing.T, x, df, ncp float64) {
		lo, up := NoncentralTCDF(x, df, ncp), NoncentralTSurvival(x, df, ncp)
		if math.IsNaN(x) || math.IsNaN(df) || math.IsNaN(ncp) || df <= 0 {
			if !math.IsNaN(lo) || !math.IsNaN(up) {
				t.Fatalf("(%g, %g, %g): got %g, %g; want NaN", x, df, ncp, lo, up)
			}
			return
		}
		if math.IsInf(ncp, 0) {
			return // undefined; anything but a panic
		}
		if !(lo >= 0 && lo <= 1 && up >= 0 && up <= 1) {
			t.Fatalf("(%g, %g, %g): got %g, %g, not probabilities", x, df, ncp, lo, up)
		}
		if math.Abs(lo+up-1) > 1e-9 {
			t.Fatalf("(%g, %g, %g): tails %g + %g do not sum to 1", x, df, ncp, lo, up)
		}
		q := CentralTUpperQuantile(math.Abs(math.Mod(x, 1)), df)
		_ = q
	})
}

// noncentralTSink keeps benchmark results alive.
var noncentralTSink float64

func BenchmarkNoncentralTCDF(b *testing.B) {
	for _, df := range []float64{10, 100, 1000, 10000} {
		b.Run(fmt.Sprintf("df=%g", df), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				noncentralTSink += NoncentralTCDF(1.97, df, 2.8)
			}
		})
	}
}

func BenchmarkCentralTUpperQuantile(b *testing.B) {
	for _, df := range []float64{10, 100, 1000, 10000} {
		b.Run(fmt.Sprintf("df=%g", df), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				noncentralTSink += CentralTUpperQuantile(0.025, df)
			}
		})
	}
}
