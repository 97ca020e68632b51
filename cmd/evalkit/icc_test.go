package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

// iccGoldenCases are evalkit icc on the data sets of testdata/lmm, each
// run with and without --json and compared with testdata/icc/NAME.txt and
// NAME.json.
var iccGoldenCases = []struct{ name, args string }{
	{"unequal", "unequal.csv --outcome y --cluster cluster"},
	{"blocks_covariates", "blocks.csv --outcome y --cluster cluster --covariates x,block"},
	{"missing", "missing.csv --outcome y --cluster school --covariates x"},
}

// iccArgs makes evalkit icc's arguments from a case's line, whose first
// word is a file of lmmData or, failing that, of testdata/icc.
func iccArgs(line string) []string {
	f := strings.Fields(line)
	in := lmmData + f[0]
	if _, err := os.Stat(in); err != nil {
		in = filepath.Join("testdata", "icc", f[0])
	}
	return append([]string{"icc", "--in", in}, f[1:]...)
}

func TestICCGolden(t *testing.T) {
	for _, c := range iccGoldenCases {
		for _, asJSON := range []bool{false, true} {
			args, golden := iccArgs(c.args), c.name+".txt"
			if asJSON {
				args, golden = append(args, "--json"), c.name+".json"
			}
			stdout, stderr, code := runCmd(t, args...)
			if code != 0 || stderr != "" {
				t.Errorf("%s: exit %d, stderr %q", golden, code, stderr)
				continue
			}
			if asJSON {
				checkAnalyseGoldenJSON(t, filepath.Join("icc", golden), stdout, *updateMultilevel)
			} else {
				checkGoldenText(t, filepath.Join("icc", golden), stdout, *updateMultilevel)
			}
		}
	}
}

// The command's JSON is one object with R's numbers: unequal.csv's and
// blocks.csv's as testdata/r/multilevel.R prints them (lme4 1.1.31; lmer
// iterates: 1e-6).
func TestICCJSONAgainstR(t *testing.T) {
	for _, c := range []struct {
		args string
		want map[string]float64
	}{
		{"unequal.csv --outcome y --cluster cluster", map[string]float64{"icc": 0.1637013736682065, "var_cluster": 1.7719754353745285,
			"icc_ci_low": 0.078849000849145021, "icc_ci_high": 0.32903536481724782, "clusters": 18, "n": 426, "cluster_size_cv": 1.023978248715856}},
		{"blocks.csv --outcome y --cluster cluster --covariates x,block", map[string]float64{"icc": 0.25607439458297737, "var_residual": 1.0116780108963799,
			"mean_cluster_size": 9.9166666666666661, "r2_individual": 0.36113639706518863, "r2_cluster": 0.51087097616362276}},
	} {
		stdout, _, code := runCmd(t, append(iccArgs(c.args), "--json")...)
		var got map[string]any
		dec := json.NewDecoder(strings.NewReader(stdout))
		if err := dec.Decode(&got); code != 0 || err != nil || dec.More() {
			t.Fatalf("%s: exit %d, %v, more %v", c.args, code, err, dec.More())
		}
		for k, w := range c.want {
			if g, ok := got[k].(float64); !ok || !scalar.EqualWithinAbsOrRel(g, w, 1e-300, 1e-6) {
				t.Errorf("%s: %s = %v, want %v (R)", c.args, k, got[k], w)
			}
		}
	}
}

func TestICCErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no --in", []string{"--outcome", "y", "--cluster", "g"}, exitUsage, "--in is required"},
		{"no --cluster", []string{"--in", "x.csv", "--outcome", "y"}, exitUsage, "--cluster is required"},
		{"covariate twice", []string{"--in", "x.csv", "--outcome", "y", "--cluster", "g", "--covariates", "x,x"}, exitUsage, `"x" is given twice`},
		{"unknown flag", []string{"--in", "x.csv", "--outcome", "y", "--cluster", "g", "--block", "b"}, exitUsage, "flag provided but not defined"},
		{"missing file", []string{"--in", "testdata/icc/nothing.csv", "--outcome", "y", "--cluster", "g"}, exitData, "nothing.csv"},
		{"unknown column", []string{"--in", lmmData + "unequal.csv", "--outcome", "y", "--cluster", "school"}, exitData, `"school"`},
		{"text outcome", []string{"--in", "testdata/icc/missing.csv", "--outcome", "school", "--cluster", "x"}, exitData, `missing.csv: row 2, column "school"`},
		{"one cluster", []string{"--in", "testdata/icc/one_cluster.csv", "--outcome", "y", "--cluster", "school"}, exitData, "1 group; a random intercept needs at least 2"},
		{"constant covariate", []string{"--in", "testdata/icc/one_cluster.csv", "--outcome", "y", "--cluster", "x", "--covariates", "school"}, exitData, `covariate "school" is constant`},
	} {
		for _, asJSON := range []bool{false, true} {
			args := append([]string{"icc"}, c.args...)
			if asJSON {
				args = append(args, "--json")
			}
			stdout, stderr, code := runCmd(t, args...)
			if code != c.code || stdout != "" {
				t.Errorf("%s: exit %d, want %d; stdout %q", c.name, code, c.code, stdout)
			}
			oneErrorLine(t, stderr, "evalkit: icc: ")
			if !strings.Contains(stderr, c.want) {
				t.Errorf("%s: stderr %q, want %q in it", c.name, stderr, c.want)
			}
		}
	}
}

// power cluster --from takes the ICC, the mean cluster size, its cv and the
// R²s of evalkit icc --json: the same result as giving them as flags.
func TestPowerClusterFrom(t *testing.T) {
	from := filepath.Join("testdata", "icc", "blocks_covariates.json")
	got, stderr, code := runCmd(t, "power", "cluster", "--from", from, "--effect", "0.25", "--power", "0.8", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	checkGoldenText(t, filepath.Join("icc", "power_from.json"), got, *updateMultilevel)
	// The values of testdata/icc/blocks_covariates.json as flags, --icc as it is in the file.
	want, _, _ := runCmd(t, "power", "cluster", "--icc", "0.25607438725824205", "--cluster-size", "9.916666666666666", "--cluster-size-cv", "0.2926356075007381",
		"--r2-individual", "0.36113640319985696", "--r2-cluster", "0.5108709077274325", "--effect", "0.25", "--power", "0.8", "--json")
	if got != want {
		t.Errorf("--from gives\n%s\nthe flags give\n%s", got, want)
	}
	if same, _, code := runCmd(t, "power", "cluster", "--from", from, "--icc", "0.25607438725824205", "--effect", "0.25", "--power", "0.8", "--json"); code != 0 || same != got {
		t.Errorf("--icc equal to the file's: exit %d", code)
	}

	for _, c := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"conflicting icc", []string{"--from", from, "--icc", "0.1", "--effect", "0.25", "--power", "0.8"}, exitUsage, "--from " + from + ": a value given contradicts the ICC file: --icc 0.1, where the file's icc is 0.25607438725824205"},
		{"conflicting size", []string{"--from", from, "--cluster-size", "20", "--effect", "0.25", "--power", "0.8"}, exitUsage, "--cluster-size 20, where the file's mean_cluster_size is 9.916666666666666"},
		{"missing file", []string{"--from", "testdata/icc/nothing.json", "--effect", "0.25", "--power", "0.8"}, exitData, "nothing.json"},
		{"not JSON", []string{"--from", "testdata/icc/missing.csv", "--effect", "0.25", "--power", "0.8"}, exitData, "missing.csv: not the JSON object of evalkit icc --json"},
		{"negative R2", []string{"--from", "testdata/icc/negative_r2.json", "--effect", "0.25", "--power", "0.8"}, exitData, "negative_r2.json: the file's r2_individual is -0.0123, below 0"},
	} {
		stdout, stderr, code := runCmd(t, append([]string{"power", "cluster"}, c.args...)...)
		if code != c.code || stdout != "" {
			t.Errorf("%s: exit %d, want %d; stdout %q", c.name, code, c.code, stdout)
		}
		oneErrorLine(t, stderr, "evalkit: power: ")
		if !strings.Contains(stderr, c.want) {
			t.Errorf("%s: stderr %q, want %q in it", c.name, stderr, c.want)
		}
	}
}
