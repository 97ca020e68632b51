package main

import (
	"strings"

	"github.com/evalkit/evalkit/rct/analysis"
)

// iccCmd estimates the intraclass correlation of a pilot or baseline data
// set, for planning a cluster trial.
type iccCmd struct{}

func (*iccCmd) name() string { return "icc" }
func (*iccCmd) summary() string {
	return "the intraclass correlation of a pilot or baseline data set, for power cluster"
}

var iccUsage = usage("icc")

func (*iccCmd) run(e *env, args []string) error {
	var in, covariates string
	var c analysis.ICCColumns
	var asJSON bool
	fs := newFlagSet(e, "icc", iccUsage)
	fs.StringVar(&in, "in", "", "the data `file`, one row per unit")
	fs.StringVar(&c.Outcome, "outcome", "", "the outcome `column`")
	fs.StringVar(&c.Cluster, "cluster", "", "the cluster `column` (schools, wards, areas)")
	fs.StringVar(&covariates, "covariates", "", "`COL,...` whose share of each level's variance gives r2_individual and r2_cluster")
	fs.BoolVar(&asJSON, "json", false, "print one JSON object instead of a table")
	tables := tableFlags(fs)
	if err := parseFlags(fs, args, false); err != nil {
		return err
	}
	if err := required([2]string{"in", in}, [2]string{"outcome", c.Outcome}, [2]string{"cluster", c.Cluster}); err != nil {
		return err
	}
	var err error
	if c.Covariates, err = analysis.ParseCovariates(covariates, analysis.Columns{Outcome: c.Outcome}); err != nil {
		return usageErrorf("--covariates %q: %s", covariates, strings.TrimPrefix(err.Error(), "analysis: "))
	}
	t, err := tables.ReadFile(in, nil)
	if err != nil {
		return err
	}
	res, err := analysis.ICC(t, c, 0.95)
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(e.stdout, res)
	}
	return res.WriteText(e.stdout)
}
