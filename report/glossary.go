package report

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Term is a code of evalkit's results in words: its Name, as the report
// shows it in place of the code, and what it means.
type Term struct {
	Name, Meaning string
}

// Glossary maps each code of evalkit's results (the methods, effect
// sizes, tests, warning codes and the keys of the notes, as the JSON
// names them) to plain words, so that no code reaches a report's text.
// Terms returns the words of any code, listed here or not.
var Glossary = map[string]Term{
	// Methods.
	"welch_t":       {"Welch's t-test", "The treatment arm's mean outcome minus the control's, with a t-test that does not assume the arms' outcomes vary equally."},
	"ols_hc0":       {"Regression adjusted for the covariates and blocks", "The difference between the arms from a least-squares regression on the arm, the baseline covariates and the randomisation blocks, with robust standard errors (HC0)."},
	"ols_hc1":       {"Regression adjusted for the covariates and blocks", "The difference between the arms from a least-squares regression on the arm, the baseline covariates and the randomisation blocks, with robust standard errors (HC1)."},
	"ols_hc2":       {"Regression adjusted for the covariates and blocks", "The difference between the arms from a least-squares regression on the arm, the baseline covariates and the randomisation blocks, with standard errors robust to unequal variances (HC2)."},
	"ols_hc3":       {"Regression adjusted for the covariates and blocks", "The difference between the arms from a least-squares regression on the arm, the baseline covariates and the randomisation blocks, with robust standard errors (HC3)."},
	"ols_cr2":       {"Regression adjusted for the covariates and blocks, allowing for clusters", "The difference between the arms from a least-squares regression on the arm, the baseline covariates and the randomisation blocks, with standard errors that allow for units in the same cluster being alike (CR2, with Bell-McCaffrey degrees of freedom)."},
	"mixed_reml":    {"Multilevel model with a random effect per cluster", "The difference between the arms from a model with a random effect for each cluster, fitted by restricted maximum likelihood, with Satterthwaite degrees of freedom."},
	"fisher_exact":  {"Fisher's exact test, with Newcombe's interval", "The share with the outcome in the treatment arm minus the control's, with Newcombe's interval and the p-value of Fisher's exact test."},
	"negbin_glm":    {"Negative-binomial regression", "The treatment arm's rate of events divided by the control's, from a regression for counts that allows for more variation than chance alone."},
	"poisson_exact": {"Exact Poisson test", "The treatment arm's rate of events divided by the control's, with an exact test and interval."},
	"poisson_glm":   {"Poisson regression", "The treatment arm's rate of events divided by the control's, from a Poisson regression adjusted for the covariates and blocks."},
	// Effect sizes.
	"cohens_d":    {"Standardised difference (Cohen's d)", "The difference in means divided by the arms' pooled standard deviation."},
	"hedges_g":    {"Standardised difference (Hedges' g)", "Cohen's d corrected for the slight overstatement of small samples."},
	"glass_delta": {"Standardised difference (Glass's delta)", "The difference in means divided by the control arm's standard deviation."},
	"adjusted_g":  {"Standardised adjusted difference", "The adjusted difference divided by the pooled standard deviation of the outcome."},
	"g_total":     {"Standardised difference (total variance)", "The adjusted difference divided by the outcome's standard deviation across and within clusters."},
	"g_within":    {"Standardised difference (within clusters)", "The adjusted difference divided by the outcome's standard deviation within clusters."},
	"risk_ratio":  {"Risk ratio", "The share with the outcome in the treatment arm divided by the control's share; 1 is no difference."},
	"odds_ratio":  {"Odds ratio", "The odds of the outcome in the treatment arm divided by the control's odds; 1 is no difference."},
	// Tests.
	"student_t":    {"Student's t-test", "A t-test that assumes both arms' outcomes vary equally."},
	"mann_whitney": {"Mann-Whitney test", "A test on the ranks of the outcomes, which does not assume they are normally distributed."},
	"chi_square":   {"Chi-square test", "A test of whether the share with the outcome differs between the arms."},
	// The keys of the notes.
	"se":         {"Standard error", "How much the estimate would vary from trial to trial."},
	"ci":         {"Confidence interval", "The range of effects compatible with the data at the stated level."},
	"ci_low":     {"Lower confidence limit", ""},
	"ci_high":    {"Upper confidence limit", ""},
	"p_value":    {"p-value", "How often a difference at least this large would arise by chance if the intervention had no effect."},
	"df":         {"Degrees of freedom", "The amount of independent information behind the interval and the p-value."},
	"estimate":   {"Estimate", ""},
	"rows":       {"Rows used", ""},
	"covariates": {"Covariates", ""},
	"ri_p_value": {"Randomisation p-value", "The share of re-randomisations of the trial, as it was randomised, whose effect is at least as large as the one observed: a p-value that relies only on the randomisation."},
	// Warnings.
	"possible_cluster":    {"Possible clusters", "Units may have been randomised in groups that the analysis does not allow for."},
	"count_as_continuous": {"A count analysed as continuous", ""},
	"one_arm_block":       {"A block with one arm", ""},
	"not_converged":       {"The model did not converge", ""},
	"few_clusters":        {"Few clusters", ""},
	"outcome_not_01":      {"Outcome written in words", ""},
	"arm_mismatch":        {"Arms that differ from the allocation", ""},
	"not_allocated":       {"Rows not in the allocation", ""},
	"not_in_data":         {"Allocated units without data", ""},
	"unadjusted_factors":  {"Minimisation factors not adjusted for", ""},
	"singular_fit":        {"A variance estimated as zero", ""},
}

// Terms returns the words of code: its Glossary entry, or for a code not
// listed the code with its underscores as spaces and a capital first
// letter, so that no code is shown as it is.
func Terms(code string) Term {
	if t, ok := Glossary[code]; ok {
		return t
	}
	s := strings.ReplaceAll(strings.TrimSpace(code), "_", " ")
	if s == "" {
		return Term{}
	}
	r, n := utf8.DecodeRuneInString(s)
	return Term{Name: string(unicode.ToUpper(r)) + s[n:]}
}

// glossaryNote returns a note "key: text" (its keys possibly a list,
// "se, ci, p_value, df") with its keys in words.
func glossaryNote(note string) string {
	keys, text, ok := strings.Cut(note, ": ")
	if !ok || strings.ContainsAny(keys, " ") && !strings.Contains(keys, ", ") {
		return note
	}
	var names []string
	for _, k := range strings.Split(keys, ", ") {
		if strings.ContainsAny(k, " ") {
			return note
		}
		names = append(names, Terms(k).Name)
	}
	return strings.Join(names, ", ") + ": " + text
}
