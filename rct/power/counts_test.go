package power

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/evalkit/evalkit/stats"
)

func TestCountsPowerAgainstR(t *testing.T) {
	for _, r := range countsPowerRef {
		name := fmt.Sprintf("%v mu=%g rr=%g k=%g n=%g,%g", r.alt, r.mu, r.rr, r.k, r.nc, r.nt)
		res, err := Counts{Alternative: r.alt, MeanControl: r.mu, RateRatio: r.rr, Dispersion: r.k, NControl: r.nc, NTreatment: r.nt}.Solve()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !scalar.EqualWithinAbsOrRel(res.Power, r.pw, 1e-15, 1e-9) {
			t.Errorf("%s: power %.17g, want %.17g", name, res.Power, r.pw)
		}
	}
}

func TestCountsSolveAgainstR(t *testing.T) {
	for _, r := range countsNRef {
		name := fmt.Sprintf("mu=%g rr=%g k=%g ratio=%g", r.mu, r.rr, r.k, r.ratio)
		res, err := Counts{MeanControl: r.mu, RateRatio: r.rr, Dispersion: r.k, Ratio: r.ratio, Power: r.pw}.Solve()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !scalar.EqualWithinRel(res.NControlExact, r.nc, 1e-8) {
			t.Errorf("%s: n_control_exact %.17g, want %.17g", name, res.NControlExact, r.nc)
		}
	}
	for _, r := range countsRRRef {
		name := fmt.Sprintf("mu=%g k=%g reduction=%v", r.mu, r.k, r.reduction)
		res, err := Counts{MeanControl: r.mu, Dispersion: r.k, NControl: r.n, NTreatment: r.n, Reduction: r.reduction, Power: r.pw}.Solve()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !scalar.EqualWithinRel(res.RateRatio, r.rr, 1e-9) {
			t.Errorf("%s: rate ratio %.17g, want %.17g", name, res.RateRatio, r.rr)
		}
	}
}

func TestCountsProperties(t *testing.T) {
	c := Counts{MeanControl: 3, Dispersion: 1.2}
	prev := 0.0
	for n := 2.0; n < 1e5; n *= 1.4 {
		p := c.PowerAt(0.8, n, n)
		if p < prev || (p == prev && p < 1) {
			t.Fatalf("power not rising in n at %g", n)
		}
		prev = p
	}
	res, err := Counts{MeanControl: 3, Dispersion: 1.2, RateRatio: 0.8, Power: 0.8, Ratio: 2, Attrition: 0.1}.Solve()
	if err != nil {
		t.Fatal(err)
	}
	n := res.NControlExact
	if got := c.PowerAt(0.8, n, 2*n); !scalar.EqualWithinAbsOrRel(got, 0.8, 1e-12, 1e-12) {
		t.Errorf("power at the solved n %.17g", got)
	}
	if res.NControl != math.Ceil(n/0.9) || res.NTreatment != math.Ceil(2*n/0.9) {
		t.Errorf("attrition: %+v", res)
	}
	// Solving for the rate ratio then recomputing gives the target.
	for _, red := range []bool{false, true} {
		res, err := Counts{MeanControl: 3, Dispersion: 1.2, NControl: 80, NTreatment: 80, Power: 0.9, Reduction: red}.Solve()
		if err != nil {
			t.Fatal(err)
		}
		if got := c.PowerAt(res.RateRatio, 80, 80); !scalar.EqualWithinAbsOrRel(got, 0.9, 1e-12, 1e-12) {
			t.Errorf("reduction %v: power at the solved rate ratio %g is %.17g", red, res.RateRatio, got)
		}
		if (res.RateRatio < 1) != red {
			t.Errorf("reduction %v: rate ratio %g", red, res.RateRatio)
		}
	}
}

func TestCountsBadInput(t *testing.T) {
	for _, c := range []struct {
		name string
		c    Counts
		want error
	}{
		{"two unknowns", Counts{MeanControl: 2}, ErrUnknowns},
		{"none", Counts{MeanControl: 2, RateRatio: 0.8, Power: 0.8, NControl: 9, NTreatment: 9}, ErrUnknowns},
		{"mean 0", Counts{RateRatio: 0.8, Power: 0.8}, stats.ErrDomain},
		{"rate ratio negative", Counts{MeanControl: 2, RateRatio: -0.8, Power: 0.8}, stats.ErrDomain},
		{"dispersion negative", Counts{MeanControl: 2, RateRatio: 0.8, Dispersion: -1, Power: 0.8}, stats.ErrDomain},
		{"rate ratio 1", Counts{MeanControl: 2, RateRatio: 1, Power: 0.8}, ErrUnreachable},
		{"wrong side", Counts{MeanControl: 2, RateRatio: 0.8, Power: 0.8, Alternative: stats.Greater}, ErrUnreachable},
		{"power at alpha", Counts{MeanControl: 2, RateRatio: 0.8, Power: 0.05}, ErrUnreachable},
		{"unreachable reduction", Counts{MeanControl: 0.01, NControl: 3, NTreatment: 3, Power: 0.99, Reduction: true}, ErrUnreachable},
	} {
		if _, err := c.c.Solve(); !errors.Is(err, c.want) {
			t.Errorf("%s: error %v, want %v", c.name, err, c.want)
		}
	}
}
