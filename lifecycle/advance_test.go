package lifecycle

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

const lifecycleTestPortfolio = `
interventions:
  - name: Ready
    gate: 1
    evidence:
      literature_review: done
      theory_of_change: {status: done}
      outcome_measures: {status: not_needed, note: uses police records}
      preliminary_power: {status: done, link: power.json}
  - name: Partial
    gate: 1
    evidence:
      literature_review: in_progress
      theory_of_change: done
      outcome_measures: todo
      extra_key: done
  - name: Trial
    gate: 3
    evidence:
      trial_complete: done
      analysis: done
      participant_flow: done
      cost_per_person: done
  - {name: Decided, gate: 4, decision: adopt}
  - {name: Undecided, gate: 4}
`

func TestReadiness(t *testing.T) {
	p, err := Parse([]byte(lifecycleTestPortfolio))
	if err != nil {
		t.Fatal(err)
	}
	none := []LinkProblem{}
	want := []Standing{
		{Name: "Ready", Gate: 1, Ready: true, Missing: []string{}, Problems: none},
		{Name: "Partial", Gate: 1, Missing: []string{"literature_review", "outcome_measures", "preliminary_power"}, Problems: none},
		{Name: "Trial", Gate: 3, Ready: true, Missing: []string{}, Problems: none},
		{Name: "Decided", Gate: 4, Ready: true, Missing: []string{}, Problems: none, Decision: Adopt},
		{Name: "Undecided", Gate: 4, Missing: []string{"decision"}, Problems: none},
	}
	if got := p.Status(); !reflect.DeepEqual(got, want) {
		t.Errorf("Status =\n%+v\nwant\n%+v", got, want)
	}
	if got := p.ByGate(); !reflect.DeepEqual(got, map[int]int{1: 2, 2: 0, 3: 1, 4: 2}) {
		t.Errorf("ByGate = %v", got)
	}
}

func TestAdvanceRefusesAndOverrides(t *testing.T) {
	p, err := Parse([]byte(lifecycleTestPortfolio))
	if err != nil {
		t.Fatal(err)
	}
	d := time.Date(2023, 7, 1, 0, 0, 0, 0, time.UTC)

	_, _, err = p.Advance("Partial", Move{Date: d})
	var nr *NotReadyError
	if !errors.As(err, &nr) || !errors.Is(err, ErrNotReady) {
		t.Fatalf("err = %v, want a NotReadyError", err)
	}
	if nr.Gate != 1 || strings.Join(nr.Missing, ",") != "literature_review,outcome_measures,preliminary_power" {
		t.Errorf("NotReadyError = %+v", nr)
	}
	if got := err.Error(); got != "Partial cannot pass gate 1: missing literature_review, outcome_measures, preliminary_power" {
		t.Errorf("message = %q", got)
	}

	// Two gates at once: the second gate's evidence is checked too.
	if _, _, err := p.Advance("Ready", Move{Date: d, To: 3}); !errors.As(err, &nr) || nr.Gate != 2 {
		t.Errorf("Ready to gate 3: err = %v, want gate 2 not ready", err)
	}

	next, tr, err := p.Advance("Partial", Move{Date: d, Override: "board accepted the risk", Note: "fast track"})
	if err != nil {
		t.Fatal(err)
	}
	wantT := Transition{Date: "2023-07-01", From: 1, To: 2, Note: "fast track", Override: "board accepted the risk",
		Missing: []string{"literature_review", "outcome_measures", "preliminary_power"}}
	if !reflect.DeepEqual(tr, wantT) {
		t.Errorf("transition = %+v, want %+v", tr, wantT)
	}
	iv := next.Intervention("Partial")
	if iv.Gate != 2 || len(iv.History) != 1 || !reflect.DeepEqual(iv.History[0], wantT) {
		t.Errorf("after override: gate %d, history %+v", iv.Gate, iv.History)
	}

	// History accumulates, oldest first.
	next2, _, err := next.Advance("Partial", Move{Date: d.AddDate(0, 1, 0), To: 1, Note: "back for a fuller review"})
	if err != nil {
		t.Fatal(err)
	}
	h := next2.Intervention("Partial").History
	if len(h) != 2 || h[1].From != 2 || h[1].To != 1 || h[1].Date != "2023-08-01" || h[1].Override != "" {
		t.Errorf("history = %+v", h)
	}

	ok, tr, err := p.Advance("Ready", Move{Date: d})
	if err != nil || tr.Override != "" || tr.Missing != nil || ok.Intervention("Ready").Gate != 2 {
		t.Errorf("Ready: %v %+v", err, tr)
	}
	if s := ok.Standing(ok.Intervention("Ready")); s.Ready || len(s.Missing) != 6 {
		t.Errorf("at gate 2: %+v", s)
	}
}

func TestAdvanceDecision(t *testing.T) {
	p, err := Parse([]byte(lifecycleTestPortfolio))
	if err != nil {
		t.Fatal(err)
	}
	d := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	next, tr, err := p.Advance("Trial", Move{Date: d, Decision: Scale, Note: "significant reduction"})
	if err != nil {
		t.Fatal(err)
	}
	if tr.To != 4 || tr.Decision != Scale {
		t.Errorf("transition = %+v", tr)
	}
	if s := next.Standing(next.Intervention("Trial")); !s.Ready || s.Decision != Scale {
		t.Errorf("standing = %+v", s)
	}
	next, _, err = next.Advance("Undecided", Move{Date: d, Decision: Stop})
	if err != nil {
		t.Fatal(err)
	}
	if iv := next.Intervention("Undecided"); iv.Decision != Stop || iv.History[0].From != 4 || iv.History[0].To != 4 {
		t.Errorf("Undecided = %+v", iv)
	}
}

func TestAdvanceBadMoves(t *testing.T) {
	p, err := Parse([]byte(lifecycleTestPortfolio))
	if err != nil {
		t.Fatal(err)
	}
	d := time.Date(2023, 7, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name, iv string
		move     Move
		want     error
	}{
		{"unknown intervention", "Nobody", Move{Date: d}, ErrNoIntervention},
		{"case differs", "ready", Move{Date: d}, ErrNoIntervention},
		{"no date", "Ready", Move{}, ErrBadMove},
		{"gate 5", "Ready", Move{Date: d, To: 5}, ErrUnknownGate},
		{"same gate", "Ready", Move{Date: d, To: 1}, ErrBadMove},
		{"past gate 4", "Decided", Move{Date: d}, ErrBadMove},
		{"decision away from gate 4", "Ready", Move{Date: d, Decision: Adopt, Override: "x"}, ErrBadMove},
		{"bad decision", "Decided", Move{Date: d, Decision: "pause"}, ErrBadDecision},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, _, err := p.Advance(tc.iv, tc.move); !errors.Is(err, tc.want) {
				t.Errorf("err = %v, want %v", err, tc.want)
			}
		})
	}
	if _, _, err := p.Advance("ready", Move{Date: d}); !strings.Contains(err.Error(), `did you mean "Ready"`) {
		t.Errorf("err = %v, want a suggestion", err)
	}
}

func TestMissingLinks(t *testing.T) {
	src := `
interventions:
  - name: A
    gate: 2
    evidence:
      power_analysis: {status: done, link: power.json}
      randomisation_plan: {status: done, link: allocation.csv.manifest.json}
      analysis_plan: {status: done, link: "https://osf.io/abcd"}
  - {name: B, gate: 3, evidence: {analysis: {status: done, link: results/analysis.json}}}
`
	p, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(p.Links()); n != 3 {
		t.Errorf("%d links, want 3 (the URL left out)", n)
	}
	have := map[string]bool{"power.json": true}
	got := p.MissingLinks(func(l string) bool { return have[l] })
	want := []Link{
		{Intervention: "A", Evidence: "randomisation_plan", Path: "allocation.csv.manifest.json", Line: 7},
		{Intervention: "B", Evidence: "analysis", Path: "results/analysis.json", Line: 9},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("MissingLinks = %+v, want %+v", got, want)
	}
}

func TestYAMLQuote(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"literature review accepted", "literature review accepted"},
		{"board: ready", `"board: ready"`},
		{"yes", `"yes"`},
		{"2023", `"2023"`},
		{"a, b", `"a, b"`},
		{"# not a comment", `"# not a comment"`},
		{"it's fine", "it's fine"},
		{"trailing ", `"trailing "`},
		{"", `""`},
		{"line\nbreak", `"line\nbreak"`},
	} {
		if got := yamlQuote(tc.in); got != tc.want {
			t.Errorf("yamlQuote(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}
