package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updateLifecycle = flag.Bool("update-lifecycle", false, "rewrite the golden files of evalkit lifecycle")

const lifecycleTestdata = "../../testdata/lifecycle/"

// lifecycleLinked are the files that handwritten.yaml's Schools Navigators
// links to (and the allocation's input and output), in problems/.
var lifecycleLinked = []string{"cases/schools.pdf", "allocation.csv.manifest.json", "allocation.csv", "units.csv", "power.json"}

// lifecycleCopy copies a portfolio, the files that ready.yaml links to and
// the linked files named (from problems/) into a fresh folder and returns
// the copy's path.
func lifecycleCopy(t *testing.T, name string, linked ...string) string {
	t.Helper()
	dir := t.TempDir()
	from := map[string]string{name: name, "analysis.json": "analysis.json", "unitcost.json": "unitcost.json"}
	for _, f := range linked {
		from[f] = "problems/" + f
	}
	for f, src := range from {
		data, err := os.ReadFile(lifecycleTestdata + src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, f)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, name)
}

// lifecycleEntries counts the files and folders in dir.
func lifecycleEntries(t *testing.T, dir string) int {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return len(entries)
}

func lifecycleReadFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestLifecycleStatusGolden(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		golden string
	}{
		{"example portfolio", []string{"lifecycle", "status", "--in", "../../examples/portfolio.yaml"}, "status_example.txt"},
		{"example portfolio json", []string{"lifecycle", "status", "--in", "../../examples/portfolio.yaml", "--json"}, "status_example.json"},
		{"hand-written", []string{"lifecycle", "status", "--in", lifecycleTestdata + "handwritten.yaml"}, "status_handwritten.txt"},
		{"ready json", []string{"lifecycle", "status", "--in", lifecycleTestdata + "ready.yaml", "--json"}, "status_ready.json"},
		{"links", []string{"lifecycle", "status", "--in", lifecycleTestdata + "links/portfolio.yaml"}, "status_links.txt"},
		{"links json", []string{"lifecycle", "status", "--in", lifecycleTestdata + "links/portfolio.yaml", "--json"}, "status_links.json"},
		{"problems", []string{"lifecycle", "status", "--in", lifecycleTestdata + "problems/portfolio.yaml"}, "status_problems.txt"},
		{"problems json", []string{"lifecycle", "status", "--in", lifecycleTestdata + "problems/portfolio.yaml", "--json"}, "status_problems.json"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, tc.args...)
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			checkGoldenText(t, "lifecycle/"+tc.golden, stdout, *updateLifecycle)
		})
	}
}

// TestLifecycleAdvance advances copies of portfolios and compares what is
// printed and the file written back with golden files.
func TestLifecycleAdvance(t *testing.T) {
	for _, tc := range []struct {
		name, file string
		args       []string
		golden     string
		linked     []string
	}{
		{"ready", "handwritten.yaml", []string{"--intervention", "Schools Navigators", "--date", "2023-06-14", "--note", "board: ready for trial"}, "advance_ready", lifecycleLinked},
		{"override", "handwritten.yaml", []string{"--intervention", "Hospital Navigators", "--date", "2023-06-14", "--override", "pilot starts in July"}, "advance_override", nil},
		{"decision json", "ready.yaml", []string{"--intervention", "Focused deterrence Milton Keynes", "--date", "2024-03-20", "--decision", "scale", "--note", "reduction in knife crime; extend to Reading", "--json"}, "advance_decision", nil},
		{"back", "ready.yaml", []string{"--intervention", "Focused deterrence Milton Keynes", "--date", "2024-03-20", "--to", "2", "--note", "re-plan the trial"}, "advance_back", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := lifecycleCopy(t, tc.file, tc.linked...)
			files := lifecycleEntries(t, filepath.Dir(path))
			args := append([]string{"lifecycle", "advance", "--in", path}, tc.args...)
			stdout, stderr, code := runCmd(t, args...)
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			stdout = strings.ReplaceAll(stdout, filepath.Dir(path), "DIR")
			checkGoldenText(t, "lifecycle/"+tc.golden+".out", stdout, *updateLifecycle)
			checkGoldenText(t, "lifecycle/"+tc.golden+".yaml", lifecycleReadFile(t, path), *updateLifecycle)
			if n := lifecycleEntries(t, filepath.Dir(path)); n != files {
				t.Errorf("%d files in the folder, want %d: a temporary file was left behind", n, files)
			}
		})
	}
}

// TestLifecycleErrors checks one line on stderr, the exit status, and that
// the portfolio is left exactly as it was.
func TestLifecycleErrors(t *testing.T) {
	for _, tc := range []struct {
		name, file string
		args       []string
		code       int
		stderr     string
	}{
		{"refused", "handwritten.yaml", []string{"advance", "--intervention", "Hospital Navigators", "--date", "2023-06-14"}, 1,
			"evalkit: lifecycle: Hospital Navigators cannot pass gate 2: missing business_case, process_evaluation, data_ethics_review, randomisation_plan, analysis_plan, power_analysis; give --override REASON to move it on anyway\n"},
		{"refused two gates", "ready.yaml", []string{"advance", "--intervention", "Operation Paramount", "--to", "3"}, 1,
			"evalkit: lifecycle: Operation Paramount cannot pass gate 1: missing theory_of_change, outcome_measures, preliminary_power; give --override REASON to move it on anyway\n"},
		{"unknown intervention", "handwritten.yaml", []string{"advance", "--intervention", "schools navigators"}, 1,
			"evalkit: lifecycle: no such intervention \"schools navigators\" (did you mean \"Schools Navigators\"?)\n"},
		{"to gate 4 with a decision (allowed)", "ready.yaml", []string{"advance", "--intervention", "Focused deterrence Milton Keynes", "--to", "4", "--decision", "adopt", "--date", "2024-01-01"}, 0, ""},
		{"decision at gate 2", "handwritten.yaml", []string{"advance", "--intervention", "Schools Navigators", "--decision", "adopt"}, 1,
			"evalkit: lifecycle: invalid move: a decision is recorded at gate 4, not gate 3\n"},
		{"unknown gate", "bad_unknown_gate.yaml", []string{"status"}, 1, "evalkit: lifecycle: FILE: line 6: unknown gate 5 (gates are 1 to 4)\n"},
		{"gate not a number", "bad_gate_text.yaml", []string{"advance", "--intervention", "DARAT", "--override", "x"}, 1, "evalkit: lifecycle: FILE: line 4: gate is not a whole number: \"two\"\n"},
		{"bad status", "bad_status.yaml", []string{"status"}, 1, "evalkit: lifecycle: FILE: line 6: unknown evidence status \"finished\" (use todo, in_progress, done or not_needed)\n"},
		{"duplicate names", "bad_duplicate.yaml", []string{"report", "--out", "OUT"}, 1, "evalkit: lifecycle: FILE: line 6: duplicate intervention name \"Hospital Navigators\" (first at line 2)\n"},
		{"not YAML", "bad_not_yaml.yaml", []string{"advance", "--intervention", "Operation Paramount"}, 1, "evalkit: lifecycle: FILE: line 5: not valid YAML: "},
		{"tab (issue 21, E10)", "bad_tab.yaml", []string{"status"}, 1, "evalkit: lifecycle: FILE: line 2: not valid YAML: found a tab character at column 1 that cannot start any token (YAML indents with spaces)\n"},
		{"bare second document (issue 21, P1)", "bad_second_document.yaml", []string{"status"}, 1, "evalkit: lifecycle: FILE: line 2: not a portfolio: a second YAML document starts here; a portfolio is one document\n"},
		{"nested too deeply (issue 21, H1)", "bad_nested.yaml", []string{"report", "--out", "OUT"}, 1, "evalkit: lifecycle: FILE: line 2: not a portfolio: nested too deeply: more than 64 lists and mappings inside one another\n"},
		{"no subcommand", "handwritten.yaml", nil, 2, "evalkit: lifecycle: say status, advance or report (see -h)\n"},
		{"unknown subcommand", "handwritten.yaml", []string{"move"}, 2, "evalkit: lifecycle: unknown subcommand \"move\""},
		{"no intervention flag", "handwritten.yaml", []string{"advance"}, 2, "evalkit: lifecycle: --intervention is required (see -h)\n"},
		{"bad date", "handwritten.yaml", []string{"advance", "--intervention", "Schools Navigators", "--date", "14/06/2023"}, 2, "evalkit: lifecycle: --date \"14/06/2023\": want YYYY-MM-DD\n"},
		{"bad decision", "ready.yaml", []string{"advance", "--intervention", "Focused deterrence Milton Keynes", "--decision", "continue"}, 2, "evalkit: lifecycle: --decision: unknown decision \"continue\" (use adopt, adapt, scale or stop)\n"},
		{"gate 9", "handwritten.yaml", []string{"advance", "--intervention", "Schools Navigators", "--to", "9"}, 2, "evalkit: lifecycle: --to 9: gates are 1 to 4\n"},
		{"empty override", "handwritten.yaml", []string{"advance", "--intervention", "Hospital Navigators", "--override", " "}, 2, "evalkit: lifecycle: --override needs a reason\n"},
		{"report without out", "handwritten.yaml", []string{"report"}, 2, "evalkit: lifecycle: --out is required (see -h)\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := lifecycleCopy(t, tc.file)
			before := lifecycleReadFile(t, path)
			out := filepath.Join(filepath.Dir(path), "out")
			args := []string{"lifecycle"}
			if len(tc.args) > 0 {
				args = append(args, tc.args[0], "--in", path)
				for _, a := range tc.args[1:] {
					args = append(args, strings.ReplaceAll(a, "OUT", out))
				}
			}
			stdout, stderr, code := runCmd(t, args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tc.code, stderr)
			}
			if tc.code == 0 {
				return
			}
			stderr = strings.ReplaceAll(stderr, path, "FILE")
			oneErrorLine(t, stderr, tc.stderr)
			if stdout != "" {
				t.Errorf("stdout = %q, want nothing", stdout)
			}
			if after := lifecycleReadFile(t, path); after != before {
				t.Error("the portfolio was changed")
			}
			if n := lifecycleEntries(t, filepath.Dir(path)); n != 3 {
				t.Errorf("%d files in the folder, want 3: something was written", n)
			}
		})
	}
}

// TestLifecycleAdvanceCRLF: a portfolio saved with CRLF line ends is
// advanced and keeps them (issue 21, W2: it was refused).
func TestLifecycleAdvanceCRLF(t *testing.T) {
	path := lifecycleCopy(t, "handwritten.yaml")
	crlf := strings.ReplaceAll(lifecycleReadFile(t, path), "\n", "\r\n")
	if err := os.WriteFile(path, []byte(crlf), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runCmd(t, "lifecycle", "advance", "--in", path, "--intervention", "Hospital Navigators", "--date", "2023-06-14", "--override", "pilot starts in July")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	after := lifecycleReadFile(t, path)
	if strings.Count(after, "\n") != strings.Count(after, "\r\n") || !strings.Contains(after, "    gate: 3\r\n    notes: |\r\n") ||
		!strings.Contains(after, "override: pilot starts in July\r\n") {
		t.Errorf("advanced file:\n%q", after)
	}
}

func TestLifecycleReport(t *testing.T) {
	path := lifecycleCopy(t, "handwritten.yaml")
	out := filepath.Join(filepath.Dir(path), "report")
	stdout, stderr, code := runCmd(t, "lifecycle", "report", "--in", path, "--out", out)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if want := "wrote " + filepath.Join(out, "report.html") + " and " + filepath.Join(out, "portfolio_board.png") + "\n"; stdout != want {
		t.Errorf("stdout = %q, want %q", stdout, want)
	}
	html := lifecycleReadFile(t, filepath.Join(out, "report.html"))
	for _, want := range []string{"<svg", "Schools Navigators", "Gate 3: Feasible research project", "2023-04-03: gate 1 to 2", "business case"} {
		if !strings.Contains(html, want) {
			t.Errorf("report.html lacks %q", want)
		}
	}
	png := lifecycleReadFile(t, filepath.Join(out, "portfolio_board.png"))
	if !strings.HasPrefix(png, "\x89PNG") {
		t.Error("portfolio_board.png is not a PNG")
	}

	// Again without --force: refused, nothing touched.
	_, stderr, code = runCmd(t, "lifecycle", "report", "--in", path, "--out", out)
	if code != 1 {
		t.Errorf("second run: exit %d, want 1", code)
	}
	oneErrorLine(t, stderr, "evalkit: lifecycle: "+out+" already exists; give --force")

	// With --force: written again.
	if _, stderr, code = runCmd(t, "lifecycle", "report", "--in", path, "--out", out, "--force"); code != 0 {
		t.Errorf("--force: exit %d, stderr %q", code, stderr)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 3 { // and the list .evalkit-files
		t.Errorf("%d files in %s, want 3", len(entries), out)
	}
}

func TestLifecycleHelp(t *testing.T) {
	for _, sub := range []string{"", "status", "advance", "report"} {
		args := []string{"lifecycle"}
		if sub != "" {
			args = append(args, sub)
		}
		stdout, stderr, code := runCmd(t, append(args, "-h")...)
		if code != 0 || stderr != "" || !strings.Contains(stdout, "Example") {
			t.Errorf("%v -h: exit %d, stderr %q, stdout %q", args, code, stderr, stdout)
		}
	}
}

// TestLifecycleAdvanceKeepsFile checks that advance writes through a
// symbolic link and keeps the file's permissions.
func TestLifecycleAdvanceKeepsFile(t *testing.T) {
	path := lifecycleCopy(t, "handwritten.yaml", lifecycleLinked...)
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(filepath.Dir(path), "current.yaml")
	if err := os.Symlink(filepath.Base(path), link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	_, stderr, code := runCmd(t, "lifecycle", "advance", "--in", link, "--intervention", "Schools Navigators", "--date", "2023-06-14")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the symbolic link was replaced by a file")
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", fi.Mode().Perm())
	}
	if !strings.Contains(lifecycleReadFile(t, path), "gate: 3") {
		t.Error("the file the link points at was not advanced")
	}
}
