package plan

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/evalkit/evalkit/rct/analysis"
)

// typeWords describes an outcome's type.
func typeWords(t analysis.Type) string {
	switch t {
	case analysis.Continuous:
		return "continuous"
	case analysis.Binary:
		return "binary (0/1)"
	case analysis.Count:
		return "a count"
	}
	return "binary when every value is 0 or 1, else continuous"
}

// dfWords says where a method's interval and p-value come from.
var dfWords = map[analysis.Method]string{
	analysis.WelchT:       "from the t distribution with the Welch-Satterthwaite degrees of freedom",
	analysis.FisherExact:  "from Newcombe's hybrid score interval and Fisher's exact test",
	analysis.PoissonExact: "from the exact Poisson test",
	analysis.NegBinGLM:    "from the Wald z test of the log rate ratio",
	analysis.PoissonGLM:   "from the Wald z test of the log rate ratio",
	analysis.OLSCR2:       "from the t distribution with the Bell-McCaffrey degrees of freedom and the cluster-robust CR2 standard error",
	analysis.MixedREML:    "from the t distribution with Satterthwaite's degrees of freedom (lmerTest)",
}

// primarySection is the primary outcome's analysis, written out.
func primarySection(p *Plan, a Analysis) (section, error) {
	s := section{Title: "Primary analysis"}
	m, call, err := Formula(a, p.Design)
	if err != nil {
		return s, err
	}
	t := a.Plan.Type
	s.say("The primary outcome is %s, %s. Each treatment arm is compared with %s, every unit in the arm it was allocated to (intention to treat), by the method %s, whose estimate is the %s:",
		a.Columns.Outcome, typeWords(t), a.Plan.Control, m, m.Measure(t))
	s.code(call)
	if t == analysis.Auto && m == analysis.WelchT {
		s.say("A binary outcome is analysed instead by fisher_exact, the risk difference with Newcombe's interval and Fisher's exact test:")
		s.code(fmt.Sprintf("fisher.test(table(treat, %s))", a.Columns.Outcome))
	}
	how := dfWords[m]
	if how == "" {
		how = "from the t distribution with n minus the number of coefficients as degrees of freedom and the " + a.Plan.SE.String() + " standard error"
	}
	level := strconv.FormatFloat(100*defaults(a.Plan).Level, 'g', -1, 64)
	s.say("Its %s%% confidence interval and p-value come %s. With more than one treatment arm, p_adjusted adjusts the p-values over the comparisons by %s; p_holm is always Holm's.",
		level, how, adjustWords(p.Adjust))
	if ri := riWords(p); ri != "" {
		s.say("%s", ri)
	}
	return s, nil
}

// adjustWords names a multiplicity adjustment.
func adjustWords(adjust string) string {
	if adjust == "bh" {
		return "the Benjamini-Hochberg method, which controls the false discovery rate"
	}
	return "Holm's method, which controls the family-wise error rate"
}

// riWords describes the plan's randomisation inference, if any.
func riWords(p *Plan) string {
	if p.Permutations == "" {
		return ""
	}
	b := "re-randomised " + string(p.Permutations) + " times"
	if p.Permutations == "auto" {
		b = "re-randomised in batches of 1000 until the 99% interval of the p-value is within ±0.005 (at most a million times)"
	}
	return fmt.Sprintf("A randomisation-inference p-value (ri_p_value) is found from the trial %s by its own method, as the manifest records it, from the seed %d; when the design has no more allocations than that, every one is enumerated.", b, *p.Seed)
}

// secondarySection lists the secondary outcomes with their analyses.
func secondarySection(p *Plan, as []Analysis) (section, error) {
	s := section{Title: "Secondary outcomes"}
	if len(as) == 0 {
		s.say("No secondary outcome is pre-specified.")
		return s, nil
	}
	s.say("Each secondary outcome is analysed as the primary one, with the same covariates and settings, and reported after it; the p-values are adjusted over each outcome's comparisons, not across outcomes.")
	for _, a := range as {
		m, call, err := Formula(a, p.Design)
		if err != nil {
			return s, fmt.Errorf("secondary outcome %s: %w", a.Columns.Outcome, err)
		}
		s.say("%s, %s, by %s:", a.Columns.Outcome, typeWords(a.Plan.Type), m)
		s.code(call)
	}
	return s, nil
}

// subgroupSection is the subgroup analysis and its interaction test.
func subgroupSection(p *Plan, a Analysis) section {
	s := section{Title: "Subgroup analyses"}
	g := p.Subgroup
	if g == "" {
		s.say("No subgroup analysis is pre-specified.")
		return s
	}
	s.say("Each comparison is estimated within each level of %s by its own method (subgroups), and the difference between the levels is tested by the Wald chi-square test that every treatment-by-level interaction is zero (interaction_p), as car::linearHypothesis(fit, terms, test = \"Chisq\") of", g)
	rhs := strings.Replace(terms(a.Columns.Covariates, p.Design), "treat", "treat * factor("+g+")", 1)
	s.code(fmt.Sprintf("lm_robust(%s ~ %s%s)", a.Columns.Outcome, rhs, seType(p.Design, a.Plan.SE)))
	s.say("The interaction test, not the estimates within the levels, is the test of a difference between subgroups.")
	return s
}

// complianceSection is the complier average causal effect, if the plan
// has a received column.
func complianceSection(p *Plan, a Analysis) section {
	s := section{Title: "Compliance"}
	r := p.Received
	if r == "" {
		s.say("No compliance analysis is pre-specified: the analysis is by intention to treat only.")
		return s
	}
	s.say("Whether each unit received the intervention is recorded in %s (1 if it did, else 0). Besides the intention-to-treat estimate, each comparison gives the complier average causal effect (cace) by two-stage least squares, the allocated arm the instrument for receipt:", r)
	rhs := terms(a.Columns.Covariates, p.Design)
	endog := strings.Replace(rhs, "treat", r, 1)
	s.code(fmt.Sprintf("iv_robust(%s ~ %s | %s%s)", a.Columns.Outcome, endog, rhs, seType(p.Design, a.Plan.SE)))
	s.say("with the shares of each arm who received it (compliance_treatment, compliance_control). Units without a value of %s are left out of the analysis and counted in n_missing.", r)
	return s
}
