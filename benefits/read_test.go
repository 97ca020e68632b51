package benefits

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/evalkit/evalkit/rct/analysis"
	"github.com/evalkit/evalkit/unitcost"
)

// analyseExample analyses an example trial as evalkit analyse does.
func analyseExample(t *testing.T, file string, c analysis.Columns, p analysis.Plan) *analysis.Result {
	t.Helper()
	f, err := os.Open("../examples/" + file)
	require.NoError(t, err)
	defer f.Close()
	d, err := analysis.ReadCSV(f, c)
	require.NoError(t, err)
	res, err := analysis.Analyse(d, p)
	require.NoError(t, err)
	return res
}

// ReadAnalysis reads back what the analysis marshals to (what evalkit
// analyse --json prints): the same comparisons, NaN for null.
func TestReadAnalysisRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name    string
		res     *analysis.Result
		measure Measure
	}{
		{"hotspots, negbin_glm", analyseExample(t, "hotspots.csv", analysis.Columns{Outcome: "crimes_after", Arm: "arm", Exposure: "weeks"},
			analysis.Plan{Type: analysis.Count}), RateRatio},
		{"hotspots, poisson_exact", analyseExample(t, "hotspots.csv", analysis.Columns{Outcome: "crimes_after", Arm: "arm", Exposure: "weeks"},
			analysis.Plan{Type: analysis.Count, Model: analysis.Poisson}), RateRatio},
		{"focused deterrence, fisher_exact", analyseExample(t, "focused_deterrence.csv", analysis.Columns{Outcome: "reoffended", Arm: "arm"},
			analysis.Plan{}), RiskDifference},
		{"focused deterrence, ols_hc2", analyseExample(t, "focused_deterrence.csv", analysis.Columns{Outcome: "reoffended", Arm: "arm", Covariates: []string{"prior_offences"}},
			analysis.Plan{}), RiskDifference},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := json.Marshal(tc.res)
			require.NoError(t, err)
			got, err := ReadAnalysis(bytes.NewReader(b), "analysis.json")
			require.NoError(t, err)
			assert.Equal(t, tc.res.Type, got.Type)
			assert.Equal(t, tc.res.Level, got.Level)
			require.Len(t, got.Comparisons, len(tc.res.Comparisons))
			for i, w := range tc.res.Comparisons {
				g := got.Comparisons[i]
				assert.Equal(t, w.Treatment, g.Treatment)
				assert.Equal(t, w.Method, g.Method)
				for _, p := range [][2]float64{{w.Estimate, g.Estimate}, {w.SE, g.SE}, {w.CILow, g.CILow}, {w.CIHigh, g.CIHigh}, {w.DF, g.DF}} {
					if math.IsNaN(p[0]) {
						assert.True(t, math.IsNaN(p[1]))
					} else {
						assert.Equal(t, p[0], p[1])
					}
				}
			}
			e, err := EffectOf(got, "")
			require.NoError(t, err)
			assert.Equal(t, tc.measure, e.Measure)
			direct, err := EffectOf(tc.res, "")
			require.NoError(t, err)
			assert.Equal(t, direct.Estimate, e.Estimate, "the file and the Result from Go give the same effect")
		})
	}
}

func TestEffectOf(t *testing.T) {
	res := &analysis.Result{Type: analysis.Count, Level: 0.95, Comparisons: []analysis.Comparison{
		{Treatment: "a", Control: "c", Method: analysis.NegBinGLM, Estimate: 0.8, CILow: 0.6, CIHigh: 1.1, SE: 0.2, DF: math.NaN()},
		{Treatment: "b", Control: "c", Method: analysis.NegBinGLM, Estimate: 0.9, CILow: 0.7, CIHigh: 1.2, SE: 0.2, DF: math.NaN()},
	}}
	e, err := EffectOf(res, "b")
	require.NoError(t, err)
	assert.Equal(t, 0.9, e.Estimate)
	assert.Equal(t, RateRatio, e.Measure)
	_, err = EffectOf(res, "")
	assert.ErrorIs(t, err, ErrEffect)
	assert.EqualError(t, err, "no effect to value: the analysis compares 2 arms with the control (a, b): choose one")
	_, err = EffectOf(res, "z")
	assert.EqualError(t, err, `no effect to value: the analysis has no comparison of "z" with the control; it has a, b`)
	_, err = EffectOf(&analysis.Result{}, "")
	assert.ErrorIs(t, err, ErrEffect)

	cont := &analysis.Result{Type: analysis.Continuous, Level: 0.95, Comparisons: []analysis.Comparison{
		{Treatment: "n", Control: "c", Method: analysis.WelchT, Estimate: 2.5, CILow: 1, CIHigh: 4}}}
	_, err = EffectOf(cont, "")
	assert.EqualError(t, err, "no effect to value: benefits values a count outcome's rate ratio or a binary outcome's risk difference; n vs c is a difference in means (welch_t)")
}

func TestReadAnalysisErrors(t *testing.T) {
	ok := `{"type":"count","level":0.95,"comparisons":[{"treatment":"t","control":"c","method":"negbin_glm","estimate":0.8}]}`
	_, err := ReadAnalysis(strings.NewReader(ok), "a.json")
	require.NoError(t, err)
	for _, tc := range []struct {
		name, in, want string
	}{
		{"syntax error", "{\n  \"type\": \"count\",\n  \"level\": 0.95,,\n}", `a.json: line 3, column 17: not the expected JSON: invalid character ',' looking for beginning of object key string`},
		{"cut short", `{"type": "count", "level": 0.9`, `a.json: line 1, column 31: not the expected JSON: the JSON ends too soon`},
		{"not an object", `[1, 2]`, `a.json: not the expected JSON: not a JSON object`},
		{"empty", ``, `a.json: not the expected JSON: not a JSON object`},
		{"two values", ok + ok, `a.json: not the expected JSON: more than one JSON value`},
		{"wrong type of value", `{"type":"count","level":"0.95","comparisons":[]}`, `a.json: level: not the expected JSON: a JSON string where a float64 belongs`},
		{"a cost result", `{"price_year":null,"interventions":[]}`, `a.json: not the expected JSON: not an analysis (evalkit analyse --json): it lacks type, level or comparisons`},
		{"unknown type", `{"type":"counts","level":0.95,"comparisons":[]}`, `a.json: type: not the expected JSON: "counts" is not an outcome type (continuous, binary or count)`},
		{"bad level", `{"type":"count","level":95,"comparisons":[]}`, `a.json: level: not the expected JSON: 95 is not a confidence level between 0 and 1`},
		{"no method", `{"type":"count","level":0.95,"comparisons":[{"treatment":"t","control":"c"}]}`, `a.json: comparisons[0]: not the expected JSON: a comparison needs treatment, control and method`},
		{"unknown method", `{"type":"count","level":0.95,"comparisons":[{"treatment":"t","control":"c","method":"glm"}]}`, `a.json: comparisons[0].method: not the expected JSON: unknown method "glm"`},
	} {
		_, err := ReadAnalysis(strings.NewReader(tc.in), "a.json")
		assert.ErrorIs(t, err, ErrJSON, tc.name)
		assert.EqualError(t, err, tc.want, tc.name)
	}
	_, err = ReadAnalysis(strings.NewReader(`{"type":"count","level":0.95,"comparisons":[{"treatment":"t","control":"c","method":"negbin_glm","estimate":null}]}`), "a.json")
	require.NoError(t, err)
}

func TestReadCost(t *testing.T) {
	// The programme's unitcost --json (cmd/evalkit's golden file): Focused
	// Deterrence costs £24,000 at amounts as written (price_year null).
	f, err := os.Open("../cmd/evalkit/testdata/unitcost/programme.json")
	require.NoError(t, err)
	defer f.Close()
	c, err := ReadCost(f, "programme.json", "Focused Deterrence")
	require.NoError(t, err)
	assert.Equal(t, Cost{Intervention: "Focused Deterrence", Amount: 24000, PriceYear: 0}, *c)

	one := `{"price_year":2024,"interventions":[{"intervention":"A","total_cost":1234.5}]}`
	c, err = ReadCost(strings.NewReader(one), "u.json", "")
	require.NoError(t, err)
	assert.Equal(t, Cost{Intervention: "A", Amount: 1234.5, PriceYear: 2024}, *c)
	two := `{"price_year":null,"interventions":[{"intervention":"A","total_cost":1},{"intervention":"B","total_cost":2}]}`
	for _, tc := range []struct{ in, name, want string }{
		{two, "", "u.json: no cost for the intervention: it costs 2 interventions (A, B): choose one"},
		{two, "C", `u.json: no cost for the intervention: no intervention "C"; it costs A, B`},
		{`{"interventions":[{"intervention":"A","total_cost":null}]}`, "A", `u.json: interventions[0].total_cost: no cost for the intervention: the cost of "A" is NaN, not an amount of 0 or more`},
		{`{"grant":1}`, "A", "u.json: not the expected JSON: not a cost result (evalkit unitcost --json): it has no interventions"},
	} {
		_, err := ReadCost(strings.NewReader(tc.in), "u.json", tc.name)
		assert.EqualError(t, err, tc.want)
	}
}

func TestCostOf(t *testing.T) {
	res := &unitcost.Result{PriceYear: 2023, Interventions: []unitcost.Intervention{{Name: "A", TotalCost: 10}, {Name: "B", TotalCost: 20}}}
	c, err := CostOf(res, "B")
	require.NoError(t, err)
	assert.Equal(t, Cost{Intervention: "B", Amount: 20, PriceYear: 2023}, c)
	_, err = CostOf(res, "C")
	assert.EqualError(t, err, `no cost for the intervention: no intervention "C"; the result costs A, B`)
}

func readFile[T any](t *testing.T, path string, read func(r *os.File, name string) (T, error)) (T, error) {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	return read(f, path[strings.LastIndex(path, "/")+1:])
}

func TestReadUnitCosts(t *testing.T) {
	u, err := readFile(t, "testdata/unit_costs.csv", func(f *os.File, n string) (*UnitCosts, error) { return ReadUnitCosts(f, n) })
	require.NoError(t, err)
	assert.Equal(t, "unit_costs.csv", u.Name)
	// 100 + 12,000 + 1,950 = 14,050.
	assert.Equal(t, []UnitCost{
		{Crime: "violence_with_injury", Name: "Violence with injury", Total: 1405000, Anticipation: 10000, Consequence: 1200000, Response: 195000,
			Split: true, PriceYear: 2015, Source: "a test table"},
		{Crime: "knife_crime", Name: "knife crime", Total: 2000050, PriceYear: 2023},
	}, u.Costs)
	c, err := u.Lookup("Knife crime")
	require.NoError(t, err)
	assert.Equal(t, unitcost.Pence(2000050), c.Total)

	for _, tc := range []struct{ file, want string }{
		// 100 + 11,000 + 200 = 11,300, not 11,320.
		{"unit_costs_bad_sum.csv", `unit_costs_bad_sum.csv: row 2, column "total": "11320.00": components do not add up to the total: robbery: anticipation 100.00 + consequence 11000.00 + response 200.00 = 11300.00, not the total 11320.00`},
		{"unit_costs_partial.csv", `unit_costs_partial.csv: row 2, column "consequence": missing value: give all three components (anticipation, consequence, response) or none`},
		{"unit_costs_pounds.csv", `unit_costs_pounds.csv: row 2, column "total": "£11,320": not an amount in plain pounds and pence: no currency sign; write plain pounds such as 1200.50`},
		{"unit_costs_duplicate.csv", `unit_costs_duplicate.csv: row 3, column "crime": "Robbery": given twice: robbery is on row 2 already`},
	} {
		_, err := readFile(t, "testdata/"+tc.file, func(f *os.File, n string) (*UnitCosts, error) { return ReadUnitCosts(f, n) })
		assert.EqualError(t, err, tc.want)
	}
	for _, tc := range []struct{ in, want string }{
		{"crime,total,price_year\n", "u.csv: missing value: no unit costs, only a header"},
		{"crime,total\nrobbery,1\n", `u.csv: no column "price_year" (the columns are "crime", "total")`},
		{"crime,total,price_year\nrobbery,0,2015\n", `u.csv: row 2, column "total": "0.00": negative value: the unit cost of robbery must be more than 0, and its components 0 or more`},
		{"crime,total,price_year\n,1,2015\n", `u.csv: row 2, column "crime": missing value: no crime type named`},
		{"crime,total,price_year\nrobbery,1,15\n", `u.csv: row 2, column "price_year": "15": bad year: write a year as 2023, or a financial year as 2023-24`},
	} {
		_, err := ReadUnitCosts(strings.NewReader(tc.in), "u.csv")
		assert.EqualError(t, err, tc.want)
	}
}

func TestReadHarmWeights(t *testing.T) {
	w, err := readFile(t, "testdata/harm_weights.csv", func(f *os.File, n string) (HarmWeights, error) { return ReadHarmWeights(f, n) })
	require.NoError(t, err)
	assert.Equal(t, HarmWeights{"violence_with_injury": 365, "robbery": 730}, w)
	for _, tc := range []struct{ in, want string }{
		{"crime,weight\nrobbery,-1\n", `h.csv: row 2, column "weight": "-1": not a number of the kind expected: write the harm weight as a number, 0 or more, such as 365 (days)`},
		{"crime,weight\nrobbery,NA\n", `h.csv: row 2, column "weight": "NA": not a number of the kind expected: write the harm weight as a number, 0 or more, such as 365 (days)`},
		{"crime,weight\nrobbery,1\nROBBERY,2\n", `h.csv: row 3, column "crime": "ROBBERY": given twice: robbery has a weight already`},
		{"crime,weight\n.,1\n", `h.csv: row 2, column "crime": missing value: no crime type named`},
	} {
		_, err := ReadHarmWeights(strings.NewReader(tc.in), "h.csv")
		assert.EqualError(t, err, tc.want)
	}
}
