package main

import (
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/evalkit/evalkit/internal/table"
	"github.com/evalkit/evalkit/rct"
	"github.com/evalkit/evalkit/rct/analysis"
	"github.com/evalkit/evalkit/rct/plan"
	evreport "github.com/evalkit/evalkit/report"
)

// analyseCmd estimates a trial's effects.
type analyseCmd struct{}

func (*analyseCmd) name() string { return "analyse" }
func (*analyseCmd) summary() string {
	return "effect sizes, intervals and tests for a trial's outcome"
}

var analyseUsage = usage("analyse")

// analyseOptions are the parsed flags of evalkit analyse: the columns and
// the plan of the analysis, and what to do with its result.
type analyseOptions struct {
	in, report  string
	cols        analysis.Columns
	plan        analysis.Plan
	json, force bool
	// design is the --design manifest; set holds the flags given, whose
	// columns are checked against it.
	design        string
	allowMismatch bool
	verify        rct.VerifyOptions
	set           map[string]bool
	table         *table.Options
	// clusters and units name what was randomised, for the report.
	clusters, units string
	// planFile is --plan, planned the plan read from it (analysePlan).
	planFile         string
	allowChangedPlan bool
	planned          *plan.File
}

func (c *analyseCmd) run(e *env, args []string) error {
	o, err := parseAnalyseFlags(e, args)
	if err != nil {
		return err
	}
	var des *rct.AllocatedDesign
	if o.design != "" {
		if des, err = o.verify.ReadDesign(o.design, openFile); errors.Is(err, rct.ErrPathOutside) {
			return fmt.Errorf("%w, or give --allow-absolute to read it", err)
		} else if err != nil {
			return err
		}
		given, control := o.cols, o.plan.Control
		for flag, v := range map[string]*string{"block": &given.Block, "cluster": &given.Cluster, "arm": &given.Arm, "control": &control} {
			if !o.set[flag] {
				*v = ""
			}
		}
		if o.cols, o.plan.Control, err = analysis.DesignColumns(des, o.design, given, control); err != nil {
			return usageErrorf("%v", err)
		}
		if err := o.checkCluster(des.Settings.Cluster, "the cluster of "+o.design); err != nil {
			return err
		}
	}
	prog := newProgress(e, "reading "+filepath.Base(o.in))
	t, err := o.table.ReadFile(o.in, prog.Update)
	prog.Done()
	if err != nil {
		return err
	}
	d, err := analysis.Read(t, o.cols)
	if err == nil && des != nil {
		d, err = d.Allocated(des, o.design, o.allowMismatch)
	}
	if err != nil {
		return err
	}
	o.plan.Fit = func(treatment, control string, rows int) {
		prog.Done()
		if rows >= 100000 {
			prog = newProgress(e, fmt.Sprintf("fitting %s vs %s (%d rows)", treatment, control, rows))
			prog.Show()
		}
	}
	o.plan.Comparison = func(treatment, control string) {
		prog.Done()
		prog = newProgress(e, fmt.Sprintf("re-randomising %s vs %s", treatment, control))
	}
	o.plan.Progress = func(done, total int) { prog.Update(done, total) }
	res, err := o.planned.Analyse(t, des, plan.Options{AllowMismatch: o.allowMismatch, Hooks: o.plan, Asked: &plan.Asked{Data: d, Plan: o.plan}})
	prog.Done()
	if errors.Is(err, analysis.ErrNoControl) {
		return fmt.Errorf("%w; name the control with --control", err)
	}
	if err != nil {
		return err
	}
	if o.report != "" {
		if err := analyseWriteReport(o, res, time.Now()); err != nil {
			return err
		}
	}
	if o.json {
		return writeJSON(e.stdout, res)
	}
	return res.WriteText(e.stdout)
}

// parseAnalyseFlags parses and checks the flags: bad usage is a usage error
// (exit 2).
func parseAnalyseFlags(e *env, args []string) (*analyseOptions, error) {
	o := &analyseOptions{}
	var typ, model, covariates, perms, adjust, se, better, unitsLabel string
	var level float64
	fs := newFlagSet(e, "analyse", analyseUsage)
	fs.StringVar(&o.in, "in", "", "the trial's CSV or .xlsx `file`, one row per unit")
	o.table = tableFlags(fs)
	fs.StringVar(&o.cols.Outcome, "outcome", "", "the outcome `column`")
	fs.StringVar(&o.cols.Arm, "arm", "arm", "the `column` holding each unit's arm")
	fs.StringVar(&o.plan.Control, "control", "control", "the control arm's `label`")
	fs.StringVar(&typ, "type", "", "the outcome's `type`: continuous, binary or count (default: binary when every value is 0 or 1, else continuous)")
	fs.StringVar(&covariates, "covariates", "", "`COL,...` to adjust for")
	fs.StringVar(&o.cols.Block, "block", "", "the randomisation block `column`")
	fs.StringVar(&o.cols.Cluster, "cluster", "", "the cluster `column` (units randomised together)")
	fs.StringVar(&o.cols.Exposure, "exposure", "", "the exposure `column` of a count (weeks, person-years); default 1 per unit")
	fs.StringVar(&o.cols.Received, "received", "", "the `column` (0/1) of whether each unit received the intervention: adds each comparison's complier average causal effect (cace)")
	fs.StringVar(&o.cols.Subgroup, "subgroup", "", "the subgroup `column`: adds each comparison within each of its levels and the interaction test (subgroups, interaction_p)")
	fs.StringVar(&model, "model", "negbin", "the count `model`, negbin or poisson; or multilevel, a mixed model of a continuous outcome with --cluster")
	fs.BoolVar(&o.plan.SiteSlopes, "site-slopes", false, "with --model multilevel, a random treatment effect by --cluster, the sites within which units were randomised")
	fs.StringVar(&perms, "permutations", "", "re-randomise `B` times (1 to 10000000) for a randomisation-inference p-value, or auto: until its 99% interval is within ±0.005")
	fs.Uint64Var(&o.plan.Seed, "seed", 0, "the `seed` of the re-randomisations")
	fs.Float64Var(&level, "level", 0.95, "the confidence `level` of the intervals")
	fs.StringVar(&adjust, "adjust", "holm", "the multiplicity `adjustment` of p_adjusted: holm or bh")
	fs.StringVar(&se, "se", "hc2", "the robust standard `error` without --cluster: hc0, hc1, hc2 or hc3")
	fs.StringVar(&o.design, "design", "", "the randomise `manifest` whose design (arms, control, blocks, cluster, method) the trial follows")
	fs.BoolVar(&o.allowMismatch, "allow-mismatch", false, "with --design, analyse rows whose arm differs from the allocation as allocated")
	fs.BoolVar(&o.verify.AllowAbsolute, "allow-absolute", false, "with --design, read files the manifest names outside its folder (absolute, or through ..)")
	fs.StringVar(&o.planFile, "plan", "", "analyse as the pre-specified plan `file` says (evalkit plan init): its design, outcomes and settings; flags beyond it add comparisons with prespecified false")
	fs.BoolVar(&o.allowChangedPlan, "allow-changed-plan", false, "with --plan, analyse a plan that differs from its lock, recording it (plan.changed, warning plan_changed)")
	fs.StringVar(&o.report, "report", "", "write an HTML report and plots to `DIR`")
	fs.StringVar(&o.plan.Label, "label", "", "the headline's subject and verb for the treatment arm, such as `\"Pupils with a navigator attended\"`")
	fs.StringVar(&o.plan.Unit, "unit", "", "the outcome's `unit` in the headline, such as \"percentage points\" (a count: what it counts)")
	fs.StringVar(&better, "better", "", "which outcome is good, `higher or lower`, for the headline's verdict")
	fs.StringVar(&unitsLabel, "units-label", "", "what was randomised, in the report: `UNITS` or CLUSTERS,UNITS, such as schools,pupils")
	fs.BoolVar(&o.json, "json", false, "print one JSON object instead of a table")
	fs.BoolVar(&o.force, "force", false, "overwrite the --report directory if it exists")
	if err := parseFlags(fs, args, false); err != nil {
		return nil, err
	}
	if o.planFile != "" && o.design != "" {
		return nil, usageErrorf("--design: the plan %s names the design", o.planFile)
	} else if o.planFile == "" && o.allowChangedPlan {
		return nil, usageErrorf("--allow-changed-plan is for --plan")
	}
	if err := analysePlan(fs, o, args); err != nil {
		return nil, err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	o.set = set
	for _, f := range []string{"allow-mismatch", "allow-absolute"} {
		if o.design == "" && set[f] {
			return nil, usageErrorf("--%s is for --design", f)
		}
	}
	if err := required([2]string{"in", o.in}, [2]string{"outcome", o.cols.Outcome}); err != nil {
		return nil, err
	}
	if o.cols.Arm == "" {
		return nil, usageErrorf("--arm must name a column (see -h)")
	}
	var err error
	if o.plan.Type, err = analysis.ParseType(typ); err != nil || typ == "auto" {
		return nil, usageErrorf("--type %q: want continuous, binary or count", typ)
	}
	if o.plan.Model, err = analysis.ParseModel(model); err != nil || model == "" {
		return nil, usageErrorf("--model %q: want negbin, poisson or multilevel", model)
	}
	multilevel := o.plan.Model == analysis.Multilevel
	if o.plan.SiteSlopes && !multilevel {
		return nil, usageErrorf("--site-slopes is for --model multilevel")
	}
	if multilevel && o.plan.Type != analysis.Auto && o.plan.Type != analysis.Continuous {
		return nil, usageErrorf("--model multilevel is for a continuous outcome")
	}
	if o.plan.Type != analysis.Count {
		for _, f := range []string{"model", "exposure"} {
			if set[f] && (f == "exposure" || !multilevel) {
				return nil, usageErrorf("--%s is for counts only: give --type count", f)
			}
		}
	}
	if !(level > 0 && level < 1) {
		return nil, usageErrorf("--level %g: want a number between 0 and 1, such as 0.95", level)
	}
	o.plan.Level = level
	if o.plan.Adjust, err = analysis.ParseAdjustment(adjust); err != nil || adjust == "" {
		return nil, usageErrorf("--adjust %q: want holm or bh", adjust)
	}
	if o.plan.Better, err = analysis.ParseBetter(better); err != nil {
		return nil, usageErrorf("--better %q: want higher or lower", better)
	}
	if o.clusters, o.units, err = evreport.ParseUnitsLabel(unitsLabel); err != nil {
		return nil, usageErrorf("--units-label: %v", err)
	}
	if o.plan.SE, err = analysis.ParseSE(se); err != nil || se == "" {
		return nil, usageErrorf("--se %q: want hc0, hc1, hc2 or hc3", se)
	}
	if o.plan.Permutations, o.plan.AutoPermutations, err = analysis.ParsePermutations(perms); set["permutations"] && err != nil {
		return nil, usageErrorf("--permutations %s: want a whole number of re-randomisations from 1 to %d; --permutations auto draws until the p-value is precise enough", perms, rct.RIMaxDraws)
	}
	if o.cols.Covariates, err = analysis.ParseCovariates(covariates, o.cols); err != nil {
		return nil, usageErrorf("--covariates %q: %s", covariates, strings.TrimPrefix(err.Error(), "analysis: "))
	}
	if set["permutations"] && !set["seed"] {
		return nil, usageErrorf("--permutations needs --seed N, from which the re-randomisations are reproducible")
	}
	if set["seed"] && !set["permutations"] {
		return nil, usageErrorf("--seed is for --permutations")
	}
	if o.design == "" {
		if err := o.checkCluster(o.cols.Cluster, "--cluster"); err != nil {
			return nil, err
		}
	}
	return o, checkReportDir(o.report, o.force)
}

// checkCluster checks the flags that depend on whether the trial has a
// cluster (given by what): --se, counts and the multilevel model.
func (o *analyseOptions) checkCluster(cluster, what string) error {
	switch {
	case cluster != "" && o.set["se"]:
		return usageErrorf("--se is for models without a cluster (%s), whose standard errors are CR2", what)
	case cluster != "" && o.plan.Type == analysis.Count:
		return usageErrorf("%s is not defined for a count outcome (no cluster-robust count model in this release)", what)
	case cluster == "" && o.plan.Model == analysis.Multilevel:
		return usageErrorf("--model multilevel needs --cluster")
	}
	return nil
}
