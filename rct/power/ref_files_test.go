package power

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReferenceTablesMatchROutput checks that every row R printed
// (testdata/power/SECTION.txt, from testdata/r/power.R) is in the Go table
// it was pasted into, whitespace aside.
func TestReferenceTablesMatchROutput(t *testing.T) {
	norm := func(s string) string {
		s = strings.ReplaceAll(s, "TRUE", "true")
		s = strings.ReplaceAll(s, "FALSE", "false")
		return strings.Join(strings.Fields(s), " ")
	}
	for goFile, sections := range map[string][]string{
		"ttest_ref_test.go":   {"ttest", "ttestn", "ttestd"},
		"prop_ref_test.go":    {"prop", "propn", "propp"},
		"counts_ref_test.go":  {"counts", "countsn"},
		"cluster_ref_test.go": {"cluster", "clusterj"},
	} {
		src, err := os.ReadFile(goFile)
		if err != nil {
			t.Fatal(err)
		}
		code := norm(string(src))
		for _, s := range sections {
			out, err := os.ReadFile(filepath.Join("..", "..", "testdata", "power", s+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
				if strings.HasPrefix(strings.TrimSpace(line), "//") {
					continue
				}
				if !strings.Contains(code, norm(line)) {
					t.Errorf("%s: row of %s.txt missing: %s", goFile, s, line)
				}
			}
		}
	}
}
