package report

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"testing"
)

func TestDistributionPlotGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		a    Analysis
	}{
		{"distribution_box", analysisExampleNavigators()},
		{"distribution_shares", analysisExampleDeterrence()},
		{"distribution_counts", analysisExampleHotspots(6000)},
		{"distribution_histogram", analysisBenchContinuous(5000)},
		{"distribution_awkward", analysisExampleAwkward()},
		{"distribution_many_arms", analysisExampleManyArms()},
	} {
		p, err := DistributionPlot(tc.a)
		if err != nil {
			t.Fatal(err)
		}
		checkGolden(t, tc.name, p, PlotWidth, PlotHeight)
	}
}

func TestDistributionPlotErrors(t *testing.T) {
	a := analysisExampleNavigators()
	for i := range a.Arms {
		a.Arms[i].Values = []float64{math.NaN()}
	}
	if _, err := DistributionPlot(a); !errors.Is(err, ErrInvalidAnalysis) {
		t.Errorf("no values: err = %v, want ErrInvalidAnalysis", err)
	}
	b := analysisExampleDeterrence()
	b.Arms[1].Values[3] = 0.5
	if _, err := DistributionPlot(b); !errors.Is(err, ErrInvalidAnalysis) {
		t.Errorf("binary 0.5: err = %v, want ErrInvalidAnalysis", err)
	}
}

func TestDistributionSample(t *testing.T) {
	sorted := make([]float64, 1001)
	for i := range sorted {
		sorted[i] = float64(i)
	}
	tests := []struct {
		name string
		in   []float64
		m    int
		want []float64
	}{
		{"all kept", sorted[:3], 5, []float64{0, 1, 2}},
		{"evenly spaced", sorted, 5, []float64{0, 250, 500, 750, 1000}},
		{"ends kept", sorted, 2, []float64{0, 1000}},
	}
	for _, tc := range tests {
		if got := distributionSample(tc.in, tc.m); !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}

func ExampleDistributionPlot() {
	a := Analysis{
		Outcome: "reoffended", OutcomeType: "binary", Units: "people",
		Arms: []ArmSummary{
			{Arm: "control", Values: []float64{1, 0, 0, 1}},
			{Arm: "call-in", Values: []float64{0, 0, 1, 0}},
		},
	}
	p, err := DistributionPlot(a)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Title.Text)
	// Output:
	// Share of people with outcome "reoffended" by arm
}
