package rct

import (
	"math"
	"testing"

	"github.com/evalkit/evalkit/internal/table"
	"gonum.org/v1/gonum/floats/scalar"
)

// Reference values from testdata/r/rct_balance.R (R 4.2.2, base R) on
// testdata/rct/balance.csv: a missing value, a missing level and an
// outlier (1e3) in the control arm.
func TestBalanceAgainstR(t *testing.T) {
	tb, err := table.ReadFile("../testdata/rct/balance.csv")
	if err != nil {
		t.Fatal(err)
	}
	arm, _ := tb.Column("arm")
	arms := []string{"control", "letter", "visit"}
	x, _, err := tb.Float("baseline_crimes")
	if err != nil {
		t.Fatal(err)
	}
	risk, _ := tb.Column("risk")
	num := BalanceNumeric("baseline_crimes", x, arm, arms, "control")
	cat := BalanceCategorical("risk", risk, arm, arms, "control")
	const tol = 1e-12
	tests := []struct {
		name      string
		got, want float64
	}{
		// (mean(xa) - mean(xc)) / sqrt((var(xa) + var(xc)) / 2)
		{"smd letter", num[0].Diff, -0.30739473831740999},
		{"smd visit", num[1].Diff, -0.31597488859434159},
		{"mean letter", num[0].Mean, 12.666666666666666},
		{"sd letter", num[0].SD, 5.6568542494923806},
		{"mean control", num[0].MeanControl, 63.5},
		{"sd control", num[0].SDControl, 233.7976123261565},
		{"sd visit", num[1].SD, 5.230405611149374},
		// mean(ra == l) - mean(rc == l); levels sorted: high, low.
		{"share letter high", cat[0].Diff, 0.15277777777777779},
		{"share visit high", cat[1].Diff, 0.33333333333333337},
		{"share letter low", cat[2].Diff, -0.15277777777777779},
		{"share visit low", cat[3].Diff, -0.33333333333333337},
	}
	for _, tc := range tests {
		if !scalar.EqualWithinAbsOrRel(tc.got, tc.want, tol, tol) {
			t.Errorf("%s = %.17g, want %.17g", tc.name, tc.got, tc.want)
		}
	}
	if cat[0].Level != "high" || cat[0].Arm != "letter" || len(cat) != 4 {
		t.Errorf("categorical rows: %+v", cat)
	}
}

func TestBalanceUndefined(t *testing.T) {
	rows := BalanceNumeric("x", []float64{1, 1, 1, 1}, []string{"c", "c", "t", "t"}, []string{"c", "t"}, "c")
	if !math.IsNaN(rows[0].Diff) {
		t.Errorf("zero variance: d = %v, want NaN", rows[0].Diff)
	}
	rows = BalanceNumeric("x", []float64{1, 2, 3}, []string{"c", "c", "t"}, []string{"c", "t"}, "c")
	if !math.IsNaN(rows[0].Diff) {
		t.Errorf("one value: d = %v, want NaN", rows[0].Diff)
	}
}

func TestProbabilities(t *testing.T) {
	d := designTest(30, 2, 0, []string{"a", "b", "c"}, []int{2, 2, 1})
	L, err := d.Lay()
	if err != nil {
		t.Fatal(err)
	}
	P, err := L.Probabilities(Options{Method: Blocks, BlockSizes: []int{5}}, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if P[7][0] != 0.4 || P[7][2] != 0.2 {
		t.Errorf("blocks: %v", P[7])
	}
	opt := Options{Method: Minimise, Factors: []Column{{Name: "f", Values: factorTest(30)}}}
	P, err = L.Probabilities(opt, 2000, 1)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range P {
		if s := p[0] + p[1] + p[2]; math.Abs(s-1) > 1e-12 {
			t.Fatalf("unit %d: probabilities sum to %v", i, s)
		}
	}
	// Across units, the shares follow the ratio (2:2:1) closely.
	var mean [3]float64
	for _, p := range P {
		for j := range mean {
			mean[j] += p[j] / float64(len(P))
		}
	}
	t.Logf("mean probabilities %v", mean)
	if math.Abs(mean[2]-0.2) > 0.03 || math.Abs(mean[0]-0.4) > 0.03 {
		t.Errorf("mean probabilities %v, want about (0.4 0.4 0.2)", mean)
	}
	// With equal weights the first unit of each stratum is drawn at random.
	d.Ratio = nil
	L, _ = d.Lay()
	P, _ = L.Probabilities(opt, 3000, 1)
	for _, i := range []int{0, 1} {
		if math.Abs(P[i][2]-1.0/3) > 5*math.Sqrt(2.0/9/3000) {
			t.Errorf("unit %d: P = %v, want about 1/3 each", i, P[i])
		}
	}
}
