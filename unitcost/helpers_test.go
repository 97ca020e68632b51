package unitcost

import (
	"math"
	"os"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

func nan() float64 { return math.NaN() }

// ucClose reports whether got is want within tol relative (and absolute,
// for values near 0); NaN equals only NaN.
func ucClose(got, want, tol float64) bool {
	if math.IsNaN(want) {
		return math.IsNaN(got)
	}
	return scalar.EqualWithinAbsOrRel(got, want, tol, tol)
}

// readSheets reads the costs, reach and outcomes at the given paths; an
// empty path gives no rows.
func readSheets(t testing.TB, costs, reach, outcomes string) ([]Line, []Reach, []Outcome) {
	t.Helper()
	open := func(p string) *os.File {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	f := open(costs)
	defer f.Close()
	lines, err := ReadCosts(f, costs)
	if err != nil {
		t.Fatal(err)
	}
	var rr []Reach
	if reach != "" {
		g := open(reach)
		defer g.Close()
		if rr, err = ReadReach(g, reach); err != nil {
			t.Fatal(err)
		}
	}
	var oo []Outcome
	if outcomes != "" {
		h := open(outcomes)
		defer h.Close()
		if oo, err = ReadOutcomes(h, outcomes); err != nil {
			t.Fatal(err)
		}
	}
	return lines, rr, oo
}

func readDeflatorsFile(t testing.TB, path string) Deflators {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := ReadDeflators(f, path)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
