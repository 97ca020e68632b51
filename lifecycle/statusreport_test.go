package lifecycle

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"testing/fstest"
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
	} {
		t.Run(tc.name, func(t *testing.T) {
			src, err := os.ReadFile(tc.portfolio)
			if err != nil {
				t.Fatal(err)
			}
			p, err := Parse(src)
			if err != nil {
				t.Fatal(err)
			}
			// The command ran from cmd/evalkit, two folders down.
			r := p.StatusReport("../"+tc.portfolio, p.CheckLinks(LinkDir(filepath.Dir(tc.portfolio))))
			var got bytes.Buffer
			enc := json.NewEncoder(&got)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			if err := enc.Encode(r); err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile("../cmd/evalkit/testdata/lifecycle/" + tc.golden)
			if err != nil {
				t.Fatal(err)
			}
			if got.String() != string(want) {
				t.Errorf("JSON differs from the command's:\n%s\nwant\n%s", got.String(), want)
			}
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
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{"review.pdf": {}, "power.json": {Data: []byte(`{"design": "two-arm", "alpha": 0.05, "power": 0.8}`)}}
	links := p.CheckLinks(fsys)
	links = append(links, LinkCheck{Link: Link{Intervention: "Elsewhere", Evidence: "analysis", Path: "x.json"}})
	r := p.StatusReport("portfolio.yaml", links)

	if r.File != "portfolio.yaml" || len(r.Interventions) != 4 {
		t.Fatalf("file %q, %d interventions", r.File, len(r.Interventions))
	}
	if want := map[int]int{1: 1, 2: 0, 3: 1, 4: 2}; !reflect.DeepEqual(r.ByGate, want) {
		t.Errorf("ByGate = %v, want %v", r.ByGate, want)
	}
	if g := r.Gates[3]; g.Number != 4 || g.Requires == nil || len(g.Requires) != 0 {
		t.Errorf("gate 4 = %+v, want an empty, not nil, requires", g)
	}
	if p.Gates[3].Requires != nil {
		t.Error("the portfolio's gates were changed")
	}
	wantWarnings := []string{
		"line 7: Waiting: evidence preliminary_powr looks like a misspelling of preliminary_power",
		"line 14: Ready, analysis: power.json holds an evalkit power result, not an evalkit analysis result",
	}
	if !reflect.DeepEqual(r.Warnings, wantWarnings) {
		t.Errorf("Warnings =\n%q, want\n%q", r.Warnings, wantWarnings)
	}
	if len(r.Misspellings) != 1 || r.Misspellings[0].Key != "preliminary_powr" {
		t.Errorf("Misspellings = %+v", r.Misspellings)
	}

	stop := Stop
	for _, tc := range []struct {
		name         string
		state        State
		ready        bool
		missing      []string
		decision     *Decision
		missingLinks []string
		links        int
	}{
		{"Waiting", Waiting, false, []string{"outcome_measures", "preliminary_power"}, nil, []string{"toc.docx"}, 2},
		{"Ready", ReadyToMove, true, []string{}, nil, []string{}, 1},
		{"At gate 4", Waiting, false, []string{"decision"}, nil, []string{}, 0},
		{"Decided", Decided, true, []string{}, &stop, []string{}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var iv *InterventionStatus
			for i := range r.Interventions {
				if r.Interventions[i].Name == tc.name {
					iv = &r.Interventions[i]
				}
			}
			if iv == nil {
				t.Fatal("not in the report")
			}
			if iv.State() != tc.state || iv.Ready != tc.ready || !reflect.DeepEqual(iv.Missing, tc.missing) || !reflect.DeepEqual(iv.Decision, tc.decision) {
				t.Errorf("state %s, ready %t, missing %q, decision %v; want %s, %t, %q, %v",
					iv.State(), iv.Ready, iv.Missing, iv.Decision, tc.state, tc.ready, tc.missing, tc.decision)
			}
			missingLinks := []string{}
			for _, l := range iv.MissingLinks {
				missingLinks = append(missingLinks, l.Path)
			}
			if !reflect.DeepEqual(missingLinks, tc.missingLinks) || len(iv.Links) != tc.links {
				t.Errorf("missing links %q and %d links, want %q and %d", missingLinks, len(iv.Links), tc.missingLinks, tc.links)
			}
		})
	}
	if n := r.NumReady(); n != 1 {
		t.Errorf("NumReady = %d, want 1", n)
	}
	if iv := r.Interventions[1]; iv.GateName != p.Gates[2].Name || iv.Network != "Inclusion & Engagement" || iv.Area != "Oxford" || iv.Line != 8 {
		t.Errorf("Ready = %+v", iv)
	}
}

// TestStatusReportEmpty checks that a report with nothing in it marshals
// to empty lists, not null.
func TestStatusReportEmpty(t *testing.T) {
	p, err := Parse([]byte("interventions: []\n"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(p.StatusReport("p.yaml", nil))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"interventions":[]`, `"warnings":[]`, `"by_gate":{"1":0,"2":0,"3":0,"4":0}`} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("%s lacks %s", out, want)
		}
	}
}
