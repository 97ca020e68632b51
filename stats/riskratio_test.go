package stats

import (
	"errors"
	"fmt"
	"testing"
)

// ratioCase is a reference value for RiskRatio or OddsRatio.
type ratioCase struct {
	name            string
	x, nx, y, ny    int
	level           float64
	est, se, lo, hi float64
	corrected       bool
}

// Values from R 4.2.2, testdata/r/binary.R on testdata/binary/tables.csv:
// Katz's interval written out (with 0.5 added to every cell when an arm has
// no events), a closed form, so 1e-9 relative.
var riskRatioCases = []ratioCase{
	{name: "typical", x: 15, nx: 50, y: 25, ny: 50, level: 0.94999999999999996, est: 0.59999999999999998, se: 0.2581988897471611, lo: 0.36171952925471629, hi: 0.99524623605958118, corrected: false},
	{name: "reoffending", x: 32, nx: 120, y: 45, ny: 118, level: 0.94999999999999996, est: 0.69925925925925925, se: 0.19147927464272069, lo: 0.4804528475809613, hi: 1.0177138383541633, corrected: false},
	{name: "level90", x: 32, nx: 120, y: 45, ny: 118, level: 0.90000000000000002, est: 0.69925925925925925, se: 0.19147927464272069, lo: 0.51033439856519058, hi: 0.95812375774498637, corrected: false},
	{name: "zero_cell", x: 0, nx: 20, y: 5, ny: 20, level: 0.94999999999999996, est: 0.090909090909090898, se: 1.4444999434337431, lo: 0.0053585431693889459, hi: 1.5422965811171725, corrected: true},
	{name: "all_events_one_arm", x: 10, nx: 10, y: 0, ny: 12, level: 0.94999999999999996, est: 24.818181818181817, se: 1.3883104578608949, lo: 1.6331946841968419, hi: 377.1394523386129, corrected: true},
	{name: "all_events", x: 8, nx: 8, y: 9, ny: 9, level: 0.94999999999999996, est: 1, se: 0, lo: 1, hi: 1, corrected: false},
	{name: "tiny", x: 1, nx: 2, y: 0, ny: 1, level: 0.94999999999999996, est: 2, se: 1.3540064007726602, lo: 0.14076596366831123, hi: 28.415960050010778, corrected: true},
	{name: "tiny_one_each", x: 1, nx: 1, y: 0, ny: 1, level: 0.94999999999999996, est: 3, se: 1.2909944487358056, lo: 0.23890475166198263, hi: 37.671917102485104, corrected: true},
	{name: "symmetric", x: 10, nx: 20, y: 10, ny: 20, level: 0.94999999999999996, est: 1, se: 0.31622776601683794, lo: 0.53805471012708961, hi: 1.8585470606953667, corrected: false},
	{name: "unequal_arms", x: 3, nx: 7, y: 12, ny: 40, level: 0.94999999999999996, est: 1.4285714285714286, se: 0.49880810319152175, lo: 0.53742236129624144, hi: 3.7974160985937466, corrected: false},
	{name: "huge", x: 500800, nx: 1000000, y: 499000, ny: 1000000, level: 0.94999999999999996, est: 1.0036072144288577, se: 0.0014145010172683335, lo: 1.0008286961635136, hi: 1.0063934464655799, corrected: false},
	{name: "huge_null", x: 300000, nx: 1000000, y: 300000, ny: 1000000, level: 0.94999999999999996, est: 1, se: 0.002160246899469287, lo: 0.99577494464625094, hi: 1.0042429821883598, corrected: false},
	{name: "fisher_tiny_p", x: 505, nx: 505, y: 0, ny: 505, level: 0.94999999999999996, est: 1011.0000000000001, se: 1.4135153590240903, lo: 63.323469317184397, hi: 16141.266595489935, corrected: true},
	{name: "chisq_tiny_p", x: 700, nx: 700, y: 0, ny: 700, level: 0.94999999999999996, est: 1401, se: 1.4137094767673009, lo: 87.717540692032586, hi: 22376.379735624309, corrected: true},
}

func checkRatio(t *testing.T, what string, c ratioCase, r RatioResult, err error) {
	t.Helper()
	const tol = 1e-9
	if err != nil {
		t.Errorf("%s %s: %v", what, c.name, err)
		return
	}
	if !sameFloat(r.Estimate, c.est, tol) || !sameFloat(r.SE, c.se, tol) ||
		!sameFloat(r.Low, c.lo, tol) || !sameFloat(r.High, c.hi, tol) || r.Corrected != c.corrected {
		t.Errorf("%s %s: got %+v, want %.17g se %.17g [%.17g, %.17g] corrected %v (R)",
			what, c.name, r, c.est, c.se, c.lo, c.hi, c.corrected)
	}
}

func TestRiskRatio(t *testing.T) {
	for _, c := range riskRatioCases {
		r, err := RiskRatio(c.x, c.nx, c.y, c.ny, c.level)
		checkRatio(t, "RiskRatio", c, r, err)
	}
	if _, err := RiskRatio(0, 30, 0, 30, 0.95); !errors.Is(err, ErrZeroVariance) {
		t.Errorf("RiskRatio with no events: err = %v, want ErrZeroVariance", err)
	}
	if _, err := RiskRatio(1, 3, 1, 3, 0); !errors.Is(err, ErrDomain) {
		t.Errorf("RiskRatio at level 0: err = %v, want ErrDomain", err)
	}
}

func ExampleRiskRatio() {
	r, _ := RiskRatio(15, 50, 25, 50, 0.95)
	fmt.Printf("%.2f [%.4f, %.4f]\n", r.Estimate, r.Low, r.High)
	// Output:
	// 0.60 [0.3617, 0.9952]
}

func FuzzRiskRatio(f *testing.F) {
	f.Add(15, 50, 25, 50, 0.95)
	f.Add(0, 1, 1, 1, 0.5)
	f.Fuzz(func(t *testing.T, x, nx, y, ny int, level float64) {
		r, err := RiskRatio(x, nx, y, ny, level)
		if err != nil {
			return
		}
		if !(r.Low >= 0 && r.Low <= r.Estimate*(1+1e-12) && r.Estimate <= r.High*(1+1e-12)) {
			t.Errorf("RiskRatio(%d, %d, %d, %d, %g) = %+v", x, nx, y, ny, level, r)
		}
	})
}
