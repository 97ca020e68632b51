package stats

import (
	"math"
	"strconv"
	"testing"
)

// fuzzPanel builds a small panel from fuzz bytes: units × periods cells,
// each present or not, with an outcome, and each unit's cohort.
func fuzzPanel(b []byte) (y, time, group []float64, unit, tl []string, treated []bool) {
	if len(b) < 2 {
		return
	}
	units, periods := int(b[0]%7)+2, int(b[1]%6)+2
	b = b[2:]
	for u := 0; u < units && len(b) > 0; u++ {
		g := float64(int(b[0]) % (periods + 2))
		b = b[1:]
		for t := 1; t <= periods && len(b) > 0; t++ {
			if b[0]%5 == 0 {
				b = b[1:]
				continue
			}
			y = append(y, float64(int8(b[0]))/8)
			time = append(time, float64(t))
			group = append(group, g)
			unit = append(unit, strconv.Itoa(u))
			tl = append(tl, strconv.Itoa(t))
			treated = append(treated, g > 0 && float64(t) >= g)
			b = b[1:]
		}
	}
	return
}

func FuzzTWFE(f *testing.F) {
	f.Add([]byte{3, 3, 2, 10, 20, 30, 0, 11, 12, 40, 0, 1, 2, 3, 2, 7, 8, 90})
	f.Add([]byte{5, 4, 3, 1, 2, 3, 4, 0, 9, 9, 9, 9, 3, 1, 1, 1, 200, 0, 4, 4, 4, 4})
	f.Fuzz(func(t *testing.T, b []byte) {
		y, _, _, unit, tl, d := fuzzPanel(b)
		if len(y) == 0 {
			return
		}
		if r, err := TWFE(y, d, unit, tl, nil, 0); err == nil && r.SE < 0 {
			t.Fatalf("negative se %v", r.SE)
		}
	})
}

func FuzzCallawaySantAnna(f *testing.F) {
	f.Add([]byte{3, 3, 2, 10, 20, 30, 0, 11, 12, 40, 0, 1, 2, 3, 2, 7, 8, 90})
	f.Add([]byte{6, 5, 3, 1, 2, 3, 4, 0, 9, 9, 9, 9, 4, 1, 1, 1, 200, 0, 4, 4, 4, 4, 0, 1, 2, 3, 4, 5})
	f.Fuzz(func(t *testing.T, b []byte) {
		y, time, group, unit, _, _ := fuzzPanel(b)
		if len(y) == 0 {
			return
		}
		if r, err := CallawaySantAnna(y, time, group, unit, 0); err == nil && len(r.Cells) == 0 {
			t.Fatal("no cells")
		}
	})
}

// FuzzMatching runs the matching estimators on fuzzed units: a treatment
// bit, two covariates, an outcome and a stratum each.
func FuzzMatching(f *testing.F) {
	f.Add([]byte{1, 10, 20, 5, 0, 0, 12, 22, 6, 1, 1, 30, 2, 7, 0, 0, 3, 4, 8, 1, 0, 9, 9, 9, 0}, 0.2)
	f.Fuzz(func(t *testing.T, b []byte, caliper float64) {
		var treated []bool
		var x [2][]float64
		var y []float64
		var exact []string
		for ; len(b) >= 5; b = b[5:] {
			treated = append(treated, b[0]%2 == 1)
			x[0] = append(x[0], float64(int8(b[1])))
			x[1] = append(x[1], float64(b[2]%2))
			y = append(y, float64(int8(b[3])))
			exact = append(exact, strconv.Itoa(int(b[4]%2)))
		}
		if len(y) < 2 {
			return
		}
		names := []string{"x0", "x1"}
		treat := make([]float64, len(y))
		for i, tr := range treated {
			if tr {
				treat[i] = 1
			}
		}
		if ps, err := Logistic(treat, names, x[:], GLMOptions{}); err == nil {
			if m, err := NearestMatch(ps.Fitted, treated, NearestMatchOptions{Caliper: math.Abs(caliper), Exact: exact}); err == nil {
				for i, p := range m.Partner {
					if p >= 0 && (m.Partner[p] != i || treated[p] == treated[i]) {
						t.Fatalf("unit %d matched to %d", i, p)
					}
				}
			}
		}
		if eb, err := EntropyBalanceATT(x[:], names, treated); err == nil {
			_ = Balance(x[0], treated, eb.Weights)
			_, _ = WLS(y, eb.Weights, []string{"t"}, [][]float64{treat}, OLSOptions{Cov: HC2})
		}
	})
}
