package qed

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// MatchDesign describes the design in the evidence sentence.
func MatchDesign(method string) string {
	if method == "ebal" {
		return "a comparison of treated units with untreated units reweighted to the treated units' means of the measured characteristics (entropy balancing)"
	}
	return "a comparison of treated units with untreated units matched on a propensity score of the measured characteristics"
}

// WriteText prints the result for a person, as evalkit match does without
// --json.
func (r *MatchResult) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Treatment %s: %d treated, %d controls (%d rows, %d with a missing value left out)\n", r.Treat, r.Treated, r.Controls, r.Rows, r.Missing)
	if r.Method == "ebal" {
		fmt.Fprintf(&b, "Method: entropy balancing of the controls to the treated means; effective sample size of the controls %s (largest mean gap left %s)\n", num(r.ESS), num(r.MaxMeanGap))
	} else {
		fmt.Fprintf(&b, "Method: 1:1 nearest-neighbour matching without replacement on a logistic propensity score, largest score first")
		if r.CaliperWidth > 0 {
			fmt.Fprintf(&b, ", caliper %s SD (%s)", num(r.Caliper), num(r.CaliperWidth))
		}
		if r.NMatched != nil {
			fmt.Fprintf(&b, "; %d matched pairs", *r.NMatched)
		}
		b.WriteString("\n")
	}
	b.WriteString("\nBalance (std. difference = difference in means / SD of the treated; variance ratio treated / control)\n")
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "covariate\tSMD before\tSMD after\tvar ratio before\tvar ratio after\t\n")
	for _, v := range r.Balance {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t\n", v.Covariate, num(v.SMDBefore), num(v.SMDAfter), num(v.VarRatioBefore), num(v.VarRatioAfter))
	}
	tw.Flush()
	if e := r.Effect; e != nil {
		fmt.Fprintf(&b, "\nEffect on the treated (%s): %s, se %s, %s CI %s, df %s, p = %s\n", map[bool]string{true: "weighted least squares, HC2", false: "matched pairs, CR2 by pair"}[r.Method == "ebal"],
			num(e.Estimate), num(e.SE), levelText(r.Level), interval(e.CILow, e.CIHigh), num(e.DF), num(e.PValue))
	}
	writeFooter(&b, r.Warnings, MatchDesign(r.Method))
	return writeLines(w, &b)
}
