package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	evreport "github.com/evalkit/evalkit/report"
)

// analyseReportPlots are the PNG files a report may hold; with --force, the
// ones this report does not draw are removed so that none is stale.
var analyseReportPlots = []string{"flow.png", "distribution.png", "forest.png", "balance.png"}

// analyseCheckReportDir refuses an existing --report directory without
// --force, before any work is done.
func analyseCheckReportDir(o *analyseOptions) error {
	if o.report == "" || o.force {
		return nil
	}
	if _, err := os.Lstat(o.report); err == nil {
		return fmt.Errorf("--report: %s %w", o.report, errExists)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("--report: %w", err)
	}
	return nil
}

// analyseWriteReport renders the report of res and writes DIR/report.html
// and DIR/*.png. A new directory is filled under a temporary name and
// renamed into place; an existing one (with --force) has each file
// replaced atomically.
func analyseWriteReport(o *analyseOptions, d *analyseData, res *analyseResult, now time.Time) error {
	sum, err := fileSHA256(o.in)
	if err != nil {
		return err
	}
	out, err := evreport.RenderAnalysis(analyseReportOf(o, d, res, sum, now))
	if err != nil {
		return fmt.Errorf("--report: %w", err)
	}
	files := map[string][]byte{"report.html": out.HTML}
	for name, b := range out.PNG {
		files[name] = b
	}
	if err := writeDirAtomic(filepath.Clean(o.report), files, analyseReportPlots, o.force); err != nil {
		return fmt.Errorf("--report: %w", err)
	}
	return nil
}

// analyseReportOf builds what the report shows: counts, outcome values by
// arm, the comparisons and the balance; no row-level identifier.
func analyseReportOf(o *analyseOptions, d *analyseData, res *analyseResult, sum string, now time.Time) evreport.Analysis {
	a := evreport.Analysis{
		Title:       fmt.Sprintf("Trial analysis: %s by arm", o.outcome),
		DataFile:    filepath.Base(o.in),
		DataSHA256:  sum,
		Version:     version,
		Date:        now.UTC(),
		Outcome:     o.outcome,
		OutcomeType: d.typ,
		Level:       o.level,
	}
	for _, arm := range append([]*analyseArm{d.control}, d.treatments...) {
		a.Arms = append(a.Arms, evreport.ArmSummary{Arm: arm.label, Randomised: len(arm.y) + arm.nMissing,
			Analysed: len(arm.y), Missing: arm.nMissing, Values: arm.y})
	}
	for _, c := range res.Comparisons {
		measure := analyseMeasure(c.Method, d.typ)
		ratio := strings.HasSuffix(measure, "ratio")
		rc := evreport.Comparison{Treatment: c.Treatment, Control: c.Control, Method: c.Method,
			Measure: measure, Sentence: analyseMethodSentence(o, d, c),
			Estimate: c.Estimate, Low: c.CILow, High: c.CIHigh, P: c.PValue, Log: ratio}
		if ratio {
			rc.NullValue = 1
		}
		for _, e := range c.EffectSizes {
			log := strings.HasSuffix(e.Measure, "_ratio")
			rc.EffectSizes = append(rc.EffectSizes, evreport.Effect{Measure: e.Measure, Value: e.Value, Low: e.CILow, High: e.CIHigh, Log: log})
		}
		a.Comparisons = append(a.Comparisons, rc)
	}
	for _, b := range res.Balance {
		a.Balance = append(a.Balance, evreport.BalanceRow{Covariate: b.Covariate, Arm: b.Arm, SMD: b.StdDiff})
	}
	return a
}

// analyseMethodSentence says in one plain sentence how a comparison was
// estimated.
func analyseMethodSentence(o *analyseOptions, d *analyseData, c analyseComparison) string {
	var adj []string
	if d.design != nil {
		if len(d.design.covNames) > 0 {
			adj = append(adj, strings.Join(d.design.covNames, ", "))
		}
		if d.design.block != nil {
			adj = append(adj, fmt.Sprintf("randomisation blocks (%s) as fixed effects", d.design.blockCol))
		}
	}
	adjusted := ""
	if len(adj) > 0 {
		adjusted = ", adjusted for " + strings.Join(adj, " and ")
	}
	exposure := ""
	if o.exposure != "" {
		exposure = " per unit of " + o.exposure
	}
	what := "mean " + o.outcome
	if d.typ == "binary" {
		what = "the risk of " + o.outcome + " (a linear probability model)"
	}
	var s string
	switch c.Method {
	case "welch_t":
		s = fmt.Sprintf("Difference in mean %s between %s and %s, by Welch's t-test (variances not assumed equal).", o.outcome, c.Treatment, c.Control)
	case "fisher_exact":
		s = fmt.Sprintf("Difference in the risk of %s between %s and %s with Newcombe's interval; p-value from Fisher's exact test.", o.outcome, c.Treatment, c.Control)
	case "poisson_exact":
		s = fmt.Sprintf("Ratio of the rates of %s%s in %s and %s, by the exact Poisson test.", o.outcome, exposure, c.Treatment, c.Control)
	case "negbin_glm", "poisson_glm":
		model := "negative-binomial"
		if c.Method == "poisson_glm" {
			model = "Poisson"
		}
		s = fmt.Sprintf("Rate ratio of %s%s in %s against %s from a %s regression%s, with a Wald interval.", o.outcome, exposure, c.Treatment, c.Control, model, adjusted)
	case "ols_hc2":
		s = fmt.Sprintf("Difference in %s between %s and %s by least squares%s, with HC2 robust standard errors.", what, c.Treatment, c.Control, adjusted)
	case "ols_cr2":
		s = fmt.Sprintf("Difference in %s between %s and %s by least squares%s, with CR2 standard errors robust to clustering by %s and Bell-McCaffrey degrees of freedom.", what, c.Treatment, c.Control, adjusted, d.design.clusterCol)
	default:
		s = fmt.Sprintf("%s compared with %s by %s.", c.Treatment, c.Control, c.Method)
	}
	if len(d.treatments) > 1 {
		s += fmt.Sprintf(" Only the rows of arms %s and %s are used; p-values are Holm-adjusted over the %d comparisons.", c.Treatment, c.Control, len(d.treatments))
	}
	if o.permutations > 0 && c.RIPValue == c.RIPValue {
		s += fmt.Sprintf(" Randomisation inference, re-randomising the trial as it was randomised (up to %d times; every allocation when there are no more), gives p = %s.", o.permutations, analyseNum(c.RIPValue))
	}
	return s
}
