package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// --label, --unit, --better and --units-label shape the headline, in the
// table, and the report's summary.md and CONSORT diagram.
func TestAnalyseHeadlineFlags(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "report")
	stdout, stderr, code := runCmd(t, "analyse", "--in", "../../examples/school_navigators.csv", "--outcome", "attendance",
		"--covariates", "attendance_baseline", "--block", "town", "--cluster", "school",
		"--label", "Pupils in schools with a navigator attended", "--unit", "percentage points", "--better", "higher",
		"--units-label", "schools,pupils", "--report", dir)
	require.Equal(t, 0, code, stderr)
	want := "Pupils in schools with a navigator attended 2.1 percentage points more (95% CI 0.1 to 4.1; p = 0.037): better than control."
	assert.Contains(t, stdout, "  "+want+"\n")
	md, err := os.ReadFile(filepath.Join(dir, "summary.md"))
	require.NoError(t, err)
	assert.Contains(t, string(md), "- "+want+"\n")
	assert.Contains(t, string(md), "| control | 12 schools, 551 pupils |")

	for _, bad := range [][]string{{"--better", "up"}, {"--units-label", "a,,b"}, {"--units-label", "a,b,c"}} {
		_, stderr, code := runCmd(t, append([]string{"analyse", "--in", "../../examples/focused_deterrence.csv", "--outcome", "reoffended"}, bad...)...)
		assert.Equal(t, 2, code, "%v", bad)
		assert.True(t, strings.HasPrefix(stderr, "evalkit: analyse: --"+strings.TrimPrefix(bad[0], "--")), stderr)
	}
}

// unitcost --report writes the cost report, and refuses an existing
// folder without --force.
func TestUnitcostReport(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "costs")
	args := []string{"unitcost", "--costs", "../../examples/costs_2023_24.csv", "--reach", "../../examples/reach_2023_24.csv", "--report", dir}
	_, stderr, code := runCmd(t, args...)
	require.Equal(t, 0, code, stderr)
	html, err := os.ReadFile(filepath.Join(dir, "report.html"))
	require.NoError(t, err)
	assert.Contains(t, string(html), "<td>School Navigators</td><td class=\"num\">200</td><td class=\"num\">£153,000</td><td class=\"num\">£765</td>")
	for _, f := range []string{"cost_per_person.png", "tornado_school_navigators.png"} {
		_, err := os.Stat(filepath.Join(dir, f))
		assert.NoError(t, err, f)
	}
	_, stderr, code = runCmd(t, args...)
	assert.Equal(t, 1, code)
	oneErrorLine(t, stderr, "evalkit: unitcost: --report: ")
	_, stderr, code = runCmd(t, append(args, "--force")...)
	assert.Equal(t, 0, code, stderr)
}
