package report

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/evalkit/evalkit/rct/analysis"
)

// Provenance says where an analysis came from, for the report's footer,
// and what its units are called.
type Provenance struct {
	// DataFile names the analysed file (the report shows its base name) and
	// DataSHA256 is its SHA-256 in hex.
	DataFile, DataSHA256 string
	// Version is evalkit's release and Date when the analysis was run.
	Version string
	Date    time.Time
	// Units and Clusters name what was randomised in the plural, as
	// ParseUnitsLabel returns them; empty for "participants" and
	// "clusters".
	Units, Clusters string
}

// ParseUnitsLabel reads evalkit analyse's --units-label: "pupils" names
// the units randomised (or, in a cluster trial, the units within the
// clusters), and "schools,pupils" the clusters and the units. An empty
// label gives empty names, the report's defaults.
func ParseUnitsLabel(s string) (clusters, units string, err error) {
	if strings.TrimSpace(s) == "" {
		return "", "", nil
	}
	parts := strings.Split(s, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
		if parts[i] == "" {
			return "", "", fmt.Errorf("%q has an empty name: give UNITS or CLUSTERS,UNITS, such as schools,pupils", s)
		}
	}
	switch len(parts) {
	case 1:
		return "", parts[0], nil
	case 2:
		return parts[0], parts[1], nil
	}
	return "", "", errors.New("give UNITS or CLUSTERS,UNITS, such as schools,pupils, not " + fmt.Sprint(len(parts)) + " names")
}

// AnalysisOf returns what the report of the analysis r shows, the report
// `evalkit analyse --report` writes: each comparison's headline
// (analysis.Result.Headline), its estimate and effect sizes, the
// randomisation p-value, the sentence that describes it
// (analysis.Result.Describe) and the warnings that concern it; the arms'
// outcomes in words and their participant flow (analysis.Result.Flow); and
// the balance of the covariates. Nothing of a row but its outcome value is
// carried, and that only into plots.
func AnalysisOf(r *analysis.Result, p Provenance) Analysis {
	a := Analysis{
		Title:       fmt.Sprintf("Trial analysis: %s by arm", r.Outcome),
		DataFile:    filepath.Base(p.DataFile),
		DataSHA256:  p.DataSHA256,
		Version:     p.Version,
		Date:        p.Date.UTC(),
		Outcome:     r.Outcome,
		OutcomeUnit: r.Plan.Unit,
		OutcomeType: r.Type.String(),
		Units:       p.Units,
		Clusters:    p.Clusters,
		Level:       r.Level,
		Warnings:    r.CommonWarnings(),
		Attrition:   r.Attrition,
	}
	if r.Design != nil {
		a.Allocation = "the allocation of " + filepath.Base(r.Design.Manifest)
	}
	for i, arm := range r.Arms {
		s := ArmSummary{Arm: arm.Arm, Randomised: arm.N + arm.NMissing, Analysed: arm.N, Missing: arm.NMissing,
			Values: arm.Values, Summary: armWords(r, arm)}
		if i < len(r.Flow) && r.Flow[i].Arm == arm.Arm {
			f := r.Flow[i]
			s.Randomised, s.NotInData, s.Missing, s.Excluded = f.Allocated, f.NotInData, f.NoOutcome, f.Excluded
			s.ClustersRandomised, s.ClustersAnalysed = f.ClustersAllocated, f.ClustersAnalysed
		}
		a.Arms = append(a.Arms, s)
	}
	for _, c := range r.Comparisons {
		rc := Comparison{Treatment: c.Treatment, Control: c.Control, Method: c.Method.String(),
			Measure: c.Method.Measure(r.Type), Sentence: r.Describe(c), Headline: c.Headline,
			Estimate: c.Estimate, Low: c.CILow, High: c.CIHigh, P: c.PValue, Log: c.Method.Ratio(),
			Notes: c.Notes, Warnings: r.WarningsOf(c)}
		if rc.Log {
			rc.NullValue = 1
		}
		if c.RIDraws != nil && c.RIPValue == c.RIPValue {
			rc.Randomisation = &RandomisationP{P: c.RIPValue, Low: c.RICILow, High: c.RICIHigh, Draws: *c.RIDraws, Exact: *c.RIExact}
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

// armWords describes arm's outcome in words: "mean 88.1 (SD 6.02)",
// "75 of 191 (39.3%)", or a count's "rate 0.120 (312 in 2,600 weeks)".
func armWords(r *analysis.Result, arm analysis.Arm) string {
	switch r.Type {
	case analysis.Continuous:
		return "mean " + analysisNumber(arm.Mean) + " (SD " + analysisNumber(arm.SD) + ")"
	case analysis.Binary:
		if arm.N == 0 {
			return "no outcomes"
		}
		return flowThousands(arm.Events) + " of " + flowThousands(arm.N) + " (" + flowShare(arm.Events, arm.N) + ")"
	}
	if r.Columns.Exposure == "" {
		return "mean " + analysisNumber(arm.Rate) + " (total " + analysisNumber(arm.Total) + ")"
	}
	return "rate " + analysisNumber(arm.Rate) + " (" + analysisNumber(arm.Total) + " in " + analysisNumber(arm.Exposure) + " " + r.Columns.Exposure + ")"
}
