package report

import (
	"errors"
	"fmt"
	"testing"

	"gonum.org/v1/plot/vg"
)

func TestFlowPlotGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		a    Analysis
	}{
		{"flow_deterrence", analysisExampleDeterrence()},
		{"flow_hotspots", analysisExampleHotspots(2000)},
		{"flow_awkward", analysisExampleAwkward()},
		{"flow_many_arms", analysisExampleManyArms()},
	} {
		p, err := FlowPlot(tc.a.Arms, tc.a.Units)
		if err != nil {
			t.Fatal(err)
		}
		checkGolden(t, tc.name, p, PlotWidth, FlowPlotHeight(len(tc.a.Arms)))
	}
}

func TestFlowPlotNegative(t *testing.T) {
	_, err := FlowPlot([]ArmSummary{{Arm: "a", Randomised: -1}}, "")
	if !errors.Is(err, ErrInvalidAnalysis) {
		t.Errorf("err = %v, want ErrInvalidAnalysis", err)
	}
}

func TestFlowLabels(t *testing.T) {
	tests := []struct {
		name          string
		n, randomised int
		share         bool
		want          string
	}{
		{"count only", 1234567, 0, false, "1,234,567"},
		{"small", 12, 0, false, "12"},
		{"thousand", 1000, 0, false, "1,000"},
		{"share", 151, 160, true, "151 (94.4%)"},
		{"all", 160, 160, true, "160 (100.0%)"},
		{"none", 0, 160, true, "0 (0.0%)"},
		{"nearly all", 10000, 10005, true, "10,000 (> 99.9%)"},
		{"nearly none", 5, 10005, true, "5 (< 0.1%)"},
		{"nothing randomised", 3, 0, true, "3"},
	}
	for _, tc := range tests {
		if got := flowCountLabel(tc.n, tc.randomised, tc.share); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
	if got := flowThousands(-1234); got != "-1,234" {
		t.Errorf("flowThousands(-1234) = %q", got)
	}
}

func ExampleFlowPlot() {
	arms := []ArmSummary{
		{Arm: "control", Randomised: 160, Analysed: 151, Missing: 9},
		{Arm: "call-in", Randomised: 158, Analysed: 150, Missing: 8},
	}
	p, err := FlowPlot(arms, "people")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Title.Text)
	fmt.Println(p.X.Label.Text)
	// Output:
	// Flow of people by arm: randomised, analysed, missing outcome
	// number of people
}

func ExampleFlowPlotHeight() {
	fmt.Printf("%.2f in for two arms, %.2f in for six\n", FlowPlotHeight(2)/vg.Inch, FlowPlotHeight(6)/vg.Inch)
	// Output: 2.56 in for two arms, 6.11 in for six
}
