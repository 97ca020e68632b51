package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestErrorLineEscapesControlCharacters: a label holding a terminal escape
// sequence, listed raw by a message (the arm labels of a file without the
// control arm), reaches stderr escaped, on one line.
func TestErrorLineEscapesControlCharacters(t *testing.T) {
	in := filepath.Join(t.TempDir(), "trial.csv")
	data := "arm,y\n\x1b[2Jtreat\r,1\ncontrol,2\n\x1b[2Jtreat\r,3\ncontrol,4\n"
	if err := os.WriteFile(in, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runCmd(t, "analyse", "--in", in, "--outcome", "y", "--control", "placebo")
	if code == 0 || strings.ContainsAny(stderr, "\x1b\r") || !strings.Contains(stderr, `\x1b[2Jtreat\r`) {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	oneErrorLine(t, stderr, "evalkit: analyse: trial.csv: ")
}
