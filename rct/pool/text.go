package pool

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"
	"unicode/utf8"

	"github.com/evalkit/evalkit/internal/table"
	"github.com/evalkit/evalkit/rct/analysis"
	"github.com/evalkit/evalkit/stats"
)

// WriteText prints the result for a person, as evalkit pool does without
// --json: a line saying what was pooled, a table of the sites (estimate, se,
// interval and weight; for ratios also the ratio and its interval), the
// pooled estimate and the prediction interval, then the test of no effect
// and the heterogeneity. Numbers have four significant digits, NA where
// undefined.
func (r *Result) WriteText(w io.Writer) error {
	p := &r.PoolResult
	var b strings.Builder
	ci := strconv.FormatFloat(100*p.Level, 'g', 6, 64) + "% CI"
	model := "random effects, tau² by " + p.Method.String()
	if p.Method == stats.PoolFE {
		model = "fixed effect"
	}
	scale := ""
	if r.Log {
		scale = ", ratios on the log scale"
	}
	fmt.Fprintf(&b, "Pooled effect of %d sites: %s%s\n\n", p.K, model, scale)

	names := make([]string, len(r.Names))
	width := utf8.RuneCountInString("prediction interval")
	for i, n := range r.Names {
		names[i] = displayName(n)
		width = max(width, utf8.RuneCountInString(names[i]))
	}
	pad := func(s string) string { return s + strings.Repeat(" ", width-utf8.RuneCountInString(s)) }
	tw := tabwriter.NewWriter(&b, 0, 0, 0, ' ', tabwriter.AlignRight) // cells after the first start with two spaces
	row := func(name string, est, se, lo, hi, weight float64) {
		fmt.Fprintf(tw, "%s\t  %s\t  %s\t  %s\t", pad(name), num(est), num(se), interval(lo, hi))
		if r.Log {
			fmt.Fprintf(tw, "  %s\t  %s\t", num(math.Exp(est)), interval(math.Exp(lo), math.Exp(hi)))
		}
		if !math.IsNaN(weight) {
			fmt.Fprintf(tw, "  %s%%", num(weight))
		}
		fmt.Fprint(tw, "\t\n")
	}
	if r.Log {
		fmt.Fprintf(tw, "%s\t  log ratio\t  se\t  %s\t  ratio\t  %s\t  weight\t\n", pad("site"), ci, ci)
	} else {
		fmt.Fprintf(tw, "%s\t  estimate\t  se\t  %s\t  weight\t\n", pad("site"), ci)
	}
	for i, s := range p.Studies {
		row(names[i], s.Estimate, s.SE, s.CILow, s.CIHigh, s.Weight)
	}
	row("pooled", p.Estimate, p.SE, p.CILow, p.CIHigh, math.NaN())
	if p.Method != stats.PoolFE {
		fmt.Fprintf(tw, "%s\t\t\t  %s\t", pad("prediction interval"), interval(p.PILow, p.PIHigh))
		if r.Log {
			fmt.Fprintf(tw, "\t  %s\t", interval(math.Exp(p.PILow), math.Exp(p.PIHigh)))
		}
		fmt.Fprint(tw, "\t\n")
	}
	tw.Flush()

	fmt.Fprintf(&b, "\ntest of no effect: z = %s, p = %s\n", num(p.Z), num(p.P))
	if p.Method == stats.PoolFE {
		fmt.Fprintf(&b, "heterogeneity (tau² = 0 by assumption): I² = %s%%, H² = %s\n", num(p.I2), num(p.H2))
	} else {
		fmt.Fprintf(&b, "heterogeneity: tau² = %s (se %s), tau = %s, I² = %s%%, H² = %s\n", num(p.Tau2), num(p.Tau2SE), num(p.Tau), num(p.I2), num(p.H2))
	}
	fmt.Fprintf(&b, "Q = %s on %s df, p = %s\n", num(p.Q), num(p.QDF), num(p.QP))
	lines := strings.SplitAfter(b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \n") + "\n"
	}
	_, err := io.WriteString(w, strings.Join(lines[:len(lines)-1], ""))
	return err
}

// num formats a number as the table shows it (analysis.FormatNumber).
func num(v float64) string { return analysis.FormatNumber(v) }

// interval formats an interval as "low to high".
func interval(lo, hi float64) string { return num(lo) + " to " + num(hi) }

// displayName is a site's name as the table prints it: control characters
// (a tab, a line break) as spaces, and clipped to about 60 bytes.
func displayName(s string) string {
	return table.Clip(strings.Map(func(c rune) rune {
		if unicode.IsControl(c) {
			return ' '
		}
		return c
	}, s))
}
