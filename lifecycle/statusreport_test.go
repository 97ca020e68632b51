package lifecycle

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStatusReportJSON checks that the report marshals with encoding/json
// to exactly the command's --json output, on the command's golden files.
func TestStatusReportJSON(t *testing.T) {
	for _, tc := range []struct {
		name, portfolio, golden string
	}{
		{"links", "../testdata/lifecycle/links/portfolio.yaml", "status_links.json"},
		{"ready", "../testdata/lifecycle/ready.yaml", "status_ready.json"},
		{"example", "../examples/portfolio.yaml", "status_example.json"},
		{"problems", "../testdata/lifecycle/problems/portfolio.yaml", "status_problems.json"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src, err := os.ReadFile(tc.portfolio)
			require.NoError(t, err)
			p, err := Parse(src)
			require.NoError(t, err)
			// The command ran from cmd/evalkit, two folders down.
			r := p.StatusReport("../"+tc.portfolio, p.CheckLinks(LinkDir(filepath.Dir(tc.portfolio))))
			var got bytes.Buffer
			enc := json.NewEncoder(&got)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			require.NoError(t, enc.Encode(r))
			want, err := os.ReadFile("../cmd/evalkit/testdata/lifecycle/" + tc.golden)
			require.NoError(t, err)
			assert.Equal(t, string(want), got.String(), "the command's JSON")
		})
	}
}

const statusTestPortfolio = `interventions:
  - name: Waiting
    gate: 1
    evidence:
      literature_review: {status: done, link: review.pdf}
      theory_of_change: {status: done, link: toc.docx}
      preliminary_powr: done
  - name: Ready
    network: Inclusion & Engagement
    area: Oxford
    gate: 3
    evidence:
      trial_complete: done
      analysis: {status: done, link: analysis.json}
      participant_flow: done
      cost_per_person: not_needed
  - name: Wrong link
    gate: 3
    evidence:
      trial_complete: done
      analysis: {status: done, link: power.json}
      participant_flow: done
      cost_per_person: not_needed
  - name: At gate 4
    gate: 4
  - name: Decided
    gate: 4
    decision: stop
`

func TestStatusReport(t *testing.T) {
	p, err := Parse([]byte(statusTestPortfolio))
	require.NoError(t, err)
	fsys := fstest.MapFS{"review.pdf": {}, "power.json": {Data: []byte(`{"design": "two-arm", "alpha": 0.05, "power": 0.8}`)},
		"analysis.json": {Data: []byte(linkTestAnalysis)}}
	links := p.CheckLinks(fsys)
	links = append(links, LinkCheck{Link: Link{Intervention: "Elsewhere", Evidence: "analysis", Path: "x.json"}})
	r := p.StatusReport("portfolio.yaml", links)

	assert.Equal(t, "portfolio.yaml", r.File)
	require.Len(t, r.Interventions, 5)
	assert.Equal(t, map[int]int{1: 1, 2: 0, 3: 2, 4: 2}, r.ByGate)
	require.Len(t, r.Gates, 4)
	assert.Equal(t, Gate{Number: 4, Name: p.Gates[3].Name, Requires: []string{}}, r.Gates[3], "an empty, not nil, requires")
	assert.Nil(t, p.Gates[3].Requires, "the portfolio's gates were changed")
	wantWarnings := []string{
		"line 7: Waiting: evidence preliminary_powr looks like a misspelling of preliminary_power",
		"line 21: Wrong link, analysis: power.json holds an evalkit power result, not an evalkit analysis result",
	}
	assert.Equal(t, wantWarnings, r.Warnings)
	assert.Equal(t, []Misspelling{{Intervention: "Waiting", Key: "preliminary_powr", Suggest: "preliminary_power", Line: 7}}, r.Misspellings)

	stop := Stop
	for _, tc := range []struct {
		name         string
		state        State
		ready        bool
		missing      []string
		decision     *Decision
		missingLinks []string
		links        int
		problems     []Problem
	}{
		// theory_of_change is done, but its link is not there.
		{"Waiting", Waiting, false, []string{"theory_of_change", "outcome_measures", "preliminary_power"}, nil, []string{"toc.docx"}, 2, []Problem{LinkNotFound}},
		{"Ready", ReadyToMove, true, []string{}, nil, []string{}, 1, []Problem{}},
		{"Wrong link", Waiting, false, []string{"analysis"}, nil, []string{}, 1, []Problem{WrongKind}},
		{"At gate 4", Waiting, false, []string{"decision"}, nil, []string{}, 0, []Problem{}},
		{"Decided", Decided, true, []string{}, &stop, []string{}, 0, []Problem{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var iv *InterventionStatus
			for i := range r.Interventions {
				if r.Interventions[i].Name == tc.name {
					iv = &r.Interventions[i]
				}
			}
			require.NotNil(t, iv, "in the report")
			assert.Equal(t, tc.state, iv.State())
			assert.Equal(t, tc.ready, iv.Ready)
			assert.Equal(t, tc.missing, iv.Missing)
			assert.Equal(t, tc.decision, iv.Decision)
			missingLinks := []string{}
			for _, l := range iv.MissingLinks {
				missingLinks = append(missingLinks, l.Path)
			}
			assert.Equal(t, tc.missingLinks, missingLinks)
			assert.Len(t, iv.Links, tc.links)
			problems := []Problem{}
			for _, p := range iv.Problems {
				problems = append(problems, p.Problem)
			}
			assert.Equal(t, tc.problems, problems)
		})
	}
	assert.Equal(t, 1, r.NumReady())
	iv := r.Interventions[1]
	assert.Equal(t, []string{p.Gates[2].Name, "Inclusion & Engagement", "Oxford"}, []string{iv.GateName, iv.Network, iv.Area})
	assert.Equal(t, 8, iv.Line)
}

// TestStatusReportEmpty checks that a report with nothing in it marshals
// to empty lists, not null.
func TestStatusReportEmpty(t *testing.T) {
	p, err := Parse([]byte("interventions: []\n"))
	require.NoError(t, err)
	out, err := json.Marshal(p.StatusReport("p.yaml", nil))
	require.NoError(t, err)
	for _, want := range []string{`"interventions":[]`, `"warnings":[]`, `"by_gate":{"1":0,"2":0,"3":0,"4":0}`} {
		assert.Contains(t, string(out), want)
	}
}
