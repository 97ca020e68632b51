package lifecycle

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"testing/fstest"
)

// linkTestAnalysis and linkTestPower are the smallest JSON that
// DescribeLink recognises as an analysis and a power result.
const (
	linkTestAnalysis = `{"outcome": "attendance", "comparisons": [{"treatment": "navigator", "control": "control", "estimate": 2.5, "ci_low": -0.5, "ci_high": 5.5, "p_value": 0.11, "method": "welch_t"}]}`
	linkTestPower    = `{"design": "cluster", "alpha": 0.05, "power": 0.8}`
	linkTestUnitCost = `{"interventions": [{"intervention": "School Navigators", "cost_per_person": 765, "total_cost": 153000, "people": 200}], "total": {"cost_per_person": 700}}`
)

func linkTestPortfolio(t *testing.T, evidence string) *Portfolio {
	t.Helper()
	p, err := Parse([]byte("interventions:\n  - name: Navigators\n    gate: 2\n    evidence:\n      " + evidence + "\n"))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCheckLinks(t *testing.T) {
	fsys := fstest.MapFS{
		"analysis.json":         {Data: []byte(linkTestAnalysis)},
		"results/power.json":    {Data: []byte(linkTestPower)},
		"results/ANALYSIS.JSON": {Data: []byte(linkTestAnalysis)},
		"costs.json":            {Data: []byte(linkTestUnitCost)},
		"notes.json":            {Data: []byte(`{"author": "me"}`)},
		"broken.json":           {Data: []byte(`{"design": `)},
		"protocol.txt":          {Data: []byte(linkTestPower)},
		"results/folder.json/a": {Data: []byte("x")},
	}
	for _, tc := range []struct {
		name     string
		evidence string
		want     LinkCheck
	}{
		{"result of the expected kind", "power_analysis: {status: done, link: results/power.json}",
			LinkCheck{Found: true, Kind: PowerResult, Summary: "cluster design: power 0.8, alpha 0.05"}},
		{"cleaned path", "power_analysis: {status: done, link: ./results//power.json}",
			LinkCheck{Found: true, Kind: PowerResult, Summary: "cluster design: power 0.8, alpha 0.05"}},
		{"upper-case extension", "business_case: {status: done, link: results/ANALYSIS.JSON}",
			LinkCheck{Found: true, Kind: AnalysisResult, Summary: "outcome attendance: navigator vs control 2.5 (95% CI -0.5 to 5.5), p = 0.11, welch_t"}},
		{"wrong kind", "power_analysis: {status: done, link: analysis.json}",
			LinkCheck{Found: true, Kind: AnalysisResult, Summary: "outcome attendance: navigator vs control 2.5 (95% CI -0.5 to 5.5), p = 0.11, welch_t",
				Warning: "analysis.json holds an evalkit analysis result, not an evalkit power result"}},
		{"JSON of another program", "power_analysis: {status: done, link: notes.json}",
			LinkCheck{Found: true, Warning: "notes.json holds JSON that is not an evalkit result, not an evalkit power result"}},
		{"broken JSON", "randomisation_plan: {status: done, link: broken.json}",
			LinkCheck{Found: true, Warning: "broken.json holds JSON that is not an evalkit result, not an evalkit allocation result"}},
		{"any JSON will do", "business_case: {status: done, link: notes.json}", LinkCheck{Found: true}},
		{"not JSON", "power_analysis: {status: done, link: protocol.txt}", LinkCheck{Found: true}},
		{"a folder", "power_analysis: {status: done, link: results/folder.json}", LinkCheck{Found: true}},
		{"fragment names the intervention", `cost_per_person: {status: done, link: "costs.json#School Navigators"}`,
			LinkCheck{Found: true, Kind: UnitCostResult, Summary: "cost per person 765 (total 153000 for 200 people)"}},
		{"no fragment", "cost_per_person: {status: done, link: costs.json}",
			LinkCheck{Found: true, Kind: UnitCostResult, Summary: "programme cost per person 700 (Navigators not listed)"}},
		{"not there", "analysis_plan: {status: done, link: plan.pdf}", LinkCheck{}},
		{"outside the folder", "power_analysis: {status: done, link: ../power.json}", LinkCheck{}},
		{"absolute", "power_analysis: {status: done, link: /results/power.json}", LinkCheck{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := linkTestPortfolio(t, tc.evidence)
			got := p.CheckLinks(fsys)
			tc.want.Link = p.Links()[0]
			if want := []LinkCheck{tc.want}; !reflect.DeepEqual(got, want) {
				t.Errorf("CheckLinks =\n%+v, want\n%+v", got, want)
			}
		})
	}
}

func TestCheckLinksSkipsURLs(t *testing.T) {
	p := linkTestPortfolio(t, `analysis_plan: {status: done, link: "https://osf.io/example"}`)
	if got := p.CheckLinks(fstest.MapFS{}); len(got) != 0 {
		t.Errorf("CheckLinks = %+v, want no link", got)
	}
}

func TestCheckLinksTooLarge(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "power.json")
	mustWrite(t, path, linkTestPower)
	if err := os.Truncate(path, MaxLinkSize+1); err != nil {
		t.Fatal(err)
	}
	p := linkTestPortfolio(t, "power_analysis: {status: done, link: power.json}")
	got := p.CheckLinks(os.DirFS(dir))
	// A file too large to read is found and not judged.
	if want := []LinkCheck{{Link: p.Links()[0], Found: true}}; !reflect.DeepEqual(got, want) {
		t.Errorf("CheckLinks = %+v, want %+v", got, want)
	}
}

// TestLinkDir checks that LinkDir follows what os.DirFS refuses: links out
// of the folder and absolute ones.
func TestLinkDir(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "portfolio")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	power := filepath.Join(root, "results", "power.json")
	mustWrite(t, power, linkTestPower)
	for _, tc := range []struct {
		name, link string
		dirFS      bool // found through os.DirFS too
	}{
		{"out of the folder", "../results/power.json", false},
		{"absolute", filepath.ToSlash(power), false},
		{"inside, after climbing", "../portfolio/../results/power.json", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := linkTestPortfolio(t, `power_analysis: {status: done, link: "`+tc.link+`"}`)
			if got := p.CheckLinks(LinkDir(dir)); len(got) != 1 || !got[0].Found || got[0].Kind != PowerResult {
				t.Errorf("CheckLinks(LinkDir) = %+v, want the power result found", got)
			}
			if got := p.CheckLinks(os.DirFS(dir)); len(got) != 1 || got[0].Found != tc.dirFS {
				t.Errorf("CheckLinks(os.DirFS) = %+v, want found %t", got, tc.dirFS)
			}
		})
	}
	if f, err := LinkDir(dir).Open("missing.json"); f != nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Open of a missing file = %v, %v; want nil, fs.ErrNotExist", f, err)
	}
}

// TestLinkLocation checks the prefix of status's lines about links.
func TestLinkLocation(t *testing.T) {
	l := Link{Intervention: "Custody Navigators", Evidence: "power_analysis", Path: "analysis.json", Line: 15}
	if got, want := l.Location(), "line 15: Custody Navigators, power_analysis"; got != want {
		t.Errorf("Location = %q, want %q", got, want)
	}
}

// mustWrite writes a file, making its folder.
func mustWrite(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
