package stats

import (
	"errors"
	"fmt"
	"math"
	"testing"
)

// Values from R 4.2.2, testdata/r/binary.R on testdata/binary/tables.csv:
// chisq.test(matrix(c(x, y, nx-x, ny-y), 2), correct = FALSE), its
// statistic and p.value (NaN where R warns and gives NaN). R computes the
// same closed forms, so 1e-9 relative.
var chiSquareCases = []struct {
	name         string
	x, nx, y, ny int
	stat, p      float64
}{
	{name: "typical", x: 15, nx: 50, y: 25, ny: 50, stat: 4.166666666666667, p: 0.041226833337163572},
	{name: "reoffending", x: 32, nx: 120, y: 45, ny: 118, stat: 3.5757665081172814, p: 0.058628385485371991},
	{name: "level90", x: 32, nx: 120, y: 45, ny: 118, stat: 3.5757665081172814, p: 0.058628385485371991},
	{name: "zero_cell", x: 0, nx: 20, y: 5, ny: 20, stat: 5.7142857142857144, p: 0.016827409482756819},
	{name: "all_events_one_arm", x: 10, nx: 10, y: 0, ny: 12, stat: 21.999999999999996, p: 2.726504656155503e-06},
	{name: "no_events", x: 0, nx: 30, y: 0, ny: 30, stat: math.NaN(), p: math.NaN()},
	{name: "all_events", x: 8, nx: 8, y: 9, ny: 9, stat: math.NaN(), p: math.NaN()},
	{name: "tiny", x: 1, nx: 2, y: 0, ny: 1, stat: 0.75, p: 0.38647623077123266},
	{name: "tiny_one_each", x: 1, nx: 1, y: 0, ny: 1, stat: 2, p: 0.15729920705028447},
	{name: "symmetric", x: 10, nx: 20, y: 10, ny: 20, stat: 0, p: 1},
	{name: "unequal_arms", x: 3, nx: 7, y: 12, ny: 40, stat: 0.45321428571428574, p: 0.50081248052101279},
	{name: "huge", x: 500800, nx: 1000000, y: 499000, ny: 1000000, stat: 6.4800002592000103, p: 0.010909496773367319},
	{name: "huge_null", x: 300000, nx: 1000000, y: 300000, ny: 1000000, stat: 0, p: 1},
	{name: "fisher_tiny_p", x: 505, nx: 505, y: 0, ny: 505, stat: 1010, p: 1.2040293624008282e-221},
	{name: "chisq_tiny_p", x: 700, nx: 700, y: 0, ny: 700, stat: 1400, p: 2.1010145162641344e-306},
}

func TestChiSquare(t *testing.T) {
	const tol = 1e-9
	for _, c := range chiSquareCases {
		r, err := ChiSquare(c.x, c.nx, c.y, c.ny)
		if math.IsNaN(c.stat) {
			if !errors.Is(err, ErrZeroVariance) {
				t.Errorf("%s: err = %v, want ErrZeroVariance (R gives NaN)", c.name, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if !sameFloat(r.Statistic, c.stat, tol) || !sameFloat(r.P, c.p, tol) || r.DF != 1 {
			t.Errorf("%s: got %+v, want X2 %.17g p %.17g (R)", c.name, r, c.stat, c.p)
		}
	}
}

func ExampleChiSquare() {
	r, err := ChiSquare(15, 50, 25, 50)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("X2 = %.3f, df = %g, p = %.4f\n", r.Statistic, r.DF, r.P)
	// Output:
	// X2 = 4.167, df = 1, p = 0.0412
}

func FuzzChiSquare(f *testing.F) {
	f.Add(15, 50, 25, 50)
	f.Add(0, 1, 0, 1)
	f.Fuzz(func(t *testing.T, x, nx, y, ny int) {
		if nx > 1e9 || ny > 1e9 {
			t.Skip()
		}
		r, err := ChiSquare(x, nx, y, ny)
		if err != nil {
			return
		}
		if !(r.Statistic >= 0) || !(r.P >= 0 && r.P <= 1) {
			t.Errorf("ChiSquare(%d, %d, %d, %d) = %+v", x, nx, y, ny, r)
		}
	})
}
