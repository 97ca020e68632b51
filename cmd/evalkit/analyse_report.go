package main

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/evalkit/evalkit/internal/atomicfile"
	"github.com/evalkit/evalkit/rct"
	"github.com/evalkit/evalkit/rct/analysis"
	evreport "github.com/evalkit/evalkit/report"
)

// checkReportDir refuses an existing --report directory without --force,
// before any work is done.
func checkReportDir(dir string, force bool) error {
	if dir == "" || force {
		return nil
	}
	if err := atomicfile.CheckAbsent(dir); err != nil {
		return fmt.Errorf("--report: %w", err)
	}
	return nil
}

// analyseWriteReport renders the report of res and writes DIR/report.html
// and DIR/*.png (atomicfile.WriteDir).
func analyseWriteReport(o *analyseOptions, res *analysis.Result, now time.Time) error {
	sum, err := rct.FileSHA256(openFile, o.in)
	if err != nil {
		return err
	}
	out, err := evreport.RenderAnalysis(evreport.AnalysisOf(res, evreport.Provenance{
		DataFile: o.in, DataSHA256: sum, Version: version, Date: now, Units: o.units, Clusters: o.clusters}))
	if err != nil {
		return fmt.Errorf("--report: %w", err)
	}
	if err := atomicfile.WriteDir(filepath.Clean(o.report), out.Files(), o.force); err != nil {
		return fmt.Errorf("--report: %w", err)
	}
	return nil
}
