package lifecycle

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
	require.NoError(t, err)
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
				Problem: WrongKind, Detail: "analysis.json holds an evalkit analysis result, not an evalkit power result"}},
		{"JSON of another program", "power_analysis: {status: done, link: notes.json}",
			LinkCheck{Found: true, Problem: WrongKind, Detail: "notes.json holds JSON that is not an evalkit result, not an evalkit power result"}},
		{"broken JSON", "randomisation_plan: {status: done, link: broken.json}",
			LinkCheck{Found: true, Problem: WrongKind, Detail: "broken.json holds JSON that is not an evalkit result, not an evalkit allocation result"}},
		{"any JSON will do", "business_case: {status: done, link: notes.json}", LinkCheck{Found: true}},
		{"not JSON", "power_analysis: {status: done, link: protocol.txt}", LinkCheck{Found: true}},
		{"a folder", "power_analysis: {status: done, link: results/folder.json}", LinkCheck{Found: true}},
		{"fragment names the intervention", `cost_per_person: {status: done, link: "costs.json#School Navigators"}`,
			LinkCheck{Found: true, Kind: UnitCostResult, Summary: "cost per person 765 (total 153000 for 200 people)"}},
		{"no fragment", "cost_per_person: {status: done, link: costs.json}",
			LinkCheck{Found: true, Kind: UnitCostResult, Summary: "programme cost per person 700 (Navigators not listed)"}},
		{"not there", "analysis_plan: {status: done, link: plan.pdf}", LinkCheck{Problem: LinkNotFound, Detail: "plan.pdf is not there"}},
		{"outside the folder", "power_analysis: {status: done, link: ../power.json}", LinkCheck{Problem: LinkNotFound, Detail: "../power.json is not there"}},
		{"absolute", "power_analysis: {status: done, link: /results/power.json}", LinkCheck{Problem: LinkNotFound, Detail: "/results/power.json is not there"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := linkTestPortfolio(t, tc.evidence)
			got := p.CheckLinks(fsys)
			tc.want.Link = p.Links()[0]
			assert.Equal(t, []LinkCheck{tc.want}, got)
		})
	}
}

func TestCheckLinksSkipsURLs(t *testing.T) {
	p := linkTestPortfolio(t, `analysis_plan: {status: done, link: "https://osf.io/example"}`)
	assert.Empty(t, p.CheckLinks(fstest.MapFS{}))
}

func TestCheckLinksTooLarge(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "power.json")
	mustWrite(t, path, linkTestPower)
	require.NoError(t, os.Truncate(path, MaxLinkSize+1))
	p := linkTestPortfolio(t, "power_analysis: {status: done, link: power.json}")
	got := p.CheckLinks(os.DirFS(dir))
	// A file too large to read is found and not judged.
	assert.Equal(t, []LinkCheck{{Link: p.Links()[0], Found: true}}, got)
}

// TestLinkDir checks that LinkDir follows what os.DirFS refuses: links out
// of the folder and absolute ones.
func TestLinkDir(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "portfolio")
	require.NoError(t, os.Mkdir(dir, 0o755))
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
			got := p.CheckLinks(LinkDir(dir))
			require.Len(t, got, 1)
			assert.True(t, got[0].Found)
			assert.Equal(t, PowerResult, got[0].Kind)
			got = p.CheckLinks(os.DirFS(dir))
			require.Len(t, got, 1)
			assert.Equal(t, tc.dirFS, got[0].Found, "found through os.DirFS")
		})
	}
	f, err := LinkDir(dir).Open("missing.json")
	assert.True(t, f == nil, "a nil fs.File, not one holding a nil *os.File")
	assert.ErrorIs(t, err, os.ErrNotExist)
}

// TestLinkLocation checks the prefix of status's lines about links.
func TestLinkLocation(t *testing.T) {
	l := Link{Intervention: "Custody Navigators", Evidence: "power_analysis", Path: "analysis.json", Line: 15}
	assert.Equal(t, "line 15: Custody Navigators, power_analysis", l.Location())
}

// mustWrite writes a file, making its folder.
func mustWrite(t *testing.T, path, data string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, []byte(data), 0o644))
}
