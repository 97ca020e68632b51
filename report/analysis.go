package report

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/evalkit/evalkit/rct/analysis"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// ErrInvalidAnalysis is wrapped by every error RenderAnalysis returns for
// an Analysis that cannot be drawn honestly (negative counts, a comparison
// naming an arm that is not listed, a ratio that is not positive, ...).
var ErrInvalidAnalysis = errors.New("report: invalid analysis")

// MaxAnalysisArms is the most arms (the control among them) an analysis
// report draws. Each arm adds a row to the flow diagram and to the
// distribution and forest plots, and the time and memory of the drawing
// grow with them: 20 arms take about 2.5 s and 60 MB, 200 arms 20 s and
// 330 MB, and 10,000 arms over 300 s and 16 GB.
const MaxAnalysisArms = 20

// ErrTooManyArms is wrapped by RenderAnalysis's error for an Analysis with
// more than MaxAnalysisArms arms, returned before anything is drawn.
var ErrTooManyArms = errors.New("report: too many arms to draw")

// Analysis is everything an analysis report shows. It carries counts,
// summaries and the outcome values of each arm, never a row-level
// identifier: callers must not put identifiers (ids, names, addresses,
// dates of birth) into any of its strings, and the report never prints an
// outcome value on its own, only plots and summaries of them.
type Analysis struct {
	// Title heads the report, e.g. "Focused deterrence: re-offending at 12 months".
	Title string
	// DataFile is the name of the analysed CSV file and DataSHA256 its
	// SHA-256 in hex. The report shows only the file's base name: a path
	// could reveal a user's directories.
	DataFile, DataSHA256 string
	// Version is evalkit's release that produced the results.
	Version string
	// Date is when the analysis was run; the report shows it in UTC.
	Date time.Time

	// Outcome is the outcome column's name and OutcomeUnit its unit
	// ("days", "offences per year"; empty when it has none).
	Outcome, OutcomeUnit string
	// OutcomeType is "continuous", "binary" (values 0 and 1) or "count".
	OutcomeType string
	// Units names what was randomised, or in a cluster trial the units
	// within the clusters, in the plural ("people", "hotspots", "pupils");
	// empty means "participants". Clusters names a cluster trial's
	// clusters ("schools"); empty means "clusters".
	Units, Clusters string
	// Allocation names where the counts randomised come from, such as a
	// randomise manifest's file name; empty means the trial file's rows.
	Allocation string
	// Level is the confidence level of every interval, e.g. 0.95; 0 means 0.95.
	Level float64

	// Arms lists every arm in the order the report shows them, the control
	// first (it is drawn in grey, ArmColor(0)). Each arm keeps its colour in
	// every plot.
	Arms []ArmSummary
	// Comparisons are the treatment-versus-control estimates.
	Comparisons []Comparison
	// Balance holds the standardised differences of baseline covariates
	// (each non-control arm against the control); empty when there are none.
	Balance []BalanceRow
	// Attrition is the trial's attrition table (analysis.Result.Attrition);
	// nil when every unit randomised was analysed.
	Attrition *analysis.AttritionTable
	// Warnings are what a reader must know before reporting the results,
	// each "code: message" (analysis.Result.CommonWarnings): those that
	// concern every comparison; a comparison's own are in its Warnings.
	// The report shows them beside the results.
	Warnings []string
}

// ArmSummary is one arm's participant flow and its outcome values.
type ArmSummary struct {
	// Arm is the arm's label.
	Arm string
	// Randomised counts the units allocated to the arm, Analysed those in
	// the analysis, NotInData those allocated without a row in the trial
	// file and Missing those left out for a missing outcome (together
	// lost to follow-up), and Excluded those left out for another missing
	// value (the counts of a CONSORT flow diagram).
	Randomised, Analysed, NotInData, Missing, Excluded int
	// ClustersRandomised counts a cluster trial's clusters allocated to
	// the arm and ClustersAnalysed those with a unit analysed; 0 without
	// clusters.
	ClustersRandomised, ClustersAnalysed int
	// Values are the analysed outcome values, for the distribution plot; nil
	// when they are not to be drawn. NaN and ±Inf are ignored.
	Values []float64
	// Summary describes the arm's outcome in words for the report's table of
	// arms, e.g. "mean 88.1 (SD 6.0)" or "66 of 151 (43.7%)"; may be empty.
	Summary string
}

// RandomisationP is a randomisation-inference p-value: P from Draws
// re-randomisations, with the 99% Monte Carlo interval [Low, High] of a
// sampled one, or Exact over every allocation.
type RandomisationP struct {
	P, Low, High float64
	Draws        int
	Exact        bool
}

// Comparison is one treatment arm's effect against the control.
type Comparison struct {
	// Treatment and Control are arm labels listed in Analysis.Arms.
	Treatment, Control string
	// Method names the estimator ("welch_t", "fisher_exact", ...).
	Method string
	// Measure names the estimate in words ("difference in means", "risk
	// difference", "rate ratio"). When empty, RenderAnalysis names the
	// estimate of evalkit analyse's methods, else "difference" or "ratio".
	Measure string
	// Sentence says in one plain sentence how the estimate was made; the
	// report prints it as given. When empty, RenderAnalysis writes the
	// sentence for evalkit analyse's methods (welch_t, ols_hc2, ols_cr2,
	// fisher_exact, negbin_glm, poisson_exact, poisson_glm).
	Sentence string
	// Estimate is the effect with its confidence interval [Low, High] and
	// the two-sided p-value P (NaN when there is none).
	Estimate, Low, High, P float64
	// NullValue is the value of no effect: 0 for differences, 1 for ratios.
	NullValue float64
	// Log draws the effect on a logarithmic axis (ratios).
	Log bool
	// EffectSizes are further measures of the same effect.
	EffectSizes []Effect
	// Notes say why a number is undefined or how it was computed, each
	// "key: text" as analysis.Comparison's; the report prints them beside
	// the comparison, and Warnings (each "code: message") those that
	// concern it alone.
	Notes, Warnings []string
	// Headline is the comparison in one plain sentence
	// (analysis.Result.Headline); the report opens with it.
	Headline string
	// Randomisation is the randomisation-inference p-value; nil without.
	Randomisation *RandomisationP
}

// Effect is one effect size with its confidence interval.
type Effect struct {
	// Measure names it ("cohens_d", "risk_ratio", ...).
	Measure string
	// Value is the effect size and [Low, High] its confidence interval.
	Value, Low, High float64
	// Log marks a ratio: drawn on a logarithmic axis, no effect at 1
	// (otherwise no effect is at 0).
	Log bool
}

// BalanceRow is a baseline covariate's standardised difference between an
// arm and the control: (mean in arm - mean in control) / pooled SD.
type BalanceRow struct {
	Covariate string
	Arm       string
	SMD       float64
}

// Rendered is a rendered analysis report.
type Rendered struct {
	// HTML is the self-contained report.html: plots inline as SVG, no
	// external resources and no scripts.
	HTML []byte
	// Markdown is summary.md, the headlines and the results table for a
	// board paper; nil for a report without one.
	Markdown []byte
	// PNG maps each plot's file name (flow.png, distribution.png,
	// forest.png, balance.png) to the plot as PNG.
	PNG map[string][]byte
}

// Files returns the report's files by name: report.html, summary.md when
// there is one, and the plots.
func (r *Rendered) Files() map[string][]byte {
	files := map[string][]byte{"report.html": r.HTML}
	if r.Markdown != nil {
		files["summary.md"] = r.Markdown
	}
	for name, b := range r.PNG {
		files[name] = b
	}
	return files
}

// RenderAnalysis draws a's plots and builds its HTML report. It does no file
// I/O: the caller writes the HTML and the PNG files.
//
// Special cases:
//
//	more than MaxAnalysisArms arms                 → error wrapping ErrTooManyArms
//	no arms, an arm listed twice, a negative count → error wrapping ErrInvalidAnalysis
//	OutcomeType unknown, Level outside (0, 1)      → error wrapping ErrInvalidAnalysis
//	a binary Value other than 0, 1 or NaN          → error wrapping ErrInvalidAnalysis
//	a comparison or balance row naming an unlisted arm, a ratio
//	comparison with NullValue <= 0                 → error wrapping ErrInvalidAnalysis
//	no arm with finite Values                      → no distribution.png
//	no comparisons                                 → no forest.png
//	no balance rows                                → no balance.png
//	an estimate or bound not finite (or <= 0 for
//	a ratio)                                       → "not estimable" or an open interval
func RenderAnalysis(a Analysis) (*Rendered, error) {
	if err := validateAnalysis(a); err != nil {
		return nil, err
	}
	a = analysisDefaults(a)
	armNames := make([]string, len(a.Arms))
	for i, arm := range a.Arms {
		armNames[i] = arm.Arm
	}
	var figs []analysisFigure

	flow := ConsortDiagram(a)
	fw, fh := flow.Size()
	figs = append(figs, analysisFigure{
		name: "flow", title: "Participant flow (CONSORT 2010): allocated, lost to follow-up, analysed and excluded, by arm", figure: flow,
		w: fw, h: fh,
	})

	if hasAnalysisValues(a.Arms) {
		dist, err := DistributionPlot(a)
		if err != nil {
			return nil, err
		}
		figs = append(figs, analysisFigure{
			name: "distribution", title: "Distribution of the outcome by arm", figure: dist,
			w: PlotWidth, h: PlotHeight,
		})
	}

	if len(a.Comparisons) > 0 {
		forest, err := ForestPlot(a.Comparisons, armNames, a.Level)
		if err != nil {
			return nil, err
		}
		figs = append(figs, analysisFigure{
			name: "forest", title: "Forest plot: each comparison's effect and effect sizes with confidence intervals; the dashed line is no effect", figure: forest,
			w: PlotWidth, h: forest.Height(),
		})
	}

	if len(a.Balance) > 0 {
		bal, err := BalancePlot(a.Balance, armNames)
		if err != nil {
			return nil, err
		}
		figs = append(figs, analysisFigure{
			name: "balance", title: "Covariate balance: standardised differences from control, with reference lines at ±0.1", figure: bal,
			w: PlotWidth, h: BalancePlotHeight(a.Balance),
		})
	}

	out := &Rendered{PNG: make(map[string][]byte, len(figs))}
	for i := range figs {
		f := &figs[i]
		png, err := renderAnalysisPNG(f.figure, f.w, f.h)
		if err != nil {
			return nil, fmt.Errorf("report: %s plot: %w", f.name, err)
		}
		out.PNG[f.name+".png"] = png
		svg, err := renderAnalysisSVG(f.figure, f.w, f.h)
		if err != nil {
			return nil, fmt.Errorf("report: %s plot: %w", f.name, err)
		}
		f.svg = svg
	}
	pg := analysisPageOf(a, figs)
	html, err := analysisHTML(pg)
	if err != nil {
		return nil, err
	}
	out.HTML, out.Markdown = html, analysisMarkdown(pg)
	return out, nil
}

// analysisDrawer is anything that draws itself on a canvas: a *plot.Plot or a
// stack of plots.
type analysisDrawer interface {
	Draw(c draw.Canvas)
}

// analysisFigure is one plot of the report with its renderings.
type analysisFigure struct {
	name, title string
	figure      analysisDrawer
	w, h        vg.Length
	svg         []byte
}

// renderAnalysisPNG draws d at w by h and PNGDPI.
func renderAnalysisPNG(d analysisDrawer, w, h vg.Length) ([]byte, error) {
	c := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(PNGDPI))
	d.Draw(draw.New(c))
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: c}).WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// renderAnalysisSVG draws d at w by h as SVG without its XML declaration,
// ready to be inlined in HTML. Fonts are named, not embedded.
func renderAnalysisSVG(d analysisDrawer, w, h vg.Length) ([]byte, error) {
	c := vgsvg.New(w, h)
	d.Draw(draw.New(c))
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return nil, err
	}
	b := buf.Bytes()
	if i := bytes.Index(b, []byte("<svg")); i >= 0 {
		b = b[i:]
	}
	return b, nil
}

// validateAnalysis checks what the plots rely on.
func validateAnalysis(a Analysis) error {
	if len(a.Arms) == 0 {
		return fmt.Errorf("%w: no arms", ErrInvalidAnalysis)
	}
	if len(a.Arms) > MaxAnalysisArms {
		return fmt.Errorf("%w: %d arms, and a report draws at most %d (the analysis itself has no such limit)", ErrTooManyArms, len(a.Arms), MaxAnalysisArms)
	}
	if a.Level != 0 && !(a.Level > 0 && a.Level < 1) {
		return fmt.Errorf("%w: confidence level %v is not between 0 and 1", ErrInvalidAnalysis, a.Level)
	}
	switch a.OutcomeType {
	case "continuous", "binary", "count":
	default:
		return fmt.Errorf("%w: outcome type %q is not continuous, binary or count", ErrInvalidAnalysis, a.OutcomeType)
	}
	seen := make(map[string]bool, len(a.Arms))
	for _, arm := range a.Arms {
		if seen[arm.Arm] {
			return fmt.Errorf("%w: arm %q listed twice", ErrInvalidAnalysis, arm.Arm)
		}
		seen[arm.Arm] = true
		if min(arm.Randomised, arm.Analysed, arm.NotInData, arm.Missing, arm.Excluded, arm.ClustersRandomised, arm.ClustersAnalysed) < 0 {
			return fmt.Errorf("%w: arm %q has a negative count", ErrInvalidAnalysis, arm.Arm)
		}
		if a.OutcomeType == "binary" {
			for _, v := range arm.Values {
				if v != 0 && v != 1 && !math.IsNaN(v) {
					return fmt.Errorf("%w: binary outcome of arm %q has value %v", ErrInvalidAnalysis, arm.Arm, v)
				}
			}
		}
	}
	for _, c := range a.Comparisons {
		if !seen[c.Treatment] || !seen[c.Control] {
			return fmt.Errorf("%w: comparison %q vs %q names an arm not listed", ErrInvalidAnalysis, c.Treatment, c.Control)
		}
		if c.Log && !(c.NullValue > 0) {
			return fmt.Errorf("%w: comparison %q vs %q is a ratio with no-effect value %v", ErrInvalidAnalysis, c.Treatment, c.Control, c.NullValue)
		}
	}
	for _, b := range a.Balance {
		if !seen[b.Arm] {
			return fmt.Errorf("%w: balance of %q names arm %q, not listed", ErrInvalidAnalysis, b.Covariate, b.Arm)
		}
	}
	return nil
}

// analysisArmIndex maps each arm's label to its position in arms, which
// chooses its colour.
func analysisArmIndex(arms []string) map[string]int {
	m := make(map[string]int, len(arms))
	for i, a := range arms {
		if _, ok := m[a]; !ok {
			m[a] = i
		}
	}
	return m
}

// hasAnalysisValues reports whether any arm has a finite outcome value.
func hasAnalysisValues(arms []ArmSummary) bool {
	for _, a := range arms {
		for _, v := range a.Values {
			if !math.IsNaN(v) && !math.IsInf(v, 0) {
				return true
			}
		}
	}
	return false
}

var _ analysisDrawer = (*plot.Plot)(nil)
