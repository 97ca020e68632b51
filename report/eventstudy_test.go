package report

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/evalkit/evalkit/qed"
)

// eventStudyExample is the dynamic aggregation of
// testdata/qed/panel_staggered.csv (testdata/r/did.out), rounded.
func eventStudyExample() []qed.EventTime {
	nan := math.NaN()
	rows := [][3]float64{{-5, -0.1327, 0.8391}, {-4, -0.3616, 0.5283}, {-3, -0.1662, 0.4475}, {-2, 0.0163, 0.3494},
		{-1, 0, nan}, {0, 1.6758, 0.2986}, {1, 2.4924, 0.3038}, {2, 3.1154, 0.4139}, {3, 3.4741, 0.5456}, {4, 5.2198, 0.6763}}
	var out []qed.EventTime
	for _, r := range rows {
		out = append(out, qed.EventTime{EventTime: r[0], Estimate: r[1], SE: r[2], CILow: r[1] - 1.96*r[2], CIHigh: r[1] + 1.96*r[2]})
	}
	return out
}

func TestEventStudyPlotGolden(t *testing.T) {
	p, err := EventStudyPlot(eventStudyExample(), "attendance", 0.95)
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "eventstudy_staggered", p, PlotWidth, PlotHeight)
	// Only post-treatment times and an undefined estimate.
	short := eventStudyExample()[4:7]
	short[1].Estimate = math.NaN()
	p, err = EventStudyPlot(short, "a very long outcome name that would not fit on the axis of any plot at all", 0.9)
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "eventstudy_short", p, PlotWidth, PlotHeight)
}

func TestEventStudyPlotEmpty(t *testing.T) {
	if _, err := EventStudyPlot(nil, "y", 0.95); !errors.Is(err, ErrNoEventStudy) {
		t.Errorf("no events: err = %v", err)
	}
	if _, err := EventStudyPlot([]qed.EventTime{{EventTime: 0, Estimate: math.NaN()}}, "y", 0.95); !errors.Is(err, ErrNoEventStudy) {
		t.Errorf("no finite estimate: err = %v", err)
	}
}

func TestRenderDiD(t *testing.T) {
	res := &qed.DiDResult{Outcome: "attendance", Method: "callaway_santanna", Level: 0.95, SMSLevel: 3,
		Simple:  qed.Effect{Estimate: 2.83, SE: 0.34, DF: math.NaN(), CILow: 2.16, CIHigh: 3.51, PValue: 1e-16},
		Dynamic: &qed.Dynamic{ByEventTime: eventStudyExample()}, Warnings: []string{"unbalanced_panel: 3 unit-periods are missing"},
		PretrendP: 0.26, PretrendChi2: 11.2}
	out, err := RenderDiD(res, Provenance{DataFile: "dir/panel.csv", Version: "test", Date: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	html := string(out.HTML)
	for _, want := range []string{"level 3 of the Maryland Scientific Methods Scale", "would raise the evidence to level 5",
		"<svg", "eventstudy.png", "unbalanced_panel", "Data file panel.csv", "is 2.83 (95% CI 2.16 to 3.51; p &lt; 0.001)"} {
		if !strings.Contains(html, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(html, "http") && strings.Contains(html, "src=") {
		t.Error("the report loads something")
	}
	files := out.Files()
	if len(files) != 2 || files["eventstudy.png"] == nil || files["report.html"] == nil {
		t.Errorf("files %v", len(files))
	}
	res.Method, res.Dynamic = "twfe_cr2", nil // one cohort: no event study
	out, err = RenderDiD(res, Provenance{})
	if err != nil || len(out.PNG) != 0 {
		t.Errorf("one cohort: %d plots, err %v", len(out.PNG), err)
	}
}
