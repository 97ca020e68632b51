package stats

import (
	"errors"
	"fmt"
	"math"
	"testing"
)

// Values from R 4.2.2, testdata/r/binary.R on testdata/binary/tables.csv:
// prop.test(x, n, conf.level = level, correct = FALSE)$conf.int, a closed
// form, so 1e-9 relative.
var wilsonCases = []struct {
	name   string
	x, n   int
	level  float64
	lo, hi float64
}{
	{name: "typical", x: 15, n: 50, level: 0.94999999999999996, lo: 0.19103553500880949, hi: 0.43750350464453397},
	{name: "typical", x: 25, n: 50, level: 0.94999999999999996, lo: 0.36644514316828586, hi: 0.6335548568317142},
	{name: "reoffending", x: 32, n: 120, level: 0.94999999999999996, lo: 0.19568455046725244, hi: 0.35212439386147593},
	{name: "reoffending", x: 45, n: 118, level: 0.94999999999999996, lo: 0.29877004413747893, hi: 0.47142312105429934},
	{name: "level90", x: 32, n: 120, level: 0.90000000000000002, lo: 0.20594577283249868, hi: 0.33767712778282838},
	{name: "level90", x: 45, n: 118, level: 0.90000000000000002, lo: 0.31124741974725273, hi: 0.45678311804947686},
	{name: "zero_cell", x: 0, n: 20, level: 0.94999999999999996, lo: 0, hi: 0.1611251580528193},
	{name: "zero_cell", x: 5, n: 20, level: 0.94999999999999996, lo: 0.11186170140766569, hi: 0.46870087761874396},
	{name: "all_events_one_arm", x: 10, n: 10, level: 0.94999999999999996, lo: 0.72246720013711085, hi: 1},
	{name: "all_events_one_arm", x: 0, n: 12, level: 0.94999999999999996, lo: 0, hi: 0.24249400665524079},
	{name: "no_events", x: 0, n: 30, level: 0.94999999999999996, lo: 0, hi: 0.11351339317396873},
	{name: "no_events", x: 0, n: 30, level: 0.94999999999999996, lo: 0, hi: 0.11351339317396873},
	{name: "all_events", x: 8, n: 8, level: 0.94999999999999996, lo: 0.67559243511611977, hi: 1},
	{name: "all_events", x: 9, n: 9, level: 0.94999999999999996, lo: 0.70085495158045608, hi: 1},
	{name: "tiny", x: 1, n: 2, level: 0.94999999999999996, lo: 0.094531205734230739, hi: 0.90546879426576921},
	{name: "tiny", x: 0, n: 1, level: 0.94999999999999996, lo: 0, hi: 0.79345068562276255},
	{name: "tiny_one_each", x: 1, n: 1, level: 0.94999999999999996, lo: 0.2065493143772375, hi: 1},
	{name: "tiny_one_each", x: 0, n: 1, level: 0.94999999999999996, lo: 0, hi: 0.79345068562276255},
	{name: "symmetric", x: 10, n: 20, level: 0.94999999999999996, lo: 0.2992980081982124, hi: 0.70070199180178772},
	{name: "symmetric", x: 10, n: 20, level: 0.94999999999999996, lo: 0.2992980081982124, hi: 0.70070199180178772},
	{name: "unequal_arms", x: 3, n: 7, level: 0.94999999999999996, lo: 0.1582198552514697, hi: 0.74954163547234265},
	{name: "unequal_arms", x: 12, n: 40, level: 0.94999999999999996, lo: 0.18074845229746531, hi: 0.45430018818144935},
	{name: "huge", x: 500800, n: 1000000, level: 0.94999999999999996, lo: 0.49982001807122006, hi: 0.50177997578246947},
	{name: "huge", x: 499000, n: 1000000, level: 0.94999999999999996, lo: 0.49802002569140358, hi: 0.49997998199148469},
	{name: "huge_null", x: 300000, n: 1000000, level: 0.94999999999999996, lo: 0.29910260135349614, hi: 0.30089893522412953},
	{name: "huge_null", x: 300000, n: 1000000, level: 0.94999999999999996, lo: 0.29910260135349614, hi: 0.30089893522412953},
	{name: "fisher_tiny_p", x: 505, n: 505, level: 0.94999999999999996, lo: 0.99245057816319215, hi: 1},
	{name: "fisher_tiny_p", x: 0, n: 505, level: 0.94999999999999996, lo: 0, hi: 0.0075494218368078753},
	{name: "chisq_tiny_p", x: 700, n: 700, level: 0.94999999999999996, lo: 0.99454215324693929, hi: 1},
	{name: "chisq_tiny_p", x: 0, n: 700, level: 0.94999999999999996, lo: 0, hi: 0.0054578467530608313},
}

func TestWilson(t *testing.T) {
	const tol = 1e-9
	for _, c := range wilsonCases {
		r, err := Wilson(c.x, c.n, c.level)
		if err != nil {
			t.Errorf("%s %d/%d: %v", c.name, c.x, c.n, err)
			continue
		}
		if !sameFloat(r.Low, c.lo, tol) || !sameFloat(r.High, c.hi, tol) {
			t.Errorf("%s %d/%d: got [%.17g, %.17g], want [%.17g, %.17g] (R)", c.name, c.x, c.n, r.Low, r.High, c.lo, c.hi)
		}
	}
}

// Values from R 4.2.2, testdata/r/binary.R: Newcombe's method 10 written
// out from the prop.test Wilson intervals; 1e-9 relative (absolute near 0).
var newcombeCases = []struct {
	name         string
	x, nx, y, ny int
	level        float64
	diff, lo, hi float64
}{
	{name: "typical", x: 15, nx: 50, y: 25, ny: 50, level: 0.94999999999999996, diff: -0.20000000000000001, lo: -0.37236633782196588, hi: -0.0083124584829023518},
	{name: "reoffending", x: 32, nx: 120, y: 45, ny: 118, level: 0.94999999999999996, diff: -0.11468926553672315, lo: -0.22936515370704669, hi: 0.0041528652290015317},
	{name: "level90", x: 32, nx: 120, y: 45, ny: 118, level: 0.90000000000000002, diff: -0.11468926553672315, lo: -0.21152049661781833, hi: -0.014901044254137685},
	{name: "zero_cell", x: 0, nx: 20, y: 5, ny: 20, level: 0.94999999999999996, diff: -0.25, lo: -0.46870087761874396, hi: -0.037765445566630418},
	{name: "all_events_one_arm", x: 10, nx: 10, y: 0, ny: 12, level: 0.94999999999999996, diff: 1, lo: 0.63145176942027459, hi: 1},
	{name: "no_events", x: 0, nx: 30, y: 0, ny: 30, level: 0.94999999999999996, diff: 0, lo: -0.11351339317396873, hi: 0.11351339317396873},
	{name: "all_events", x: 8, nx: 8, y: 9, ny: 9, level: 0.94999999999999996, diff: 0, lo: -0.32440756488388023, hi: 0.29914504841954392},
	{name: "tiny", x: 1, nx: 2, y: 0, ny: 1, level: 0.94999999999999996, diff: 0.5, lo: -0.39104934410983583, hi: 0.90546879426576921},
	{name: "tiny_one_each", x: 1, nx: 1, y: 0, ny: 1, level: 0.94999999999999996, diff: 1, lo: -0.12210872068194178, hi: 1},
	{name: "symmetric", x: 10, nx: 20, y: 10, ny: 20, level: 0.94999999999999996, diff: 0, lo: -0.28383547880138182, hi: 0.28383547880138182},
	{name: "unequal_arms", x: 3, nx: 7, y: 12, ny: 40, level: 0.94999999999999996, diff: 0.12857142857142856, lo: -0.18271384456144513, hi: 0.47097879611404658},
	{name: "huge", x: 500800, nx: 1000000, y: 499000, ny: 1000000, level: 0.94999999999999996, diff: 0.0018000000000000238, lo: 0.00041409622109991862, hi: 0.0031858940001802801},
	{name: "huge_null", x: 300000, nx: 1000000, y: 300000, ny: 1000000, level: 0.94999999999999996, diff: 0, lo: -0.0012702003259044432, hi: 0.0012702003259044432},
	{name: "fisher_tiny_p", x: 505, nx: 505, y: 0, ny: 505, level: 0.94999999999999996, diff: 1, lo: 0.98932350525031076, hi: 1},
	{name: "chisq_tiny_p", x: 700, nx: 700, y: 0, ny: 700, level: 0.94999999999999996, diff: 1, lo: 0.99228143910046751, hi: 1},
}

func TestRiskDifference(t *testing.T) {
	const tol = 1e-9
	for _, c := range newcombeCases {
		r, err := RiskDifference(c.x, c.nx, c.y, c.ny, c.level)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		// Differences near zero are compared absolutely.
		for _, v := range [][2]float64{{r.Diff, c.diff}, {r.Low, c.lo}, {r.High, c.hi}} {
			if !sameFloat(v[0], v[1], tol) && !(v[0]-v[1] < 1e-15 && v[1]-v[0] < 1e-15) {
				t.Errorf("%s: got %+v, want %.17g [%.17g, %.17g] (R)", c.name, r, c.diff, c.lo, c.hi)
				break
			}
		}
	}
}

// TestRiskDifferenceNewcombeTable checks the published worked examples:
// Newcombe (1998), Statistics in Medicine 17:873, table II, method 10,
// printed to four decimals.
func TestRiskDifferenceNewcombeTable(t *testing.T) {
	for _, c := range []struct {
		name         string
		x, nx, y, ny int
		lo, hi       float64
	}{
		{"a", 56, 70, 48, 80, 0.0524, 0.3339},
		{"b", 9, 10, 3, 10, 0.1705, 0.8090},
		{"c", 6, 7, 2, 7, 0.0582, 0.8062},
		{"d", 5, 56, 0, 29, -0.0381, 0.1926},
		{"e", 0, 10, 0, 20, -0.1611, 0.2775},
		{"f", 0, 10, 0, 10, -0.2775, 0.2775},
		{"g", 10, 10, 0, 20, 0.6791, 1.0000},
		{"h", 10, 10, 0, 10, 0.6075, 1.0000},
	} {
		r, err := RiskDifference(c.x, c.nx, c.y, c.ny, 0.95)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if fmt.Sprintf("%.4f %.4f", r.Low, r.High) != fmt.Sprintf("%.4f %.4f", c.lo, c.hi) {
			t.Errorf("table II (%s): got [%.4f, %.4f], want [%.4f, %.4f]", c.name, r.Low, r.High, c.lo, c.hi)
		}
	}
}

func TestWilsonErrors(t *testing.T) {
	for _, c := range []struct {
		name  string
		x, n  int
		level float64
		want  error
	}{
		{"no units", 0, 0, 0.95, ErrTooFew},
		{"too many", 3, 2, 0.95, ErrDomain},
		{"level 1", 1, 2, 1, ErrDomain},
		{"level NaN", 1, 2, math.NaN(), ErrDomain},
	} {
		if _, err := Wilson(c.x, c.n, c.level); !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
		}
	}
}

func ExampleWilson() {
	r, _ := Wilson(15, 50, 0.95)
	fmt.Printf("%.2f [%.4f, %.4f]\n", r.P, r.Low, r.High)
	// Output:
	// 0.30 [0.1910, 0.4375]
}

func ExampleRiskDifference() {
	// Newcombe (1998), table II, example (a): 56/70 against 48/80.
	r, _ := RiskDifference(56, 70, 48, 80, 0.95)
	fmt.Printf("%.4f [%.4f, %.4f]\n", r.Diff, r.Low, r.High)
	// Output:
	// 0.2000 [0.0524, 0.3339]
}

func FuzzRiskDifference(f *testing.F) {
	f.Add(15, 50, 25, 50, 0.95)
	f.Add(0, 1, 1, 1, 0.5)
	f.Fuzz(func(t *testing.T, x, nx, y, ny int, level float64) {
		r, err := RiskDifference(x, nx, y, ny, level)
		if err != nil {
			return
		}
		if !(r.Low >= -1-1e-12 && r.Low <= r.Diff+1e-12 && r.Diff <= r.High+1e-12 && r.High <= 1+1e-12) {
			t.Errorf("RiskDifference(%d, %d, %d, %d, %g) = %+v", x, nx, y, ny, level, r)
		}
	})
}
