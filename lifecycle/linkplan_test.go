package lifecycle

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// planFS holds the committed school plan (testdata/plan), its lock, its
// power result and its manifest, laid out as in testdata, and an analysis
// made under the plan.
func planFS(t *testing.T) (fstest.MapFS, string) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, path := range map[string]string{
		"plan/school_plan.yaml":                      "../testdata/plan/school_plan.yaml",
		"plan/school_plan.yaml.lock.json":            "../testdata/plan/school_plan.yaml.lock.json",
		"plan/school_power.json":                     "../testdata/plan/school_power.json",
		"design/school_allocation.csv.manifest.json": "../testdata/design/school_allocation.csv.manifest.json",
	} {
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		fsys[name] = &fstest.MapFile{Data: b}
	}
	sum := sha256.Sum256(fsys["plan/school_plan.yaml"].Data)
	sha := hex.EncodeToString(sum[:])
	analysis := strings.TrimSuffix(linkTestAnalysis, "}") + `, "plan": {"file": "plan/school_plan.yaml", "sha256": "` + sha + `", "locked_at": "2026-12-01T12:35:26Z", "changed": false}}`
	fsys["results/analysis.json"] = &fstest.MapFile{Data: []byte(analysis)}
	return fsys, sha
}

// TestCheckLinksPlan: a link to a plan, to its lock or to an analysis made
// under it checks that the digests agree, under any evidence key.
func TestCheckLinksPlan(t *testing.T) {
	for _, tc := range []struct {
		name, evidence string
		change         func(fstest.MapFS)
		kind           LinkKind
		summary        string // the start of the summary
		detail         string // the start of the detail, "" for no problem
	}{
		{"plan", "analysis_plan: {status: done, link: plan/school_plan.yaml}", nil, AnalysisPlan,
			"analysis plan: primary outcome attendance, complete randomisation of 100 units", ""},
		{"plan edited after its lock", "analysis_plan: {status: done, link: plan/school_plan.yaml}", func(m fstest.MapFS) {
			m["plan/school_plan.yaml"].Data = append(m["plan/school_plan.yaml"].Data, []byte("# later\n")...)
		}, AnalysisPlan, "analysis plan", "plan/school_plan.yaml differs from its lock plan/school_plan.yaml.lock.json (locked 2026-"},
		{"manifest changed since the plan", "business_case: {status: done, link: plan/school_plan.yaml}", func(m fstest.MapFS) {
			m["design/school_allocation.csv.manifest.json"].Data = []byte("{}")
		}, AnalysisPlan, "analysis plan", "../design/school_allocation.csv.manifest.json has changed since plan/school_plan.yaml recorded it"},
		{"lock", "analysis_plan: {status: done, link: plan/school_plan.yaml.lock.json}", nil, AnalysisPlan, "lock of school_plan.yaml, locked 2026-", ""},
		{"lock without its plan", "analysis_plan: {status: done, link: plan/school_plan.yaml.lock.json}", func(m fstest.MapFS) {
			delete(m, "plan/school_plan.yaml")
		}, AnalysisPlan, "lock of", "plan/school_plan.yaml.lock.json cannot be checked: its plan plan/school_plan.yaml is not there"},
		{"analysis under the plan", "analysis: {status: done, link: results/analysis.json}", nil, AnalysisResult, "outcome attendance", ""},
		{"plan changed since the analysis", "analysis: {status: done, link: results/analysis.json}", func(m fstest.MapFS) {
			m["plan/school_plan.yaml"].Data = []byte(strings.Replace(string(m["plan/school_plan.yaml"].Data), "level: 0.95", "level: 0.9", 1))
		}, AnalysisResult, "outcome attendance", "plan/school_plan.yaml has changed (sha256 then "},
		{"analysis of a changed plan", "analysis: {status: done, link: results/analysis.json}", func(m fstest.MapFS) {
			m["results/analysis.json"].Data = []byte(strings.Replace(string(m["results/analysis.json"].Data), `"changed": false`, `"changed": true`, 1))
		}, AnalysisResult, "outcome attendance", "results/analysis.json was made under plan/school_plan.yaml changed since its lock"},
		{"analysis without its plan", "analysis: {status: done, link: results/analysis.json}", func(m fstest.MapFS) {
			delete(m, "plan/school_plan.yaml")
		}, AnalysisResult, "outcome attendance", "results/analysis.json cannot be checked: its plan plan/school_plan.yaml is not there"},
		{"other YAML", "business_case: {status: done, link: notes.yaml}", func(m fstest.MapFS) {
			m["notes.yaml"] = &fstest.MapFile{Data: []byte("title: notes\n")}
		}, NotAResult, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys, _ := planFS(t)
			if tc.change != nil {
				tc.change(fsys)
			}
			got := linkTestPortfolio(t, tc.evidence).CheckLinks(fsys)
			require.Len(t, got, 1)
			c := got[0]
			assert.True(t, c.Found)
			assert.Equal(t, tc.kind, c.Kind)
			assert.True(t, strings.HasPrefix(c.Summary, tc.summary), "summary %q, want it to start %q", c.Summary, tc.summary)
			if tc.detail == "" {
				assert.Equal(t, NoProblem, c.Problem, c.Detail)
				return
			}
			assert.Equal(t, PlanMismatch, c.Problem)
			assert.True(t, strings.HasPrefix(c.Detail, tc.detail), "detail %q, want it to start %q", c.Detail, tc.detail)
		})
	}
}

// TestPlanMismatchHoldsTheGate: evidence whose plan does not agree is not
// in place.
func TestPlanMismatchHoldsTheGate(t *testing.T) {
	fsys, _ := planFS(t)
	fsys["plan/school_plan.yaml"].Data = append(fsys["plan/school_plan.yaml"].Data, '\n')
	p := linkTestPortfolio(t, "analysis_plan: {status: done, link: plan/school_plan.yaml}")
	p.LinkChecks = p.CheckLinks(fsys)
	assert.Contains(t, p.Missing(&p.Interventions[0], 2), "analysis_plan")
}
