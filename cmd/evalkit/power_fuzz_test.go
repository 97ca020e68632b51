package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// FuzzPower runs evalkit power with fuzzed flag values: whatever they are,
// the command prints a result (one JSON object with --json) and exits 0,
// or prints one error line and exits 1 or 2; never an internal error.
func FuzzPower(f *testing.F) {
	f.Add(uint8(0), "0.3", "0.8", "", "0.05", "0", uint8(2), true)
	f.Add(uint8(1), "0.22", "", "500", "0.01", "0.1", uint8(1), false)
	f.Add(uint8(2), "0.25", "0.9", "", "0.05", "0.2", uint8(2), true)
	f.Add(uint8(3), "0.8", "", "NaN", "1e-300", "0.99", uint8(3), true)
	f.Fuzz(func(t *testing.T, design uint8, effect, pw, n, alpha, attrition string, sided uint8, asJSON bool) {
		var args []string
		switch design % 4 {
		case 0:
			args = []string{"power", "ttest"}
			if effect != "" {
				args = append(args, "--effect", effect)
			}
		case 1:
			args = []string{"power", "prop", "--p-control", "0.3"}
			if effect != "" {
				args = append(args, "--p-treatment", effect)
			}
		case 2:
			args = []string{"power", "cluster", "--icc", "0.1", "--cluster-size", "20"}
			if effect != "" {
				args = append(args, "--effect", effect)
			}
		case 3:
			args = []string{"power", "counts", "--mean-control", "2", "--dispersion", "1.5"}
			if effect != "" {
				args = append(args, "--rate-ratio", effect)
			}
		}
		if pw != "" {
			args = append(args, "--power", pw)
		}
		if n != "" {
			if design%4 == 2 {
				args = append(args, "--clusters", n)
			} else {
				args = append(args, "--n", n)
			}
		}
		args = append(args, "--alpha", alpha, "--attrition", attrition, "--sided", string('0'+rune(sided%4)))
		if asJSON {
			args = append(args, "--json")
		}
		stdout, stderr, code := runCmd(t, args...)
		switch code {
		case 0:
			if stderr != "" || stdout == "" {
				t.Fatalf("%v: exit 0, stderr %q", args, stderr)
			}
			if asJSON {
				var m map[string]any
				if err := json.Unmarshal([]byte(stdout), &m); err != nil {
					t.Fatalf("%v: not one JSON object: %v\n%s", args, err, stdout)
				}
			}
		case 1, 2:
			oneErrorLine(t, stderr, "evalkit: power: ")
			if strings.Contains(stderr, "internal error") || stdout != "" {
				t.Fatalf("%v: stderr %q, stdout %q", args, stderr, stdout)
			}
		default:
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
	})
}
