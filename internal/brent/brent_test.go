package brent

import (
	"math"
	"testing"
)

func TestRoot(t *testing.T) {
	tests := []struct {
		name           string
		f              func(float64) float64
		a, b           float64
		absTol, relTol float64
		want           float64
	}{
		{"cubic", func(x float64) float64 { return x*x*x - 2*x - 5 }, 2, 3, 1e-15, 0, 2.0945514815423265},
		{"cos", math.Cos, 0, 3, 0, 1e-14, math.Pi / 2},
		{"steep", func(x float64) float64 { return math.Exp(50*(x-1)) - 1 }, 0, 2, 1e-14, 0, 1},
		{"flat near the root", func(x float64) float64 { return math.Pow(x-0.3, 3) }, 0, 1, 1e-12, 0, 0.3},
		{"root at an end", func(x float64) float64 { return x - 1 }, 0, 1, 1e-12, 0, 1},
		{"large x, relative", func(x float64) float64 { return x - 1e12 }, 1, 1e13, 0, 1e-12, 1e12},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := Root(tc.f, tc.a, tc.b, tc.f(tc.a), tc.f(tc.b), tc.absTol, tc.relTol)
			tol := 4 * (tc.absTol + tc.relTol*math.Abs(tc.want) + 0x1p-52*math.Abs(tc.want))
			if tc.name == "flat near the root" {
				tol = 1e-4 // f is below 1e-12 over ±1e-4 of the root
			}
			if !ok || math.Abs(got-tc.want) > tol {
				t.Errorf("Root = %.17g (%v), want %.17g ± %g", got, ok, tc.want, tol)
			}
		})
	}
}

func TestRootNaN(t *testing.T) {
	f := func(x float64) float64 {
		if x > 0.4 && x < 0.6 {
			return math.NaN()
		}
		return x - 0.5
	}
	if got, ok := Root(f, 0, 1, -0.5, 0.5, 1e-12, 0); ok || !math.IsNaN(got) {
		t.Errorf("Root through NaN = %v, %v; want NaN, false", got, ok)
	}
}

func FuzzRoot(f *testing.F) {
	f.Add(0.3, -1.0, 2.0)
	f.Fuzz(func(t *testing.T, r, a, b float64) {
		if math.IsNaN(r+a+b) || math.IsInf(r+a+b, 0) || !(a < r && r < b) || b-a > 1e100 {
			return
		}
		g := func(x float64) float64 { return x - r }
		got, ok := Root(g, a, b, g(a), g(b), 0, 1e-12)
		if !ok || got < a || got > b {
			t.Fatalf("root of x - %g in [%g, %g]: %g, %v", r, a, b, got, ok)
		}
	})
}
