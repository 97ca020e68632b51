package lifecycle

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// TestCheckLinksReadsEachFileOnce: 200 interventions linking the same
// results look each file up and read it once, so that status on a large
// portfolio grows with its size, and each still gets its own summary (a
// unit-cost result's names the intervention). countingFS has no Stat, so
// fs.Stat opens the file too.
func TestCheckLinksReadsEachFileOnce(t *testing.T) {
	var src strings.Builder
	src.WriteString("interventions:\n")
	for i := range 200 {
		fmt.Fprintf(&src, "  - name: Scheme %d\n    gate: 2\n    evidence:\n      analysis: {status: done, link: analysis.json}\n      power_analysis: {status: done, link: power.json}\n      cost_per_person: {status: done, link: costs.json}\n      business_case: {status: done, link: missing.pdf}\n", i)
	}
	src.WriteString("  - name: School Navigators\n    gate: 2\n    evidence:\n      cost_per_person: {status: done, link: costs.json}\n")
	p, err := Parse([]byte(src.String()))
	if err != nil {
		t.Fatal(err)
	}
	fsys := countingFS{fstest.MapFS{
		"analysis.json": {Data: []byte(linkTestAnalysis)},
		"power.json":    {Data: []byte(linkTestPower)},
		"costs.json":    {Data: []byte(linkTestUnitCost)},
	}, map[string]int{}}
	checks := p.CheckLinks(fsys)
	if len(checks) != 801 {
		t.Fatalf("%d checks", len(checks))
	}
	for name, n := range fsys.opened {
		if n > 2 {
			t.Errorf("%s looked up or opened %d times", name, n)
		}
	}
	if last := checks[len(checks)-1]; last.Summary != "cost per person 765 (total 153000 for 200 people)" {
		t.Errorf("School Navigators' cost: %q", last.Summary)
	}
	if c := checks[2]; c.Summary != "programme cost per person 700 (Scheme 0 not listed)" || c.Kind != UnitCostResult {
		t.Errorf("Scheme 0's cost: %+v", c)
	}
	if c := checks[1]; c.Kind != PowerResult {
		t.Errorf("Scheme 0's power: %+v", c)
	}
	if c := checks[3]; c.Problem != LinkNotFound {
		t.Errorf("Scheme 0's business case: %+v", c)
	}
}
