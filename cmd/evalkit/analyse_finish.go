package main

import (
	"time"
)

// checkAnalyseFlags2 checks the flags of part 2 of the analysis
// (covariates, blocks, clusters, randomisation inference, the report); set
// holds the flags given.
func checkAnalyseFlags2(o *analyseOptions, set map[string]bool) error {
	if _, err := analyseCovariateNames(o); err != nil {
		return err
	}
	if o.permutations > 0 && !set["seed"] {
		return usageErrorf("--permutations needs --seed N, from which the re-randomisations are reproducible")
	}
	if set["seed"] && o.permutations == 0 {
		return usageErrorf("--seed is for --permutations")
	}
	if o.cluster != "" && o.typ == "count" {
		return usageErrorf("--cluster is not defined for a count outcome (no cluster-robust count model in this release)")
	}
	return analyseCheckReportDir(o)
}

// analyseFinish completes the result after the comparisons: the error of a
// constant or collinear covariate, the warnings, the balance table, the
// randomisation-inference p-values and the report.
func analyseFinish(e *env, o *analyseOptions, d *analyseData, res *analyseResult) error {
	if x := d.design; x != nil {
		if x.err != nil {
			return x.err
		}
		res.Warnings = x.warnings
		if len(x.covNames) > 0 {
			res.Balance = analyseBalance(d)
		}
	}
	if o.permutations > 0 {
		if err := analyseRandomisation(e, o, d, res); err != nil {
			return err
		}
	}
	if o.report != "" {
		return analyseWriteReport(o, d, res, time.Now())
	}
	return nil
}
