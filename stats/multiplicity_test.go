package stats

import (
	"fmt"
	"math"
	"testing"
)

// Values from R 4.2.2, testdata/r/binary.R on testdata/binary/pvalues.csv:
// p.adjust(p, "holm") and p.adjust(p, "BH"); R's NA is NaN here.
// Products and minima only, so 1e-12 relative.
var adjustCases = []struct {
	name        string
	p, holm, bh []float64
}{
	{name: "simple", p: []float64{0.01, 0.040000000000000001, 0.029999999999999999, 0.20000000000000001}, holm: []float64{0.040000000000000001, 0.089999999999999997, 0.089999999999999997, 0.20000000000000001}, bh: []float64{0.040000000000000001, 0.05333333333333333, 0.05333333333333333, 0.20000000000000001}},
	{name: "ties", p: []float64{0.02, 0.02, 0.5, 0.001, 0.02}, holm: []float64{0.080000000000000002, 0.080000000000000002, 0.5, 0.0050000000000000001, 0.080000000000000002}, bh: []float64{0.025000000000000001, 0.025000000000000001, 0.5, 0.0050000000000000001, 0.025000000000000001}},
	{name: "with_na", p: []float64{0.040000000000000001, math.NaN(), 0.01, 0.80000000000000004}, holm: []float64{0.080000000000000002, math.NaN(), 0.029999999999999999, 0.80000000000000004}, bh: []float64{0.059999999999999998, math.NaN(), 0.029999999999999999, 0.80000000000000004}},
	{name: "one", p: []float64{0.029999999999999999}, holm: []float64{0.029999999999999999}, bh: []float64{0.029999999999999999}},
	{name: "big", p: []float64{0.90000000000000002, 0.94999999999999996, 0.59999999999999998}, holm: []float64{1, 1, 1}, bh: []float64{0.94999999999999996, 0.94999999999999996, 0.94999999999999996}},
}

func TestHolmBenjaminiHochberg(t *testing.T) {
	const tol = 1e-12
	for _, c := range adjustCases {
		in := append([]float64(nil), c.p...)
		for _, m := range []struct {
			name string
			f    func([]float64) []float64
			want []float64
		}{{"holm", Holm, c.holm}, {"BH", BenjaminiHochberg, c.bh}} {
			got := m.f(in)
			for i := range got {
				if !sameFloat(got[i], m.want[i], tol) {
					t.Errorf("%s %s: got %v, want %v (R)", c.name, m.name, got, m.want)
					break
				}
			}
		}
		for i := range in {
			if !sameFloat(in[i], c.p[i], 0) {
				t.Errorf("%s: input modified", c.name)
			}
		}
	}
	if got := Holm(nil); len(got) != 0 {
		t.Errorf("Holm(nil) = %v", got)
	}
}

func ExampleHolm() {
	fmt.Println(Holm([]float64{0.01, 0.04, 0.03, 0.2}))
	// Output:
	// [0.04 0.09 0.09 0.2]
}

func ExampleBenjaminiHochberg() {
	fmt.Printf("%.4f\n", BenjaminiHochberg([]float64{0.01, 0.04, 0.03, 0.2}))
	// Output:
	// [0.0400 0.0533 0.0533 0.2000]
}

func FuzzHolm(f *testing.F) {
	f.Add(0.01, 0.5, 0.2)
	f.Fuzz(func(t *testing.T, a, b, c float64) {
		in := []float64{a, b, c}
		for _, out := range [][]float64{Holm(in), BenjaminiHochberg(in)} {
			for i, v := range out {
				if math.IsNaN(in[i]) != math.IsNaN(v) || (in[i] >= 0 && in[i] <= 1 && !(v >= in[i] && v <= 1)) {
					t.Errorf("adjust(%v) = %v", in, out)
				}
			}
		}
	})
}
