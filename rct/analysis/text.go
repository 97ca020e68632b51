package analysis

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

// WriteText prints the result for a person, as evalkit analyse does
// without --json: the arms, then one block per comparison with its
// estimate, effect sizes, tests and notes, then the balance of the
// covariates and the warnings. Under a plan it starts with the plan's
// line and ends with the secondary outcomes' results.
func (r *Result) WriteText(w io.Writer) error {
	var b strings.Builder
	level := strconv.FormatFloat(100*r.Level, 'g', 6, 64) + "%"
	if p := r.PlanInfo; p != nil {
		fmt.Fprintf(&b, "Plan %s (sha256 %s), %s\n", p.File, p.SHA256, p.state())
	}
	fmt.Fprintf(&b, "Outcome %s (%s), %s intervals\n\n", r.Outcome, r.Type, level)

	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	switch r.Type {
	case Continuous:
		fmt.Fprint(tw, "arm\tn\tmissing\tmean\tsd\t\n")
	case Binary:
		fmt.Fprint(tw, "arm\tn\tmissing\tevents\trisk\t\n")
	default:
		fmt.Fprint(tw, "arm\tn\tmissing\ttotal\texposure\trate\t\n")
	}
	for _, a := range r.Arms {
		fmt.Fprintf(tw, "%s\t%d\t%d\t", a.Arm, a.N, a.NMissing)
		switch r.Type {
		case Continuous:
			fmt.Fprintf(tw, "%s\t%s\t\n", FormatNumber(a.Mean), FormatNumber(a.SD))
		case Binary:
			fmt.Fprintf(tw, "%d\t%s\t\n", a.Events, FormatNumber(a.Risk))
		default:
			fmt.Fprintf(tw, "%s\t%s\t%s\t\n", formatWhole(a.Total), formatWhole(a.Exposure), FormatNumber(a.Rate))
		}
	}
	tw.Flush()
	if r.NMissingArm > 0 {
		fmt.Fprintf(&b, "rows without an arm, left out: %d\n", r.NMissingArm)
	}

	for _, c := range r.Comparisons {
		fmt.Fprintf(&b, "\n%s vs %s: %s\n", c.Treatment, c.Control, c.Method)
		if c.Headline != "" {
			fmt.Fprintf(&b, "  %s\n", c.Headline)
		}
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "  \tvalue\t%s CI\tdf\tp\tp (%s)\n", level, adjName[r.Plan.Adjust])
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\n", c.Method.Measure(r.Type), FormatNumber(c.Estimate),
			formatCI(c.CILow, c.CIHigh), FormatNumber(c.DF), FormatNumber(c.PValue), FormatNumber(c.PAdjusted))
		for _, e := range c.EffectSizes {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t\t\t\n", e.Measure, FormatNumber(e.Value), formatCI(e.CILow, e.CIHigh))
		}
		if c.Method == MixedREML {
			fmt.Fprintf(tw, "  icc (Searle CI)\t%s\t%s\t\t\t\n", FormatNumber(c.ICC), formatCI(c.ICCCILow, c.ICCCIHigh))
			if r.Plan.SiteSlopes {
				fmt.Fprintf(tw, "  var_site_intercept\t%s\t\t\t\t\n  var_site_slope\t%s\t\t\t\t\n  cor_site\t%s\t\t\t\t\n", FormatNumber(c.VarSiteIntercept), FormatNumber(c.VarSiteSlope), FormatNumber(c.CorSite))
			} else {
				fmt.Fprintf(tw, "  var_cluster\t%s\t\t\t\t\n", FormatNumber(c.VarCluster))
			}
			fmt.Fprintf(tw, "  var_residual\t%s\t\t\t\t\n", FormatNumber(c.VarResidual))
		}
		for _, t := range c.Tests {
			stat := FormatNumber(t.Statistic)
			if t.Method == "mann_whitney" {
				stat = formatWhole(t.Statistic)
			}
			fmt.Fprintf(tw, "  %s (%s)\t%s\t\t\t%s\t\n", t.Method, statisticName(t.Method), stat, FormatNumber(t.PValue))
		}
		writeCACE(tw, c)
		writeSubgroups(tw, c, r.Columns.Subgroup)
		writeLeeBounds(tw, c)
		tw.Flush()
		for _, n := range c.Notes {
			fmt.Fprintf(&b, "  note: %s\n", n)
		}
	}
	r.writeExtras(&b)
	for _, s := range r.Secondary {
		b.WriteString("\nSecondary outcome:\n")
		if err := s.WriteText(&b); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, trimLines(b.String()))
	return err
}

// state says whether the plan was locked, and whether it has changed.
func (p *PlanInfo) state() string {
	switch {
	case p.LockedAt == nil:
		return "not locked"
	case p.Changed:
		return "changed since its lock of " + p.LockedAt.UTC().Format(time.RFC3339)
	}
	return "locked " + p.LockedAt.UTC().Format(time.RFC3339)
}

// trimLines returns s without the spaces at the ends of its lines, which
// tabwriter's empty cells leave.
func trimLines(s string) string {
	lines := strings.SplitAfter(s, "\n")
	for i, l := range lines {
		if strings.HasSuffix(l, "\n") {
			lines[i] = strings.TrimRight(l, " \n") + "\n"
		}
	}
	return strings.Join(lines, "")
}

// adjName names an adjustment in the table's header.
var adjName = map[Adjustment]string{Holm: "Holm", BH: "BH"}

// statisticName names a test's statistic.
func statisticName(method string) string {
	switch method {
	case "student_t", "welch_t":
		return "t"
	case "mann_whitney":
		return "W"
	case "chi_square":
		return "X2"
	}
	return "statistic"
}

// formatWhole formats a number that is usually whole (a total count, a
// rank sum) in full, and any other number as FormatNumber does.
func formatWhole(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return FormatNumber(v)
}

// formatCI formats an interval.
func formatCI(lo, hi float64) string {
	if math.IsNaN(lo) && math.IsNaN(hi) {
		return "NA"
	}
	return "[" + FormatNumber(lo) + ", " + FormatNumber(hi) + "]"
}

// writeExtras prints the balance table and the warnings under the
// comparisons.
func (r *Result) writeExtras(b *strings.Builder) {
	if len(r.Balance) > 0 {
		fmt.Fprint(b, "\nBalance of covariates (std. difference = (mean - control mean) / sqrt((sd^2 + control sd^2)/2))\n")
		tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprint(tw, "covariate\tarm\tmean\tsd\tcontrol mean\tcontrol sd\tstd. difference\t\n")
		for _, v := range r.Balance {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", v.Name(), v.Arm, FormatNumber(v.Mean), FormatNumber(v.SD),
				FormatNumber(v.MeanControl), FormatNumber(v.SDControl), FormatNumber(v.StdDiff))
		}
		tw.Flush()
	}
	if r.Attrition != nil {
		r.Attrition.writeText(b)
	}
	if len(r.Warnings) > 0 {
		fmt.Fprintln(b)
		for _, w := range r.Warnings {
			fmt.Fprintf(b, "warning: %s\n", w)
		}
	}
}
