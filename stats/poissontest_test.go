package stats

import (
	"errors"
	"fmt"
	"math"
	"testing"
)

// Values from R 4.2.2, testdata/r/binary.R on testdata/binary/rates.csv:
// poisson.test(c(x, y), c(tx, ty), alternative = alt, conf.level = level),
// its estimate, p.value and conf.int. The p-values are exact sums (1e-9
// relative). R's interval comes from qbeta, which iterates to about 1e-15;
// evalkit bisects to the last bit, so 1e-9 relative holds there too.
var poissonCases = []struct {
	name          string
	alt           Alternative
	x             int
	tx            float64
	y             int
	ty            float64
	level         float64
	rr, p, lo, hi float64
}{
	{name: "hotspot", alt: TwoSided, x: 45, tx: 52, y: 70, ty: 52, level: 0.94999999999999996, rr: 0.64285714285714279, p: 0.024793536339643648, lo: 0.43193556379664722, hi: 0.94819741589754081},
	{name: "hotspot", alt: Less, x: 45, tx: 52, y: 70, ty: 52, level: 0.94999999999999996, rr: 0.64285714285714279, p: 0.012396768169821824, lo: 0, hi: 0.89390143631573493},
	{name: "hotspot", alt: Greater, x: 45, tx: 52, y: 70, ty: 52, level: 0.94999999999999996, rr: 0.64285714285714279, p: 0.99251766443158784, lo: 0.45965656631701546, hi: math.Inf(1)},
	{name: "unequal_exposure", alt: TwoSided, x: 12, tx: 10.5, y: 30, ty: 20.25, level: 0.94999999999999996, rr: 0.77142857142857146, p: 0.51723557925092511, lo: 0.35969613460877375, hi: 1.5515918164982381},
	{name: "unequal_exposure", alt: Less, x: 12, tx: 10.5, y: 30, ty: 20.25, level: 0.94999999999999996, rr: 0.77142857142857146, p: 0.27856117661446178, lo: 0, hi: 1.4047645382844585},
	{name: "unequal_exposure", alt: Greater, x: 12, tx: 10.5, y: 30, ty: 20.25, level: 0.94999999999999996, rr: 0.77142857142857146, p: 0.82171748915669185, lo: 0.4059376453874961, hi: math.Inf(1)},
	{name: "level90", alt: TwoSided, x: 12, tx: 10.5, y: 30, ty: 20.25, level: 0.90000000000000002, rr: 0.77142857142857146, p: 0.51723557925092511, lo: 0.40593764538749622, hi: 1.4047645382844585},
	{name: "level90", alt: Less, x: 12, tx: 10.5, y: 30, ty: 20.25, level: 0.90000000000000002, rr: 0.77142857142857146, p: 0.27856117661446178, lo: 0, hi: 1.2514832501949107},
	{name: "level90", alt: Greater, x: 12, tx: 10.5, y: 30, ty: 20.25, level: 0.90000000000000002, rr: 0.77142857142857146, p: 0.82171748915669185, lo: 0.46512850055338817, hi: math.Inf(1)},
	{name: "zero_treatment", alt: TwoSided, x: 0, tx: 5, y: 7, ty: 6, level: 0.94999999999999996, rr: 0, p: 0.018374190897180502, lo: 0, hi: 0.8325767761157431},
	{name: "zero_treatment", alt: Less, x: 0, tx: 5, y: 7, ty: 6, level: 0.94999999999999996, rr: 0, p: 0.014365143098503104, lo: 0, hi: 0.64095288556126895},
	{name: "zero_treatment", alt: Greater, x: 0, tx: 5, y: 7, ty: 6, level: 0.94999999999999996, rr: 0, p: 1, lo: 0, hi: math.Inf(1)},
	{name: "zero_control", alt: TwoSided, x: 9, tx: 4, y: 0, ty: 4, level: 0.94999999999999996, rr: math.Inf(1), p: 0.0039062500000000035, lo: 1.9738263118871324, hi: math.Inf(1)},
	{name: "zero_control", alt: Less, x: 9, tx: 4, y: 0, ty: 4, level: 0.94999999999999996, rr: math.Inf(1), p: 1, lo: 0, hi: math.Inf(1)},
	{name: "zero_control", alt: Greater, x: 9, tx: 4, y: 0, ty: 4, level: 0.94999999999999996, rr: math.Inf(1), p: 0.0019531250000000017, lo: 2.5319609816891488, hi: math.Inf(1)},
	{name: "one_event", alt: TwoSided, x: 1, tx: 1, y: 0, ty: 2, level: 0.94999999999999996, rr: math.Inf(1), p: 0.33333333333333331, lo: 0.051282051282051329, hi: math.Inf(1)},
	{name: "one_event", alt: Less, x: 1, tx: 1, y: 0, ty: 2, level: 0.94999999999999996, rr: math.Inf(1), p: 1, lo: 0, hi: math.Inf(1)},
	{name: "one_event", alt: Greater, x: 1, tx: 1, y: 0, ty: 2, level: 0.94999999999999996, rr: math.Inf(1), p: 0.33333333333333331, lo: 0.10526315789473695, hi: math.Inf(1)},
	{name: "equal", alt: TwoSided, x: 1, tx: 1, y: 1, ty: 1, level: 0.94999999999999996, rr: 1, p: 1, lo: 0.012739367083666625, hi: 78.496835316262846},
	{name: "equal", alt: Less, x: 1, tx: 1, y: 1, ty: 1, level: 0.94999999999999996, rr: 1, p: 0.75, lo: 0, hi: 38.493588689617837},
	{name: "equal", alt: Greater, x: 1, tx: 1, y: 1, ty: 1, level: 0.94999999999999996, rr: 1, p: 0.75, lo: 0.025978352085154116, hi: math.Inf(1)},
	{name: "huge", alt: TwoSided, x: 1000000, tx: 1000, y: 1003000, ty: 1000, level: 0.94999999999999996, rr: 0.99700897308075775, p: 0.034088365079439388, lo: 0.99425034963670755, hi: 0.99977524769953807},
	{name: "huge", alt: Less, x: 1000000, tx: 1000, y: 1003000, ty: 1000, level: 0.94999999999999996, rr: 0.99700897308075775, p: 0.017044182539719694, lo: 0, hi: 0.99933014734011272},
	{name: "huge", alt: Greater, x: 1000000, tx: 1000, y: 1003000, ty: 1000, level: 0.94999999999999996, rr: 0.99700897308075775, p: 0.98301543864742669, lo: 0.99469318858795364, hi: math.Inf(1)},
	{name: "huge_apart", alt: TwoSided, x: 1000000, tx: 1000, y: 970000, ty: 1000, level: 0.94999999999999996, rr: 1.0309278350515463, p: 2.3419465181244813e-101, lo: 1.0280512806167936, hi: 1.0338124686014678},
	{name: "huge_apart", alt: Less, x: 1000000, tx: 1000, y: 970000, ty: 1000, level: 0.94999999999999996, rr: 1.0309278350515463, p: 1, lo: 0, hi: 1.0333483168754085},
	{name: "huge_apart", alt: Greater, x: 1000000, tx: 1000, y: 970000, ty: 1000, level: 0.94999999999999996, rr: 1.0309278350515463, p: 1.1709732590622406e-101, lo: 1.0285130410079191, hi: math.Inf(1)},
	{name: "tiny_p", alt: TwoSided, x: 1000, tx: 1, y: 0, ty: 1, level: 0.94999999999999996, rr: math.Inf(1), p: 1.8665272370065119e-301, lo: 270.58533808837063, hi: math.Inf(1)},
	{name: "tiny_p", alt: Less, x: 1000, tx: 1, y: 0, ty: 1, level: 0.94999999999999996, rr: math.Inf(1), p: 1, lo: 0, hi: math.Inf(1)},
	{name: "tiny_p", alt: Greater, x: 1000, tx: 1, y: 0, ty: 1, level: 0.94999999999999996, rr: math.Inf(1), p: 9.3326361850325597e-302, lo: 333.30845033964891, hi: math.Inf(1)},
	{name: "tiny_p_unequal", alt: TwoSided, x: 1010, tx: 2.5, y: 3, ty: 1, level: 0.94999999999999996, rr: 134.66666666666666, p: 1.3582744344847921e-141, lo: 45.949110365777983, hi: 654.10434877584942},
	{name: "tiny_p_unequal", alt: Less, x: 1010, tx: 2.5, y: 3, ty: 1, level: 0.94999999999999996, rr: 134.66666666666666, p: 1, lo: 0, hi: 494.85209421171328},
	{name: "tiny_p_unequal", alt: Greater, x: 1010, tx: 2.5, y: 3, ty: 1, level: 0.94999999999999996, rr: 134.66666666666666, p: 1.0449497636214479e-141, lo: 51.982005909028047, hi: math.Inf(1)},
}

func TestPoissonTest(t *testing.T) {
	const tol = 1e-9
	for _, c := range poissonCases {
		r, err := PoissonTest(c.x, c.tx, c.y, c.ty, c.alt, c.level)
		if err != nil {
			t.Errorf("%s %v: %v", c.name, c.alt, err)
			continue
		}
		if !sameFloat(r.RateRatio, c.rr, tol) || !sameFloat(r.P, c.p, tol) ||
			!sameFloat(r.CILow, c.lo, tol) || !sameFloat(r.CIHigh, c.hi, tol) {
			t.Errorf("%s %v: got %+v, want %.17g p %.17g [%.17g, %.17g] (R)", c.name, c.alt, r, c.rr, c.p, c.lo, c.hi)
		}
	}
}

func TestPoissonTestErrors(t *testing.T) {
	for _, c := range []struct {
		name  string
		x     int
		tx    float64
		y     int
		ty    float64
		level float64
		want  error
	}{
		{"no events", 0, 1, 0, 1, 0.95, ErrTooFew},
		{"negative count", -1, 1, 3, 1, 0.95, ErrDomain},
		{"zero exposure", 1, 0, 3, 1, 0.95, ErrDomain},
		{"NaN exposure", 1, 1, 3, math.NaN(), 0.95, ErrDomain},
		{"infinite exposure", 1, math.Inf(1), 3, 1, 0.95, ErrDomain},
		{"level", 1, 1, 3, 1, 1.5, ErrDomain},
		{"count beyond maxTableN", maxTableN + 1, 1, 3, 1, 0.95, ErrDomain},
	} {
		if _, err := PoissonTest(c.x, c.tx, c.y, c.ty, TwoSided, c.level); !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
		}
	}
}

func ExamplePoissonTest() {
	// Violent crimes over 52 weeks in treated and control hotspots.
	r, err := PoissonTest(45, 52, 70, 52, TwoSided, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("rate ratio %.3f [%.3f, %.3f], p = %.4f\n", r.RateRatio, r.CILow, r.CIHigh, r.P)
	// Output:
	// rate ratio 0.643 [0.432, 0.948], p = 0.0248
}

func FuzzPoissonTest(f *testing.F) {
	f.Add(45, 52.0, 70, 52.0, 0, 0.95)
	f.Add(0, 1.0, 1, 1e-300, 1, 0.5)
	f.Fuzz(func(t *testing.T, x int, tx float64, y int, ty float64, alt int, level float64) {
		if x > 1e6 || y > 1e6 {
			t.Skip()
		}
		r, err := PoissonTest(x, tx, y, ty, Alternative(((alt%3)+3)%3), level)
		if err != nil {
			return
		}
		if !(r.P >= 0 && r.P <= 1) || !(r.CILow >= 0 && r.CILow <= r.CIHigh) {
			t.Errorf("PoissonTest(%d, %g, %d, %g) = %+v", x, tx, y, ty, r)
		}
	})
}

var poissonSink PoissonTestResult

func BenchmarkPoissonTest(b *testing.B) {
	for _, n := range []int{100, 10000, 1000000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				poissonSink, _ = PoissonTest(n, 10, n+n/50, 10, TwoSided, 0.95)
			}
		})
	}
}
