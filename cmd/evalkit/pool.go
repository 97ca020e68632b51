package main

import (
	"strings"

	"github.com/evalkit/evalkit/internal/atomicfile"
	"github.com/evalkit/evalkit/rct/pool"
	evreport "github.com/evalkit/evalkit/report"
	"github.com/evalkit/evalkit/stats"
)

// poolCmd pools sites' effects by random-effects meta-analysis.
type poolCmd struct{}

func (*poolCmd) name() string    { return "pool" }
func (*poolCmd) summary() string { return "random-effects pooling of sites' effects, as metafor's rma" }

func (*poolCmd) run(e *env, args []string) error {
	var in, analyses, comparison, method, plotFile string
	var asJSON, force bool
	var opt stats.PoolOptions
	fs := newFlagSet(e, "pool", usage("pool"))
	fs.StringVar(&in, "in", "", "the sites' CSV or .xlsx `file`: site,estimate,se")
	tables := tableFlags(fs)
	fs.StringVar(&analyses, "analyses", "", "`a.json,b.json,...`: evalkit analyse --json of each site")
	fs.StringVar(&comparison, "comparison", "", "with --analyses, the treatment `arm` to pool (default: each file's only one)")
	fs.StringVar(&method, "method", "reml", "the `estimator` of tau²: reml, dl or fe (fixed effect)")
	fs.Float64Var(&opt.Level, "level", 0.95, "the confidence `level` of the intervals")
	fs.BoolVar(&asJSON, "json", false, "print one JSON object instead of a table")
	fs.StringVar(&plotFile, "plot", "", "draw the forest plot to `FILE` (.png or .svg)")
	fs.BoolVar(&force, "force", false, "overwrite the --plot file")
	if err := parseFlags(fs, args, false); err != nil {
		return err
	}
	m, err := pool.ParseMethod(method)
	switch {
	case err != nil:
		return usageErrorf("--method %q: want reml, dl or fe", method)
	case (in == "") == (analyses == "") || comparison != "" && in != "":
		return usageErrorf("give --in sites.csv, or --analyses a.json,b.json,... (and --comparison ARM if they compare several arms)")
	case !(opt.Level > 0 && opt.Level < 1):
		return usageErrorf("--level %g: want a number between 0 and 1, such as 0.95", opt.Level)
	case plotFile != "" && plotFormat(plotFile) == "":
		return usageErrorf("--plot %q: the file name must end in .png or .svg", plotFile)
	}
	opt.Method = m
	res, err := pool.PoolFiles(in, strings.Split(analyses, ","), comparison, opt, *tables)
	if err == nil && plotFile != "" { // an existing file is refused here: the pooling took no time
		var b []byte
		if b, err = evreport.RenderPoolForest(res, plotFormat(plotFile)); err == nil {
			err = atomicfile.WriteFile(plotFile, b, force)
		}
	}
	switch {
	case err != nil:
		return err
	case asJSON:
		return writeJSON(e.stdout, res)
	}
	return res.WriteText(e.stdout)
}
