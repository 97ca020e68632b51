package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	evreport "github.com/evalkit/evalkit/report"
)

// TestAnalyseReportTooManyArms checks that --report refuses a trial with
// more arms than a report draws, with one clear line and no folder, while
// the analysis without --report runs (issue 21, H3).
func TestAnalyseReportTooManyArms(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "arms.csv")
	var b strings.Builder
	b.WriteString("id,arm,y\n")
	arms := evreport.MaxAnalysisArms + 1
	for i := range arms * 4 {
		arm := fmt.Sprintf("arm%02d", i%arms)
		if i%arms == 0 {
			arm = "control"
		}
		fmt.Fprintf(&b, "%d,%s,%d\n", i, arm, i%7)
	}
	os.WriteFile(in, []byte(b.String()), 0o644)
	report := filepath.Join(dir, "report")
	_, stderr, code := runCmd(t, "analyse", "--in", in, "--outcome", "y", "--report", report)
	oneErrorLine(t, stderr, fmt.Sprintf("evalkit: analyse: --report: report: too many arms to draw: %d arms, and a report draws at most %d", arms, evreport.MaxAnalysisArms))
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if _, err := os.Stat(report); err == nil {
		t.Error("a report folder was written")
	}
	if stdout, stderr, code := runCmd(t, "analyse", "--in", in, "--outcome", "y"); code != 0 || !strings.Contains(stdout, "arm20") {
		t.Errorf("without --report: exit %d, %s", code, stderr)
	}
	if !strings.Contains(usage("analyse"), fmt.Sprintf("A report draws at most %d arms", evreport.MaxAnalysisArms)) {
		t.Error("analyse -h does not state the report's limit of arms")
	}
}
