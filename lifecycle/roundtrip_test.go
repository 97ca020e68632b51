package lifecycle

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
)

// lifecycleLineDiff returns the lines removed ("-") and added ("+") to
// turn a into b, from a longest common subsequence of lines.
func lifecycleLineDiff(a, b string) []string {
	x, y := strings.SplitAfter(a, "\n"), strings.SplitAfter(b, "\n")
	n, m := len(x), len(y)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []string
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && x[i] == y[j]:
			i, j = i+1, j+1
		case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
			out = append(out, "-"+x[i])
			i++
		default:
			out = append(out, "+"+y[j])
			j++
		}
	}
	return out
}

var lifecycleTestDate = time.Date(2023, 6, 14, 0, 0, 0, 0, time.UTC)

// TestRoundTrip advances interventions of a hand-written portfolio (comments,
// unusual key order, unknown keys, flow and block styles) and checks that
// the diff against the original is exactly the changed gate, the decision
// where one is made, and the appended history.
func TestRoundTrip(t *testing.T) {
	src, err := os.ReadFile("../testdata/lifecycle/handwritten.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		iv   string
		move Move
		diff []string
	}{
		{"block history appended", "Schools Navigators", Move{Date: lifecycleTestDate, Note: "board: ready for trial"}, []string{
			"-  - gate: 2                      # moved up in April\n",
			"+  - gate: 3                      # moved up in April\n",
			"+      - date: 2023-06-14\n",
			"+        from: 2\n",
			"+        to: 3\n",
			"+        note: \"board: ready for trial\"\n",
		}},
		{"history created, override recorded", "Hospital Navigators", Move{Date: lifecycleTestDate, Override: "pilot starts in July"}, []string{
			"-    gate: 2\n",
			"+    gate: 3\n",
			"+    history:\n",
			"+      - date: 2023-06-14\n",
			"+        from: 2\n",
			"+        to: 3\n",
			"+        override: pilot starts in July\n",
			"+        missing: [business_case, process_evaluation, data_ethics_review, randomisation_plan, analysis_plan, power_analysis]\n",
		}},
		{"flow mapping, decision", "Counter narrative concepts", Move{Date: lifecycleTestDate, To: 4, Override: "no funding", Decision: Stop}, []string{
			"-  - {name: Counter narrative concepts, gate: 1, network: Inclusion & Engagement}\n",
			"+  - {name: Counter narrative concepts, gate: 4, decision: stop, network: Inclusion & Engagement, history: [{date: 2023-06-14, from: 1, to: 4, override: no funding, missing: [literature_review, theory_of_change, outcome_measures, preliminary_power, business_case, process_evaluation, data_ethics_review, randomisation_plan, analysis_plan, power_analysis, trial_complete, analysis, participant_flow, cost_per_person], decision: stop}]}\n",
		}},
		{"back a gate", "Schools Navigators", Move{Date: lifecycleTestDate, To: 1, Note: "re-scoped"}, []string{
			"-  - gate: 2                      # moved up in April\n",
			"+  - gate: 1                      # moved up in April\n",
			"+      - date: 2023-06-14\n",
			"+        from: 2\n",
			"+        to: 1\n",
			"+        note: re-scoped\n",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			next, _, err := p.Advance(tc.iv, tc.move)
			if err != nil {
				t.Fatal(err)
			}
			got := lifecycleLineDiff(string(src), string(next.Bytes()))
			if strings.Join(got, "") != strings.Join(tc.diff, "") {
				t.Errorf("diff:\n%s\nwant:\n%s", strings.Join(got, ""), strings.Join(tc.diff, ""))
			}
			if string(p.Bytes()) != string(src) {
				t.Error("Advance changed the receiver's text")
			}
		})
	}
}

// TestAdvanceStyles covers the ways a history or decision can be written.
func TestAdvanceStyles(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		move      Move
		want      string
	}{
		{"empty flow history", "interventions:\n  - name: A\n    gate: 2\n    history: []   # none yet\n",
			Move{Override: "x"},
			"interventions:\n  - name: A\n    gate: 3\n    history: [{date: 2023-06-14, from: 2, to: 3, override: x, missing: [business_case, process_evaluation, data_ethics_review, randomisation_plan, analysis_plan, power_analysis]}]   # none yet\n"},
		{"flow history", "interventions:\n  - name: A\n    gate: 4\n    history: [{date: 2023-01-01, from: 3, to: 4}]\n",
			Move{Decision: Adopt},
			"interventions:\n  - name: A\n    gate: 4\n    decision: adopt\n    history: [{date: 2023-01-01, from: 3, to: 4}, {date: 2023-06-14, from: 4, to: 4, decision: adopt}]\n"},
		{"null history", "interventions:\n  - name: A\n    gate: 4\n    history:\n    area: x\n",
			Move{Decision: Scale, Note: "two more forces"},
			"interventions:\n  - name: A\n    gate: 4\n    decision: scale\n    history:\n      - date: 2023-06-14\n        from: 4\n        to: 4\n        note: two more forces\n        decision: scale\n    area: x\n"},
		{"explicit null history", "interventions:\n  - name: A\n    gate: 4\n    history: ~\n",
			Move{Decision: Scale},
			"interventions:\n  - name: A\n    gate: 4\n    decision: scale\n    history: [{date: 2023-06-14, from: 4, to: 4, decision: scale}]\n"},
		{"decision replaced", "interventions:\n  - name: A\n    gate: 4\n    decision: adapt  # for now\n    history:\n    - {date: 2023-01-01, from: 3, to: 4}\n",
			Move{Decision: Adopt},
			"interventions:\n  - name: A\n    gate: 4\n    decision: adopt  # for now\n    history:\n    - {date: 2023-01-01, from: 3, to: 4}\n    - {date: 2023-06-14, from: 4, to: 4, decision: adopt}\n"},
		{"empty decision filled", "interventions:\n  - name: A\n    gate: 4\n    decision:\n    history:\n    - {date: 2023-01-01, from: 3, to: 4}\n",
			Move{Decision: Stop},
			"interventions:\n  - name: A\n    gate: 4\n    decision: stop\n    history:\n    - {date: 2023-01-01, from: 3, to: 4}\n    - {date: 2023-06-14, from: 4, to: 4, decision: stop}\n"},
		{"crlf, and y quoted (YAML 1.1 reads it as true)", "interventions:\r\n  - name: A\r\n    gate: 3\r\n    history:\r\n      - date: 2023-01-01\r\n        to: 3\r\n",
			Move{Override: "y"},
			"interventions:\r\n  - name: A\r\n    gate: 4\r\n    history:\r\n      - date: 2023-01-01\r\n        to: 3\r\n      - date: 2023-06-14\r\n        from: 3\r\n        to: 4\r\n        override: \"y\"\r\n        missing: [trial_complete, analysis, participant_flow, cost_per_person]\r\n"},
		{"no final newline", "interventions:\n  - name: A\n    gate: 1\n    notes: |\n      two\n      lines",
			Move{Override: "z", Note: "say \"why\"\n"},
			"interventions:\n  - name: A\n    gate: 2\n    history:\n      - date: 2023-06-14\n        from: 1\n        to: 2\n        note: \"say \\\"why\\\"\\n\"\n        override: z\n        missing: [literature_review, theory_of_change, outcome_measures, preliminary_power]\n    notes: |\n      two\n      lines"},
		{"literal block then blank lines", "interventions:\n  - name: A\n    gate: 1\n    notes: |\n      text\n\n\n  - name: B\n    gate: 1\n",
			Move{Override: "z"},
			"interventions:\n  - name: A\n    gate: 2\n    notes: |\n      text\n    history:\n      - date: 2023-06-14\n        from: 1\n        to: 2\n        override: z\n        missing: [literature_review, theory_of_change, outcome_measures, preliminary_power]\n\n\n  - name: B\n    gate: 1\n"},
		{"unicode before the gate", "interventions:\n  - {name: Café ☕ project, gate: 1}\n",
			Move{Override: "ok", To: 2},
			"interventions:\n  - {name: Café ☕ project, gate: 2, history: [{date: 2023-06-14, from: 1, to: 2, override: ok, missing: [literature_review, theory_of_change, outcome_measures, preliminary_power]}]}\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Parse([]byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			tc.move.Date = lifecycleTestDate
			next, _, err := p.Advance(p.Interventions[0].Name, tc.move)
			if err != nil {
				t.Fatal(err)
			}
			if got := string(next.Bytes()); got != tc.want {
				t.Errorf("got\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

// TestAdvanceRefusesDamage checks that an edit which would change anything
// but the move is refused: here a block scalar written last in a file with
// no final newline, which appending a history entry would change.
func TestAdvanceRefusesDamage(t *testing.T) {
	src := "interventions:\n  - name: A\n    gate: 1\n    history:\n      - date: 2023-01-01\n        note: |\n          text"
	p, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = p.Advance("A", Move{Date: lifecycleTestDate, Override: "x"})
	if err == nil || !strings.Contains(err.Error(), "left as it was") {
		t.Errorf("err = %v, want a refusal", err)
	}
}

// TestRoundTripEveryIntervention advances each intervention of the
// programme's portfolio and of the hand-written one in turn, with an
// override, and checks that the diff is the gate's line and the history's
// lines and nothing else.
func TestRoundTripEveryIntervention(t *testing.T) {
	historyLine := regexp.MustCompile(`^\s+(history:|- date: |from: |to: |note: |override: |missing: )`)
	for _, file := range []string{"../examples/portfolio.yaml", "../testdata/lifecycle/handwritten.yaml"} {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		p, err := Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, iv := range p.Interventions {
			next, _, err := p.Advance(iv.Name, Move{Date: lifecycleTestDate, Override: "test", Note: "round trip"})
			if err != nil {
				t.Errorf("%s: %v", iv.Name, err)
				continue
			}
			diff := lifecycleLineDiff(string(src), string(next.Bytes()))
			var removed, added []string
			for _, d := range diff {
				if d[0] == '-' {
					removed = append(removed, d[1:])
				} else {
					added = append(added, d[1:])
				}
			}
			if len(removed) != 1 || !strings.Contains(removed[0], "gate: ") || len(added) == 0 ||
				strings.Replace(removed[0], fmt.Sprintf("gate: %d", iv.Gate), fmt.Sprintf("gate: %d", iv.Gate+1), 1) != added[0] &&
					!strings.Contains(added[0], "history: [") {
				t.Errorf("%s: diff\n%s", iv.Name, strings.Join(diff, ""))
				continue
			}
			for _, l := range added[1:] {
				if !historyLine.MatchString(l) {
					t.Errorf("%s: added line %q is not part of the history", iv.Name, l)
				}
			}
		}
	}
}

// TestByteOrderMark checks that a portfolio saved with a UTF-8 byte-order
// mark is read, and keeps its mark when advanced.
func TestByteOrderMark(t *testing.T) {
	src := "\uFEFFinterventions:\n  - name: A\n    gate: 1\n    evidence: {}\n"
	p, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Interventions) != 1 || p.Interventions[0].Gate != 1 {
		t.Fatalf("read %+v", p.Interventions)
	}
	next, _, err := p.Advance("A", Move{Date: time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC), Override: "test"})
	if err != nil {
		t.Fatal(err)
	}
	out := string(next.Bytes())
	if !strings.HasPrefix(out, "\uFEFFinterventions:\n") || !strings.Contains(out, "gate: 2") {
		t.Errorf("advanced file:\n%s", out)
	}
}
