package plan

import (
	"fmt"
	"strings"

	"github.com/evalkit/evalkit/rct/analysis"
	"github.com/evalkit/evalkit/stats"
)

// Formula returns the method of analysis a of a trial randomised as d, and
// the R call that defines it in evalkit's contract, written for the
// trial's columns, with treat the treatment indicator:
//
//	lm_robust(attendance ~ treat + attendance_baseline + factor(town), clusters = school, se_type = "CR2")
//
// An outcome whose type is detected (Auto) is written as a continuous one
// (a binary outcome differs only without covariates, blocks or clusters:
// fisher_exact). An error is a combination without a method.
func Formula(a Analysis, d Design) (analysis.Method, string, error) {
	t := a.Plan.Type
	if t == analysis.Auto {
		t = analysis.Continuous
	}
	c := a.Columns
	m, err := analysis.MethodFor(t, a.Plan.Model, len(c.Covariates) > 0 || len(d.Block) > 0 || d.Cluster != "", d.Cluster != "", a.Plan.SE)
	if err != nil {
		return m, "", err
	}
	y := c.Outcome
	switch m {
	case analysis.WelchT:
		return m, fmt.Sprintf("t.test(%s[treat == 1], %s[treat == 0])", y, y), nil
	case analysis.FisherExact:
		return m, fmt.Sprintf("fisher.test(table(treat, %s))", y), nil
	case analysis.PoissonExact:
		e := "1"
		if c.Exposure != "" {
			e = c.Exposure
		}
		return m, fmt.Sprintf("poisson.test(c(sum(%s[treat == 1]), sum(%s[treat == 0])), c(sum(%s[treat == 1]), sum(%s[treat == 0])))", y, y, e, e), nil
	}
	rhs := terms(a.Columns.Covariates, d)
	if m.Ratio() && c.Exposure != "" {
		rhs += " + offset(log(" + c.Exposure + "))"
	}
	switch m {
	case analysis.NegBinGLM:
		return m, fmt.Sprintf("glm.nb(%s ~ %s)", y, rhs), nil
	case analysis.PoissonGLM:
		return m, fmt.Sprintf("glm(%s ~ %s, family = poisson)", y, rhs), nil
	case analysis.MixedREML:
		return m, fmt.Sprintf("lmer(%s ~ %s + (1 | %s), REML = TRUE)", y, rhs, d.Cluster), nil
	}
	return m, fmt.Sprintf("lm_robust(%s ~ %s%s)", y, rhs, seType(d, a.Plan.SE)), nil
}

// terms returns the right-hand side of a model of the trial randomised as
// d: treat, the covariates, and the strata's fixed effects.
func terms(covariates []string, d Design) string {
	ts := append([]string{"treat"}, covariates...)
	switch len(d.Block) {
	case 0:
	case 1:
		ts = append(ts, "factor("+d.Block[0]+")")
	default:
		ts = append(ts, "factor(interaction("+strings.Join(d.Block, ", ")+"))")
	}
	return strings.Join(ts, " + ")
}

// seType returns lm_robust's arguments for the standard error: CR2 with
// the design's clusters, else the HC type se.
func seType(d Design, se stats.CovType) string {
	if d.Cluster != "" {
		return fmt.Sprintf(", clusters = %s, se_type = \"CR2\"", d.Cluster)
	}
	return fmt.Sprintf(", se_type = \"%v\"", se)
}
