package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// xlsxFromCSV writes the CSV file at src as a workbook at dst, on a sheet
// called sheet, as a person would type it into a spreadsheet: the columns
// named in text, and every value that is not a number, as text; other
// values as numbers.
func xlsxFromCSV(t *testing.T, src, dst, sheet string, text ...string) {
	t.Helper()
	data, err := os.ReadFile(src)
	require.NoError(t, err)
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	require.NoError(t, err)
	f := excelize.NewFile()
	defer f.Close()
	require.NoError(t, f.SetSheetName("Sheet1", sheet))
	for i, rec := range recs {
		for j, v := range rec {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if x, err := strconv.ParseFloat(v, 64); err == nil && i > 0 && !slices.Contains(text, recs[0][j]) {
				require.NoError(t, f.SetCellFloat(sheet, cell, x, -1, 64))
			} else {
				require.NoError(t, f.SetCellStr(sheet, cell, v))
			}
		}
	}
	require.NoError(t, f.SaveAs(dst))
}

// run1 runs the command and requires exit status 0, returning stdout.
func run1(t *testing.T, args ...string) string {
	t.Helper()
	stdout, stderr, code := runCmd(t, args...)
	require.Equal(t, 0, code, "%v: %s", args, stderr)
	return stdout
}

// TestXLSXTrialGivesTheCSVsAnalysis: a trial typed into a workbook, its
// ids (00001, ...) as text, is randomised and analysed exactly as the same
// trial in CSV, by its design.
func TestXLSXTrialGivesTheCSVsAnalysis(t *testing.T) {
	dir := t.TempDir()
	units := filepath.Join(dir, "units.csv") // beside the manifest, as --design requires
	data, err := os.ReadFile("../../examples/units.csv")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(units, data, 0o644))
	xlsxFromCSV(t, units, filepath.Join(dir, "units.xlsx"), "units", "unit_id")
	for _, ext := range []string{"csv", "xlsx"} {
		in := units
		if ext == "xlsx" {
			in = filepath.Join(dir, "units.xlsx")
		}
		run1(t, "randomise", "--in", in, "--id", "unit_id", "--block", "suite", "--seed", "7", "--out", filepath.Join(dir, "alloc."+ext))
	}
	// The trial: the allocation (read from the CSV) and an outcome.
	alloc, err := os.ReadFile(filepath.Join(dir, "alloc.csv"))
	require.NoError(t, err)
	recs, err := csv.NewReader(bytes.NewReader(alloc)).ReadAll()
	require.NoError(t, err)
	var b strings.Builder
	w := csv.NewWriter(&b)
	for i, rec := range recs {
		y := "wellbeing"
		if i > 0 {
			prior, _ := strconv.Atoi(rec[4])
			y = strconv.FormatFloat(float64(prior)*0.5+float64(i%7)+map[bool]float64{true: 1.25}[rec[5] == "treatment"], 'f', -1, 64)
		}
		w.Write(append(rec, y))
	}
	w.Flush()
	trial := filepath.Join(dir, "trial.csv")
	require.NoError(t, os.WriteFile(trial, []byte(b.String()), 0o644))
	xlsxFromCSV(t, trial, filepath.Join(dir, "trial.xlsx"), "trial", "unit_id")

	results := map[string]map[string]any{}
	for _, ext := range []string{"csv", "xlsx"} {
		out := run1(t, "analyse", "--in", filepath.Join(dir, "trial."+ext), "--outcome", "wellbeing", "--covariates", "prior_arrests,sex",
			"--design", filepath.Join(dir, "alloc."+ext+".manifest.json"), "--permutations", "200", "--seed", "1", "--json")
		out = strings.ReplaceAll(out, "alloc.xlsx.manifest.json", "alloc.csv.manifest.json") // named in a note
		var res map[string]any
		require.NoError(t, json.Unmarshal([]byte(out), &res))
		design := res["design"].(map[string]any)
		assert.Equal(t, 0.0, design["mismatched"], ext)
		assert.Equal(t, 0.0, design["not_in_data"], ext)
		delete(design, "manifest")
		delete(design, "manifest_sha256")
		results[ext] = res
	}
	assert.Equal(t, results["csv"], results["xlsx"])

	// The same trial on a sheet picked by --sheet, after another.
	f, err := excelize.OpenFile(filepath.Join(dir, "trial.xlsx"))
	require.NoError(t, err)
	_, err = f.NewSheet("notes")
	require.NoError(t, err)
	require.NoError(t, f.MoveSheet("notes", "trial"))
	require.NoError(t, f.SaveAs(filepath.Join(dir, "trial2.xlsx")))
	f.Close()
	want := run1(t, "analyse", "--in", trial, "--outcome", "wellbeing", "--json")
	assert.Equal(t, want, run1(t, "analyse", "--in", filepath.Join(dir, "trial2.xlsx"), "--sheet", "trial", "--outcome", "wellbeing", "--json"))
	_, stderr, code := runCmd(t, "analyse", "--in", filepath.Join(dir, "trial2.xlsx"), "--outcome", "wellbeing")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, `evalkit: analyse: trial2.xlsx: sheet "notes": the file is empty: no header line`)
}

// TestRandomiseXLSXRoundTrip: an allocation workbook verifies (its input,
// outside its folder, read by --allow-absolute), still verifies once
// opened and saved by a spreadsheet program (excelize standing in for
// Excel), and fails once an arm is changed.
func TestRandomiseXLSXRoundTrip(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "a.xlsx")
	run1(t, "randomise", "--in", "../../examples/units.csv", "--id", "unit_id", "--block", "suite,age_band", "--seed", "20230401", "--out", out)
	manifest := out + ".manifest.json"
	assert.Contains(t, run1(t, "randomise", "verify", "--manifest", manifest, "--allow-absolute"), "a.xlsx is reproduced cell for cell")

	f, err := excelize.OpenFile(out)
	require.NoError(t, err)
	rows, err := f.GetRows("allocation")
	require.NoError(t, err)
	assert.Equal(t, "00001", rows[1][0])
	require.NoError(t, f.Save())
	run1(t, "randomise", "verify", "--manifest", manifest, "--allow-absolute")

	arm := len(rows[0]) - 1
	require.Equal(t, "arm", rows[0][arm])
	cell, _ := excelize.CoordinatesToCellName(arm+1, 5)
	other := map[string]string{"control": "treatment", "treatment": "control"}[rows[4][arm]]
	require.NoError(t, f.SetCellStr("allocation", cell, other))
	require.NoError(t, f.Save())
	f.Close()
	_, stderr, code := runCmd(t, "randomise", "verify", "--manifest", manifest, "--allow-absolute")
	assert.Equal(t, 1, code)
	oneErrorLine(t, stderr, "evalkit: randomise: not verified: the cells of the output workbook a.xlsx have been changed since it was written")
}

// cost1252 is a cost sheet as Excel's "CSV (Comma delimited)" saves it on
// Windows, with a pound sign (the byte 0xA3) in an intervention's name.
const cost1252 = "intervention,item,category,amount,year\r\n\xA35 Youth Club,youth worker,staff,1000,2023-24\r\n"

func TestWindows1252CostSheet(t *testing.T) {
	dir := t.TempDir()
	costs, reach := filepath.Join(dir, "costs.csv"), filepath.Join(dir, "reach.csv")
	require.NoError(t, os.WriteFile(costs, []byte(cost1252), 0o644))
	require.NoError(t, os.WriteFile(reach, []byte("intervention,group,people\r\n\xA35 Youth Club,all,40\r\n"), 0o644))
	_, stderr, code := runCmd(t, "unitcost", "--costs", costs, "--reach", reach)
	assert.Equal(t, 1, code)
	oneErrorLine(t, stderr, `evalkit: unitcost: costs.csv: row 2, column "intervention": "\xa35 Youth Club": not UTF-8 text; if Excel saved the file (as CSV on Windows), give --encoding windows-1252`)
	out := run1(t, "unitcost", "--costs", costs, "--reach", reach, "--encoding", "windows-1252", "--json")
	var res struct {
		Interventions []struct {
			Intervention  string  `json:"intervention"`
			CostPerPerson float64 `json:"cost_per_person"`
		} `json:"interventions"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &res))
	require.Len(t, res.Interventions, 1)
	assert.Equal(t, "£5 Youth Club", res.Interventions[0].Intervention)
	assert.Equal(t, 25.0, res.Interventions[0].CostPerPerson)
}

// leftovers returns a CSV as a spreadsheet saves it once its next column
// and some rows have been used and cleared: every line ends in one more,
// empty, field, and three rows of empty fields follow. Its first field
// "NA" is written #N/A.
func leftovers(t *testing.T, src string) []byte {
	t.Helper()
	data, err := os.ReadFile(src)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	for i := range lines {
		lines[i] += ","
	}
	empty := strings.Repeat(",", strings.Count(lines[0], ","))
	out := strings.Join(append(lines, empty, empty, empty), "\r\n") + "\r\n"
	return []byte(strings.Replace(out, ",NA,", ",#N/A,", 1))
}

// TestSpreadsheetLeftoversEveryCommand: every command that reads tables
// reads a CSV with a column with no name and no values, three empty rows
// at the end and a #N/A as the same CSV without them.
func TestSpreadsheetLeftoversEveryCommand(t *testing.T) {
	clean, dirty := t.TempDir(), t.TempDir()
	put := func(name, src string, edit func(string) string) {
		data, err := os.ReadFile(src)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(clean, name), []byte(edit(string(data))), 0o644))
		require.NoError(t, os.WriteFile(filepath.Join(dirty, name), leftovers(t, filepath.Join(clean, name)), 0o644))
	}
	same := func(s string) string { return s }
	put("trial.csv", "testdata/analyse/attendance.csv", same)
	put("units.csv", "../../examples/units.csv", func(s string) string { return strings.Replace(s, ",M,3\n", ",M,NA\n", 1) })
	put("costs.csv", "../../examples/costs_2023_24.csv", func(s string) string { return strings.Replace(s, "grant,,,", "grant,NA,,", 1) })
	put("reach.csv", "../../examples/reach_2023_24.csv", same)
	put("deflators.csv", "../../examples/deflators.csv", same)
	put("bdeflators.csv", "../../testdata/benefits/deflators.csv", same)
	put("unit_costs.csv", "../../testdata/benefits/unit_costs.csv", same)
	put("harm.csv", "../../testdata/benefits/harm_weights.csv", same)
	for _, name := range []string{"trial.csv", "units.csv", "costs.csv"} {
		b, _ := os.ReadFile(filepath.Join(dirty, name))
		require.Contains(t, string(b), ",#N/A,", name)
	}
	run1(t, "analyse", "--in", filepath.Join(clean, "trial.csv"), "--outcome", "attendance", "--json", "--report", filepath.Join(clean, "r"))
	commands := [][]string{
		{"analyse", "--in", "trial.csv", "--outcome", "attendance", "--json"},
		{"randomise", "--in", "units.csv", "--id", "unit_id", "--block", "suite", "--seed", "3", "--out", "alloc.csv", "--json"},
		{"power", "simulate", "--units", "units.csv", "--id", "unit_id", "--block", "suite", "--effect", "0.3", "--sims", "50", "--json"},
		{"unitcost", "--costs", "costs.csv", "--reach", "reach.csv", "--price-year", "2023-24", "--deflators", "deflators.csv", "--json"},
		{"benefits", "--analysis", "analysis.json", "--crime", "violence_with_injury", "--baseline", "10", "--price-year", "2023-24", "--deflators", "bdeflators.csv",
			"--unit-costs", "unit_costs.csv", "--harm-weights", "harm.csv", "--json"},
	}
	for _, dir := range []string{clean, dirty} {
		res := run1(t, "analyse", "--in", "../../examples/hotspots.csv", "--outcome", "crimes_after", "--type", "count", "--exposure", "weeks", "--json")
		require.NoError(t, os.WriteFile(filepath.Join(dir, "analysis.json"), []byte(res), 0o644))
	}
	for _, c := range commands {
		outs := map[string]string{}
		for _, dir := range []string{clean, dirty} {
			args := slices.Clone(c)
			for i, a := range args {
				if strings.Contains(a, ".") && !strings.HasPrefix(a, "0.") {
					args[i] = filepath.Join(dir, a)
				}
			}
			outs[dir] = strings.ReplaceAll(run1(t, args...), dir, "DIR")
		}
		if c[0] == "randomise" { // the input's digest differs, and the output's with it
			var a, b map[string]any
			require.NoError(t, json.Unmarshal([]byte(outs[clean]), &a))
			require.NoError(t, json.Unmarshal([]byte(outs[dirty]), &b))
			for _, k := range []string{"input_sha256", "output_sha256"} {
				delete(a, k)
				delete(b, k)
			}
			assert.Equal(t, a, b)
			continue
		}
		assert.Equal(t, outs[clean], outs[dirty], "%v", c)
	}
}

// TestDelimiterEveryCommand: a file separated by semicolons is refused
// with the advice to give --delimiter ';', and read with it.
func TestDelimiterEveryCommand(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("../../examples/reach_2023_24.csv")
	require.NoError(t, err)
	reach := filepath.Join(dir, "reach.csv")
	require.NoError(t, os.WriteFile(reach, bytes.ReplaceAll(data, []byte(","), []byte(";")), 0o644))
	_, stderr, code := runCmd(t, "unitcost", "--costs", "../../examples/costs_2023_24.csv", "--reach", reach)
	assert.Equal(t, 1, code)
	oneErrorLine(t, stderr, `evalkit: unitcost: reach.csv: row 1: the header "intervention;group;people" has semicolons and no commas: if the fields are separated by semicolons, give --delimiter ';'`)
	costs := filepath.Join(dir, "costs.csv")
	c, err := os.ReadFile("../../examples/costs_2023_24.csv")
	require.NoError(t, err)
	r, err := csv.NewReader(bytes.NewReader(c)).ReadAll()
	require.NoError(t, err)
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Comma = ';'
	require.NoError(t, w.WriteAll(r))
	require.NoError(t, os.WriteFile(costs, b.Bytes(), 0o644))
	want := run1(t, "unitcost", "--costs", "../../examples/costs_2023_24.csv", "--reach", "../../examples/reach_2023_24.csv", "--json")
	assert.Equal(t, want, run1(t, "unitcost", "--costs", costs, "--reach", reach, "--delimiter", ";", "--json"))
	_, stderr, code = runCmd(t, "analyse", "--in", reach, "--outcome", "people", "--delimiter", ":")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, `unknown delimiter ":"`)
}
