package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// verifyTempAllocation randomises testdata/rct/units.csv in a temporary
// directory and returns the manifest's path and its bytes.
func verifyTempAllocation(t *testing.T) (string, string) {
	t.Helper()
	dir := randomiseTempInput(t, "units.csv")
	out := filepath.Join(dir, "allocation.csv")
	if _, stderr, code := runCmd(t, "randomise", "--in", filepath.Join(dir, "units.csv"), "--id", "unit_id", "--seed", "3", "--out", out); code != 0 {
		t.Fatal(stderr)
	}
	man := out + ".manifest.json"
	data, err := os.ReadFile(man)
	if err != nil {
		t.Fatal(err)
	}
	return man, string(data)
}

// TestRandomiseVerifyReadsOnlyBesideTheManifest: a manifest that names
// /etc/passwd, or a file above its folder, is refused before the file is
// read, unless --allow-absolute.
func TestRandomiseVerifyReadsOnlyBesideTheManifest(t *testing.T) {
	for _, path := range []string{"/etc/passwd", "../units.csv"} {
		man, data := verifyTempAllocation(t)
		forged := strings.Replace(data, `"path": "units.csv"`, `"path": "`+path+`"`, 1)
		if err := os.WriteFile(man, []byte(forged), 0o644); err != nil {
			t.Fatal(err)
		}
		_, stderr, code := runCmd(t, "randomise", "verify", "--manifest", man)
		if code != 1 {
			t.Errorf("%s: exit %d, want 1", path, code)
		}
		oneErrorLine(t, stderr, `evalkit: randomise: allocation.csv.manifest.json: input "`+path+`": the manifest names a file outside its directory`)
		if !strings.Contains(stderr, "--allow-absolute") {
			t.Errorf("%s: the error does not name --allow-absolute: %q", path, stderr)
		}
		// analyse --design reads the manifest by the same rule.
		_, stderr, code = runCmd(t, "analyse", "--in", filepath.Join(filepath.Dir(man), "units.csv"), "--outcome", "risk", "--design", man)
		if code != 1 {
			t.Errorf("%s: analyse --design: exit %d, want 1", path, code)
		}
		oneErrorLine(t, stderr, `evalkit: analyse: allocation.csv.manifest.json: input "`+path+`": the manifest names a file outside its directory`)
		// Allowed, the file is read: /etc/passwd is not a units file; a copy
		// of the units above the folder is, and the edit of the path is
		// caught by the fields' digest.
		want := "passwd"
		if path == "../units.csv" {
			units, _ := os.ReadFile(filepath.Join(filepath.Dir(man), "units.csv"))
			os.WriteFile(filepath.Join(filepath.Dir(man), "..", "units.csv"), units, 0o644)
			want = "not verified: the manifest's fields have been changed"
		}
		_, stderr, code = runCmd(t, "randomise", "verify", "--manifest", man, "--allow-absolute")
		if code != 1 || !strings.Contains(stderr, want) || strings.Contains(stderr, "outside its directory") {
			t.Errorf("%s with --allow-absolute: exit %d, %q", path, code, stderr)
		}
	}
}

// TestRandomiseVerifyFieldsDigest: an edit of the release or the time is
// caught; a manifest without fields_sha256 (an older release's) verifies,
// with a note that its fields are not covered.
func TestRandomiseVerifyFieldsDigest(t *testing.T) {
	edits := []struct{ name, from, to string }{
		{"release", `"evalkit_version": "`, `"evalkit_version": "9`},
		{"time", `"created_utc": "2`, `"created_utc": "1`},
	}
	for _, e := range edits {
		man, data := verifyTempAllocation(t)
		os.WriteFile(man, []byte(strings.Replace(data, e.from, e.to, 1)), 0o644)
		_, stderr, code := runCmd(t, "randomise", "verify", "--manifest", man)
		if code != 1 {
			t.Errorf("%s edited: exit %d, want 1", e.name, code)
		}
		oneErrorLine(t, stderr, "evalkit: randomise: not verified: the manifest's fields have been changed since it was written (fields sha256 ")
	}
	man, data := verifyTempAllocation(t)
	old := regexp.MustCompile(`,\n  "fields_sha256": "[0-9a-f]{64}"`).ReplaceAllString(data, "")
	if old == data {
		t.Fatal("no fields_sha256 in the manifest")
	}
	os.WriteFile(man, []byte(old), 0o644)
	stdout, stderr, code := runCmd(t, "randomise", "verify", "--manifest", man)
	if code != 0 || !strings.HasPrefix(stdout, "Verified: ") ||
		!strings.Contains(stdout, "\n  note: the manifest has no fields_sha256 (it was made before evalkit recorded one), so its release, time and other fields are not covered by a digest\n") {
		t.Errorf("old manifest: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// TestRandomiseVerifyCountsInWords: forged counts are shown as a person
// reads them, in arm order, not in Go's map syntax.
func TestRandomiseVerifyCountsInWords(t *testing.T) {
	man, data := verifyTempAllocation(t)
	forged := regexp.MustCompile(`"control": 18`).ReplaceAllString(data, `"control": 20`)
	os.WriteFile(man, []byte(forged), 0o644)
	_, stderr, _ := runCmd(t, "randomise", "verify", "--manifest", man)
	if !strings.Contains(stderr, "the manifest records counts control 20, treatment 18, the recorded flags give control 18, treatment 18") || strings.Contains(stderr, "map[") {
		t.Errorf("stderr %q", stderr)
	}
}
