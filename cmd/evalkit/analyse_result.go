package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/stat"

	"github.com/evalkit/evalkit/stats"
)

// analyseResult is the output of evalkit analyse; its JSON keys are those of
// the contract (docs: spec/cli.md, "evalkit analyse"), plus n_missing_arm.
type analyseResult struct {
	Outcome     string              `json:"outcome"`
	Type        string              `json:"type"`
	Level       float64             `json:"level"`
	Arms        []any               `json:"arms"`
	Comparisons []analyseComparison `json:"comparisons"`
	NMissingArm int                 `json:"n_missing_arm"`
	arms        []analyseArmSummary // the same arms, for the table
	data        *analyseData        // what was analysed

	// Balance and Warnings are additions of part 2 (analyse_balance.go).
	Balance  []analyseBalanceRow `json:"balance,omitempty"`
	Warnings []string            `json:"warnings,omitempty"`
}

// analyseArmSummary describes one arm; the fields of the outcome's type are
// filled.
type analyseArmSummary struct {
	Arm      string
	N        int
	NMissing int
	// continuous
	Mean, SD float64
	// binary
	Events int
	Risk   float64
	// count
	Total, Exposure, Rate float64
}

// JSON forms of an arm, one per outcome type.
type (
	analyseArmContinuous struct {
		Arm      string  `json:"arm"`
		N        int     `json:"n"`
		NMissing int     `json:"n_missing"`
		Mean     float64 `json:"mean"`
		SD       float64 `json:"sd"`
	}
	analyseArmBinary struct {
		Arm      string  `json:"arm"`
		N        int     `json:"n"`
		NMissing int     `json:"n_missing"`
		Events   int     `json:"events"`
		Risk     float64 `json:"risk"`
	}
	analyseArmCount struct {
		Arm      string  `json:"arm"`
		N        int     `json:"n"`
		NMissing int     `json:"n_missing"`
		Total    float64 `json:"total"`
		Exposure float64 `json:"exposure"`
		Rate     float64 `json:"rate"`
	}
)

// analyseComparison is one treatment arm compared with the control.
// Undefined numbers are NaN (null in JSON) and the reason is in Notes.
type analyseComparison struct {
	Treatment   string          `json:"treatment"`
	Control     string          `json:"control"`
	Method      string          `json:"method"`
	Estimate    float64         `json:"estimate"`
	SE          float64         `json:"se"`
	CILow       float64         `json:"ci_low"`
	CIHigh      float64         `json:"ci_high"`
	PValue      float64         `json:"p_value"`
	DF          float64         `json:"df"`
	EffectSizes []analyseEffect `json:"effect_sizes"`
	Tests       []analyseTest   `json:"tests"`
	RIPValue    float64         `json:"ri_p_value"`
	PHolm       float64         `json:"p_holm"`
	Notes       []string        `json:"notes"`
}

// analyseEffect is an effect size with its interval.
type analyseEffect struct {
	Measure string  `json:"measure"`
	Value   float64 `json:"value"`
	CILow   float64 `json:"ci_low"`
	CIHigh  float64 `json:"ci_high"`
}

// analyseTest is a further test of the same comparison.
type analyseTest struct {
	Method    string  `json:"method"`
	Statistic float64 `json:"statistic"`
	PValue    float64 `json:"p_value"`
}

// newAnalyseComparison returns a comparison of t with c by method with
// every number undefined until the method fills it in.
func newAnalyseComparison(t, c *analyseArm, method string) analyseComparison {
	nan := math.NaN()
	return analyseComparison{
		Treatment: t.label, Control: c.label, Method: method,
		Estimate: nan, SE: nan, CILow: nan, CIHigh: nan, PValue: nan, DF: nan,
		EffectSizes: []analyseEffect{}, Tests: []analyseTest{},
		RIPValue: nan, PHolm: nan, Notes: []string{},
	}
}

// note records why a number is undefined or how it was computed.
func (c *analyseComparison) note(format string, a ...any) {
	c.Notes = append(c.Notes, fmt.Sprintf(format, a...))
}

// analyseMethod builds the comparison of a treatment arm with the control
// by one method. Part 2 of the analysis (covariates, blocks, clusters) adds
// methods of the same form.
type analyseMethod func(t, c *analyseArm, level float64) analyseComparison

// analyseRun summarises the arms and compares each treatment arm with the
// control, adjusting the p-values with Holm's method.
func analyseRun(o *analyseOptions, d *analyseData, method analyseMethod) *analyseResult {
	r := &analyseResult{Outcome: o.outcome, Type: d.typ, Level: o.level, NMissingArm: d.nMissingArm, data: d}
	for _, a := range append([]*analyseArm{d.control}, d.treatments...) {
		s := summariseArm(a)
		r.arms = append(r.arms, s)
		switch d.typ {
		case "continuous":
			r.Arms = append(r.Arms, analyseArmContinuous{s.Arm, s.N, s.NMissing, s.Mean, s.SD})
		case "binary":
			r.Arms = append(r.Arms, analyseArmBinary{s.Arm, s.N, s.NMissing, s.Events, s.Risk})
		case "count":
			r.Arms = append(r.Arms, analyseArmCount{s.Arm, s.N, s.NMissing, s.Total, s.Exposure, s.Rate})
		}
	}
	p := make([]float64, len(d.treatments))
	for i, t := range d.treatments {
		c := method(t, d.control, o.level)
		r.Comparisons = append(r.Comparisons, c)
		p[i] = c.PValue
	}
	for i, ph := range stats.Holm(p) {
		r.Comparisons[i].PHolm = ph
	}
	return r
}

// summariseArm counts an arm and describes its outcome.
func summariseArm(a *analyseArm) analyseArmSummary {
	nan := math.NaN()
	s := analyseArmSummary{Arm: a.label, N: len(a.y), NMissing: a.nMissing,
		Mean: nan, SD: nan, Risk: nan, Rate: nan}
	if s.N > 0 {
		s.Mean = stat.Mean(a.y, nil)
		s.Risk = s.Mean
	}
	if s.N > 1 {
		s.SD = stat.StdDev(a.y, nil)
	}
	s.Total = floats.Sum(a.y)
	s.Events = int(s.Total)
	if a.exposure != nil {
		s.Exposure = floats.Sum(a.exposure)
		if s.Exposure > 0 {
			s.Rate = s.Total / s.Exposure
		}
	}
	return s
}

// jsonValue returns the value --json prints.
func (r *analyseResult) jsonValue() any { return r }
