package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAnalyseReportForceKeepsUsersFiles checks that --force never replaces
// or deletes a file evalkit did not write (issue 21, D2): a folder of the
// user's holding a balance.png is refused whole, and a report folder keeps
// the user's notes while its own stale plots go.
func TestAnalyseReportForceKeepsUsersFiles(t *testing.T) {
	root := t.TempDir()
	in := "testdata/analyse/reoffending.csv"
	figures := filepath.Join(root, "figures")
	os.Mkdir(figures, 0o755)
	os.WriteFile(filepath.Join(figures, "flow.png"), []byte("the user's"), 0o644)
	_, stderr, code := runCmd(t, "analyse", "--in", in, "--outcome", "reoffended", "--report", figures, "--force")
	if code != 1 || !strings.Contains(stderr, filepath.Join(figures, "flow.png")+" was not written by evalkit") {
		t.Errorf("report over a user's folder: exit %d, stderr %q", code, stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(figures, "flow.png")); string(b) != "the user's" {
		t.Errorf("the user's flow.png now holds %.20q", b)
	}
	if ents, _ := os.ReadDir(figures); len(ents) != 1 {
		t.Errorf("the user's folder holds %d entries, want 1", len(ents))
	}

	report := filepath.Join(root, "report")
	if _, stderr, code := runCmd(t, "analyse", "--in", in, "--outcome", "reoffended", "--report", report); code != 0 {
		t.Fatalf("first report: exit %d, %s", code, stderr)
	}
	os.WriteFile(filepath.Join(report, "notes.txt"), []byte("mine"), 0o644)
	if _, stderr, code := runCmd(t, "analyse", "--in", in, "--outcome", "reoffended", "--report", report, "--force"); code != 0 {
		t.Fatalf("report with --force: exit %d, %s", code, stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(report, "notes.txt")); string(b) != "mine" {
		t.Errorf("notes.txt now holds %q", b)
	}
	if ents, _ := os.ReadDir(root); len(ents) != 2 {
		t.Errorf("%s holds %d entries, want figures and report (a temporary or lock left?)", root, len(ents))
	}
}
