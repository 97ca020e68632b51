package report

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/evalkit/evalkit/rct/analysis"
)

// Provenance says where an analysis came from, for the report's footer.
type Provenance struct {
	// DataFile names the analysed file (the report shows its base name) and
	// DataSHA256 is its SHA-256 in hex.
	DataFile, DataSHA256 string
	// Version is evalkit's release and Date when the analysis was run.
	Version string
	Date    time.Time
}

// AnalysisOf returns what the report of the analysis r shows, the report
// `evalkit analyse --report` writes: the arms' counts and outcome values,
// each comparison with the sentence that describes it
// (analysis.Result.Describe) and its effect sizes, and the balance of the
// covariates. Nothing of a row but its outcome value is carried, and that
// only into plots.
func AnalysisOf(r *analysis.Result, p Provenance) Analysis {
	a := Analysis{
		Title:       fmt.Sprintf("Trial analysis: %s by arm", r.Outcome),
		DataFile:    filepath.Base(p.DataFile),
		DataSHA256:  p.DataSHA256,
		Version:     p.Version,
		Date:        p.Date.UTC(),
		Outcome:     r.Outcome,
		OutcomeType: r.Type.String(),
		Level:       r.Level,
		Warnings:    r.Warnings,
	}
	for _, arm := range r.Arms {
		a.Arms = append(a.Arms, ArmSummary{Arm: arm.Arm, Randomised: arm.N + arm.NMissing,
			Analysed: arm.N, Missing: arm.NMissing, Values: arm.Values})
	}
	for _, c := range r.Comparisons {
		rc := Comparison{Treatment: c.Treatment, Control: c.Control, Method: c.Method.String(),
			Measure: c.Method.Measure(r.Type), Sentence: r.Describe(c),
			Estimate: c.Estimate, Low: c.CILow, High: c.CIHigh, P: c.PValue, Log: c.Method.Ratio()}
		if rc.Log {
			rc.NullValue = 1
		}
		for _, e := range c.EffectSizes {
			rc.EffectSizes = append(rc.EffectSizes, Effect{Measure: e.Measure, Value: e.Value,
				Low: e.CILow, High: e.CIHigh, Log: strings.HasSuffix(e.Measure, "_ratio")})
		}
		a.Comparisons = append(a.Comparisons, rc)
	}
	for _, b := range r.Balance {
		a.Balance = append(a.Balance, BalanceRow{Covariate: b.Name(), Arm: b.Arm, SMD: b.StdDiff})
	}
	return a
}
