// Package pool pools the effects of a trial's sites, or of several trials,
// by random-effects meta-analysis, as metafor's rma: the between-site
// variance τ² by REML, DerSimonian and Laird's moment estimator or none
// (fixed effect), with I², H², Cochran's Q, the prediction interval for a
// new site's true effect and each site's weight (stats.Pool does the
// arithmetic; this package reads the sites, names them and prints).
//
// The sites come from a CSV file (ReadSites) of one row per site,
//
//	site,estimate,se
//	North,-0.21,0.09
//	South,-0.05,0.11
//
// or from the JSON that `evalkit analyse --json` printed for each site
// (ReadAnalyses), one comparison taken from each file and the site named by
// the file's name without its extension.
//
// A ratio (the rate ratio of negbin_glm, poisson_exact and poisson_glm) is
// pooled on the log scale, where its sampling distribution is close to
// normal: the site's estimate is log(estimate) and its standard error is
// taken from its confidence interval at the analysis's level,
//
//	se = (log(ci_high) - log(ci_low)) / (2 z),  z = Φ⁻¹((1 + level)/2),
//
// which is the se of the log for a Wald interval (negbin_glm, poisson_glm)
// and the usual approximation for the exact interval of poisson_exact,
// whose JSON has no se. The pooled estimate, interval and prediction
// interval are then also reported exponentiated, as ratios. A difference
// is pooled as it is, with the analysis's se; where its se is null (the
// risk difference of fisher_exact, whose Newcombe interval is not built
// from one) the se is taken from the interval in the same way,
// (ci_high - ci_low) / (2 z), an approximation as the interval is not
// symmetric.
//
// Every site must have a finite estimate and an se greater than 0; a row
// or file that has not is an error naming it. Fewer than 2 sites, ratios
// and differences together, or different outcome types are errors too.
package pool
