package analysis

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/evalkit/evalkit/internal/table"
)

// A binary outcome written in words (yes/no in several letter cases, with
// spaces) is analysed as the same outcome written 0/1: sites.csv's
// reoffended and reoffended01, detected as binary or asked for.
func TestBinaryWords(t *testing.T) {
	// The label keeps the outcome's name out of the headlines, which are
	// otherwise the same.
	label := Plan{Label: "People re-offended"}
	want := analyseFile(t, dataAnalyse2+"sites.csv", Columns{Outcome: "reoffended01"}, label)
	require.Equal(t, Binary, want.Type)
	for _, typ := range []Type{Auto, Binary} {
		label.Type = typ
		got := analyseFile(t, dataAnalyse2+"sites.csv", Columns{Outcome: "reoffended"}, label)
		assert.Equal(t, Binary, got.Type)
		assert.Equal(t, asJSON(t, want.Arms), asJSON(t, got.Arms))
		assert.Equal(t, asJSON(t, want.Comparisons), asJSON(t, got.Comparisons))
	}
}

// asJSON returns v as JSON, in which NaN is null and equal to itself.
func asJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

// Which words are a binary outcome's, and how a column is detected.
func TestBinaryWordValues(t *testing.T) {
	for _, c := range []struct {
		name, ys string // outcomes of control and treatment in turn
		typ      Type
		risks    [2]float64 // control's, treatment's
	}{
		{"yes no", "yes no Yes NO", Auto, [2]float64{1, 0}},
		{"true false", "TRUE false True FALSE", Auto, [2]float64{1, 0}},
		{"spaces", "' yes' 'no ' ' YES ' no", Auto, [2]float64{1, 0}},
		{"words and digits", "1 no yes 0", Auto, [2]float64{1, 0}},
		{"missing values", "yes NA '' false", Binary, [2]float64{1, 0}},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := analyseText(t, twoArmsQuoted(c.ys), Columns{Outcome: "y"}, Plan{Type: c.typ})
			require.Equal(t, Binary, res.Type)
			assert.Equal(t, c.risks, [2]float64{res.Arms[0].Risk, res.Arms[1].Risk})
		})
	}
}

// twoArmsQuoted is twoArms with outcomes that may be quoted with ' to hold
// spaces or be empty.
func twoArmsQuoted(ys string) string {
	var fields []string
	for len(ys) > 0 {
		ys = strings.TrimLeft(ys, " ")
		if strings.HasPrefix(ys, "'") {
			end := strings.Index(ys[1:], "'") + 1
			fields = append(fields, ys[1:end])
			ys = ys[end+1:]
			continue
		}
		f, rest, _ := strings.Cut(ys, " ")
		fields = append(fields, f)
		ys = rest
	}
	var b strings.Builder
	b.WriteString("arm,y\n")
	for i, y := range fields {
		arm := "control"
		if i%2 == 1 {
			arm = "treatment"
		}
		b.WriteString(arm + "," + y + "\n")
	}
	return b.String()
}

// Text that is not one of the words is an error naming its row and column:
// under binary any other text or number; otherwise the words too, as text
// in a numeric outcome.
func TestBinaryWordErrors(t *testing.T) {
	for _, c := range []struct {
		name, csv string
		typ       Type
		row       int
		want      string
	}{
		{"other word, binary", "arm,y\ncontrol,yes\ntreatment,maybe\n", Binary, 3, `input: row 3, column "y": "maybe": a binary outcome must be 0 or 1, yes or no, or true or false`},
		{"number, binary", "arm,y\ncontrol,yes\ntreatment,2\n", Binary, 3, `"2": a binary outcome must be 0 or 1, yes or no, or true or false`},
		{"y for yes, binary", "arm,y\ncontrol,y\ntreatment,no\n", Binary, 2, `"y": a binary outcome must be`},
		{"other word, detected", "arm,y\ncontrol,yes\ntreatment,maybe\n", Auto, 2, `input: row 2, column "y": "yes": not a number`},
		{"words and a number, detected", "arm,y\ncontrol,no\ntreatment,2\ncontrol,yes\n", Auto, 2, `row 2, column "y": "no": not a number`},
		{"words, continuous", "arm,y\ncontrol,1.5\ntreatment,yes\n", Continuous, 3, `row 3, column "y": "yes": not a number`},
		{"words, count", "arm,y\ncontrol,3\ntreatment,no\n", Count, 3, `"no": not a number`},
		{"text in a row without an arm", "arm,y\ncontrol,1.5\nNA,yes\ntreatment,2\n", Auto, 3, `row 3, column "y": "yes": not a number`},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := ReadCSV(strings.NewReader(c.csv), Columns{Outcome: "y"})
			require.NoError(t, err)
			_, err = Analyse(d, Plan{Type: c.typ})
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
			var pe *table.ParseError
			require.True(t, errors.As(err, &pe))
			assert.Equal(t, c.row, pe.Row)
			assert.Equal(t, "y", pe.Column)
		})
	}
	// Words in a row without an arm are not read, as numbers there are not.
	res := analyseText(t, "arm,y\ncontrol,yes\nNA,maybe\ntreatment,no\n", Columns{Outcome: "y"}, Plan{})
	assert.Equal(t, Binary, res.Type)
	assert.Equal(t, 1, res.NMissingArm)
}

// Arm labels that differ only in letter case or surrounding spaces are an
// error naming both labels and a row of each; labels that differ otherwise
// are arms.
func TestArmLabelSpellings(t *testing.T) {
	for _, c := range []struct {
		name, csv string
		row       int
		want      string
	}{
		{"case", "arm,y\ncontrol,1\ntreatment,2\nControl,3\n", 4,
			`input: row 4, column "arm": "Control": arm label "Control" differs from "control" (row 2) only in letter case or surrounding spaces; write each arm's label one way`},
		{"spaces", "arm,y\ncontrol,1\ntreatment,2\ncontrol,1\n\"treatment \",3\n", 5,
			`arm label "treatment " differs from "treatment" (row 3) only in letter case or surrounding spaces`},
		{"both", "arm,y\ncontrol,1\nNA,1\n\" TREATMENT\",2\ntreatment,3\n", 5,
			`arm label "treatment" differs from " TREATMENT" (row 4)`},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := ReadCSV(strings.NewReader(c.csv), Columns{Outcome: "y"})
			require.NoError(t, err)
			_, err = Analyse(d, Plan{})
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
			var pe *table.ParseError
			require.True(t, errors.As(err, &pe))
			assert.Equal(t, c.row, pe.Row)
			assert.Equal(t, "arm", pe.Column)
		})
	}
	res := analyseText(t, "arm,y\ncontrol,1\ntreatment,2\ntreatment2,3\ncontrol,2\n", Columns{Outcome: "y"}, Plan{})
	assert.Len(t, res.Comparisons, 2)
}
