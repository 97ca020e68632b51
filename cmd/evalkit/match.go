package main

import (
	"flag"
	"io"
	"strings"
	"time"

	"github.com/evalkit/evalkit/internal/atomicfile"
	"github.com/evalkit/evalkit/internal/table"
	"github.com/evalkit/evalkit/qed"
	evreport "github.com/evalkit/evalkit/report"
)

// matchCmd matches or weights treated units to comparable controls (qed).
type matchCmd struct{}

func (*matchCmd) name() string { return "match" }
func (*matchCmd) summary() string {
	return "matching or entropy balancing of treated units to controls"
}

func (*matchCmd) run(e *env, args []string) error {
	c, o, covs := qed.MatchColumns{}, qed.MatchOptions{}, new(string)
	return qedRun(e, "match", args, "in treat covariates", []*string{new(string), &c.Treat, covs}, func(fs *flag.FlagSet) {
		fs.StringVar(&c.Exact, "exact", "", "match only within the levels of this `column` (nearest)")
		fs.TextVar(&o.Method, "method", qed.Nearest, "`nearest` (1:1 on the propensity score) or ebal (entropy balancing)")
		fs.TextVar(&o.Caliper, "caliper", qed.Caliper(0), "the caliper in `SDs` of the propensity score (nearest; 0: none)")
		fs.StringVar(&c.Outcome, "outcome", "", "the outcome `column` of the effect on the treated")
	}, func(t *table.Table) (*qed.MatchResult, error) {
		c.Covariates = strings.Split(*covs, ",")
		d, err := qed.ReadMatchData(t, c)
		if err != nil {
			return nil, err
		}
		return d.Match(o)
	}, evreport.RenderMatch)
}

// qedRun is did's and match's work: the flags (--in and the columns named by names, those of more, --report,
// --force, --json), the file, the estimate, the report and the output.
func qedRun[R interface{ WriteText(io.Writer) error }](e *env, name string, args []string, names string, vals []*string,
	more func(*flag.FlagSet), est func(*table.Table) (R, error), render func(R, evreport.Provenance) (*evreport.Rendered, error)) error {
	fs := newFlagSet(e, name, usage(name))
	for k, n := range strings.Fields(names) {
		fs.StringVar(vals[k], n, "", map[bool]string{true: "the CSV `file`", false: "the " + n + " `column`"}[k == 0]+" (required)")
	}
	report := fs.String("report", "", "write report.html and its plots to `DIR`")
	force, asJSON := fs.Bool("force", false, "overwrite the --report directory if it exists"), fs.Bool("json", false, "print one JSON object instead of a table")
	more(fs)
	tables := tableFlags(fs)
	err := parseFlags(fs, args, false)
	for k, n := range strings.Fields(names) {
		if err == nil && *vals[k] == "" {
			err = usageErrorf("--%s is required (see -h)", n)
		}
	}
	var res R
	if t := (*table.Table)(nil); err == nil {
		prog := newProgress(e, "reading "+*vals[0])
		t, err = tables.ReadFile(*vals[0], prog.Update)
		if prog.Done(); err == nil {
			res, err = est(t)
		}
	}
	if r := (*evreport.Rendered)(nil); err == nil && *report != "" {
		if r, err = render(res, evreport.Provenance{DataFile: *vals[0], Version: version, Date: time.Now()}); err == nil {
			err = atomicfile.WriteDir(*report, r.Files(), *force)
		}
	}
	if err == nil && *asJSON {
		err = writeJSON(e.stdout, res)
	} else if err == nil {
		err = res.WriteText(e.stdout)
	}
	return err
}
