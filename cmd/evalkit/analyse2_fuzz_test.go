package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzAnalyse2 runs evalkit analyse with covariates, blocks, clusters and
// randomisation inference on arbitrary CSV text: it must never reach a
// panic, and when it succeeds it prints one valid JSON object.
func FuzzAnalyse2(f *testing.F) {
	f.Add("arm,y,x,b,g\ncontrol,1,2,A,1\ncontrol,0,3,A,2\ntreatment,1,1,A,3\ntreatment,1,5,B,4\ncontrol,2,2,B,5\ntreatment,3,NA,B,6\n", uint8(15), "")
	f.Add("arm,y,x,b,g\ncontrol,1.5,1,A,1\ncontrol,2,1,A,1\ntreatment,3,1,A,2\ntreatment,NA,1,B,2\nb,7,1,B,3\n", uint8(7), "continuous")
	f.Add("arm,y,x,b,g\ncontrol,3,1,A,1\ncontrol,0,2,B,2\ntreatment,5,1,A,3\ntreatment,0,0.5,B,4\n", uint8(3), "count")
	f.Add("arm,y,x,b,g\ncontrol,0,1,A,1\ntreatment,0,1,A,1\n", uint8(12), "binary")
	f.Fuzz(func(t *testing.T, csv string, mask uint8, typ string) {
		dir := t.TempDir()
		in := filepath.Join(dir, "trial.csv")
		if err := os.WriteFile(in, []byte(csv), 0o644); err != nil {
			t.Fatal(err)
		}
		args := []string{"analyse", "--in", in, "--outcome", "y", "--json"}
		if mask&1 != 0 {
			args = append(args, "--covariates", "x")
		}
		if mask&2 != 0 {
			args = append(args, "--block", "b")
		}
		if mask&4 != 0 && typ != "count" {
			args = append(args, "--cluster", "g")
		}
		if mask&8 != 0 {
			args = append(args, "--permutations", "50", "--seed", "1")
		}
		switch typ {
		case "continuous", "binary":
			args = append(args, "--type", typ)
		case "count":
			args = append(args, "--type", "count")
			if mask&16 != 0 {
				args = append(args, "--model", "poisson")
			}
		}
		stdout, stderr, code := runCmd(t, args...)
		if strings.Contains(stderr, "internal error") {
			t.Fatalf("panic on %q %v: %s", csv, args, stderr)
		}
		if code == 0 && !json.Valid([]byte(stdout)) {
			t.Fatalf("invalid JSON for %q: %s", csv, stdout)
		}
		if code != 0 && strings.Count(stderr, "\n") != 1 {
			t.Fatalf("stderr %q: want one line", stderr)
		}
	})
}
