package report

import (
	"fmt"
	"math"
	"testing"
)

func TestBalancePlotGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		a    Analysis
	}{
		{"balance_navigators", analysisExampleNavigators()},
		{"balance_awkward", analysisExampleAwkward()},
		{"balance_many_arms", analysisExampleManyArms()},
	} {
		var arms []string
		for _, arm := range tc.a.Arms {
			arms = append(arms, arm.Arm)
		}
		p, err := BalancePlot(tc.a.Balance, arms)
		if err != nil {
			t.Fatal(err)
		}
		checkGolden(t, tc.name, p, PlotWidth, BalancePlotHeight(tc.a.Balance))
	}
}

func TestBalancePlotAxis(t *testing.T) {
	tests := []struct {
		name    string
		smd     []float64
		wantMax float64
	}{
		{"small differences keep ±0.25", []float64{0.01, -0.05}, 0.25},
		{"large difference widens", []float64{0.4, -0.1}, 0.46},
		{"undefined ignored", []float64{math.NaN(), math.Inf(1), 0.02}, 0.25},
	}
	for _, tc := range tests {
		var rows []BalanceRow
		for i, s := range tc.smd {
			rows = append(rows, BalanceRow{Covariate: fmt.Sprint("x", i), Arm: "t", SMD: s})
		}
		p, err := BalancePlot(rows, []string{"c", "t"})
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(p.X.Max-tc.wantMax) > 1e-12 || p.X.Min != -p.X.Max {
			t.Errorf("%s: axis [%v, %v], want ±%v", tc.name, p.X.Min, p.X.Max, tc.wantMax)
		}
	}
}

func ExampleBalancePlot() {
	rows := []BalanceRow{
		{Covariate: "age", Arm: "navigator", SMD: 0.04},
		{Covariate: "prior arrests", Arm: "navigator", SMD: -0.13},
	}
	p, err := BalancePlot(rows, []string{"control", "navigator"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Title.Text)
	fmt.Println(p.X.Min, p.X.Max)
	// Output:
	// Covariate balance: standardised difference from control
	// -0.25 0.25
}
