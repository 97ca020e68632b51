package stats

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

// sameFloat compares a Go value with an R reference value: both NaN, equal
// infinities, or within tol relative. Values below 1e-290 are scaled up
// first, since scalar's relative test turns absolute for subnormal
// differences.
func sameFloat(got, want, tol float64) bool {
	if math.IsNaN(want) || math.IsInf(want, 0) {
		return math.IsNaN(got) && math.IsNaN(want) || got == want
	}
	if math.Abs(want) < 1e-290 {
		got, want = got*0x1p900, want*0x1p900
	}
	return scalar.EqualWithinAbsOrRel(got, want, 0, tol)
}

// Values from R 4.2.2, testdata/r/binary.R on testdata/binary/tables.csv:
// fisher.test(matrix(c(x, y, nx-x, ny-y), 2), alternative = ...)$p.value.
// R sums exact hypergeometric probabilities, so 1e-9 relative.
var fisherCases = []struct {
	name               string
	x, nx, y, ny       int
	two, less, greater float64
}{
	{name: "typical", x: 15, nx: 50, y: 25, ny: 50, two: 0.065577682854169123, less: 0.032788841427084534, greater: 0.98790982619060785},
	{name: "reoffending", x: 32, nx: 120, y: 45, ny: 118, two: 0.071646762904048478, less: 0.039706507250736552, greater: 0.97895266866515374},
	{name: "level90", x: 32, nx: 120, y: 45, ny: 118, two: 0.071646762904048478, less: 0.039706507250736552, greater: 0.97895266866515374},
	{name: "zero_cell", x: 0, nx: 20, y: 5, ny: 20, two: 0.047124047124047129, less: 0.023562023562023558, greater: 1},
	{name: "all_events_one_arm", x: 10, nx: 10, y: 0, ny: 12, two: 1.546441174924147e-06, less: 1, greater: 1.5464411749241468e-06},
	{name: "no_events", x: 0, nx: 30, y: 0, ny: 30, two: 1, less: 1, greater: 1},
	{name: "all_events", x: 8, nx: 8, y: 9, ny: 9, two: 1, less: 1, greater: 1},
	{name: "tiny", x: 1, nx: 2, y: 0, ny: 1, two: 1, less: 1, greater: 0.66666666666666674},
	{name: "tiny_one_each", x: 1, nx: 1, y: 0, ny: 1, two: 1, less: 1, greater: 0.49999999999999989},
	{name: "symmetric", x: 10, nx: 20, y: 10, ny: 20, two: 0.99999999999999989, less: 0.62381443271804549, greater: 0.62381443271804549},
	{name: "unequal_arms", x: 3, nx: 7, y: 12, ny: 40, two: 0.66379430708115261, less: 0.86601554846069095, greater: 0.39414361867889325},
	{name: "huge", x: 500800, nx: 1000000, y: 499000, ny: 1000000, two: 0.010953749923496065, less: 0.99456731680603205, greater: 0.0054768749617479838},
	{name: "huge_null", x: 300000, nx: 1000000, y: 300000, ny: 1000000, two: 1, less: 0.50061558101359993, greater: 0.50061558101361037},
	{name: "fisher_tiny_p", x: 505, nx: 505, y: 0, ny: 505, two: 7.2621045843976503e-303, less: 1, greater: 3.6310522921988795e-303},
	{name: "chisq_tiny_p", x: 700, nx: 700, y: 0, ny: 700, two: 0, less: 1, greater: 0},
}

func TestFisherExact(t *testing.T) {
	const tol = 1e-9
	for _, c := range fisherCases {
		for _, a := range []struct {
			alt  Alternative
			want float64
		}{{TwoSided, c.two}, {Less, c.less}, {Greater, c.greater}} {
			r, err := FisherExact(c.x, c.nx, c.y, c.ny, a.alt)
			if err != nil {
				t.Errorf("%s %v: %v", c.name, a.alt, err)
				continue
			}
			if !sameFloat(r.P, a.want, tol) {
				t.Errorf("%s %v: p = %.17g, want %.17g (R)", c.name, a.alt, r.P, a.want)
			}
		}
	}
}

func TestFisherExactErrors(t *testing.T) {
	for _, c := range []struct {
		name         string
		x, nx, y, ny int
		want         error
	}{
		{"empty arm", 0, 0, 1, 3, ErrTooFew},
		{"negative", -1, 3, 1, 3, ErrDomain},
		{"too many events", 4, 3, 1, 3, ErrDomain},
		{"arm beyond maxTableN", 1, maxTableN + 1, 1, 3, ErrDomain},
	} {
		if _, err := FisherExact(c.x, c.nx, c.y, c.ny, TwoSided); !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
		}
	}
}

// TestHypergeomModeLargeTable checks the mode of a table whose product
// (e+1)(n1+1) overflows 64 bits: floor((2^40+1)²/(2^41+2)) = 2^39.
func TestHypergeomModeLargeTable(t *testing.T) {
	if math.MaxInt>>40 == 0 {
		t.Skip("int has 32 bits: arms of 2^40 are beyond maxTableN")
	}
	n := maxTableN
	if got := hypergeomDist(n, n, n).mode; got != n/2 {
		t.Errorf("mode = %d, want %d", got, n/2)
	}
}

func ExampleFisherExact() {
	// 15 of 50 treated and 25 of 50 controls re-offended.
	r, err := FisherExact(15, 50, 25, 50, TwoSided)
	if err != nil {
		fmt.Println(err)
		return
	}
	lo, hi, _ := FisherConditionalORInterval(15, 50, 25, 50, TwoSided, 0.95)
	fmt.Printf("p = %.4f, conditional odds ratio %.3f [%.3f, %.3f]\n", r.P, r.ConditionalOR, lo, hi)
	// Output:
	// p = 0.0656, conditional odds ratio 0.432 [0.173, 1.049]
}

func FuzzFisherExact(f *testing.F) {
	f.Add(15, 50, 25, 50, 0)
	f.Add(0, 0, 0, 0, 1)
	f.Add(505, 505, 0, 505, 2)
	f.Fuzz(func(t *testing.T, x, nx, y, ny, alt int) {
		if nx > 1e5 || ny > 1e5 || nx < -1e5 || ny < -1e5 {
			t.Skip()
		}
		a := Alternative(((alt % 3) + 3) % 3)
		r, err := FisherExact(x, nx, y, ny, a)
		if err != nil {
			return
		}
		lo, hi, err := FisherConditionalORInterval(x, nx, y, ny, a, 0.95)
		if err != nil {
			t.Fatalf("FisherConditionalORInterval(%d, %d, %d, %d): %v after FisherExact succeeded", x, nx, y, ny, err)
		}
		if !(r.P >= 0 && r.P <= 1) || !(lo >= 0 && lo <= r.ConditionalOR && r.ConditionalOR <= hi) {
			t.Errorf("FisherExact(%d, %d, %d, %d) = %+v, interval [%v, %v]", x, nx, y, ny, r, lo, hi)
		}
	})
}

var fisherSink FisherExactResult

func BenchmarkFisherExact(b *testing.B) {
	for _, n := range []int{100, 10000, 1000000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				fisherSink, _ = FisherExact(n*3/10, n, n*32/100, n, TwoSided)
			}
		})
	}
}

// Values from R 4.2.2, testdata/r/binary.R: fisher.test's equations for
// the conditional MLE and interval (dnhyper, mnhyper, pnhyper over dhyper)
// solved with uniroot(tol = 1e-13) on the log scale (or, lo, hi), and
// fisher.test(m, conf.level = level)'s own $estimate and $conf.int (rOR,
// rLo, rHi), which uniroot's default tolerance makes good to about 1e-4
// relative only while the value is below about 100.
var fisherORCases = []struct {
	name                      string
	x, nx, y, ny              int
	level                     float64
	or, lo, hi, rOR, rLo, rHi float64
}{
	{name: "typical", x: 15, nx: 50, y: 25, ny: 50, level: 0.94999999999999996, or: 0.43231409141542276, lo: 0.17327514878554706, hi: 1.0491411254687824, rOR: 0.43231331742123974, rLo: 0.17328648197695451, rHi: 1.0491251955293384},
	{name: "reoffending", x: 32, nx: 120, y: 45, ny: 118, level: 0.94999999999999996, or: 0.59121908656106004, lo: 0.3274748499490166, hi: 1.0584344253002032, rOR: 0.5912337028345892, rLo: 0.32746095381769025, rHi: 1.0584347908400917},
	{name: "level90", x: 32, nx: 120, y: 45, ny: 118, level: 0.90000000000000002, or: 0.59121908656106004, lo: 0.35825300709387381, hi: 0.97030443264440747, rOR: 0.5912337028345892, rLo: 0.35825205859958098, rHi: 0.97030321585657564},
	{name: "zero_cell", x: 0, nx: 20, y: 5, ny: 20, level: 0.94999999999999996, or: 0, lo: 0, hi: 0.97645836821833987, rOR: 0, rLo: 0, rHi: 0.97648330995292409},
	{name: "all_events_one_arm", x: 10, nx: 10, y: 0, ny: 12, level: 0.94999999999999996, or: math.Inf(1), lo: 13.580569533094259, hi: math.Inf(1), rOR: math.Inf(1), rLo: 13.578839688044262, rHi: math.Inf(1)},
	{name: "tiny", x: 1, nx: 2, y: 0, ny: 1, level: 0.94999999999999996, or: math.Inf(1), lo: 0.012820512820512718, hi: math.Inf(1), rOR: math.Inf(1), rLo: 0.012835937500000016, rHi: math.Inf(1)},
	{name: "tiny_one_each", x: 1, nx: 1, y: 0, ny: 1, level: 0.94999999999999996, or: math.Inf(1), lo: 0.025641025641025668, hi: math.Inf(1), rOR: math.Inf(1), rLo: 0.025640664062500023, rHi: math.Inf(1)},
	{name: "symmetric", x: 10, nx: 20, y: 10, ny: 20, level: 0.94999999999999996, or: 1, lo: 0.24387854446428217, hi: 4.1004017069097172, rOR: 1, rLo: 0.24385796914260355, rHi: 4.1007476750338201},
	{name: "unequal_arms", x: 3, nx: 7, y: 12, ny: 40, level: 0.94999999999999996, or: 1.7278770626433901, lo: 0.21921166763580216, hi: 12.028628109375942, rOR: 1.7279671210060723, rLo: 0.21920989790959339, rHi: 12.028813357812838},
	{name: "huge", x: 500800, nx: 1000000, y: 499000, ny: 1000000, level: 0.94999999999999996, or: 1.0072259868163977, lo: 1.001653752001332, hi: 1.0128292270956352, rOR: 1.0072268094067158, rLo: 1.0016556384001527, rHi: 1.0128348146769892},
	{name: "huge_null", x: 300000, nx: 1000000, y: 300000, ny: 1000000, level: 0.94999999999999996, or: 1, lo: 0.99396494511821898, hi: 1.0060716979119051, rOR: 1, rLo: 0.99398323896571095, rHi: 1.0060531815813614},
	{name: "fisher_tiny_p", x: 505, nx: 505, y: 0, ny: 505, level: 0.94999999999999996, or: math.Inf(1), lo: 34487.924750555103, hi: math.Inf(1), rOR: math.Inf(1), rLo: 8402.0512820478089, rHi: math.Inf(1)},
	{name: "chisq_tiny_p", x: 700, nx: 700, y: 0, ny: 700, level: 0.94999999999999996, or: math.Inf(1), lo: 66337.80279898252, hi: math.Inf(1), rOR: math.Inf(1), rLo: 8402.0512820590484, rHi: math.Inf(1)},
}

func TestFisherExactConditionalOR(t *testing.T) {
	for _, c := range fisherORCases {
		r, err := FisherExact(c.x, c.nx, c.y, c.ny, TwoSided)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		lo, hi, err := FisherConditionalORInterval(c.x, c.nx, c.y, c.ny, TwoSided, c.level)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		got := []float64{r.ConditionalOR, lo, hi}
		for i, want := range []float64{c.or, c.lo, c.hi} {
			// The roots are found to about 1e-13 in log ψ on both sides.
			if !sameFloat(got[i], want, 1e-9) {
				t.Errorf("%s: got %.17g [%.17g, %.17g], want %.17g [%.17g, %.17g] (R, precise)", c.name, r.ConditionalOR, lo, hi, c.or, c.lo, c.hi)
				break
			}
		}
		for i, want := range []float64{c.rOR, c.rLo, c.rHi} {
			if want < 100 && !sameFloat(got[i], want, 2e-3) {
				t.Errorf("%s: got %.17g, want %.17g (fisher.test)", c.name, got[i], want)
			}
		}
	}
}
