package lifecycle

import (
	"reflect"
	"testing"
)

func TestMisspellings(t *testing.T) {
	src := `
interventions:
  - name: A
    gate: 1
    evidence:
      literature_reveiw: done    # two letters swapped
      theory_of_change: done
      outcome_measure: done      # one letter short
      board_minutes: done        # the portfolio's own key
      analysis: done             # required at gate 3: not a slip
`
	p, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []Misspelling{
		{Intervention: "A", Key: "literature_reveiw", Suggest: "literature_review", Line: 6},
		{Intervention: "A", Key: "outcome_measure", Suggest: "outcome_measures", Line: 8},
	}
	if got := p.Misspellings(); !reflect.DeepEqual(got, want) {
		t.Errorf("Misspellings = %+v, want %+v", got, want)
	}
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b  string
		limit int
		want  int
	}{
		{"", "", 3, 0},
		{"abc", "abc", 3, 0},
		{"abc", "abd", 3, 1},
		{"reveiw", "review", 3, 2},
		{"kitten", "sitting", 5, 3},
		{"kitten", "sitting", 3, 3},
		{"a", "abcdef", 3, 3},
	} {
		if got := editDistance(tc.a, tc.b, tc.limit); got != tc.want {
			t.Errorf("editDistance(%q, %q, %d) = %d, want %d", tc.a, tc.b, tc.limit, got, tc.want)
		}
	}
}
