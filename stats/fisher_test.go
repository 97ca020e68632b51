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
	} {
		if _, err := FisherExact(c.x, c.nx, c.y, c.ny, TwoSided); !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
		}
	}
}

func ExampleFisherExact() {
	// 15 of 50 treated and 25 of 50 controls re-offended.
	r, err := FisherExact(15, 50, 25, 50, TwoSided)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("p = %.4f\n", r.P)
	// Output:
	// p = 0.0656
}

func FuzzFisherExact(f *testing.F) {
	f.Add(15, 50, 25, 50, 0)
	f.Add(0, 0, 0, 0, 1)
	f.Add(505, 505, 0, 505, 2)
	f.Fuzz(func(t *testing.T, x, nx, y, ny, alt int) {
		if nx > 1e6 || ny > 1e6 || nx < -1e6 || ny < -1e6 {
			t.Skip()
		}
		r, err := FisherExact(x, nx, y, ny, Alternative(((alt%3)+3)%3))
		if err != nil {
			return
		}
		if !(r.P >= 0 && r.P <= 1) {
			t.Errorf("FisherExact(%d, %d, %d, %d) p = %v outside [0, 1]", x, nx, y, ny, r.P)
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
