package qed

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/evalkit/evalkit/rct/analysis"
)

// num formats a number as evalkit's tables do (four significant digits,
// NA where undefined).
var num = analysis.FormatNumber

// interval formats a confidence interval.
func interval(lo, hi float64) string {
	if math.IsNaN(lo) && math.IsNaN(hi) {
		return "NA"
	}
	return "[" + num(lo) + ", " + num(hi) + "]"
}

// levelText is the level as a percentage, "95%".
func levelText(l float64) string { return strconv.FormatFloat(100*l, 'g', 6, 64) + "%" }

// writeLines writes b's text with trailing spaces trimmed from every line.
func writeLines(w io.Writer, b *strings.Builder) error {
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	_, err := io.WriteString(w, strings.Join(lines, "\n"))
	return err
}

// writeFooter prints the warnings and the evidence sentence.
func writeFooter(b *strings.Builder, warnings []string, design string) {
	if len(warnings) > 0 {
		b.WriteString("\nWarnings:\n")
		for _, w := range warnings {
			fmt.Fprintf(b, "  %s\n", w)
		}
	}
	fmt.Fprintf(b, "\n%s\n", SMSStatement(design))
}

// DiDDesign is the design's description in the evidence sentence.
const DiDDesign = "a difference in differences: treated units' change in outcome compared with the change among comparable units not (yet) treated"

// WriteText prints the result for a person, as evalkit did does without
// --json.
func (r *DiDResult) WriteText(w io.Writer) error {
	var b strings.Builder
	lv := levelText(r.Level)
	fmt.Fprintf(&b, "Difference in differences: %s, %d units over %d periods (%d rows, %d without an outcome)\n", r.Outcome, r.Units, r.Periods, r.Rows, r.Missing)
	var cohorts []string
	for _, c := range r.Cohorts {
		cohorts = append(cohorts, fmt.Sprintf("%s (%d units)", num(c.FirstTreated), c.Units))
	}
	fmt.Fprintf(&b, "Cohorts first treated in period %s; never treated: %d units\n", strings.Join(cohorts, ", "), r.NeverTreated)
	if r.Method == "twfe_cr2" {
		fmt.Fprintf(&b, "Method: two-way fixed effects (unit and period), CR2 standard errors clustered by %d clusters, Bell-McCaffrey df\n\n", r.Clusters)
	} else {
		b.WriteString("Method: Callaway and Sant'Anna (2021), ATT(g,t) against the never treated, base period g-1; standard errors from the influence functions, clustered on unit; normal intervals\n\n")
	}
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  \testimate\tse\t%s CI\tdf\tp\n", lv)
	row := func(name string, e Effect) {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\n", name, num(e.Estimate), num(e.SE), interval(e.CILow, e.CIHigh), num(e.DF), num(e.PValue))
	}
	if r.Dynamic == nil {
		row("ATT (treated x after)", r.Simple)
	} else {
		row("simple ATT", r.Simple)
		row("dynamic ATT (e >= 0)", r.Dynamic.Effect)
	}
	tw.Flush()
	if r.Dynamic != nil {
		b.WriteString("\nEvent study (e = period - first treated period; e = -1 is the base period)\n")
		tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(tw, "e\testimate\tse\t%s CI\t\n", lv)
		for _, e := range r.Dynamic.ByEventTime {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t\n", num(e.EventTime), num(e.Estimate), num(e.SE), interval(e.CILow, e.CIHigh))
		}
		tw.Flush()
		fmt.Fprintf(&b, "\nPre-trend test of the %s pre-treatment ATT(g,t): chi2 = %s, p = %s\n", dfText(r.PretrendDF), num(r.PretrendChi2), num(r.PretrendP))
		b.WriteString("\nATT(g,t)\n")
		tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprint(tw, "group\ttime\tatt\tse\t\n")
		for _, c := range r.ATTGT {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t\n", num(c.Group), num(c.Time), num(c.ATT), num(c.SE))
		}
		tw.Flush()
	}
	if r.RIDraws != nil {
		kind := fmt.Sprintf("from %d permutations of the cohorts across units", *r.RIDraws)
		if *r.RIExact {
			kind = fmt.Sprintf("exact, over all %d assignments of the cohorts to units", *r.RIDraws)
		}
		fmt.Fprintf(&b, "\nRandomisation p-value of the %s: %s (%s)\n", map[bool]string{true: "estimate", false: "simple ATT"}[r.Method == "twfe_cr2"], num(r.RIPValue), kind)
	}
	writeFooter(&b, r.Warnings, DiDDesign)
	return writeLines(w, &b)
}

// dfText prints q, or "no" without pre-treatment cells.
func dfText(q *int) string {
	if q == nil {
		return "no"
	}
	return strconv.Itoa(*q)
}
