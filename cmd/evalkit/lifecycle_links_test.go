package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// lifecycleCopyProblems copies problems/ (the portfolio and every file it
// links to) into a fresh folder and returns the portfolio's path.
func lifecycleCopyProblems(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(lifecycleTestdata+"problems")); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "portfolio.yaml")
}

// TestLifecycleAdvanceLinks checks that advance refuses an intervention
// whose evidence is done but whose link does not stand, naming the key,
// the link and what is wrong, leaves the file as it was, and moves it with
// --override, recording the key passed over.
func TestLifecycleAdvanceLinks(t *testing.T) {
	for _, tc := range []struct{ name, key, stderr string }{
		{"Schools Navigators", "randomisation_plan", "evalkit: lifecycle: Schools Navigators cannot pass gate 2: missing randomisation_plan; " +
			"line 11: randomisation_plan: tampered.csv.manifest.json does not verify: output file tampered.csv has been changed since it was written " +
			"(sha256 822fa11a5602bbaba5ecc1a3c6a4eb817182a6ac808dece25700fc4133565c05, recorded 44b55a163353d7331024554b2a2027d055db46ef643818eddfeefeea9b459797); " +
			"give --override REASON to move it on anyway\n"},
		{"Custody Navigators", "power_analysis", "evalkit: lifecycle: Custody Navigators cannot pass gate 2: missing power_analysis; " +
			"line 23: power_analysis: results/custody_power.json is not there; give --override REASON to move it on anyway\n"},
		{"Hospital Navigators", "randomisation_plan", "evalkit: lifecycle: Hospital Navigators cannot pass gate 2: missing randomisation_plan; " +
			"line 31: randomisation_plan: power.json holds an evalkit power result, not an evalkit allocation result; give --override REASON to move it on anyway\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := lifecycleCopyProblems(t)
			before := lifecycleReadFile(t, path)
			args := []string{"lifecycle", "advance", "--in", path, "--intervention", tc.name, "--date", "2024-01-10"}
			stdout, stderr, code := runCmd(t, args...)
			if code != 1 || stdout != "" || stderr != tc.stderr {
				t.Errorf("exit %d, stdout %q, stderr\n%q\nwant\n%q", code, stdout, stderr, tc.stderr)
			}
			if lifecycleReadFile(t, path) != before {
				t.Error("the portfolio was changed")
			}

			stdout, stderr, code = runCmd(t, append(args, "--override", "board accepted the risk")...)
			if code != 0 || stderr != "" {
				t.Fatalf("--override: exit %d, stderr %q", code, stderr)
			}
			if want := tc.name + ": gate 2 -> 3 on 2024-01-10, overriding missing " + tc.key + " (board accepted the risk)"; !strings.HasPrefix(stdout, want) {
				t.Errorf("stdout = %q, want it to start %q", stdout, want)
			}
			after := lifecycleReadFile(t, path)
			if !strings.Contains(after, "override: board accepted the risk\n        missing: ["+tc.key+"]\n") {
				t.Errorf("the history does not record the override and %s:\n%s", tc.key, after)
			}
		})
	}
}

// TestLifecycleAdvanceSampleSize checks that a power result and an
// allocation of different sizes warn in status and do not hold a move
// back.
func TestLifecycleAdvanceSampleSize(t *testing.T) {
	path := lifecycleCopyProblems(t)
	stdout, _, code := runCmd(t, "lifecycle", "status", "--in", path, "--json")
	if code != 0 || !strings.Contains(stdout, `"sample_size_mismatch: line 40: Focused deterrence, randomisation_plan: allocation.csv.manifest.json allocates 320 units`) {
		t.Errorf("status: exit %d, no sample_size_mismatch warning in\n%s", code, stdout)
	}
	stdout, stderr, code := runCmd(t, "lifecycle", "advance", "--in", path, "--intervention", "Focused deterrence", "--date", "2024-01-10")
	if code != 0 || stderr != "" || !strings.HasPrefix(stdout, "Focused deterrence: gate 2 -> 3 on 2024-01-10; history written to ") {
		t.Errorf("advance: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}
