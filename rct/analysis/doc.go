// Package analysis analyses a randomised trial as evalkit's contract
// defines it: it reads the trial's columns, decides the outcome's type,
// splits the rows by arm, leaves out and counts rows with missing values,
// chooses the method the design calls for, and compares every treatment arm
// with the control, with tests, effect sizes, Holm-adjusted p-values,
// randomisation inference and a balance table.
//
// It is what `evalkit analyse` runs: a Result marshals with encoding/json
// to exactly the object that `evalkit analyse --json` prints.
//
//	d, err := analysis.ReadCSV(f, analysis.Columns{Outcome: "attendance",
//		Covariates: []string{"attendance_baseline"}, Block: "town", Cluster: "school"})
//	...
//	res, err := analysis.Analyse(d, analysis.Plan{Permutations: 2000, Seed: 1})
//
// The methods, by outcome type and design (x is the treatment arm, y the
// control):
//
//	continuous, no covariates, block or cluster   welch_t = t.test(x, y)
//	binary, likewise                              fisher_exact, risk difference (Newcombe)
//	count, model negbin                           negbin_glm = MASS::glm.nb(... + offset(log(exposure)))
//	count, model poisson, no covariates or block  poisson_exact = poisson.test
//	count, model poisson, covariates or block     poisson_glm
//	continuous or binary with covariates/block    ols_hc2 = estimatr::lm_robust(y ~ treat + covariates + factor(block), se_type = "HC2")
//	continuous or binary with a cluster           ols_cr2 = the same with clusters, se_type = "CR2"
//	continuous with a cluster, model multilevel   mixed_reml = lmerTest::lmer(y ~ treat + covariates + factor(block) + (1 | cluster), REML = TRUE)
//
// mixed_reml adds the ICC with Searle's interval, the clusters' and the
// residual variances, and the effect sizes g_total and g_within
// (multilevel.go). ICC estimates the ICC of a pilot or baseline data set
// for planning, as evalkit icc does.
//
// A covariate column that holds text is categorical: each of its levels
// among a comparison's rows but the first (sorted byte by byte) is an
// indicator, as factor(col) in those calls. A binary outcome may be written
// 0/1, yes/no or true/false. The Result's Warnings, each starting with a
// stable code (possible_cluster, count_as_continuous, one_arm_block,
// not_converged, few_clusters, outcome_not_01, singular_fit), say what an evaluator should
// know before reporting the result.
//
// Undefined numbers are NaN (null in JSON) and the comparison's Notes say
// why. The package never prints and never reads files beyond the
// io.Reader or Source it is given.
package analysis
