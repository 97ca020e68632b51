package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzAnalyse runs evalkit analyse on arbitrary CSV text: it must never
// reach a panic, and when it succeeds it prints one valid JSON object.
func FuzzAnalyse(f *testing.F) {
	f.Add("arm,y\ncontrol,1\ncontrol,0\ntreatment,1\ntreatment,1\n", "")
	f.Add("arm,y\ncontrol,1.5\ncontrol,2\ntreatment,3\ntreatment,NA\nb,7\n", "continuous")
	f.Add("arm,y,w\ncontrol,3,1\ncontrol,0,2\ntreatment,5,1\ntreatment,0,0.5\n", "count")
	f.Add("arm,y\ncontrol,0\ncontrol,0\ntreatment,0\n", "binary")
	f.Fuzz(func(t *testing.T, csv, typ string) {
		dir := t.TempDir()
		in := filepath.Join(dir, "trial.csv")
		if err := os.WriteFile(in, []byte(csv), 0o644); err != nil {
			t.Fatal(err)
		}
		args := []string{"analyse", "--in", in, "--outcome", "y", "--json"}
		switch typ {
		case "continuous", "binary":
			args = append(args, "--type", typ)
		case "count":
			args = append(args, "--type", "count", "--model", "poisson")
			if strings.HasPrefix(csv, "arm,y,w\n") {
				args = append(args, "--exposure", "w")
			}
		}
		stdout, stderr, code := runCmd(t, args...)
		if strings.Contains(stderr, "internal error") {
			t.Fatalf("panic on %q: %s", csv, stderr)
		}
		if code == 0 && !json.Valid([]byte(stdout)) {
			t.Fatalf("invalid JSON for %q: %s", csv, stdout)
		}
	})
}
