package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// updateUnitcost rewrites the golden files: go test ./cmd/evalkit -run Unitcost -update-unitcost
var updateUnitcost = flag.Bool("update-unitcost", false, "rewrite the unitcost golden files in testdata/unitcost")

const (
	ucExamples = "../../examples/"
	ucData     = "../../testdata/unitcost/"
)

func TestUnitcostGolden(t *testing.T) {
	programme := []string{"unitcost", "--costs", ucExamples + "costs_2023_24.csv", "--reach", ucExamples + "reach_2023_24.csv"}
	multiyear := []string{"unitcost", "--costs", ucData + "multiyear_costs.csv", "--reach", ucData + "multiyear_reach.csv",
		"--outcomes", ucData + "multiyear_outcomes.csv", "--price-year", "2023", "--deflators", ucData + "multiyear_deflators.csv",
		"--discount-rate", "0.035", "--base-year", "2022"}
	for _, tc := range []struct {
		name   string
		args   []string
		golden string
	}{
		{"programme table", programme, "programme.txt"},
		{"programme json", append(programme, "--json"), "programme.json"},
		{"programme real terms json", append(programme, "--outcomes", ucExamples+"outcomes_2023_24.csv",
			"--price-year", "2024-25", "--deflators", ucExamples+"deflators.csv", "--discount-rate", "0.035", "--base-year", "2023-24", "--json"),
			"programme_real.json"},
		{"multi-year table", append(multiyear, "--sensitivity", "0.2"), "multiyear.txt"},
		{"multi-year json", append(multiyear, "--sensitivity", "0.2", "--json"), "multiyear.json"},
		{"warnings table", []string{"unitcost", "--costs", ucData + "warn_costs.csv", "--reach", ucData + "warn_reach.csv", "--sensitivity", "0"}, "warnings.txt"},
		{"warnings json", []string{"unitcost", "--costs", ucData + "warn_costs.csv", "--reach", ucData + "warn_reach.csv", "--sensitivity", "0", "--json"}, "warnings.json"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, tc.args...)
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			checkGoldenText(t, filepath.Join("unitcost", tc.golden), stdout, *updateUnitcost)
		})
	}
}

func TestUnitcostErrors(t *testing.T) {
	dir := t.TempDir()
	plot := filepath.Join(dir, "costs.png")
	reach := ucData + "a_reach.csv"
	bad := func(costs string, more ...string) []string {
		return append([]string{"unitcost", "--costs", ucData + costs, "--reach", reach, "--plot", plot}, more...)
	}
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"negative amount", bad("bad_negative.csv"), 1,
			`evalkit: unitcost: bad_negative.csv: row 3, column "amount": "-50": negative value: a cost cannot be negative (net off income or refunds in the line they reduce)` + "\n"},
		{"unknown category", bad("bad_category.csv"), 1,
			`evalkit: unitcost: bad_category.csv: row 2, column "category": "salaries": unknown category; use one of staff, non_staff, overhead, in_kind, volunteer` + "\n"},
		{"12k", bad("bad_12k.csv"), 1,
			`evalkit: unitcost: bad_12k.csv: row 3, column "amount": "12k": not an amount in plain pounds and pence: write the amount in full, such as 12000 for 12k` + "\n"},
		{"£1,200", bad("bad_pounds.csv"), 1,
			`evalkit: unitcost: bad_pounds.csv: row 2, column "amount": "£1,200": not an amount in plain pounds and pence: no currency sign; write plain pounds such as 1200.50` + "\n"},
		{"year missing from deflators", bad("bad_year.csv", "--price-year", "2023", "--deflators", ucData+"multiyear_deflators.csv"), 1,
			`evalkit: unitcost: bad_year.csv: row 3, column "year": "2019": bad year: the deflators have no index for 2019 (they cover 2021 to 2025)` + "\n"},
		{"price year missing from deflators", bad("warn_costs.csv", "--price-year", "2030", "--deflators", ucData+"multiyear_deflators.csv"), 1,
			"evalkit: unitcost: multiyear_deflators.csv: no index for the price year 2030\n"},
		{"reach of an intervention without costs", []string{"unitcost", "--costs", ucData + "bad_year.csv", "--reach", ucData + "bad_reach.csv", "--plot", plot}, 1,
			`evalkit: unitcost: bad_reach.csv: row 3, column "intervention": "B": intervention without costs: it has reach but no lines in the costs sheet` + "\n"},
		{"no such file", []string{"unitcost", "--costs", ucData + "nothing.csv", "--reach", reach}, 1,
			"evalkit: unitcost: open " + ucData + "nothing.csv: no such file or directory\n"},
		{"no reach flag", []string{"unitcost", "--costs", ucData + "warn_costs.csv"}, 2,
			"evalkit: unitcost: --costs and --reach are required (see -h)\n"},
		{"price year alone", bad("warn_costs.csv", "--price-year", "2023"), 2,
			"evalkit: unitcost: --price-year and --deflators go together: give both for real terms, or neither\n"},
		{"rate alone", bad("warn_costs.csv", "--discount-rate", "0.035"), 2,
			"evalkit: unitcost: --discount-rate and --base-year go together: give both to discount (the Green Book rate is 0.035), or neither\n"},
		{"rate as percent", bad("warn_costs.csv", "--discount-rate", "3.5%", "--base-year", "2023"), 2,
			`evalkit: unitcost: --discount-rate "3.5%": write the rate as a share, 0.035 for 3.5%` + "\n"},
		{"rate as number of percent", bad("warn_costs.csv", "--discount-rate", "3.5", "--base-year", "2023"), 2,
			"evalkit: unitcost: --discount-rate 3.5: a rate of 100% or more; write 3.5% as 0.035\n"},
		{"bad base year", bad("warn_costs.csv", "--discount-rate", "0.035", "--base-year", "23"), 2,
			`evalkit: unitcost: --base-year "23": bad year: write a year as 2023, or a financial year as 2023-24` + "\n"},
		{"sensitivity 1", bad("warn_costs.csv", "--sensitivity", "1"), 2,
			"evalkit: unitcost: --sensitivity 1: give a share from 0 to below 1, such as 0.1 for ±10%\n"},
		{"plot format", bad("warn_costs.csv", "--plot", filepath.Join(dir, "costs.pdf")), 2,
			`evalkit: unitcost: --plot "` + filepath.Join(dir, "costs.pdf") + `": the file name must end in .png or .svg` + "\n"},
		{"stray argument", append(bad("warn_costs.csv"), "extra"), 2,
			`evalkit: unitcost: unexpected argument "extra" (see -h)` + "\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d", code, tc.code)
			}
			if stdout != "" {
				t.Errorf("stdout %q, want nothing", stdout)
			}
			oneErrorLine(t, stderr, "evalkit: unitcost: ")
			if stderr != tc.stderr {
				t.Errorf("stderr\n%s\nwant\n%s", stderr, tc.stderr)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Errorf("%d files written", len(entries))
			}
		})
	}
}

// TestUnitcostPlotFile checks --plot: written atomically, never over an
// existing file without --force, nothing on stdout when it fails.
func TestUnitcostPlotFile(t *testing.T) {
	dir := t.TempDir()
	args := []string{"unitcost", "--costs", ucExamples + "costs_2023_24.csv", "--reach", ucExamples + "reach_2023_24.csv", "--json"}
	for _, name := range []string{"costs.png", "costs.svg"} {
		path := filepath.Join(dir, name)
		stdout, stderr, code := runCmd(t, append(args, "--plot", path)...)
		if code != 0 || stderr != "" || stdout == "" {
			t.Fatalf("%s: exit %d, stderr %q", name, code, stderr)
		}
		fi, err := os.Stat(path)
		if err != nil || fi.Size() < 1000 {
			t.Fatalf("%s: %v, %v", name, fi, err)
		}
		stdout, stderr, code = runCmd(t, append(args, "--plot", path)...)
		if code != 1 || stdout != "" {
			t.Errorf("%s again: exit %d, stdout %q", name, code, stdout)
		}
		oneErrorLine(t, stderr, "evalkit: unitcost: "+path+" already exists; give --force")
		if _, _, code := runCmd(t, append(args, "--plot", path, "--force")...); code != 0 {
			t.Errorf("%s --force: exit %d", name, code)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("%d files in the directory, want 2 (no temporary files left)", len(entries))
	}
}

func TestUnitcostUsage(t *testing.T) {
	stdout, stderr, code := runCmd(t, "unitcost", "-h")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	checkGoldenText(t, "unitcost/usage.txt", stdout, *updateUnitcost)
}

// FuzzUnitcost runs the command on fuzzed sheets: whatever they hold, it
// succeeds or prints one error line, and never panics.
func FuzzUnitcost(f *testing.F) {
	f.Add("intervention,item,category,amount,year,funder\nA,x,staff,100,2023,VRU\nB,y,in_kind,0.5,2023-24,\n",
		"intervention,group,people\nA,all,3\n", "intervention,outcome,count,value\nA,o,2,50\n", true)
	f.Add("intervention,item,category,amount,year\nA,x,staff,12k,2023\n", "intervention,group,people\nA,all,0\n", "", false)
	f.Fuzz(func(t *testing.T, costs, reach, outcomes string, json bool) {
		dir := t.TempDir()
		write := func(name, text string) string {
			p := filepath.Join(dir, name)
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			return p
		}
		args := []string{"unitcost", "--costs", write("costs.csv", costs), "--reach", write("reach.csv", reach),
			"--outcomes", write("outcomes.csv", outcomes), "--sensitivity", "0.2"}
		if json {
			args = append(args, "--json")
		}
		stdout, stderr, code := runCmd(t, args...)
		switch code {
		case 0:
			if stderr != "" || stdout == "" {
				t.Fatalf("exit 0 with stderr %q", stderr)
			}
		case 1:
			oneErrorLine(t, stderr, "evalkit: unitcost: ")
			if strings.Contains(stderr, "internal error") || stdout != "" {
				t.Fatalf("stderr %q, stdout %q", stderr, stdout)
			}
		default:
			t.Fatalf("exit %d: %s", code, stderr)
		}
	})
}
