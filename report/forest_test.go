package report

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

func TestForestPlotGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		a    Analysis
	}{
		{"forest_deterrence", analysisExampleDeterrence()},
		{"forest_awkward", analysisExampleAwkward()},
		{"forest_hotspots", analysisExampleHotspots(100)},
	} {
		var arms []string
		for _, arm := range tc.a.Arms {
			arms = append(arms, arm.Arm)
		}
		f, err := ForestPlot(tc.a.Comparisons, arms, tc.a.Level)
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range f.Panels {
			checkGolden(t, fmt.Sprintf("%s_panel%d", tc.name, i), p, PlotWidth, forestPanelOverhead+vg.Length(f.rows[i])*forestRowHeight)
		}
	}
}

func TestForestPlotPanels(t *testing.T) {
	f, err := ForestPlot(analysisExampleDeterrence().Comparisons, []string{"control", "call-in", "call-in + support"}, 0.9)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Panels) != 2 {
		t.Fatalf("%d panels, want 2 (risk difference; ratios)", len(f.Panels))
	}
	if got := f.Panels[0].X.Label.Text; got != "risk difference (90% CI)" {
		t.Errorf("estimate axis %q", got)
	}
	if _, ok := f.Panels[1].X.Scale.(plot.LogScale); !ok {
		t.Error("ratios are not on a log axis")
	}
	if f.Panels[1].X.Min > 1 || f.Panels[1].X.Max < 1 {
		t.Error("the ratio axis does not show no effect")
	}
	bad := []Comparison{{Treatment: "b", Control: "a", Estimate: 2, Low: 1, High: 3, Log: true}}
	if _, err := ForestPlot(bad, []string{"a", "b"}, 0); !errors.Is(err, ErrInvalidAnalysis) {
		t.Errorf("ratio with no-effect 0: err = %v", err)
	}
}

func TestForestRatioTicks(t *testing.T) {
	tests := []struct {
		name   string
		lo, hi float64
		want   []float64
	}{
		{"wide", 0.008, 12, []float64{0.01, 0.1, 1, 10}},
		{"middle", 0.3, 1.3, []float64{0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.2}},
		{"1-2-5", 0.04, 3, []float64{0.05, 0.1, 0.2, 0.5, 1, 2}},
		{"narrow", 0.78, 0.9, []float64{0.8, 0.9}},
		{"no ratios", 0, 1, nil},
		{"infinite", 1, math.Inf(1), nil},
	}
	for _, tc := range tests {
		ticks := forestRatioTicks{}.Ticks(tc.lo, tc.hi)
		var got []float64
		for _, tk := range ticks {
			got = append(got, tk.Value)
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%s: ticks %v, want %v", tc.name, got, tc.want)
		}
	}
}

func ExampleForestPlot() {
	cs := []Comparison{{
		Treatment: "patrol", Control: "control", Method: "negbin_glm", Measure: "rate ratio",
		Estimate: 0.81, Low: 0.78, High: 0.84, P: 1e-12, NullValue: 1, Log: true,
		EffectSizes: []Effect{{Measure: "difference in mean crimes", Value: -0.6, Low: -0.7, High: -0.5}},
	}}
	f, err := ForestPlot(cs, []string{"control", "patrol"}, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range f.Panels {
		fmt.Println(p.Title.Text)
	}
	// Output:
	// Effect of each arm against control
	// Effect sizes (no effect at 0)
}
