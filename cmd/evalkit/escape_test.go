package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutputEscapesControlCharacters: an arm label holding a terminal
// escape sequence is printed escaped in analyse's table and sentences, and
// the JSON is unchanged (its own escape, \u001b).
func TestOutputEscapesControlCharacters(t *testing.T) {
	in := filepath.Join(t.TempDir(), "trial.csv")
	var b strings.Builder
	b.WriteString("arm,y\n")
	for i := range 12 {
		arm := []string{"control", "treatment", "\x1b[31mRED\x1b[0m"}[i%3]
		b.WriteString(arm + "," + string(rune('1'+i%7)) + "\n")
	}
	if err := os.WriteFile(in, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runCmd(t, "analyse", "--in", in, "--outcome", "y")
	if code != 0 || strings.Contains(stdout, "\x1b") || !strings.Contains(stdout, `\x1b[31mRED\x1b[0m vs control`) {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	stdout, _, _ = runCmd(t, "analyse", "--in", in, "--outcome", "y", "--json")
	if !strings.Contains(stdout, `"\u001b[31mRED\u001b[0m"`) {
		t.Errorf("JSON changed: %s", stdout[:min(len(stdout), 300)])
	}
}
