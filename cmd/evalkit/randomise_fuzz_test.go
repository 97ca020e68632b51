package main

import (
	"bytes"
	"testing"
)

// FuzzRandomiseFlags: any --arms, --ratio, --block-sizes, --method and
// --seed give settings or a usage error, never a panic, and accepted
// settings are consistent.
func FuzzRandomiseFlags(f *testing.F) {
	f.Add("control,treatment", "2:1", "3,6", "blocks", "20230401")
	f.Add("a,b,c", "1:1:1", "", "complete", "0")
	f.Add("a,,b", "0:1", "4,x", "minimise", "-1")
	f.Fuzz(func(t *testing.T, arms, ratio, sizes, method, seed string) {
		var out bytes.Buffer
		e := &env{stdout: &out, stderr: &out}
		fs := newFlagSet(e, "randomise", randomiseUsage)
		fl := newRandomiseFlags(fs)
		args := []string{"--in", "x.csv", "--id", "id", "--out", "y.csv", "--arms", arms, "--ratio", ratio,
			"--block-sizes", sizes, "--method", method, "--seed", seed}
		if method == "minimise" {
			args = append(args, "--factors", "f")
		}
		if err := fs.Parse(args); err != nil {
			return
		}
		cfg, err := fl.config(fs)
		if err != nil {
			if exitCode(err) != exitUsage {
				t.Fatalf("error %v is not a usage error", err)
			}
			return
		}
		if s := cfg.settings; len(s.Arms) < 2 || s.Ratio != nil && len(s.Ratio) != len(s.Arms) {
			t.Fatalf("accepted arms %q ratio %v", s.Arms, s.Ratio)
		}
	})
}
