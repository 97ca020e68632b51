package main

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"

	"github.com/evalkit/evalkit/internal/atomicfile"
	plots "github.com/evalkit/evalkit/report"
)

var lifecycleReportUsage = usage("lifecycle_report")

func lifecycleReport(e *env, args []string) error {
	fset := newFlagSet(e, "lifecycle report", lifecycleReportUsage)
	in := fset.String("in", "", "the portfolio `file` (YAML)")
	out := fset.String("out", "", "the `folder` to write report.html and portfolio_board.png in")
	force := fset.Bool("force", false, "write into an existing folder, replacing its report files")
	if err := parseFlags(fset, args, false); err != nil {
		return err
	}
	if err := lifecycleInFlag(*in); err != nil {
		return err
	}
	if *out == "" {
		return usageErrorf("--out is required (see -h)")
	}
	p, err := lifecycleRead(*in)
	if err != nil {
		return err
	}
	if fi, err := os.Stat(*out); err == nil {
		if !fi.IsDir() {
			return fmt.Errorf("%s exists and is not a folder", *out)
		}
		if !*force {
			return fmt.Errorf("%s %w", *out, atomicfile.ErrExists)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}

	r, err := plots.RenderPortfolio(p, *in, p.LinkChecks)
	if err != nil {
		return err
	}
	files := map[string][]byte{"report.html": r.HTML}
	maps.Copy(files, r.PNG)
	if err := atomicfile.WriteDir(*out, files, *force); err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.stdout, "wrote %s\n", plots.PortfolioWrote(*out, r))
	return err
}
