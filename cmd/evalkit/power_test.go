package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

var updatePower = flag.Bool("update-power", false, "rewrite the golden files of evalkit power")

// powerGoldenCases are run as a user would; their stdout is compared with
// testdata/power/NAME.out.
var powerGoldenCases = []struct {
	name string
	args []string
}{
	{"ttest_n", []string{"ttest", "--effect", "0.3", "--power", "0.8", "--attrition", "0.1"}},
	{"ttest_n_json", []string{"ttest", "--effect", "0.3", "--power", "0.8", "--attrition", "0.1", "--ratio", "2", "--json"}},
	{"ttest_power_json", []string{"ttest", "--effect", "0.5", "--n-control", "40", "--n-treatment", "60", "--json"}},
	{"ttest_effect_onesided", []string{"ttest", "--power", "0.9", "--n", "120", "--sided", "1"}},
	{"ttest_n_millions", []string{"ttest", "--effect", "0.001", "--power", "0.8"}},
	{"prop_n", []string{"prop", "--p-control", "0.3", "--p-treatment", "0.22", "--power", "0.9"}},
	{"prop_pooled_json", []string{"prop", "--p-control", "0.3", "--p-treatment", "0.22", "--power", "0.9", "--method", "pooled", "--json"}},
	{"prop_ptreatment_json", []string{"prop", "--p-control", "0.3", "--n", "500", "--power", "0.8", "--direction", "down", "--json"}},
	{"cluster_j", []string{"cluster", "--icc", "0.15", "--cluster-size", "60", "--r2-cluster", "0.5", "--effect", "0.25", "--power", "0.8", "--cluster-size-cv", "0.4"}},
	{"cluster_mdes_json", []string{"cluster", "--icc", "0.2", "--cluster-size", "4", "--clusters", "20", "--power", "0.8", "--json"}},
	{"cluster_power_json", []string{"cluster", "--icc", "0.2", "--cluster-size", "4", "--clusters", "20", "--effect", "0.5", "--json"}},
	{"cluster_j_millions", []string{"cluster", "--icc", "0.9", "--cluster-size", "2", "--effect", "0.005", "--power", "0.8"}},
	{"counts_n", []string{"counts", "--mean-control", "2.5", "--rate-ratio", "0.8", "--dispersion", "1.5", "--power", "0.8", "--attrition", "0.05"}},
	{"counts_rr_json", []string{"counts", "--mean-control", "2.5", "--n", "150", "--power", "0.8", "--direction", "down", "--json"}},
	{"counts_poisson_power_json", []string{"counts", "--mean-control", "0.4", "--rate-ratio", "0.6", "--n-control", "300", "--n-treatment", "200", "--json"}},
}

func TestPowerGolden(t *testing.T) {
	for _, tc := range powerGoldenCases {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, append([]string{"power"}, tc.args...)...)
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			checkGoldenText(t, filepath.Join("power", tc.name+".out"), stdout, *updatePower)
		})
	}
}

// TestPowerJSONKeys checks every key of the contract is present.
func TestPowerJSONKeys(t *testing.T) {
	nkeys := []string{"alpha", "sided", "power", "ratio", "attrition", "n_control", "n_treatment", "n_total", "n_control_exact"}
	for _, tc := range []struct {
		args []string
		keys []string
	}{
		{[]string{"ttest", "--effect", "0.3", "--power", "0.8"}, append([]string{"design", "effect"}, nkeys...)},
		{[]string{"prop", "--p-control", "0.3", "--p-treatment", "0.2", "--power", "0.8"}, append([]string{"design", "p_control", "p_treatment", "h", "method"}, nkeys...)},
		{[]string{"cluster", "--icc", "0.1", "--cluster-size", "20", "--effect", "0.3", "--power", "0.8"}, []string{"design", "effect", "power", "alpha", "sided", "icc", "cluster_size", "clusters", "clusters_control", "clusters_treatment", "n_total", "design_effect", "df"}},
		{[]string{"counts", "--mean-control", "2", "--rate-ratio", "0.8", "--power", "0.8"}, append([]string{"design", "mean_control", "rate_ratio", "dispersion"}, nkeys...)},
	} {
		stdout, _, code := runCmd(t, append(append([]string{"power"}, tc.args...), "--json")...)
		var m map[string]any
		if code != 0 || json.Unmarshal([]byte(stdout), &m) != nil {
			t.Fatalf("%v: exit %d, not one JSON object: %q", tc.args, code, stdout)
		}
		for _, k := range tc.keys {
			if _, ok := m[k]; !ok {
				t.Errorf("%v: key %q missing", tc.args, k)
			}
		}
	}
}

func TestPowerPlot(t *testing.T) {
	dir := t.TempDir()
	for _, ext := range []string{"png", "svg"} {
		path := filepath.Join(dir, "curve."+ext)
		args := []string{"power", "ttest", "--effect", "0.3", "--power", "0.8", "--plot", path}
		if _, stderr, code := runCmd(t, args...); code != 0 {
			t.Fatalf("%s: exit %d: %s", ext, code, stderr)
		}
		first, err := os.ReadFile(path)
		if err != nil || len(first) == 0 {
			t.Fatalf("%s: plot not written: %v", ext, err)
		}
		if ext == "png" && !bytes.HasPrefix(first, []byte("\x89PNG")) {
			t.Errorf("not a PNG")
		}
		if ext == "svg" && !strings.Contains(string(first[:200]), "<svg") {
			t.Errorf("not an SVG")
		}
		// Again without --force: refused, nothing printed, file kept.
		stdout, stderr, code := runCmd(t, args...)
		if code != 1 || stdout != "" {
			t.Errorf("%s: existing file: exit %d, stdout %q", ext, code, stdout)
		}
		oneErrorLine(t, stderr, "evalkit: power: "+path)
		if _, _, code := runCmd(t, append(args, "--force")...); code != 0 {
			t.Errorf("%s: --force: exit %d", ext, code)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestPowerBadInput(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		prefix string
	}{
		{"no design", []string{}, 2, "evalkit: power: give a design"},
		{"unknown design", []string{"anova"}, 2, `evalkit: power: unknown design "anova"`},
		{"two unknowns", []string{"ttest", "--effect", "0.3"}, 2, "evalkit: power: 2 of power"},
		{"none unknown", []string{"ttest", "--effect", "0.3", "--power", "0.8", "--n", "50"}, 2, "evalkit: power: power, sample size and --effect are all given"},
		{"n with n-control", []string{"ttest", "--effect", "0.3", "--n", "50", "--n-control", "40"}, 2, "evalkit: power: give --n or"},
		{"one arm", []string{"ttest", "--effect", "0.3", "--n-control", "40"}, 2, "evalkit: power: give both"},
		{"sided 3", []string{"ttest", "--effect", "0.3", "--power", "0.8", "--sided", "3"}, 2, "evalkit: power: --sided"},
		{"bad plot extension", []string{"ttest", "--effect", "0.3", "--power", "0.8", "--plot", filepath.Join(dir, "x.pdf")}, 2, "evalkit: power: --plot"},
		{"pooled unequal", []string{"prop", "--p-control", "0.3", "--p-treatment", "0.2", "--power", "0.8", "--method", "pooled", "--ratio", "2"}, 2, "evalkit: power: --method pooled needs equal arms"},
		{"missing p-control", []string{"prop", "--p-treatment", "0.2", "--power", "0.8"}, 2, "evalkit: power: --p-control is required"},
		{"missing icc", []string{"cluster", "--cluster-size", "20", "--effect", "0.3", "--power", "0.8"}, 2, "evalkit: power: --icc is required"},
		{"alpha 1.5", []string{"ttest", "--effect", "0.3", "--power", "0.8", "--alpha", "1.5"}, 1, "evalkit: power: argument out of domain: alpha 1.5 is outside (0, 1)"},
		{"alpha 0", []string{"ttest", "--effect", "0.3", "--power", "0.8", "--alpha", "0"}, 1, "evalkit: power: "},
		{"power 1", []string{"ttest", "--effect", "0.3", "--power", "1"}, 1, "evalkit: power: argument out of domain: power 1"},
		{"power below alpha", []string{"ttest", "--effect", "0.3", "--power", "0.01"}, 1, "evalkit: power: the power asked for cannot be reached"},
		{"icc 1", []string{"cluster", "--icc", "1", "--cluster-size", "20", "--effect", "0.3", "--power", "0.8"}, 1, "evalkit: power: argument out of domain: icc 1"},
		{"icc negative", []string{"cluster", "--icc", "-0.1", "--cluster-size", "20", "--effect", "0.3", "--power", "0.8"}, 1, "evalkit: power: argument out of domain: icc -0.1"},
		{"p-control 1.2", []string{"prop", "--p-control", "1.2", "--p-treatment", "0.2", "--power", "0.8"}, 1, "evalkit: power: argument out of domain: p_control 1.2"},
		{"p-treatment 0", []string{"prop", "--p-control", "0.3", "--p-treatment", "0", "--power", "0.8"}, 1, "evalkit: power: p_treatment 0"},
		{"equal proportions", []string{"prop", "--p-control", "0.3", "--p-treatment", "0.3", "--power", "0.8"}, 1, "evalkit: power: the power asked for cannot be reached"},
		{"rate ratio 0", []string{"counts", "--mean-control", "2", "--rate-ratio", "0", "--power", "0.8"}, 1, "evalkit: power: rate ratio 0"},
		{"attrition 1", []string{"counts", "--mean-control", "2", "--rate-ratio", "0.8", "--power", "0.8", "--attrition", "1"}, 1, "evalkit: power: argument out of domain: attrition 1"},
		{"not a number", []string{"ttest", "--effect", "abc", "--power", "0.8"}, 2, "evalkit: power: invalid value"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, append([]string{"power"}, tc.args...)...)
			if code != tc.code || stdout != "" {
				t.Errorf("exit %d (want %d), stdout %q", code, tc.code, stdout)
			}
			oneErrorLine(t, stderr, tc.prefix)
		})
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files written: %v", entries)
	}
}

func TestPowerDesignUsage(t *testing.T) {
	for _, d := range []string{"ttest", "prop", "cluster", "counts"} {
		stdout, stderr, code := runCmd(t, "power", d, "-h")
		if code != 0 || stderr != "" || !strings.Contains(stdout, "Usage: evalkit power "+d) || !strings.Contains(stdout, "\tevalkit power "+d+" ") {
			t.Errorf("%s -h: exit %d, stderr %q, stdout:\n%s", d, code, stderr, stdout)
		}
	}
}

// TestPowerPlotSmallN draws a curve that starts where too few units are
// left after attrition for the test: those points are left out.
func TestPowerPlotSmallN(t *testing.T) {
	path := filepath.Join(t.TempDir(), "small.png")
	if _, stderr, code := runCmd(t, "power", "ttest", "--effect", "2", "--power", "0.8", "--attrition", "0.5", "--plot", path); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
}

// TestPowerOneSided checks the contract's one-sided power, P(T > t_{1-a}),
// and the added --direction down, against pwr 1.3.0 on R 4.2.2.
func TestPowerOneSided(t *testing.T) {
	for _, c := range []struct {
		args []string
		want float64
	}{
		// pwr.t2n.test(n1 = 100, n2 = 100, d = 0.3, alternative = "greater")$power
		{[]string{"ttest", "--effect", "0.3", "--n", "100", "--sided", "1"}, 0.68054037498953379},
		// pwr.t2n.test(n1 = 100, n2 = 100, d = -0.3, alternative = "greater")$power
		{[]string{"ttest", "--effect", "-0.3", "--n", "100", "--sided", "1"}, 8.5310504809088528e-05},
		// pwr.t2n.test(n1 = 100, n2 = 100, d = -0.3, alternative = "less")$power
		{[]string{"ttest", "--effect", "-0.3", "--n", "100", "--sided", "1", "--direction", "down"}, 0.68054037498953379},
		// pwr.2p2n.test(h = ES.h(0.22, 0.3), n1 = 300, n2 = 400, alternative = "less")$power
		{[]string{"prop", "--p-control", "0.3", "--p-treatment", "0.22", "--n-control", "300", "--n-treatment", "400",
			"--sided", "1", "--direction", "down"}, 0.7732109078975602},
	} {
		stdout, stderr, code := runCmd(t, append(append([]string{"power"}, c.args...), "--json")...)
		var m map[string]any
		if code != 0 || json.Unmarshal([]byte(stdout), &m) != nil {
			t.Fatalf("%v: exit %d, %s", c.args, code, stderr)
		}
		if got := m["power"].(float64); !scalar.EqualWithinRel(got, c.want, 1e-9) {
			t.Errorf("%v: power %.17g, R %.17g", c.args, got, c.want)
		}
	}
	// Solving n for an effect the one-sided test does not look for is an error.
	_, stderr, code := runCmd(t, "power", "ttest", "--effect", "-0.3", "--power", "0.8", "--sided", "1")
	if code != 1 {
		t.Errorf("n for an effect in the other direction: exit %d, %s", code, stderr)
	}
	oneErrorLine(t, stderr, "evalkit: power: ")
}

// TestPowerNoAnswerIsAnError checks that inputs with no finite answer fail
// with one line instead of printing Inf or null sample sizes.
func TestPowerNoAnswerIsAnError(t *testing.T) {
	for _, args := range [][]string{
		{"ttest", "--effect", "0.3", "--power", "0.8", "--ratio", "1e-308"},
		{"ttest", "--effect", "0.3", "--power", "0.8", "--ratio", "0"},
		{"prop", "--p-control", "0.3", "--p-treatment", "0.2", "--power", "0.8", "--ratio", "1e-308"},
		{"ttest", "--effect", "0.3", "--n", "1e308"},
	} {
		stdout, stderr, code := runCmd(t, append([]string{"power"}, args...)...)
		if code != 1 || stdout != "" {
			t.Errorf("%v: exit %d, stdout %q", args, code, stdout)
		}
		oneErrorLine(t, stderr, "evalkit: power: ")
	}
}
