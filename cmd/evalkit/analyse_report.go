package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/evalkit/evalkit/rct/analysis"
	evreport "github.com/evalkit/evalkit/report"
)

// analyseReportPlots are the PNG files a report may hold; with --force, the
// ones this report does not draw are removed so that none is stale.
var analyseReportPlots = []string{"flow.png", "distribution.png", "forest.png", "balance.png"}

// analyseCheckReportDir refuses an existing --report directory without
// --force, before any work is done.
func analyseCheckReportDir(o *analyseOptions) error {
	if o.report == "" || o.force {
		return nil
	}
	if _, err := os.Lstat(o.report); err == nil {
		return fmt.Errorf("--report: %s %w", o.report, errExists)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("--report: %w", err)
	}
	return nil
}

// analyseWriteReport renders the report of res and writes DIR/report.html
// and DIR/*.png (writeDirAtomic).
func analyseWriteReport(o *analyseOptions, res *analysis.Result, now time.Time) error {
	sum, err := fileSHA256(o.in)
	if err != nil {
		return err
	}
	out, err := evreport.RenderAnalysis(evreport.AnalysisOf(res, evreport.Provenance{
		DataFile: o.in, DataSHA256: sum, Version: version, Date: now}))
	if err != nil {
		return fmt.Errorf("--report: %w", err)
	}
	files := map[string][]byte{"report.html": out.HTML}
	for name, b := range out.PNG {
		files[name] = b
	}
	if err := writeDirAtomic(filepath.Clean(o.report), files, analyseReportPlots, o.force); err != nil {
		return fmt.Errorf("--report: %w", err)
	}
	return nil
}
