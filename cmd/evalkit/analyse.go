package main

import (
	"flag"
)

// analyseCmd estimates a trial's effects.
type analyseCmd struct{}

func (*analyseCmd) name() string { return "analyse" }
func (*analyseCmd) summary() string {
	return "effect sizes, intervals and tests for a trial's outcome"
}

const analyseUsage = `
Usage: evalkit analyse --in trial.csv --outcome COL [flags]

Compares every treatment arm (each label of --arm other than --control) with
the control, in sorted label order, and adjusts the p-values for the number of
comparisons (Holm). The outcome's type is binary when every value is 0 or 1,
else continuous; a count must be asked for with --type count.

  continuous  Welch t (estimate: difference in means), Student t and
              Mann-Whitney tests; Cohen's d, Hedges' g, Glass's delta
  binary      Fisher's exact test (estimate: risk difference, Newcombe
              interval); risk and odds ratios; chi-square test
  count       rate ratio by a negative-binomial GLM (--model negbin) or the
              exact Poisson test (--model poisson), per unit of --exposure

With --covariates, --block or --cluster the trial is analysed as it was
randomised: a continuous or binary outcome by least squares with HC2 errors
(ols_hc2), or CR2 errors and Bell-McCaffrey df with --cluster (ols_cr2),
with block fixed effects; a count by the GLM with the covariates and blocks
(negbin_glm, poisson_glm). Each comparison uses the rows of its two arms; a
block holding only one of them is left out with a warning. A table of the
covariates' balance (standardised differences) follows the comparisons.

--permutations B --seed N adds ri_p_value: the trial re-randomised B times as
it was randomised (within blocks, whole clusters), exact when there are no
more than B allocations. --report DIR writes DIR/report.html and the plots as
DIR/*.png.

Missing outcomes and covariates (empty, NA, NaN, ., null) are left out and
counted in n_missing of their arm. Undefined numbers are null in --json, NA
in the table, with the reason in the comparison's notes.

Example: re-offending in the focused-deterrence trial:

	evalkit analyse --in examples/focused_deterrence.csv --outcome reoffended

Example: attendance in the School Navigators trial, schools randomised
within towns, adjusted for the baseline, with a randomisation p-value and a
report:

	evalkit analyse --in examples/school_navigators.csv --outcome attendance \
		--covariates attendance_baseline --block town --cluster school \
		--permutations 10000 --seed 2024 --report navigators-report

Example: crimes per week in a hotspot trial, exact Poisson test:

	evalkit analyse --in examples/hotspots.csv --outcome crimes_after \
		--type count --exposure weeks --model poisson --json
`

// analyseOptions are the parsed flags of evalkit analyse.
type analyseOptions struct {
	in, outcome, arm, control string
	typ, model                string
	covariates, block         string
	cluster, exposure         string
	report                    string
	permutations              int
	seed                      int64
	level                     float64
	json, force               bool
}

func (c *analyseCmd) run(e *env, args []string) error {
	o, err := parseAnalyseFlags(e, args)
	if err != nil {
		return err
	}
	d, err := readAnalyseData(o)
	if err != nil {
		return err
	}
	method, err := analyseMethodFor(o, d)
	if err != nil {
		return err
	}
	res := analyseRun(o, d, method)
	if err := analyseFinish(e, o, d, res); err != nil {
		return err
	}
	if o.json {
		return writeJSON(e.stdout, res.jsonValue())
	}
	return res.writeTable(e.stdout)
}

// parseAnalyseFlags parses and checks the flags: bad usage is a usage error
// (exit 2).
func parseAnalyseFlags(e *env, args []string) (*analyseOptions, error) {
	o := &analyseOptions{}
	fs := newFlagSet(e, "analyse", analyseUsage)
	fs.StringVar(&o.in, "in", "", "the trial's CSV `file`, one row per unit")
	fs.StringVar(&o.outcome, "outcome", "", "the outcome `column`")
	fs.StringVar(&o.arm, "arm", "arm", "the `column` holding each unit's arm")
	fs.StringVar(&o.control, "control", "control", "the control arm's `label`")
	fs.StringVar(&o.typ, "type", "", "the outcome's `type`: continuous, binary or count (default: binary when every value is 0 or 1, else continuous)")
	fs.StringVar(&o.covariates, "covariates", "", "`COL,...` to adjust for")
	fs.StringVar(&o.block, "block", "", "the randomisation block `column`")
	fs.StringVar(&o.cluster, "cluster", "", "the cluster `column` (units randomised together)")
	fs.StringVar(&o.exposure, "exposure", "", "the exposure `column` of a count (weeks, person-years); default 1 per unit")
	fs.StringVar(&o.model, "model", "negbin", "the count `model`: negbin or poisson")
	fs.IntVar(&o.permutations, "permutations", 0, "re-randomise `B` times for a randomisation-inference p-value")
	fs.Int64Var(&o.seed, "seed", 0, "the `seed` of the re-randomisations")
	fs.Float64Var(&o.level, "level", 0.95, "the confidence `level` of the intervals")
	fs.StringVar(&o.report, "report", "", "write an HTML report and plots to `DIR`")
	fs.BoolVar(&o.json, "json", false, "print one JSON object instead of a table")
	fs.BoolVar(&o.force, "force", false, "overwrite the --report directory if it exists")
	if err := parseFlags(fs, args, false); err != nil {
		return nil, err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if err := required([2]string{"in", o.in}, [2]string{"outcome", o.outcome}); err != nil {
		return nil, err
	}
	if o.arm == "" {
		return nil, usageErrorf("--arm must name a column (see -h)")
	}
	switch o.typ {
	case "", "continuous", "binary", "count":
	default:
		return nil, usageErrorf("--type %q: want continuous, binary or count", o.typ)
	}
	switch o.model {
	case "negbin", "poisson":
	default:
		return nil, usageErrorf("--model %q: want negbin or poisson", o.model)
	}
	if o.typ != "count" {
		for _, f := range []string{"model", "exposure"} {
			if set[f] {
				return nil, usageErrorf("--%s is for counts only: give --type count", f)
			}
		}
	}
	if !(o.level > 0 && o.level < 1) {
		return nil, usageErrorf("--level %g: want a number between 0 and 1, such as 0.95", o.level)
	}
	if o.permutations < 0 {
		return nil, usageErrorf("--permutations %d: want a positive number of re-randomisations", o.permutations)
	}
	if err := checkAnalyseFlags2(o, set); err != nil {
		return nil, err
	}
	return o, nil
}
