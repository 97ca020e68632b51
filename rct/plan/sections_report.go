package plan

import (
	"fmt"
	"slices"

	"github.com/evalkit/evalkit/rct/analysis"
)

// balanceSection says how baseline balance is described.
func balanceSection(p *Plan) section {
	s := section{Title: "Baseline imbalance"}
	if len(p.Covariates) == 0 {
		s.say("No covariates are pre-specified; balance at baseline is described by the allocation's numbers in each arm and stratum.")
	} else {
		s.say("Balance at baseline is described, not tested: for each covariate (%s), by arm over the units analysed, the standardised difference (mean - control mean) / sqrt((sd² + control sd²) / 2); for a text covariate, the share of each level. The analysis adjusts for every covariate.", list(p.Covariates, "and"))
	}
	var unadjusted []string
	for _, f := range p.Design.Factors {
		if !slices.Contains(p.Covariates, f) {
			unadjusted = append(unadjusted, f)
		}
	}
	if len(unadjusted) > 0 {
		are := "is not a covariate"
		if len(unadjusted) > 1 {
			are = "are not covariates"
		}
		s.say("The trial was minimised on %s, of which %s %s: the analysis warns unadjusted_factors, as the EMA's guideline on baseline covariates (2015) asks for minimisation factors to be adjusted for.", list(p.Design.Factors, "and"), list(unadjusted, "and"), are)
	}
	return s
}

// missingSection says how missing values and attrition are handled.
func missingSection(p *Plan, a Analysis) section {
	s := section{Title: "Missing data"}
	cols := []string{"the outcome"}
	if len(p.Covariates) > 0 {
		cols = append(cols, "a covariate")
	}
	for _, c := range []string{p.Exposure, p.Received} {
		if c != "" {
			cols = append(cols, c)
		}
	}
	s.say("A unit with a missing value of %s (empty, NA, NaN, . or null) is left out of that outcome's analysis and counted in its arm's n_missing: a complete-case analysis, unbiased when the values are missing independently of the outcome given the arm and the covariates. Allocated units without a row in the trial file are counted in design.not_in_data, with the warning not_in_data.", list(cols, "or"))
	if t := a.Plan.Type; len(p.Covariates) == 0 && (t == analysis.Continuous || t == analysis.Auto) {
		s.say("With missing outcomes, a continuous outcome's comparisons also give Lee's (2009) bounds on the difference in means under attrition (lee_bounds), trimming the arm that retains more units.")
	}
	return s
}

// effectSizeSection says how the primary outcome's effect sizes are
// calculated.
func effectSizeSection(a Analysis, d Design) section {
	s := section{Title: "Effect size calculation"}
	m, _, _ := Formula(a, d)
	switch {
	case m == analysis.MixedREML:
		s.say("The effect sizes are g_total, the estimate over sqrt(var_cluster + var_residual), and g_within, over sqrt(var_residual), the variances of the model without covariates (lmer(outcome ~ treat + factor(block) + (1 | cluster))), the EEF's definition; their intervals are the estimate's over the same SD. The ICC is reported with Searle's interval.")
	case m == analysis.WelchT:
		s.say("The effect sizes are Cohen's d (pooled SD, its interval from the noncentral t), Hedges' g (d times the exact small-sample correction J = Γ(df/2) / (sqrt(df/2) Γ((df-1)/2))) and Glass's delta (over the control SD).")
	case m.LeastSquares() && a.Plan.Type != analysis.Binary:
		s.say("The effect size is adjusted_g: the estimate over the pooled SD of the outcome (that of Cohen's d), its interval the estimate's interval over the same SD.")
	case m.Ratio():
		s.say("The estimate is the rate ratio exp(β), with its Wald interval.")
	}
	if t := a.Plan.Type; t == analysis.Binary || t == analysis.Auto {
		s.say("A binary outcome's effect is the risk difference; without covariates, blocks or clusters also the risk ratio (Katz's log interval) and the odds ratio (Woolf's log interval, 0.5 added to every cell when one is zero).")
	}
	return s
}

// tablesSection lists the headline tables the analysis gives.
func tablesSection(f *File, a Analysis) section {
	s := section{Title: "Headline tables"}
	p := f.Plan
	by := map[analysis.Type]string{analysis.Auto: "mean and SD (events and risk for a binary outcome)",
		analysis.Continuous: "mean and SD", analysis.Binary: "events and risk", analysis.Count: "total, exposure and rate"}[a.Plan.Type]
	rows := []string{
		"Participant flow: units allocated, with a row in the trial file, analysed and missing, by arm.",
		fmt.Sprintf("The primary outcome, %s, by arm: units analysed, %s.", p.Primary.Outcome, by),
		"The primary analysis: for each treatment arm, the estimate, its confidence interval, the p-value, p_adjusted and the effect sizes" + map[bool]string{true: ", and ri_p_value.", false: "."}[p.Permutations != ""],
	}
	if len(p.Secondary) > 0 {
		rows = append(rows, "Each secondary outcome, as the primary one.")
	}
	if p.Subgroup != "" {
		rows = append(rows, "The estimate within each level of "+p.Subgroup+", and interaction_p.")
	}
	if p.Received != "" {
		rows = append(rows, "The complier average causal effect, with the shares received in each arm.")
	}
	if len(p.Covariates) > 0 {
		rows = append(rows, "Baseline balance: the standardised differences of the covariates.")
	}
	for i, r := range rows {
		s.say("Table %d. %s", i+1, r)
	}
	s.say("Every number comes from evalkit analyse --in TRIAL --plan %s (--json for the numbers at full precision, --report DIR for the report), which refuses a plan changed since its lock.", f.Path)
	return s
}
