package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

var updateAnalyse = flag.Bool("update-analyse", false, "rewrite the golden files of evalkit analyse")

// analyseGoldenCases are example trials; each is run with and without
// --json and compared with testdata/analyse/NAME.txt and NAME.json.
var analyseGoldenCases = []struct {
	name string
	args []string
}{
	{"attendance", []string{"--in", "testdata/analyse/attendance.csv", "--outcome", "attendance"}},
	{"reoffending", []string{"--in", "testdata/analyse/reoffending.csv", "--outcome", "reoffended", "--control", "control"}},
	{"reoffending_level90", []string{"--in", "testdata/analyse/reoffending.csv", "--outcome", "reoffended", "--type", "binary", "--level", "0.9"}},
	{"hotspots_negbin", []string{"--in", "testdata/analyse/hotspots.csv", "--outcome", "crimes", "--type", "count", "--exposure", "weeks"}},
	{"hotspots_poisson", []string{"--in", "testdata/analyse/hotspots.csv", "--outcome", "crimes", "--type", "count", "--exposure", "weeks", "--model", "poisson"}},
	{"hotspots_per_unit", []string{"--in", "testdata/analyse/hotspots.csv", "--outcome", "crimes", "--type", "count", "--model", "poisson"}},
	{"three_arm", []string{"--in", "testdata/analyse/three_arm.csv", "--outcome", "reattended"}},
	{"no_events", []string{"--in", "testdata/analyse/no_events.csv", "--outcome", "reoffended"}},
}

func TestAnalyseGolden(t *testing.T) {
	for _, c := range analyseGoldenCases {
		for _, asJSON := range []bool{false, true} {
			args := append([]string{"analyse"}, c.args...)
			golden := c.name + ".txt"
			if asJSON {
				args = append(args, "--json")
				golden = c.name + ".json"
			}
			stdout, stderr, code := runCmd(t, args...)
			if code != 0 || stderr != "" {
				t.Errorf("%s: exit %d, stderr %q", golden, code, stderr)
				continue
			}
			if asJSON {
				checkAnalyseGoldenJSON(t, filepath.Join("analyse", golden), stdout, *updateAnalyse)
				checkAnalyseJSON(t, golden, stdout)
			} else {
				checkGoldenText(t, filepath.Join("analyse", golden), stdout, *updateAnalyse)
			}
		}
	}
}

// checkAnalyseGoldenJSON compares the JSON got with the golden file at path
// (under testdata/): the same keys in the same order, the same strings and
// nulls, and numbers within 1e-9 relative, so that the last bits of an
// iterative fit (glm.nb) may change without a new golden file.
func checkAnalyseGoldenJSON(t *testing.T, path, got string, update bool) {
	t.Helper()
	if update {
		checkGoldenText(t, path, got, true)
		return
	}
	want, err := os.ReadFile(filepath.Join("testdata", path))
	if err != nil {
		t.Fatalf("%v (run the test with -update-analyse to create it)", err)
	}
	if got == string(want) {
		return
	}
	gt, wt := analyseJSONTokens(t, got), analyseJSONTokens(t, string(want))
	same := len(gt) == len(wt)
	for i := 0; same && i < len(gt); i++ {
		g, gok := gt[i].(json.Number)
		w, wok := wt[i].(json.Number)
		if gok && wok {
			gf, _ := g.Float64()
			wf, _ := w.Float64()
			same = scalar.EqualWithinAbsOrRel(gf, wf, 1e-300, 1e-9)
		} else {
			same = gt[i] == wt[i]
		}
	}
	if !same {
		t.Errorf("output differs from testdata/%s:\n--- got ---\n%s\n--- want ---\n%s", path, got, want)
	}
}

// analyseJSONTokens lists the tokens of a JSON text, numbers as json.Number.
func analyseJSONTokens(t *testing.T, s string) []any {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var toks []any
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return toks
		}
		if err != nil {
			t.Fatalf("bad JSON: %v", err)
		}
		toks = append(toks, tok)
	}
}

// checkAnalyseJSON checks that out is one JSON object with every key the
// contract defines.
func checkAnalyseJSON(t *testing.T, name, out string) {
	t.Helper()
	var v struct {
		Outcome     *string          `json:"outcome"`
		Type        *string          `json:"type"`
		Level       *float64         `json:"level"`
		Arms        []map[string]any `json:"arms"`
		Comparisons []map[string]any `json:"comparisons"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if dec.More() {
		t.Errorf("%s: more than one JSON value", name)
	}
	if v.Outcome == nil || v.Type == nil || v.Level == nil || len(v.Arms) < 2 || len(v.Comparisons) < 1 {
		t.Fatalf("%s: top-level keys missing", name)
	}
	armKeys := map[string][]string{
		"continuous": {"mean", "sd"},
		"binary":     {"events", "risk"},
		"count":      {"total", "exposure", "rate"},
	}[*v.Type]
	for _, a := range v.Arms {
		for _, k := range append([]string{"arm", "n", "n_missing"}, armKeys...) {
			if _, ok := a[k]; !ok {
				t.Errorf("%s: arm without %q", name, k)
			}
		}
	}
	for _, c := range v.Comparisons {
		for _, k := range []string{"treatment", "control", "method", "estimate", "se", "ci_low", "ci_high",
			"p_value", "df", "effect_sizes", "tests", "ri_p_value", "p_holm", "notes"} {
			if _, ok := c[k]; !ok {
				t.Errorf("%s: comparison without %q", name, k)
			}
		}
	}
}

func TestAnalyseErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
		code int
		want string // in the error line
	}{
		{"no --in", []string{"--outcome", "y"}, exitUsage, "--in is required"},
		{"bad type", []string{"--in", "x.csv", "--outcome", "y", "--type", "ordinal"}, exitUsage, `--type "ordinal"`},
		{"bad model", []string{"--in", "x.csv", "--outcome", "y", "--type", "count", "--model", "zip"}, exitUsage, `--model "zip"`},
		{"model without count", []string{"--in", "x.csv", "--outcome", "y", "--model", "poisson"}, exitUsage, "--model is for counts only"},
		{"exposure without count", []string{"--in", "x.csv", "--outcome", "y", "--exposure", "weeks"}, exitUsage, "--exposure is for counts only"},
		{"bad level", []string{"--in", "x.csv", "--outcome", "y", "--level", "95"}, exitUsage, "--level 95"},
		{"negative permutations", []string{"--in", "x.csv", "--outcome", "y", "--permutations", "-5"}, exitUsage, "--permutations -5"},
		{"extra argument", []string{"--in", "x.csv", "--outcome", "y", "extra"}, exitUsage, "unexpected argument"},
		{"missing file", []string{"--in", "testdata/analyse/nothing.csv", "--outcome", "y"}, exitData, "nothing.csv"},
		{"unknown column", []string{"--in", "testdata/analyse/reoffending.csv", "--outcome", "reoffend"}, exitData, `no column "reoffend"`},
		{"non-numeric", []string{"--in", "testdata/analyse/bad_number.csv", "--outcome", "score"}, exitData, `bad_number.csv: row 4, column "score": "abc": not a number`},
		{"single arm", []string{"--in", "testdata/analyse/single_arm.csv", "--outcome", "score"}, exitData, `single arm, "control"`},
		{"no control", []string{"--in", "testdata/analyse/reoffending.csv", "--outcome", "reoffended", "--control", "placebo"}, exitData, `no control arm "placebo" in column "arm" (its labels are control, deterrence)`},
		{"negative count", []string{"--in", "testdata/analyse/negative_count.csv", "--outcome", "crimes", "--type", "count", "--exposure", "weeks"}, exitData, `row 3, column "crimes": "-1": a count cannot be negative`},
		{"fractional count", []string{"--in", "testdata/analyse/fractional_count.csv", "--outcome", "crimes", "--type", "count"}, exitData, `row 2, column "crimes": "2.5": a count must be a whole number`},
		{"zero exposure", []string{"--in", "testdata/analyse/zero_exposure.csv", "--outcome", "crimes", "--type", "count", "--exposure", "weeks"}, exitData, `row 3, column "weeks": "0": exposure must be positive`},
		{"not 0/1", []string{"--in", "testdata/analyse/not_binary.csv", "--outcome", "reoffended", "--type", "binary"}, exitData, `row 4, column "reoffended": "2": a binary outcome must be 0 or 1`},
	} {
		for _, asJSON := range []bool{false, true} {
			args := append([]string{"analyse"}, c.args...)
			if asJSON {
				args = append(args, "--json")
			}
			stdout, stderr, code := runCmd(t, args...)
			if code != c.code {
				t.Errorf("%s: exit %d, want %d (stderr %q)", c.name, code, c.code, stderr)
			}
			if stdout != "" {
				t.Errorf("%s: stdout %q, want nothing", c.name, stdout)
			}
			oneErrorLine(t, stderr, "evalkit: analyse: ")
			if !strings.Contains(stderr, c.want) {
				t.Errorf("%s: stderr %q, want it to contain %q", c.name, stderr, c.want)
			}
		}
	}
}

func TestAnalyseHelp(t *testing.T) {
	stdout, stderr, code := runCmd(t, "analyse", "-h")
	if code != 0 || stderr != "" || !strings.Contains(stdout, "Example:") || !strings.Contains(stdout, "--outcome") {
		t.Errorf("analyse -h: exit %d, stderr %q, stdout %q", code, stderr, stdout)
	}
}

// TestAnalyseWritesNothing checks that analysing leaves the input's
// directory as it was.
func TestAnalyseWritesNothing(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("testdata/analyse/reoffending.csv")
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "trial.csv")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"analyse", "--in", in, "--outcome", "reoffended"},
		{"analyse", "--in", in, "--outcome", "reoffended", "--control", "placebo"},
	} {
		runCmd(t, args...)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Errorf("directory holds %d entries after analyse, want 1", len(ents))
	}
}

var analyseSink string

// BenchmarkAnalyse runs evalkit analyse --json on continuous trials of
// growing size (reading the CSV included).
func BenchmarkAnalyse(b *testing.B) {
	for _, n := range []int{100, 10000, 1000000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			var csv strings.Builder
			csv.WriteString("id,arm,score\n")
			for i := 0; i < n; i++ {
				arm := "control"
				if i%2 == 1 {
					arm = "treatment"
				}
				fmt.Fprintf(&csv, "U%07d,%s,%d.%03d\n", i, arm, 40+(i*7919)%23, (i*104729)%1000)
			}
			in := filepath.Join(b.TempDir(), "trial.csv")
			if err := os.WriteFile(in, []byte(csv.String()), 0o644); err != nil {
				b.Fatal(err)
			}
			var out, errb strings.Builder
			for b.Loop() {
				out.Reset()
				if err := run([]string{"analyse", "--in", in, "--outcome", "score", "--json"}, &out, &errb); err != nil {
					b.Fatal(err, errb.String())
				}
			}
			analyseSink = out.String()
		})
	}
}

// TestAnalyseOneControl checks degenerate but valid data: one control value
// leaves Welch's SE undefined (null with the reason) but not the difference
// in means, and Student's t as R computes it: t.test(c(4, 5), 3,
// var.equal = TRUE) gives t = 1.7320508075688774, p = 0.33333333333333326.
func TestAnalyseOneControl(t *testing.T) {
	path := filepath.Join(t.TempDir(), "one.csv")
	os.WriteFile(path, []byte("id,arm,y\n1,control,3\n2,treatment,4\n3,treatment,5\n"), 0o644)
	stdout, stderr, code := runCmd(t, "analyse", "--in", path, "--outcome", "y", "--json")
	if code != 0 {
		t.Fatal(stderr)
	}
	var res struct {
		Comparisons []struct {
			Estimate *float64 `json:"estimate"`
			SE       *float64 `json:"se"`
			Tests    []struct {
				Method    string   `json:"method"`
				Statistic *float64 `json:"statistic"`
				P         *float64 `json:"p_value"`
			} `json:"tests"`
			Notes []string `json:"notes"`
		} `json:"comparisons"`
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatal(err)
	}
	c := res.Comparisons[0]
	if c.Estimate == nil || *c.Estimate != 1.5 || c.SE != nil {
		t.Errorf("estimate %v, se %v; want 1.5 and null", c.Estimate, c.SE)
	}
	st := c.Tests[0]
	if st.Method != "student_t" || st.Statistic == nil || math.Abs(*st.Statistic-1.7320508075688774) > 1e-12 ||
		st.P == nil || math.Abs(*st.P-0.33333333333333326) > 1e-12 {
		t.Errorf("student_t = %+v", st)
	}
	if len(c.Notes) == 0 || !strings.HasPrefix(c.Notes[0], "welch_t: undefined") {
		t.Errorf("notes %q lack the reason", c.Notes)
	}
}
