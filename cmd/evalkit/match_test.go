package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestMatchGolden(t *testing.T) {
	args := []string{"match", "--in", qedData + "match.csv", "--treat", "navigator", "--covariates", "age,absence,fsm", "--outcome", "exclusions"}
	for _, tc := range []struct {
		name   string
		args   []string
		golden string
	}{
		{"nearest caliper table", append(args, "--caliper", "0.2"), "match_caliper.txt"},
		{"nearest exact json", append(args, "--caliper", "0.05", "--exact", "town", "--json"), "match_exact.json"},
		{"ebal table", append(args, "--method", "ebal"), "match_ebal.txt"},
		{"ebal json", append(args, "--method", "ebal", "--json"), "match_ebal.json"},
		{"no outcome json", []string{"match", "--in", qedData + "match.csv", "--treat", "navigator", "--covariates", "age,fsm", "--json"}, "match_no_outcome.json"},
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

func TestMatchReport(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "rep")
	if _, stderr, code := runCmd(t, "match", "--in", qedData+"match.csv", "--treat", "navigator", "--covariates", "age,absence,fsm", "--report", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, f := range []string{"report.html", "loveplot.png"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
}

func TestMatchErrors(t *testing.T) {
	in := []string{"match", "--in", qedData + "match.csv", "--treat", "navigator"}
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no covariates", in, 2, "evalkit: match: --covariates is required (see -h)\n"},
		{"bad method", append(in, "--covariates", "age", "--method", "optimal"), 2,
			`evalkit: match: invalid value "optimal" for flag -method: "optimal": want nearest or ebal (see -h)` + "\n"},
		{"negative caliper", append(in, "--covariates", "age", "--caliper", "-0.2"), 2,
			`evalkit: match: invalid value "-0.2" for flag -caliper: "-0.2": want a caliper of 0 (none) or more standard deviations of the score, such as 0.2 (see -h)` + "\n"},
		{"caliper with ebal", append(in, "--covariates", "age", "--method", "ebal", "--caliper", "0.2"), 1,
			"evalkit: match: a caliper is for nearest-neighbour matching, not ebal\n"},
		{"text covariate", append(in, "--covariates", "age,town"), 1, `evalkit: match: match.csv: row 2, column "town": "south": not a number` + "\n"},
		{"treatment not 0/1", []string{"match", "--in", qedData + "match.csv", "--treat", "age", "--covariates", "fsm"}, 1,
			`evalkit: match: match.csv: row 2, column "age": "15.5": the treatment must be 1 or 0 (yes/no, true/false)` + "\n"},
		{"covariate twice", append(in, "--covariates", "age,age"), 1, `evalkit: match: match.csv: covariate "age": a covariate must name a column once, not the treatment` + "\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, tc.args...)
			if code != tc.code || stderr != tc.stderr || stdout != "" {
				t.Errorf("exit %d, stderr %q, stdout %q; want exit %d, stderr %q", code, stderr, stdout, tc.code, tc.stderr)
			}
		})
	}
}
