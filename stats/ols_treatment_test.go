package stats

import (
	"errors"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

// TestTreatmentModelMatchesOLS checks the Frisch-Waugh-Lovell fast path
// against the full fit, on the observed and on permuted treatments.
func TestTreatmentModelMatchesOLS(t *testing.T) {
	d := modelsReadCSV(t, "lm.csv")
	y := d.num["y"]
	rng := rand.New(rand.NewPCG(1, 2))
	treats := [][]float64{d.num["t"], d.num["tcl"]}
	for k := 0; k < 3; k++ {
		p := append([]float64(nil), d.num["t"]...)
		rng.Shuffle(len(p), func(i, j int) { p[i], p[j] = p[j], p[i] })
		treats = append(treats, p)
	}
	for _, cov := range []CovType{Classical, HC0, HC1, HC2, HC3, CR2} {
		for _, block := range []bool{false, true} {
			opt := OLSOptions{Cov: cov}
			if block {
				opt.Block = d.labels("block")
			}
			if cov == CR2 {
				opt.Cluster = d.labels("cluster")
			}
			m, err := NewTreatmentModel(y, []string{"x1", "x2"}, d.cols("x1", "x2"), opt)
			if err != nil {
				t.Fatal(err)
			}
			for k, tr := range treats {
				b := make([]bool, len(tr))
				for i, v := range tr {
					b[i] = v == 1
				}
				got, err := m.Fit(b)
				if err != nil {
					t.Fatal(err)
				}
				full, err := OLS(y, []string{"t", "x1", "x2"}, [][]float64{tr, d.num["x1"], d.num["x2"]}, opt)
				if err != nil {
					t.Fatal(err)
				}
				j := 1
				if block {
					j = 0
				}
				want := full.Coefficients[j]
				for _, c := range []struct {
					what      string
					got, want float64
				}{{"estimate", got.Estimate, want.Estimate}, {"se", got.SE, want.SE}, {"df", got.DF, want.DF}, {"p", got.P, want.P}, {"ci low", got.CILow, want.CILow}} {
					if !scalar.EqualWithinAbsOrRel(c.got, c.want, 0, 1e-9) {
						t.Errorf("%v block=%v treatment %d: %s %.17g, full fit %.17g", cov, block, k, c.what, c.got, c.want)
					}
				}
			}
		}
	}
}

// TestTreatmentModelCR2AgainstR: lm_robust(y ~ tcl + x1 + x2 + factor(block),
// clusters = cluster, se_type = "CR2"), R 4.2.2, estimatr 1.0.0.
func TestTreatmentModelCR2AgainstR(t *testing.T) {
	d := modelsReadCSV(t, "lm.csv")
	m, err := NewTreatmentModel(d.num["y"], []string{"x1", "x2"}, d.cols("x1", "x2"),
		OLSOptions{Cov: CR2, Block: d.labels("block"), Cluster: d.labels("cluster")})
	if err != nil {
		t.Fatal(err)
	}
	b := make([]bool, len(d.num["tcl"]))
	for i, v := range d.num["tcl"] {
		b[i] = v == 1
	}
	got, err := m.Fit(b)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		what      string
		got, want float64
		tol       float64
	}{
		{"estimate", got.Estimate, -0.12466452138831483, 1e-9},
		{"se", got.SE, 0.45322784206689204, 1e-9},
		{"df", got.DF, 7.6707414900166668, 1e-8},
	} {
		if !scalar.EqualWithinAbsOrRel(c.got, c.want, 0, c.tol) {
			t.Errorf("%s = %.17g, want %.17g", c.what, c.got, c.want)
		}
	}
}

func TestTreatmentModelErrors(t *testing.T) {
	y := []float64{1, 2, 4, 3, 5, 7, 6, 8}
	x := []float64{1, 3, 2, 4, 6, 5, 8, 7}
	m, err := NewTreatmentModel(y, []string{"x"}, [][]float64{x}, OLSOptions{Block: []string{"a", "a", "a", "a", "b", "b", "b", "b"}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = m.Fit([]bool{true, true, true, true, false, false, false, false})
	if !errors.Is(err, ErrSingular) {
		t.Errorf("treatment constant within blocks: err = %v, want ErrSingular", err)
	}
	_, err = NewTreatmentModel(y, []string{"c"}, [][]float64{{2, 2, 2, 2, 2, 2, 2, 2}}, OLSOptions{})
	if !errors.Is(err, ErrSingular) {
		t.Errorf("constant covariate: err = %v, want ErrSingular", err)
	}
}
