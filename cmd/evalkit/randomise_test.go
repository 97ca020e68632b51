package main

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var updateRandomise = flag.Bool("update-randomise", false, "rewrite the golden files of evalkit randomise")

// randomiseTempInput copies testdata/rct/NAME into a temporary directory
// and returns the directory.
func randomiseTempInput(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "rct", name))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

var randomiseCreated = regexp.MustCompile(`"created_utc": "[^"]*"`)

// randomiseFields matches the fields digest, which covers the time and paths.
var randomiseFields = regexp.MustCompile(`"fields_sha256": "[0-9a-f]{64}"`)

func TestRandomiseGoldenCommand(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"complete", []string{"--block", "area"}},
		{"complete_json", []string{"--block", "area,beat", "--json"}},
		{"three_arms", []string{"--arms", "control,letter,visit", "--ratio", "2:1:1", "--block", "area"}},
		{"simple", []string{"--method", "simple"}},
		{"blocks", []string{"--method", "blocks", "--block-sizes", "2,4", "--block", "area"}},
		{"minimise", []string{"--method", "minimise", "--factors", "area,risk", "--minimise-prob", "0.9"}},
		{"cluster", []string{"--cluster", "school", "--block", "area", "--json"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := randomiseTempInput(t, "units.csv")
			out := filepath.Join(dir, "allocation.csv")
			args := append([]string{"randomise", "--in", filepath.Join(dir, "units.csv"), "--id", "unit_id",
				"--seed", "20230401", "--out", out}, tc.args...)
			stdout, stderr, code := runCmd(t, args...)
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			stdout = strings.ReplaceAll(stdout, dir, "$TMP")
			checkGoldenText(t, "randomise/"+tc.name+".out", stdout, *updateRandomise)
			csv, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			checkGoldenText(t, "randomise/"+tc.name+".csv", string(csv), *updateRandomise)
			man, err := os.ReadFile(out + ".manifest.json")
			if err != nil {
				t.Fatal(err)
			}
			m := randomiseCreated.ReplaceAllString(strings.ReplaceAll(string(man), dir, "$TMP"), `"created_utc": "(time)"`)
			m = randomiseFields.ReplaceAllString(m, `"fields_sha256": "(digest)"`)
			checkGoldenText(t, "randomise/"+tc.name+".manifest.json", m, *updateRandomise)

			// verify reproduces it; a re-run with --force gives the same bytes.
			if _, stderr, code := runCmd(t, "randomise", "verify", "--manifest", out+".manifest.json"); code != 0 {
				t.Errorf("verify: exit %d, %s", code, stderr)
			}
			if _, stderr, code := runCmd(t, append(args, "--force")...); code != 0 {
				t.Fatalf("--force: exit %d, %s", code, stderr)
			}
			again, _ := os.ReadFile(out)
			if string(again) != string(csv) {
				t.Error("the same seed gave different bytes")
			}
		})
	}
}

func TestRandomiseVerifyDetectsChanges(t *testing.T) {
	dir := randomiseTempInput(t, "units.csv")
	in, out := filepath.Join(dir, "units.csv"), filepath.Join(dir, "allocation.csv")
	if _, stderr, code := runCmd(t, "randomise", "--in", in, "--id", "unit_id", "--seed", "1", "--out", out); code != 0 {
		t.Fatal(stderr)
	}
	// Moving the directory keeps the manifest's relative paths working.
	moved := filepath.Join(t.TempDir(), "moved")
	if err := os.Rename(dir, moved); err != nil {
		t.Fatal(err)
	}
	dir, in, out, man := moved, filepath.Join(moved, "units.csv"), filepath.Join(moved, "allocation.csv"), filepath.Join(moved, "allocation.csv.manifest.json")
	if stdout, stderr, code := runCmd(t, "randomise", "verify", "--manifest", man); code != 0 || !strings.HasPrefix(stdout, "Verified") {
		t.Fatalf("verify after moving: exit %d, %s%s", code, stdout, stderr)
	}
	data, _ := os.ReadFile(out)
	tampered := strings.Replace(string(data), "control", "treatment", 1)
	os.WriteFile(out, []byte(tampered), 0o644)
	_, stderr, code := runCmd(t, "randomise", "verify", "--manifest", man)
	if code != 1 || !strings.Contains(stderr, "output file allocation.csv has been changed") {
		t.Errorf("tampered output: exit %d, %q", code, stderr)
	}
	oneErrorLine(t, stderr, "evalkit: randomise: not verified")
	os.WriteFile(out, data, 0o644)
	units, _ := os.ReadFile(in)
	os.WriteFile(in, append(units, []byte("999,north,b1,n99,3,low\n")...), 0o644)
	_, stderr, code = runCmd(t, "randomise", "verify", "--manifest", man)
	if code != 1 || !strings.Contains(stderr, "input units.csv has changed") {
		t.Errorf("changed input: exit %d, %q", code, stderr)
	}
	_ = dir
}

func TestRandomiseBadInput(t *testing.T) {
	tests := []struct {
		name, file string
		args       []string
		code       int
		want       string
	}{
		{"duplicate id", "dup_id.csv", nil, 1, `dup_id.csv: row 5, column "unit_id": "002": duplicate id (first seen at row 3)`},
		{"empty id", "empty_id.csv", nil, 1, `empty_id.csv: row 3, column "unit_id": empty id`},
		{"empty stratum", "empty_stratum.csv", []string{"--block", "area"}, 1, `empty_stratum.csv: row 3, column "area": empty stratum value`},
		{"unknown column", "units.csv", []string{"--block", "region"}, 1, `units.csv: no column "region"`},
		{"too few units", "small_stratum.csv", []string{"--block", "area", "--arms", "a,b,c"}, 1, `stratum "south" (2 units): fewer units than arms`},
		{"cluster spans strata", "cluster_spans.csv", []string{"--block", "area", "--cluster", "school"}, 1, `cluster_spans.csv: row 4, column "school": "s1": cluster lies in more than one stratum (first seen at row 2)`},
		{"no rows", "no_rows.csv", nil, 1, `no_rows.csv: no units to randomise`},
		{"output column exists", "has_arm.csv", nil, 1, `has_arm.csv: already has a column "arm"`},
		{"block size", "units.csv", []string{"--method", "blocks", "--block-sizes", "4,3"}, 2, `--block-sizes: 3 is not a multiple of the ratio's sum 2`},
		{"ratio", "units.csv", []string{"--ratio", "2:1:1"}, 2, `--ratio "2:1:1" has 3 weights for 2 arms`},
		{"seed", "units.csv", []string{"--seed", "-3"}, 2, `--seed "-3" is not an integer`},
		{"method", "units.csv", []string{"--method", "coin"}, 2, `--method "coin"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := randomiseTempInput(t, tc.file)
			out := filepath.Join(dir, "allocation.csv")
			args := append([]string{"randomise", "--in", filepath.Join(dir, tc.file), "--id", "unit_id", "--seed", "7", "--out", out}, tc.args...)
			stdout, stderr, code := runCmd(t, args...)
			if code != tc.code || stdout != "" || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d and %q", code, stdout, stderr, tc.code, tc.want)
			}
			oneErrorLine(t, stderr, "evalkit: randomise: ")
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Errorf("%d files in the directory, want only the input", len(entries))
			}
		})
	}
}

func TestRandomiseExistingOutput(t *testing.T) {
	dir := randomiseTempInput(t, "units.csv")
	out := filepath.Join(dir, "allocation.csv")
	os.WriteFile(out, []byte("keep me\n"), 0o644)
	_, stderr, code := runCmd(t, "randomise", "--in", filepath.Join(dir, "units.csv"), "--id", "unit_id", "--seed", "7", "--out", out)
	if code != 1 || !strings.Contains(stderr, "already exists; give --force") {
		t.Errorf("exit %d, %q", code, stderr)
	}
	oneErrorLine(t, stderr, "evalkit: randomise: ")
	if data, _ := os.ReadFile(out); string(data) != "keep me\n" {
		t.Error("existing output overwritten")
	}
	if _, err := os.Stat(out + ".manifest.json"); err == nil {
		t.Error("manifest written")
	}
}

func TestRandomiseVerifyJSON(t *testing.T) {
	dir := randomiseTempInput(t, "units.csv")
	out := filepath.Join(dir, "allocation.csv")
	if _, stderr, code := runCmd(t, "randomise", "--in", filepath.Join(dir, "units.csv"), "--id", "unit_id",
		"--seed", "5", "--method", "blocks", "--block-sizes", "4", "--out", out); code != 0 {
		t.Fatal(stderr)
	}
	stdout, stderr, code := runCmd(t, "randomise", "verify", "--manifest", out+".manifest.json", "--json")
	if code != 0 || stderr != "" || !strings.Contains(stdout, `"verified": true`) || strings.Count(stdout, "\n{") != 0 {
		t.Errorf("exit %d, stdout %s, stderr %q", code, stdout, stderr)
	}
	os.WriteFile(out, []byte("changed\n"), 0o644)
	stdout, stderr, code = runCmd(t, "randomise", "verify", "--manifest", out+".manifest.json", "--json")
	if code != 1 || !strings.Contains(stdout, `"verified": false`) || !strings.Contains(stdout, `"output_file_matches": false`) {
		t.Errorf("tampered: exit %d, stdout %s", code, stdout)
	}
	oneErrorLine(t, stderr, "evalkit: randomise: not verified")
	// A file that is not a manifest.
	_, stderr, code = runCmd(t, "randomise", "verify", "--manifest", filepath.Join(dir, "units.csv"))
	if code != 1 || !strings.Contains(stderr, "not an evalkit manifest") {
		t.Errorf("not a manifest: exit %d, %q", code, stderr)
	}
	oneErrorLine(t, stderr, "evalkit: randomise: ")
}

func TestRandomiseHelp(t *testing.T) {
	for _, args := range [][]string{{"randomise", "-h"}, {"randomise", "verify", "-h"}, {"help", "randomise"}} {
		stdout, stderr, code := runCmd(t, args...)
		if code != 0 || stderr != "" || !strings.Contains(stdout, "Example") {
			t.Errorf("%v: exit %d, stderr %q, stdout %q", args, code, stderr, stdout)
		}
	}
}

// TestRandomiseVerifyRejectsForgedManifest edits the manifest's recorded
// facts, and adds a flag the command does not have: verification fails with
// one line on stderr and nothing on stdout.
func TestRandomiseVerifyRejectsForgedManifest(t *testing.T) {
	dir := randomiseTempInput(t, "units.csv")
	in, out := filepath.Join(dir, "units.csv"), filepath.Join(dir, "allocation.csv")
	if _, stderr, code := runCmd(t, "randomise", "--in", in, "--id", "unit_id", "--seed", "7", "--out", out); code != 0 {
		t.Fatal(stderr)
	}
	man := out + ".manifest.json"
	orig, _ := os.ReadFile(man)
	for _, c := range []struct{ name, from, to, want string }{
		{"seed", `"seed": 7,`, `"seed": 12345,`, "the manifest records seed 12345"},
		{"method", `"method": "complete",`, `"method": "simple",`, "the manifest records method simple"},
		{"unknown flag", `"flags": {`, `"flags": {"bogus": "1", `, "the recorded flags are not valid"},
		{"help flag", `"flags": {`, `"flags": {"h": "true", `, "the recorded flags are not valid"},
	} {
		forged := strings.Replace(string(orig), c.from, c.to, 1)
		if forged == string(orig) {
			t.Fatalf("%s: %q not in the manifest", c.name, c.from)
		}
		os.WriteFile(man, []byte(forged), 0o644)
		stdout, stderr, code := runCmd(t, "randomise", "verify", "--manifest", man)
		if code != 1 || stdout != "" || !strings.Contains(stderr, c.want) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", c.name, code, stdout, stderr)
		}
		oneErrorLine(t, stderr, "evalkit: randomise: ")
	}
}

// TestRandomiseNeverReplacesItsInput checks that --out naming the input is
// refused even with --force, and the input is untouched.
func TestRandomiseNeverReplacesItsInput(t *testing.T) {
	dir := randomiseTempInput(t, "units.csv")
	in := filepath.Join(dir, "units.csv")
	before, _ := os.ReadFile(in)
	stdout, stderr, code := runCmd(t, "randomise", "--in", in, "--id", "unit_id", "--seed", "1", "--out", in, "--force")
	if code != 2 || stdout != "" {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
	oneErrorLine(t, stderr, "evalkit: randomise: --out")
	if after, _ := os.ReadFile(in); string(after) != string(before) {
		t.Error("the input was changed")
	}
}
