package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// updateQED rewrites the golden files: go test ./cmd/evalkit -run 'DiD|Match' -update-qed
var updateQED = flag.Bool("update-qed", false, "rewrite the golden files of evalkit did and match in testdata/qed")

const qedData = "../../testdata/qed/"

func TestDiDGolden(t *testing.T) {
	stag := []string{"did", "--in", qedData + "panel_staggered.csv", "--unit", "school", "--time", "term", "--outcome", "attendance", "--first-treated", "first_treated"}
	one := []string{"did", "--in", qedData + "panel_one.csv", "--unit", "school", "--time", "term", "--outcome", "attendance", "--first-treated", "first_treated"}
	unbal := []string{"did", "--in", qedData + "panel_unbalanced.csv", "--unit", "school", "--time", "term", "--outcome", "attendance", "--first-treated", "first_treated"}
	for _, tc := range []struct {
		name   string
		args   []string
		golden string
	}{
		{"staggered table", stag, "did_staggered.txt"},
		{"staggered json", append(stag, "--json"), "did_staggered.json"},
		{"unbalanced json", append(unbal, "--json"), "did_unbalanced.json"},
		{"one cohort table", append(one, "--permutations", "99", "--seed", "5"), "did_one.txt"},
		{"one cohort by town json", append(one, "--cluster", "town", "--json"), "did_one_town.json"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, tc.args...)
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			checkGoldenText(t, filepath.Join("qed", tc.golden), stdout, *updateQED)
		})
	}
}

func TestDiDReport(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "rep")
	args := []string{"did", "--in", qedData + "panel_staggered.csv", "--unit", "school", "--time", "term", "--outcome", "attendance", "--first-treated", "first_treated", "--report", dir}
	if _, stderr, code := runCmd(t, args...); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, f := range []string{"report.html", "eventstudy.png"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	_, stderr, code := runCmd(t, args...)
	if code != 1 {
		t.Errorf("existing report folder: exit %d", code)
	}
	oneErrorLine(t, stderr, "evalkit: did: ")
	if _, stderr, code := runCmd(t, append(args, "--force")...); code != 0 {
		t.Errorf("--force: exit %d: %s", code, stderr)
	}
}

func TestDiDErrors(t *testing.T) {
	base := func(file string, more ...string) []string {
		return append([]string{"did", "--in", qedData + file, "--unit", "school", "--time", "term", "--outcome", "attendance", "--first-treated", "first_treated"}, more...)
	}
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no flags", []string{"did"}, 2, "evalkit: did: --in is required (see -h)\n"},
		{"no unit", []string{"did", "--in", "x.csv"}, 2, "evalkit: did: --unit is required (see -h)\n"},
		{"unknown flag", base("panel_one.csv", "--cohort", "x"), 2, "evalkit: did: flag provided but not defined: -cohort (see -h)\n"},
		{"negative permutations", base("panel_one.csv", "--permutations", "-3"), 2, `evalkit: did: invalid value "-3" for flag -permutations: parse error (see -h)` + "\n"},
		{"no file", base("nothing.csv"), 1, "evalkit: did: open " + qedData + "nothing.csv: no such file or directory\n"},
		{"unknown column", base("panel_one.csv", "--cluster", "region"), 1, `evalkit: did: panel_one.csv: no column "region" (the columns are "school", "town", "term", "first_treated", "attendance")` + "\n"},
		{"text period", []string{"did", "--in", qedData + "panel_one.csv", "--unit", "school", "--time", "town", "--outcome", "attendance", "--first-treated", "first_treated"}, 1,
			`evalkit: did: panel_one.csv: row 2, column "town": "south": not a number` + "\n"},
		{"cluster with cohorts", base("panel_staggered.csv", "--cluster", "town"), 1,
			`evalkit: did: --cluster "town": with several cohorts the standard errors are Callaway and Sant'Anna's, clustered on unit ("school"); other clusters need the bootstrap, which this release does not have` + "\n"},
		{"two rows for a term", []string{"did", "--in", qedData + "panel_one.csv", "--unit", "town", "--time", "term", "--outcome", "attendance", "--first-treated", "first_treated"}, 1,
			`evalkit: did: panel_one.csv: not a panel: unit "south" has two rows for period 1 (rows 2 and 18)` + "\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, tc.args...)
			if code != tc.code || stderr != tc.stderr || stdout != "" {
				t.Errorf("exit %d, stderr %q, stdout %q; want exit %d, stderr %q", code, stderr, stdout, tc.code, tc.stderr)
			}
		})
	}
}

func TestDiDHelp(t *testing.T) {
	stdout, stderr, code := runCmd(t, "did", "-h")
	if code != 0 || stderr != "" || !strings.HasPrefix(stdout, "Usage: evalkit did --in panel.csv") || !strings.Contains(stdout, "-first-treated column") {
		t.Errorf("exit %d, stderr %q, stdout %q", code, stderr, stdout)
	}
}
