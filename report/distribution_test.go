package report

import (
	"encoding/csv"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
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

// TestDistributionBoxStats checks the box plot's five numbers against R on
// testdata/analysis/boxstats.csv.
func TestDistributionBoxStats(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "analysis", "boxstats.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	sets := map[string][]float64{}
	for _, r := range recs[1:] {
		v, err := strconv.ParseFloat(r[1], 64)
		if err != nil {
			t.Fatal(err)
		}
		sets[r[0]] = append(sets[r[0]], v)
	}
	// Values printed by testdata/r/boxstats.R: boxplot.stats(x)$stats,
	// R 4.2.2, sprintf("%.17g"). R is exact here, so the tolerance is 1e-12.
	tests := []struct {
		name string
		want [5]float64
	}{
		{"odd_outlier", [5]float64{1, 2, 4, 7, 9}},
		{"even", [5]float64{1.25, 3, 4.5, 6.875, 8}},
		{"ties", [5]float64{2, 2, 2.5, 3, 3}},
		{"one", [5]float64{42.5, 42.5, 42.5, 42.5, 42.5}},
		{"two", [5]float64{-1, -1, 0, 1, 1}},
		{"both_tails", [5]float64{0.10000000000000001, 0.15000000000000002, 0.29999999999999999, 0.45000000000000001, 0.5}},
		{"normal40", [5]float64{77.536670999999998, 84.577230499999999, 88.418244999999999, 91.053449000000001, 98.305182000000002}},
		{"skewed33", [5]float64{0.19998299999999999, 2.7074790000000002, 4.3362550000000004, 6.5364050000000002, 10.416357}},
	}
	const tol = 1e-12
	for _, tc := range tests {
		x := sets[tc.name]
		if len(x) == 0 {
			t.Fatalf("%s: no data", tc.name)
		}
		sorted := slices.Clone(x)
		slices.Sort(sorted)
		got := distributionBoxStats(sorted)
		for i := range got {
			if !scalar.EqualWithinAbsOrRel(got[i], tc.want[i], tol, tol) {
				t.Errorf("%s: stats[%d] = %.17g, want %.17g", tc.name, i, got[i], tc.want[i])
			}
		}
	}
}
