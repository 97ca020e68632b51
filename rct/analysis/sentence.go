package analysis

import (
	"fmt"
	"strings"
)

// Describe says in one plain sentence how comparison c of r was estimated:
// the measure, the arms, the method and its adjustments, the rows used
// when there are several treatment arms, and the randomisation-inference
// p-value when there is one. It is the sentence a report shows beside the
// comparison.
func (r *Result) Describe(c Comparison) string {
	col := r.Columns
	var adj []string
	if len(col.Covariates) > 0 {
		adj = append(adj, strings.Join(col.Covariates, ", "))
	}
	if col.Block != "" {
		adj = append(adj, fmt.Sprintf("randomisation blocks (%s) as fixed effects", col.Block))
	}
	adjusted := ""
	if len(adj) > 0 {
		adjusted = ", adjusted for " + strings.Join(adj, " and ")
	}
	exposure := ""
	if col.Exposure != "" {
		exposure = " per unit of " + col.Exposure
	}
	what := "mean " + r.Outcome
	if r.Type == Binary {
		what = "the risk of " + r.Outcome + " (a linear probability model)"
	}
	var s string
	switch c.Method {
	case WelchT:
		s = fmt.Sprintf("Difference in mean %s between %s and %s, by Welch's t-test (variances not assumed equal).", r.Outcome, c.Treatment, c.Control)
	case FisherExact:
		s = fmt.Sprintf("Difference in the risk of %s between %s and %s with Newcombe's interval; p-value from Fisher's exact test.", r.Outcome, c.Treatment, c.Control)
	case PoissonExact:
		s = fmt.Sprintf("Ratio of the rates of %s%s in %s and %s, by the exact Poisson test.", r.Outcome, exposure, c.Treatment, c.Control)
	case NegBinGLM, PoissonGLM:
		model := "negative-binomial"
		if c.Method == PoissonGLM {
			model = "Poisson"
		}
		s = fmt.Sprintf("Rate ratio of %s%s in %s against %s from a %s regression%s, with a Wald interval.", r.Outcome, exposure, c.Treatment, c.Control, model, adjusted)
	case OLSHC0, OLSHC1, OLSHC2, OLSHC3:
		s = fmt.Sprintf("Difference in %s between %s and %s by least squares%s, with %v robust standard errors.", what, c.Treatment, c.Control, adjusted, c.Method.cov())
	case OLSCR2:
		by := "clustering"
		if col.Cluster != "" {
			by += " by " + col.Cluster
		}
		s = fmt.Sprintf("Difference in %s between %s and %s by least squares%s, with CR2 standard errors robust to %s and Bell-McCaffrey degrees of freedom.", what, c.Treatment, c.Control, adjusted, by)
	case MixedREML:
		by := "cluster"
		if col.Cluster != "" {
			by += " (" + col.Cluster + ")"
		}
		s = fmt.Sprintf("Difference in mean %s between %s and %s from a multilevel model with a random intercept for each %s%s, fitted by REML, with Satterthwaite degrees of freedom; the ICC and the effect sizes g_total and g_within are of the model without covariates.", r.Outcome, c.Treatment, c.Control, by, adjusted)
		if r.Plan.SiteSlopes {
			s = fmt.Sprintf("Average difference in mean %s between %s and %s over the sites%s, from a multilevel model with a random intercept and a random treatment effect for each site%s, fitted by REML, with Satterthwaite degrees of freedom; the ICC and the effect sizes g_total and g_within are of the random-intercept model without covariates.", r.Outcome, c.Treatment, c.Control, strings.TrimPrefix(by, "cluster"), adjusted)
		}
	default:
		s = fmt.Sprintf("%s compared with %s by %s.", c.Treatment, c.Control, c.Method)
	}
	if n := len(r.Comparisons); n > 1 {
		s += fmt.Sprintf(" Only the rows of arms %s and %s are used; p-values are %s-adjusted over the %d comparisons.", c.Treatment, c.Control, adjName[r.Plan.Adjust], n)
	}
	if c.RIDraws != nil && c.RIPValue == c.RIPValue {
		how := "re-randomising the trial as it was randomised"
		if r.Design != nil {
			how = fmt.Sprintf("re-randomising the trial by its own method (%s, as its manifest records)", r.Design.Method)
		}
		if *c.RIExact {
			s += fmt.Sprintf(" Randomisation inference, %s over all %d possible allocations, gives p = %s exactly.", how, *c.RIDraws, FormatNumber(c.RIPValue))
		} else {
			s += fmt.Sprintf(" Randomisation inference, %s %d times, gives p = %s (99%% Monte Carlo interval %s to %s).", how, *c.RIDraws,
				FormatNumber(c.RIPValue), FormatNumber(c.RICILow), FormatNumber(c.RICIHigh))
		}
	}
	return s
}
