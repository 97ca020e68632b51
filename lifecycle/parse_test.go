package lifecycle

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestParseHandwritten(t *testing.T) {
	src, err := os.ReadFile("../testdata/lifecycle/handwritten.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Interventions) != 3 {
		t.Fatalf("%d interventions, want 3", len(p.Interventions))
	}
	iv := p.Interventions[0]
	if iv.Name != "Schools Navigators" || iv.Gate != 2 || iv.Network != "Inclusion & Engagement" ||
		iv.Area != "Reading and Milton Keynes" || iv.Line != 8 {
		t.Errorf("first intervention = %+v", iv)
	}
	if len(iv.Evidence) != 6 || iv.Evidence[2].Key != "data_ethics_review" || iv.Evidence[2].Status != NotNeeded {
		t.Errorf("evidence = %+v", iv.Evidence)
	}
	if e, _ := iv.EvidenceFor("process_evaluation"); e.Note != "internal review; see 'lessons'" || e.Status != Done {
		t.Errorf("process_evaluation = %+v", e)
	}
	if len(iv.History) != 1 || !reflect.DeepEqual(iv.History[0], Transition{Date: "2023-04-03", From: 1, To: 2, Note: "literature review accepted"}) {
		t.Errorf("history = %+v", iv.History)
	}
	if flow := p.Interventions[2]; flow.Name != "Counter narrative concepts" || flow.Gate != 1 || flow.Line != 41 {
		t.Errorf("flow intervention = %+v", flow)
	}
}

func TestParseGatesOverride(t *testing.T) {
	src := `
gates:
  - gate: 2
    name: Capability review
    requires: [business_case, data_ethics_review]
  - {gate: 4, requires: [board_minutes]}
interventions:
  - {name: A, gate: 2, evidence: {business_case: done}}
  - {name: B, gate: 4, decision: scale, evidence: {board_minutes: todo}}
`
	p, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	g2, _ := p.Gate(2)
	if g2.Name != "Capability review" || strings.Join(g2.Requires, ",") != "business_case,data_ethics_review" {
		t.Errorf("gate 2 = %+v", g2)
	}
	if g1, _ := p.Gate(1); g1.Name != DefaultGates()[0].Name || len(g1.Requires) != 4 {
		t.Errorf("gate 1 changed: %+v", g1)
	}
	for _, tc := range []struct {
		name    string
		missing string
	}{
		{"A", "data_ethics_review"},
		{"B", "board_minutes"},
	} {
		if got := strings.Join(p.Standing(p.Intervention(tc.name)).Missing, ","); got != tc.missing {
			t.Errorf("%s missing %q, want %q", tc.name, got, tc.missing)
		}
	}
}

// TestParseBadFiles checks that each kind of bad file gives one line that
// names the line of the problem.
func TestParseBadFiles(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		line int
		want error
	}{
		{"unknown gate", "interventions:\n  - name: A\n    gate: 7\n", 3, ErrUnknownGate},
		{"gate zero", "interventions:\n  - {name: A, gate: 0}\n", 2, ErrUnknownGate},
		{"gate not a number", "interventions:\n  - name: A\n\n    gate: two\n", 4, ErrGateNotNumber},
		{"gate quoted", "interventions:\n  - name: A\n    gate: \"2\"\n", 3, ErrGateNotNumber},
		{"gate a fraction", "interventions:\n  - name: A\n    gate: 2.5\n", 3, ErrGateNotNumber},
		{"gate a list", "interventions:\n  - name: A\n    gate: [2]\n", 3, ErrGateNotNumber},
		{"bad status", "interventions:\n  - name: A\n    gate: 1\n    evidence:\n      literature_review:\n        status: finished\n", 6, ErrBadStatus},
		{"bad bare status", "interventions:\n  - name: A\n    gate: 1\n    evidence: {literature_review: Done}\n", 4, ErrBadStatus},
		{"duplicate names", "interventions:\n  - name: A\n    gate: 1\n  - name: B\n    gate: 1\n  - name: A\n    gate: 2\n", 6, ErrDuplicate},
		{"duplicate gates entry", "gates:\n  - {gate: 1}\n  - {gate: 1}\ninterventions: []\n", 3, ErrDuplicate},
		{"unknown gate in gates", "gates:\n  - {gate: 5, requires: []}\ninterventions: []\n", 2, ErrUnknownGate},
		{"bad decision", "interventions:\n  - {name: A, gate: 4,\n     decision: continue}\n", 3, ErrBadDecision},
		{"not YAML", "interventions:\n  - name: A\n    gate: [1\n", 3, ErrNotYAML},
		{"not YAML quote", "interventions:\n  - name: \"A\n", 2, ErrNotYAML},
		{"tab indent", "interventions:\n- name: x\n  gate: 1\n\tarea: y\n", 4, ErrNotYAML},
		{"duplicate key", "interventions:\n  - name: A\n    gate: 1\n    gate: 2\n", 4, ErrNotYAML},
		{"no name", "interventions:\n  - gate: 1\n    area: x\n", 2, ErrShape},
		{"no gate", "interventions:\n  - name: A\n", 2, ErrShape},
		{"not a mapping", "- 1\n- 2\n", 1, ErrShape},
		{"plain text", "this is a letter, not a portfolio\n", 1, ErrShape},
		{"no interventions", "title: x\n", 1, ErrShape},
		{"interventions a mapping", "interventions:\n  a: 1\n", 2, ErrShape},
		{"two documents", "interventions: []\n---\ninterventions: []\n", 2, ErrShape},
		{"empty", "", 1, ErrShape},
		{"evidence a list", "interventions:\n  - name: A\n    gate: 1\n    evidence: [a]\n", 4, ErrShape},
		{"history a mapping", "interventions:\n  - name: A\n    gate: 1\n    history: {a: 1}\n", 4, ErrShape},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.src))
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Line != tc.line {
				t.Errorf("err = %v, want it at line %d", err, tc.line)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is more than one line: %q", err)
			}
		})
	}
}

func TestParseSpecialCases(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		n    int
	}{
		{"empty list", "interventions: []\n", 0},
		{"null list", "interventions:\n", 0},
		{"anchor and tag", "interventions:\n  - &a {name: A, gate: !!int 2}\n", 1},
		{"crlf", "interventions:\r\n  - name: A\r\n    gate: 1\r\n", 1},
		{"no final newline", "interventions:\n  - name: A\n    gate: 1", 1},
		{"unknown keys everywhere", "x: 1\ninterventions:\n  - {name: A, gate: 1, y: [1, 2], evidence: {k: {status: done, z: 3}}}\nw: {}\n", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Parse([]byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Interventions) != tc.n {
				t.Errorf("%d interventions, want %d", len(p.Interventions), tc.n)
			}
		})
	}
}
