package stats

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoncentralTTablesMatchROutput checks that every row R printed
// (testdata/power/{pt,ptc,qt}.txt, from testdata/r/power.R) is in
// noncentralt_ref_test.go, whitespace aside, except the one qt row replaced
// by a 40-digit value where R's qt is off.
func TestNoncentralTTablesMatchROutput(t *testing.T) {
	norm := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	src, err := os.ReadFile("noncentralt_ref_test.go")
	if err != nil {
		t.Fatal(err)
	}
	code := norm(string(src))
	for _, s := range []string{"pt", "ptc", "qt"} {
		out, err := os.ReadFile(filepath.Join("..", "testdata", "power", s+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			if strings.Contains(line, "{9.9999999999999998e-13, 0.69999999999999996, 26176938826697728}") {
				continue // replaced: see the row's comment
			}
			if !strings.Contains(code, norm(line)) {
				t.Errorf("row of %s.txt missing: %s", s, line)
			}
		}
	}
}
