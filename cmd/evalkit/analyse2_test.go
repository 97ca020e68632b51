package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// analyse2Data is the folder of the data sets that testdata/r/analyse2.R
// reads.
const analyse2Data = "../../testdata/analyse2/"

var updateAnalyse2 = flag.Bool("update-analyse2", false, "rewrite the golden files of evalkit analyse with covariates, blocks and clusters")

// analyse2GoldenCases are the example trials analysed as they were
// randomised; each is run with and without --json and compared with
// testdata/analyse2/NAME.txt and NAME.json.
var analyse2GoldenCases = []struct {
	name string
	args string
}{
	{"school_navigators", "school_navigators.csv --outcome attendance --covariates attendance_baseline --cluster school --block town"},
	{"hotspots", "hotspots.csv --outcome crimes_after --type count --exposure weeks --covariates crimes_before --block area"},
	{"focused_deterrence", "focused_deterrence.csv --outcome reoffended --covariates prior_offences"},
	{"awkward", "awkward.csv --outcome y --covariates x1,x2 --block block --cluster cluster"},
	{"tiny_cluster_ri", "tiny_cluster.csv --outcome y --block block --cluster cluster --permutations 100 --seed 1"},
	{"hotspots_ri", "hotspots.csv --outcome crimes_after --type count --exposure weeks --covariates crimes_before --block area --model poisson --permutations 200 --seed 4"},
	{"leverage_one", "leverage_one.csv --outcome y --covariates z --cluster school"},
	{"deterrence_ri", "focused_deterrence.csv --outcome reoffended --permutations 500 --seed 9"},
}

// analyse2Args makes the arguments of evalkit analyse from a case's line,
// whose first word is a file of analyse2Data.
func analyse2Args(line string) []string {
	f := strings.Fields(line)
	return append([]string{"analyse", "--in", analyse2Data + f[0]}, f[1:]...)
}

func TestAnalyse2Golden(t *testing.T) {
	for _, c := range analyse2GoldenCases {
		for _, asJSON := range []bool{false, true} {
			args := analyse2Args(c.args)
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
				checkAnalyseGoldenJSON(t, filepath.Join("analyse2", golden), stdout, *updateAnalyse2)
				checkAnalyseJSON(t, golden, stdout)
			} else {
				checkGoldenText(t, filepath.Join("analyse2", golden), stdout, *updateAnalyse2)
			}
		}
	}
}

// TestAnalyse2Missing checks that rows with a missing covariate are left
// out and counted in n_missing of their arm, and that a block holding one
// arm of a comparison stays in it, with a note and the warning
// one_arm_block.
func TestAnalyse2Missing(t *testing.T) {
	out, _, code := runCmd(t, append(analyse2Args("awkward.csv --outcome y --covariates x1,x2 --block block --cluster cluster"), "--json")...)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var res struct {
		Arms []struct {
			Arm      string
			N        int
			NMissing int `json:"n_missing"`
		}
		Comparisons []struct{ Notes []string }
		Warnings    []string
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	// awkward.csv: x2 is NA at data rows 4, 18 and 41 and y empty at row 11.
	want := map[string][2]int{"control": {26, 1}, "navigator": {16, 3}, "phone": {26, 0}}
	for _, a := range res.Arms {
		if w := want[a.Arm]; a.N != w[0] || a.NMissing != w[1] {
			t.Errorf("arm %s: n %d, n_missing %d, want %v", a.Arm, a.N, a.NMissing, w)
		}
	}
	var blocks []string
	for _, w := range res.Warnings {
		if strings.HasPrefix(w, "one_arm_block: ") {
			blocks = append(blocks, w)
		}
	}
	if len(blocks) != 1 || !strings.HasPrefix(blocks[0], `one_arm_block: block "D"`) {
		t.Errorf("warnings = %q, want one one_arm_block, for block D", res.Warnings)
	}
	if notes := strings.Join(res.Comparisons[0].Notes, "\n"); !strings.Contains(notes, `block "D"`) || !strings.Contains(notes, "stay in the model") {
		t.Errorf("navigator's notes %q say nothing of block D", notes)
	}
}

// TestAnalyse2Errors checks bad input: one line on stderr, the exit
// status, nothing written.
func TestAnalyse2Errors(t *testing.T) {
	for _, c := range []struct {
		name string
		args string
		code int
		want string
	}{
		{"constant covariate", "constant_covariate.csv --outcome y --covariates age --block block", exitData, `covariate "age" is constant within blocks`},
		{"collinear covariate", "collinear_covariate.csv --outcome y --covariates dose", exitData, `covariate "dose" is collinear with the treatment`},
		{"non-numeric covariate", "bad_covariate.csv --outcome y --covariates age", exitData, `bad_covariate.csv: row 9, column "age": "old": not a number`},
		{"unknown covariate", "awkward.csv --outcome y --covariates x1,x9", exitData, `"x9"`},
		{"unknown block", "awkward.csv --outcome y --block blok", exitData, `"blok"`},
		{"mixed cluster", "mixed_cluster.csv --outcome y --cluster cluster --permutations 99 --seed 2", exitData, `cluster "S0" (column "cluster") holds units of both arms`},
		{"permutations without seed", "awkward.csv --outcome y --permutations 99", exitUsage, "--permutations needs --seed"},
		{"seed without permutations", "awkward.csv --outcome y --seed 3", exitUsage, "--seed is for --permutations"},
		// #21 E5 and H4: no permutations, and too many, named as such.
		{"zero permutations", "awkward.csv --outcome y --permutations 0 --seed 1", exitUsage, "--permutations 0: want a whole number of re-randomisations from 1 to 10000000"},
		{"permutations 1e18", "awkward.csv --outcome y --permutations 1e18 --seed 1", exitUsage, "--permutations 1e18: want a whole number of re-randomisations from 1 to 10000000; --permutations auto draws until"},
		{"permutations 10^18", "awkward.csv --outcome y --permutations 1000000000000000000 --seed 1", exitUsage, "from 1 to 10000000; --permutations auto"},
		{"permutations beyond an int", "awkward.csv --outcome y --permutations 99999999999999999999 --seed 1", exitUsage, "from 1 to 10000000; --permutations auto"},
		{"cluster with counts", "hotspots.csv --outcome crimes_after --type count --cluster area", exitUsage, "--cluster is not defined for a count outcome"},
		{"empty covariate", "awkward.csv --outcome y --covariates x1,,x2", exitUsage, "an empty covariate name"},
		{"covariate twice", "awkward.csv --outcome y --covariates x1,x1", exitUsage, `"x1" is given twice`},
		{"covariate is outcome", "awkward.csv --outcome y --covariates y", exitUsage, `"y" is the outcome`},
	} {
		dir := t.TempDir()
		args := append(analyse2Args(c.args), "--report", filepath.Join(dir, "report"))
		stdout, stderr, code := runCmd(t, args...)
		if code != c.code {
			t.Errorf("%s: exit %d, want %d (stderr %q)", c.name, code, c.code, stderr)
		}
		oneErrorLine(t, stderr, "evalkit: analyse: ")
		if !strings.Contains(stderr, c.want) {
			t.Errorf("%s: stderr %q does not contain %q", c.name, stderr, c.want)
		}
		if stdout != "" {
			t.Errorf("%s: stdout %q, want nothing", c.name, stdout)
		}
		if ents, _ := os.ReadDir(dir); len(ents) != 0 {
			t.Errorf("%s: %d entries written", c.name, len(ents))
		}
	}
}

// TestAnalyse2Report checks --report: the files written, a self-contained
// page without the data's identifiers, and an existing folder refused
// without --force.
func TestAnalyse2Report(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "report")
	args := append(analyse2Args("school_navigators.csv --outcome attendance --covariates attendance_baseline --cluster school --block town"), "--report", dir)
	want, _, _ := runCmd(t, analyse2Args("school_navigators.csv --outcome attendance --covariates attendance_baseline --cluster school --block town")...)
	stdout, stderr, code := runCmd(t, args...)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if stdout != want {
		t.Errorf("--report changed the table on stdout")
	}
	for _, f := range []string{"report.html", "summary.md", "flow.png", "distribution.png", "forest.png", "balance.png"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil || len(b) == 0 {
			t.Errorf("%s: %v (%d bytes)", f, err, len(b))
		}
	}
	html, _ := os.ReadFile(filepath.Join(dir, "report.html"))
	data, _ := os.ReadFile(analyse2Data + "school_navigators.csv")
	ids := regexp.MustCompile(`P\d{5}`).FindAll(data, -1)
	for _, id := range ids {
		if bytes.Contains(html, id) {
			t.Fatalf("report.html contains the identifier %s", id)
		}
	}
	if regexp.MustCompile(`(?i)(src|href)\s*=\s*["']?(https?:|//)`).Match(html) {
		t.Errorf("report.html refers to an external resource")
	}
	for _, s := range []string{"school_navigators.csv", "CR2", version} {
		if !bytes.Contains(html, []byte(s)) {
			t.Errorf("report.html does not mention %q", s)
		}
	}
	ents, _ := os.ReadDir(filepath.Dir(dir))
	if len(ents) != 1 {
		t.Errorf("%d entries beside the report, want none (temporary folder left?)", len(ents)-1)
	}

	// Again without --force: refused, nothing changed.
	before, _ := os.ReadFile(filepath.Join(dir, "report.html"))
	_, stderr, code = runCmd(t, args...)
	if code != exitData {
		t.Errorf("existing folder: exit %d, want %d", code, exitData)
	}
	oneErrorLine(t, stderr, "evalkit: analyse: --report: ")
	if !strings.Contains(stderr, "already exists") {
		t.Errorf("stderr %q", stderr)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "report.html"))
	if !bytes.Equal(before, after) {
		t.Errorf("report.html changed without --force")
	}

	// With --force, a report without covariates replaces it and drops the
	// balance plot it no longer has.
	args = append(analyse2Args("school_navigators.csv --outcome attendance"), "--report", dir, "--force")
	if _, stderr, code = runCmd(t, args...); code != 0 {
		t.Fatalf("--force: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "balance.png")); !os.IsNotExist(err) {
		t.Errorf("balance.png left from the earlier report")
	}
	if _, err := os.Stat(filepath.Join(dir, "forest.png")); err != nil {
		t.Errorf("forest.png: %v", err)
	}
}

// TestAnalyse2ReportExamples renders the report of each example trial and
// checks that it is self-contained, has each plot and holds none of the
// data's identifiers.
func TestAnalyse2ReportExamples(t *testing.T) {
	for _, c := range []struct {
		args  string
		id    string // the pattern of the file's identifiers
		plots []string
	}{
		{"school_navigators.csv --outcome attendance --covariates attendance_baseline --cluster school --block town --permutations 200 --seed 1",
			`P\d{5}`, []string{"flow", "distribution", "forest", "balance"}},
		{"hotspots.csv --outcome crimes_after --type count --exposure weeks --covariates crimes_before --block area",
			`HS\d{3}`, []string{"flow", "distribution", "forest", "balance"}},
		{"focused_deterrence.csv --outcome reoffended", `FD\d{4}`, []string{"flow", "distribution", "forest"}},
	} {
		dir := filepath.Join(t.TempDir(), "r")
		f := strings.Fields(c.args)
		if _, stderr, code := runCmd(t, append(analyse2Args(c.args), "--report", dir)...); code != 0 {
			t.Fatalf("%s: exit %d: %s", f[0], code, stderr)
		}
		html, err := os.ReadFile(filepath.Join(dir, "report.html"))
		if err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(analyse2Data + f[0])
		ids := regexp.MustCompile(c.id).FindAll(data, -1)
		if len(ids) == 0 {
			t.Fatalf("%s: no identifiers matching %s", f[0], c.id)
		}
		for _, id := range ids {
			if bytes.Contains(html, id) {
				t.Fatalf("%s: report.html contains the identifier %s", f[0], id)
			}
		}
		if regexp.MustCompile(`(?i)<(script|link|img|iframe)|(src|href)\s*=`).Match(html) {
			t.Errorf("%s: report.html loads something", f[0])
		}
		for _, p := range c.plots {
			if !bytes.Contains(html, []byte(`id="plot-`+p+`"`)) {
				t.Errorf("%s: report.html has no %s plot", f[0], p)
			}
			if _, err := os.Stat(filepath.Join(dir, p+".png")); err != nil {
				t.Errorf("%s: %v", f[0], err)
			}
		}
	}
}
