package main

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/evalkit/evalkit/rct/analysis"
)

// analyseWriteTable prints the result for a person: the arms, then one
// block per comparison with its estimate, effect sizes, tests and notes,
// then the balance of the covariates and the warnings.
func analyseWriteTable(w io.Writer, r *analysis.Result) error {
	var b strings.Builder
	level := strconv.FormatFloat(100*r.Level, 'g', 6, 64) + "%"
	fmt.Fprintf(&b, "Outcome %s (%s), %s intervals\n\n", r.Outcome, r.Type, level)

	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	switch r.Type {
	case analysis.Continuous:
		fmt.Fprint(tw, "arm\tn\tmissing\tmean\tsd\t\n")
	case analysis.Binary:
		fmt.Fprint(tw, "arm\tn\tmissing\tevents\trisk\t\n")
	default:
		fmt.Fprint(tw, "arm\tn\tmissing\ttotal\texposure\trate\t\n")
	}
	for _, a := range r.Arms {
		fmt.Fprintf(tw, "%s\t%d\t%d\t", a.Arm, a.N, a.NMissing)
		switch r.Type {
		case analysis.Continuous:
			fmt.Fprintf(tw, "%s\t%s\t\n", analyseNum(a.Mean), analyseNum(a.SD))
		case analysis.Binary:
			fmt.Fprintf(tw, "%d\t%s\t\n", a.Events, analyseNum(a.Risk))
		default:
			fmt.Fprintf(tw, "%s\t%s\t%s\t\n", analyseWhole(a.Total), analyseWhole(a.Exposure), analyseNum(a.Rate))
		}
	}
	tw.Flush()
	if r.NMissingArm > 0 {
		fmt.Fprintf(&b, "rows without an arm, left out: %d\n", r.NMissingArm)
	}

	for _, c := range r.Comparisons {
		fmt.Fprintf(&b, "\n%s vs %s: %s\n", c.Treatment, c.Control, c.Method)
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "  \tvalue\t%s CI\tdf\tp\tp (Holm)\n", level)
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\n", c.Method.Measure(r.Type), analyseNum(c.Estimate),
			analyseCI(c.CILow, c.CIHigh), analyseNum(c.DF), analyseNum(c.PValue), analyseNum(c.PHolm))
		for _, e := range c.EffectSizes {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t\t\t\n", e.Measure, analyseNum(e.Value), analyseCI(e.CILow, e.CIHigh))
		}
		for _, t := range c.Tests {
			stat := analyseNum(t.Statistic)
			if t.Method == "mann_whitney" {
				stat = analyseWhole(t.Statistic)
			}
			fmt.Fprintf(tw, "  %s (%s)\t%s\t\t\t%s\t\n", t.Method, analyseStatisticName(t.Method), stat, analyseNum(t.PValue))
		}
		tw.Flush()
		for _, n := range c.Notes {
			fmt.Fprintf(&b, "  note: %s\n", n)
		}
	}
	analyseWriteExtras(&b, r)
	lines := strings.SplitAfter(b.String(), "\n")
	for i, l := range lines {
		if strings.HasSuffix(l, "\n") {
			lines[i] = strings.TrimRight(l, " \n") + "\n"
		}
	}
	_, err := io.WriteString(w, strings.Join(lines, ""))
	return err
}

// analyseStatisticName names a test's statistic.
func analyseStatisticName(method string) string {
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

// analyseNum formats a number for the table, with NA where undefined.
func analyseNum(v float64) string { return analysis.FormatNumber(v) }

// analyseWhole formats a number that is usually whole (a total count, a
// rank sum) in full, and any other number as analyseNum does.
func analyseWhole(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return analyseNum(v)
}

// analyseCI formats an interval.
func analyseCI(lo, hi float64) string {
	if math.IsNaN(lo) && math.IsNaN(hi) {
		return "NA"
	}
	return "[" + analyseNum(lo) + ", " + analyseNum(hi) + "]"
}

// analyseWriteExtras prints the balance table and the warnings under the
// comparisons.
func analyseWriteExtras(b *strings.Builder, r *analysis.Result) {
	if len(r.Balance) > 0 {
		fmt.Fprint(b, "\nBalance of covariates (std. difference = (mean - control mean) / sqrt((sd^2 + control sd^2)/2))\n")
		tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprint(tw, "covariate\tarm\tmean\tsd\tcontrol mean\tcontrol sd\tstd. difference\t\n")
		for _, v := range r.Balance {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", v.Covariate, v.Arm, analyseNum(v.Mean), analyseNum(v.SD),
				analyseNum(v.MeanControl), analyseNum(v.SDControl), analyseNum(v.StdDiff))
		}
		tw.Flush()
	}
	if len(r.Warnings) > 0 {
		fmt.Fprintln(b)
		for _, w := range r.Warnings {
			fmt.Fprintf(b, "warning: %s\n", w)
		}
	}
}
