package plan

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/evalkit/evalkit/rct"
	"github.com/evalkit/evalkit/rct/analysis"
)

// ErrManifestChanged is wrapped by File.Analyse's error when the design's
// manifest is not the one the plan records.
var ErrManifestChanged = errors.New("the manifest differs from the plan's")

// Options are what an analysis under a plan takes besides the plan and the
// trial.
type Options struct {
	// AllowMismatch analyses rows whose arm differs from the allocation's
	// as allocated, and leaves out rows that are not in it
	// (Data.Allocated).
	AllowMismatch bool
	// Hooks' Fit, Comparison and Progress, if not nil, are called by
	// every analysis, as analysis.Plan says.
	Hooks analysis.Plan
	// Asked, if not nil, is an analysis asked for beside the plan's.
	Asked *Asked
}

// Asked is an analysis asked for beside a plan's own, such as evalkit
// analyse's flags beyond the plan: the trial as analysis.Read and
// Data.Allocated read it with the plan's design, and how to analyse it.
type Asked struct {
	Data analysis.Data
	Plan analysis.Plan
}

// Analyse analyses the trial src, allocated as des says (rct.ReadDesign
// of Manifest, whose digest must be the plan's), exactly as the plan
// says: the primary outcome's result, with the secondary outcomes' in its
// Secondary, every comparison Prespecified, PlanInfo the plan's (Info),
// and the warning plan_changed or plan_unlocked when the plan differs from
// its lock or has none.
//
// An Asked analysis that differs from the plan's analysis of its outcome
// (see differences) adds its comparisons to that outcome's result, after
// the plan's, with Prespecified false and a note naming the settings that
// differ; one of an outcome that the plan does not name is appended to
// Secondary. The plan's comparisons are never changed by it: their
// p_holm and p_adjusted are over the plan's comparisons only. An Asked
// analysis that is the plan's own adds nothing.
//
// A nil File is no plan: Analyse then returns analysis.Analyse of the
// Asked analysis alone, as evalkit analyse without --plan does.
func (f *File) Analyse(src analysis.Source, des *rct.AllocatedDesign, opt Options) (*analysis.Result, error) {
	if f == nil {
		if opt.Asked == nil {
			return nil, errors.New("plan: no plan and no analysis asked for")
		}
		return analysis.Analyse(opt.Asked.Data, opt.Asked.Plan)
	}
	manifest := f.Manifest()
	if des.ManifestSHA256 != f.Plan.Design.SHA256 {
		return nil, fmt.Errorf("%w: %s has sha256 %s, and the plan %s records %s", ErrManifestChanged, manifest, des.ManifestSHA256, f.Path, f.Plan.Design.SHA256)
	}
	as, err := f.Plan.Analyses()
	if err != nil {
		return nil, err
	}
	var results []*analysis.Result
	for i := range as {
		res, err := analyseOne(src, des, manifest, opt, &as[i])
		if err != nil && i > 0 {
			err = fmt.Errorf("secondary outcome %s: %w", as[i].Columns.Outcome, err)
		}
		if err != nil {
			return nil, err
		}
		mark(res, true, "")
		results = append(results, res)
	}
	if opt.Asked != nil {
		if results, err = asked(results, as, *opt.Asked); err != nil {
			return nil, err
		}
	}
	top := results[0]
	if len(results) > 1 {
		top.Secondary = results[1:]
	}
	top.PlanInfo = f.Info()
	top.Warnings = append(top.Warnings, f.warnings()...)
	return top, nil
}

// analyseOne runs one of the plan's analyses, a, completing its columns
// as the allocation has them (the ones Data.Columns returns).
func analyseOne(src analysis.Source, des *rct.AllocatedDesign, manifest string, opt Options, a *Analysis) (*analysis.Result, error) {
	var err error
	if a.Columns, a.Plan.Control, err = analysis.DesignColumns(des, manifest, a.Columns, a.Plan.Control); err != nil {
		return nil, err
	}
	d, err := analysis.Read(src, a.Columns)
	if err == nil {
		d, err = d.Allocated(des, manifest, opt.AllowMismatch)
	}
	if err != nil {
		return nil, err
	}
	a.Columns = d.Columns()
	p := a.Plan
	p.Fit, p.Comparison, p.Progress = opt.Hooks.Fit, opt.Hooks.Comparison, opt.Hooks.Progress
	return analysis.Analyse(d, p)
}

// asked adds the asked analysis x to the results of the plan's analyses
// as, unless it is one of them.
func asked(results []*analysis.Result, as []Analysis, x Asked) ([]*analysis.Result, error) {
	ask := Analysis{Columns: x.Data.Columns(), Plan: x.Plan}
	k := slices.IndexFunc(as, func(a Analysis) bool { return a.Columns.Outcome == ask.Columns.Outcome })
	note := "not pre-specified: the plan does not name the outcome " + ask.Columns.Outcome
	if k >= 0 {
		diff := differences(as[k], ask)
		if len(diff) == 0 {
			return results, nil
		}
		note = "not pre-specified: the plan's analysis of " + ask.Columns.Outcome + " differs in " + strings.Join(diff, ", ")
	}
	res, err := analysis.Analyse(x.Data, x.Plan)
	if err != nil {
		return nil, fmt.Errorf("the analysis beside the plan: %w", err)
	}
	mark(res, false, note)
	if k < 0 {
		return append(results, res), nil
	}
	r := results[k]
	r.Comparisons = append(r.Comparisons, res.Comparisons...)
	for _, w := range res.Warnings {
		if !slices.Contains(r.Warnings, w) {
			r.Warnings = append(r.Warnings, w)
		}
	}
	return results, nil
}

// mark sets every comparison's Prespecified to pre, adding note first
// among its notes when it is not empty.
func mark(res *analysis.Result, pre bool, note string) {
	for i := range res.Comparisons {
		c := &res.Comparisons[i]
		c.Prespecified = &pre
		if note != "" {
			c.Notes = append([]string{note}, c.Notes...)
		}
	}
}
