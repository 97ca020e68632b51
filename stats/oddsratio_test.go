package stats

import (
	"errors"
	"fmt"
	"testing"
)

// Values from R 4.2.2, testdata/r/binary.R on testdata/binary/tables.csv:
// Woolf's interval written out (0.5 added to every cell when one is zero),
// a closed form, so 1e-9 relative.
var oddsRatioCases = []ratioCase{
	{name: "typical", x: 15, nx: 50, y: 25, ny: 50, level: 0.94999999999999996, est: 0.42857142857142855, se: 0.41861449477782686, lo: 0.18866785449477627, hi: 0.97352816079667936, corrected: false},
	{name: "reoffending", x: 32, nx: 120, y: 45, ny: 118, level: 0.94999999999999996, est: 0.58989898989898992, se: 0.28024005552890702, lo: 0.34059391509604198, hi: 1.0216883005256381, corrected: false},
	{name: "level90", x: 32, nx: 120, y: 45, ny: 118, level: 0.90000000000000002, est: 0.58989898989898992, se: 0.28024005552890702, lo: 0.37203853846369367, hi: 0.93533540831767137, corrected: false},
	{name: "zero_cell", x: 0, nx: 20, y: 5, ny: 20, level: 0.94999999999999996, est: 0.068736141906873618, se: 1.5149636294826743, lo: 0.003528952173895122, hi: 1.3388272131290955, corrected: true},
	{name: "all_events_one_arm", x: 10, nx: 10, y: 0, ny: 12, level: 0.94999999999999996, est: 525, se: 2.0433399362901161, lo: 9.568970072937125, hi: 28804.040340717547, corrected: true},
	{name: "tiny", x: 1, nx: 2, y: 0, ny: 1, level: 0.94999999999999996, est: 3, se: 2, lo: 0.059527571904449829, hi: 151.19044355523653, corrected: true},
	{name: "tiny_one_each", x: 1, nx: 1, y: 0, ny: 1, level: 0.94999999999999996, est: 9, se: 2.3094010767585029, lo: 0.097381564837025564, hi: 831.77960978095609, corrected: true},
	{name: "symmetric", x: 10, nx: 20, y: 10, ny: 20, level: 0.94999999999999996, est: 1, se: 0.63245553203367588, lo: 0.28950287108994643, hi: 3.4541971768193873, corrected: false},
	{name: "unequal_arms", x: 3, nx: 7, y: 12, ny: 40, level: 0.94999999999999996, est: 1.75, se: 0.83808170984752572, lo: 0.33858023643237856, hi: 9.0451233429026345, corrected: false},
	{name: "huge", x: 500800, nx: 1000000, y: 499000, ny: 1000000, level: 0.94999999999999996, est: 1.0072259904424232, se: 0.0028284317633788187, lo: 1.0016577562362294, hi: 1.0128251785667413, corrected: false},
	{name: "huge_null", x: 300000, nx: 1000000, y: 300000, ny: 1000000, level: 0.94999999999999996, est: 1, se: 0.0030860669992418383, lo: 0.99396967566281991, hi: 1.0060669097708226, corrected: false},
	{name: "fisher_tiny_p", x: 505, nx: 505, y: 0, ny: 505, level: 0.94999999999999996, est: 1022121, se: 2.0009888752149338, lo: 20242.189798090221, hi: 51611577.060677856, corrected: true},
	{name: "chisq_tiny_p", x: 700, nx: 700, y: 0, ny: 700, level: 0.94999999999999996, est: 1962801, se: 2.0007136485508119, lo: 38892.487911256881, hi: 99057375.151511371, corrected: true},
}

func TestOddsRatio(t *testing.T) {
	for _, c := range oddsRatioCases {
		r, err := OddsRatio(c.x, c.nx, c.y, c.ny, c.level)
		checkRatio(t, "OddsRatio", c, r, err)
	}
	for _, c := range [][4]int{{0, 30, 0, 30}, {8, 8, 9, 9}} {
		if _, err := OddsRatio(c[0], c[1], c[2], c[3], 0.95); !errors.Is(err, ErrZeroVariance) {
			t.Errorf("OddsRatio%v: err = %v, want ErrZeroVariance", c, err)
		}
	}
}

func ExampleOddsRatio() {
	r, _ := OddsRatio(0, 20, 5, 20, 0.95)
	fmt.Printf("%.4f [%.4f, %.4f] corrected %v\n", r.Estimate, r.Low, r.High, r.Corrected)
	// Output:
	// 0.0687 [0.0035, 1.3388] corrected true
}

func FuzzOddsRatio(f *testing.F) {
	f.Add(15, 50, 25, 50, 0.95)
	f.Add(1, 1, 0, 1, 0.5)
	f.Fuzz(func(t *testing.T, x, nx, y, ny int, level float64) {
		r, err := OddsRatio(x, nx, y, ny, level)
		if err != nil {
			return
		}
		if !(r.Low >= 0 && r.Low <= r.Estimate*(1+1e-12) && r.Estimate <= r.High*(1+1e-12)) {
			t.Errorf("OddsRatio(%d, %d, %d, %d, %g) = %+v", x, nx, y, ny, level, r)
		}
	})
}
