package main

import (
	"encoding/json"
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

// lmmData is the folder of the data sets of testdata/r/lmm.R and
// testdata/r/multilevel.R.
const lmmData = "../../testdata/lmm/"

var updateMultilevel = flag.Bool("update-multilevel", false, "rewrite the golden files of evalkit analyse --model multilevel, evalkit icc and power cluster --from")

// multilevelGoldenCases are evalkit analyse --model multilevel on the data
// sets of testdata/lmm, each run with and without --json and compared with
// testdata/multilevel/NAME.txt and NAME.json.
var multilevelGoldenCases = []struct{ name, args string }{
	{"balanced", "balanced.csv --outcome y --arm treat --control 0 --covariates x --cluster cluster"},
	{"blocks", "blocks.csv --outcome y --arm treat --control 0 --covariates x --block block --cluster cluster"},
	{"arms", "arms.csv --outcome y --control A --cluster cluster --level 0.9"},
	{"singular", "singular.csv --outcome y --arm treat --control 0 --covariates x --cluster cluster"},
	{"unequal_ri", "unequal.csv --outcome y --arm treat --control 0 --cluster cluster --permutations 200 --seed 3"},
	{"sites_slopes", "sites.csv --outcome y --arm treat --control 0 --covariates x --cluster site --site-slopes"},
	{"sites_slopes_singular", "sites_singular.csv --outcome y --arm treat --control 0 --covariates x --cluster site --site-slopes"},
}

// multilevelArgs makes evalkit analyse's arguments from a case's line,
// whose first word is a file of lmmData.
func multilevelArgs(line string) []string {
	f := strings.Fields(line)
	return append([]string{"analyse", "--in", lmmData + f[0], "--model", "multilevel"}, f[1:]...)
}

func TestAnalyseMultilevelGolden(t *testing.T) {
	for _, c := range multilevelGoldenCases {
		for _, asJSON := range []bool{false, true} {
			args, golden := multilevelArgs(c.args), c.name+".txt"
			if asJSON {
				args, golden = append(args, "--json"), c.name+".json"
			}
			stdout, stderr, code := runCmd(t, args...)
			if code != 0 || stderr != "" {
				t.Errorf("%s: exit %d, stderr %q", golden, code, stderr)
				continue
			}
			if asJSON {
				checkAnalyseGoldenJSON(t, filepath.Join("multilevel", golden), stdout, *updateMultilevel)
				checkAnalyseJSON(t, golden, stdout)
			} else {
				checkGoldenText(t, filepath.Join("multilevel", golden), stdout, *updateMultilevel)
			}
		}
	}
}

// The command's JSON has the contract's keys and R's numbers: blocks.csv's
// estimate and icc as testdata/r/multilevel.R prints them (lmerTest 3.1.3,
// lmer iterates: 1e-6).
func TestAnalyseMultilevelJSON(t *testing.T) {
	stdout, _, code := runCmd(t, append(multilevelArgs(multilevelGoldenCases[1].args), "--json")...)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var res struct {
		Comparisons []map[string]any
		Warnings    []string
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatal(err)
	}
	c := res.Comparisons[0]
	for k, want := range map[string]float64{"estimate": 0.2062260546831855, "df": 29.527807278624618, "icc": 0.14623080987328665,
		"icc_ci_low": 0.053559485452803923, "var_cluster": 0.26909005119662294, "var_residual": 1.0110475612155718} {
		if got, ok := c[k].(float64); !ok || !scalar.EqualWithinAbsOrRel(got, want, 1e-300, 1e-6) {
			t.Errorf("%s = %v, want %v (R)", k, c[k], want)
		}
	}
	if c["method"] != "mixed_reml" {
		t.Errorf("method %v", c["method"])
	}
	var measures []string
	for _, e := range c["effect_sizes"].([]any) {
		measures = append(measures, e.(map[string]any)["measure"].(string))
	}
	if strings.Join(measures, ",") != "g_total,g_within" {
		t.Errorf("effect sizes %v, want g_total and g_within", measures)
	}
}

func TestAnalyseMultilevelErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no cluster", []string{"--in", "x.csv", "--outcome", "y", "--model", "multilevel"}, exitUsage, "--model multilevel needs --cluster"},
		{"binary", []string{"--in", "x.csv", "--outcome", "y", "--model", "multilevel", "--cluster", "g", "--type", "binary"}, exitUsage, "--model multilevel is for a continuous outcome"},
		{"count", []string{"--in", "x.csv", "--outcome", "y", "--model", "multilevel", "--cluster", "g", "--type", "count"}, exitUsage, "--model multilevel is for a continuous outcome"},
		{"exposure", []string{"--in", "x.csv", "--outcome", "y", "--model", "multilevel", "--cluster", "g", "--exposure", "w"}, exitUsage, "--exposure is for counts only"},
		{"bad model", []string{"--in", "x.csv", "--outcome", "y", "--model", "mixed"}, exitUsage, `--model "mixed": want negbin, poisson or multilevel`},
		{"0/1 outcome", []string{"--in", lmmData + "balanced.csv", "--outcome", "treat", "--arm", "cluster", "--control", "c01", "--model", "multilevel", "--cluster", "cluster"}, exitData, "the multilevel model is for a continuous outcome, and this one is binary"},
		{"missing file", []string{"--in", lmmData + "nothing.csv", "--outcome", "y", "--model", "multilevel", "--cluster", "cluster"}, exitData, "nothing.csv"},
		{"unknown cluster", []string{"--in", lmmData + "balanced.csv", "--outcome", "y", "--arm", "treat", "--control", "0", "--model", "multilevel", "--cluster", "school"}, exitData, `"school"`},
		{"site slopes without the model", []string{"--in", "x.csv", "--outcome", "y", "--cluster", "site", "--site-slopes"}, exitUsage, "--site-slopes is for --model multilevel"},
		{"site slopes with permutations", multilevelArgs("sites.csv --outcome y --arm treat --control 0 --cluster site --site-slopes --permutations 10 --seed 1")[1:], exitData, "randomisation inference is not available with site slopes"},
		{"site slopes of whole sites", multilevelArgs("balanced.csv --outcome y --arm treat --control 0 --cluster cluster --site-slopes")[1:], exitData, `no site (column "cluster") holds both arms 1 and 0`},
	} {
		stdout, stderr, code := runCmd(t, append([]string{"analyse"}, c.args...)...)
		if code != c.code || stdout != "" {
			t.Errorf("%s: exit %d, want %d; stdout %q", c.name, code, c.code, stdout)
		}
		oneErrorLine(t, stderr, "evalkit: analyse: ")
		if !strings.Contains(stderr, c.want) {
			t.Errorf("%s: stderr %q, want %q in it", c.name, stderr, c.want)
		}
	}
}

// With --site-slopes the JSON has R's numbers: sites.csv's estimate, df and
// the sites' variances as testdata/r/lmm_randslope.R prints them (lmerTest
// 3.1.3, lmer iterates: 1e-6), and var_cluster null.
func TestAnalyseSiteSlopesJSON(t *testing.T) {
	stdout, _, code := runCmd(t, append(multilevelArgs(multilevelGoldenCases[5].args), "--json")...)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var res struct{ Comparisons []map[string]any }
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatal(err)
	}
	c := res.Comparisons[0]
	for k, want := range map[string]float64{"estimate": 0.62617681298720718, "se": 0.25835021289503157, "df": 11.787649841705683,
		"var_site_intercept": 1.0192720362071486, "var_site_slope": 0.44561279928855102, "cor_site": 0.75880261943245075, "var_residual": 2.3109393919600905} {
		if got, ok := c[k].(float64); !ok || !scalar.EqualWithinAbsOrRel(got, want, 1e-300, 1e-6) {
			t.Errorf("%s = %v, want %v (R)", k, c[k], want)
		}
	}
	if c["method"] != "mixed_reml" || c["var_cluster"] != nil {
		t.Errorf("method %v, var_cluster %v", c["method"], c["var_cluster"])
	}
}
