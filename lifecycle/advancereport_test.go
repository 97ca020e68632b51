package lifecycle

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAdvanceReport(t *testing.T) {
	for _, tc := range []struct {
		name string
		t    Transition
		line string
		json string
	}{
		{"forward", Transition{Date: "2023-06-14", From: 2, To: 3, Note: "board: ready for trial"},
			"Schools Navigators: gate 2 -> 3 on 2023-06-14",
			`{"file":"p.yaml","intervention":"Schools Navigators","date":"2023-06-14","from":2,"to":3,"note":"board: ready for trial","override":null,"missing":[],"decision":null}`},
		{"override passing over evidence", Transition{Date: "2023-06-14", From: 2, To: 3, Override: "pilot starts in July", Missing: []string{"business_case", "power_analysis"}},
			"Schools Navigators: gate 2 -> 3 on 2023-06-14, overriding missing business_case, power_analysis (pilot starts in July)",
			`{"file":"p.yaml","intervention":"Schools Navigators","date":"2023-06-14","from":2,"to":3,"note":null,"override":"pilot starts in July","missing":["business_case","power_analysis"],"decision":null}`},
		{"override with nothing missing", Transition{Date: "2023-06-14", From: 3, To: 4, Override: "board's call"},
			"Schools Navigators: gate 3 -> 4 on 2023-06-14, override recorded (board's call)",
			`{"file":"p.yaml","intervention":"Schools Navigators","date":"2023-06-14","from":3,"to":4,"note":null,"override":"board's call","missing":[],"decision":null}`},
		{"to gate 4 with a decision", Transition{Date: "2024-03-20", From: 3, To: 4, Decision: Scale},
			"Schools Navigators: gate 3 -> 4 on 2024-03-20, decision scale",
			`{"file":"p.yaml","intervention":"Schools Navigators","date":"2024-03-20","from":3,"to":4,"note":null,"override":null,"missing":[],"decision":"scale"}`},
		{"decision at gate 4", Transition{Date: "2024-03-20", From: 4, To: 4, Decision: Stop},
			"Schools Navigators: decision stop recorded at gate 4 on 2024-03-20",
			`{"file":"p.yaml","intervention":"Schools Navigators","date":"2024-03-20","from":4,"to":4,"note":null,"override":null,"missing":[],"decision":"stop"}`},
		{"back", Transition{Date: "2024-03-20", From: 3, To: 2, Note: "re-plan the trial"},
			"Schools Navigators: gate 3 -> 2 on 2024-03-20",
			`{"file":"p.yaml","intervention":"Schools Navigators","date":"2024-03-20","from":3,"to":2,"note":"re-plan the trial","override":null,"missing":[],"decision":null}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := NewAdvanceReport("p.yaml", "Schools Navigators", tc.t)
			assert.Equal(t, tc.line, r.String())
			out, err := json.Marshal(r)
			require.NoError(t, err)
			assert.JSONEq(t, tc.json, string(out))
			assert.Equal(t, tc.json, string(out), "keys in the command's order")
		})
	}
}

// TestAdvanceReportOwnsMissing checks that the report does not share the
// transition's list.
func TestAdvanceReportOwnsMissing(t *testing.T) {
	tr := Transition{From: 1, To: 2, Override: "x", Missing: []string{"theory_of_change"}}
	r := NewAdvanceReport("p.yaml", "A", tr)
	tr.Missing[0] = "changed"
	assert.Equal(t, []string{"theory_of_change"}, r.Missing, "the report shares the transition's Missing")
}
