package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCmd runs the command as a user would and returns what it printed and
// its exit status.
func runCmd(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(args, &out, &errb)
	return out.String(), errb.String(), exitCode(err)
}

// checkGoldenText compares got with the file at path (relative to
// testdata/), rewriting it when update is set.
func checkGoldenText(t *testing.T, path, got string, update bool) {
	t.Helper()
	path = filepath.Join("testdata", path)
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with its -update flag to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s:\n--- got ---\n%s\n--- want ---\n%s", path, got, want)
	}
}

// oneErrorLine checks that stderr is exactly one line starting with prefix.
func oneErrorLine(t *testing.T, stderr, prefix string) {
	t.Helper()
	if !strings.HasPrefix(stderr, prefix) || strings.Count(stderr, "\n") != 1 {
		t.Errorf("stderr = %q, want one line starting %q", stderr, prefix)
	}
}
