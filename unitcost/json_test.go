package unitcost

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestJSONIsTheCommands checks that Result.JSON, marshalled by
// encoding/json, is the object evalkit unitcost --json prints: the golden
// files of the command's tests (cmd/evalkit/unitcost_test.go), with the
// options its flags give.
func TestJSONIsTheCommands(t *testing.T) {
	const ex, td = "../examples/", "../testdata/unitcost/"
	for _, tc := range []struct {
		name                   string
		costs, reach, outcomes string
		deflators              string
		opt                    Options
	}{
		{"programme", ex + "costs_2023_24.csv", ex + "reach_2023_24.csv", "", "", Options{Sensitivity: DefaultSensitivity}},
		{"programme_real", ex + "costs_2023_24.csv", ex + "reach_2023_24.csv", ex + "outcomes_2023_24.csv", ex + "deflators.csv",
			Options{PriceYear: 2024, DiscountRate: 0.035, BaseYear: 2023, Sensitivity: DefaultSensitivity}},
		{"multiyear", td + "multiyear_costs.csv", td + "multiyear_reach.csv", td + "multiyear_outcomes.csv", td + "multiyear_deflators.csv",
			Options{PriceYear: 2023, DiscountRate: 0.035, BaseYear: 2022, Sensitivity: 0.2}},
		{"warnings", td + "warn_costs.csv", td + "warn_reach.csv", "", "", Options{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			costs, reach, outcomes := readSheets(t, tc.costs, tc.reach, tc.outcomes)
			if tc.deflators != "" {
				tc.opt.Deflators = readDeflatorsFile(t, tc.deflators)
			}
			res, err := Calculate(costs, reach, outcomes, tc.opt)
			require.NoError(t, err)
			var b bytes.Buffer
			enc := json.NewEncoder(&b)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			require.NoError(t, enc.Encode(res.JSON()))
			want, err := os.ReadFile("../cmd/evalkit/testdata/unitcost/" + tc.name + ".json")
			require.NoError(t, err)
			assert.Equal(t, string(want), b.String())
		})
	}
}

// TestJSONKeys checks the contract's rules for nulls, empty lists and the
// outcomes key.
func TestJSONKeys(t *testing.T) {
	lines := []Line{{Intervention: "A", Amount: 100000, Year: 2023}, {Intervention: "B", Category: InKind, Amount: 50000, Year: 2024}}
	reach := []Reach{{Intervention: "A", Group: "all", People: 10}}
	defl := Deflators{2023: 100, 2024: 102}
	for _, tc := range []struct {
		name         string
		outcomes     []Outcome
		opt          Options
		priceYear    int // 0: null
		discounted   bool
		withOutcomes bool
	}{
		{"as written", nil, Options{}, 0, false, false},
		{"an empty outcomes sheet", []Outcome{}, Options{}, 0, false, true},
		{"outcomes of A only", []Outcome{{Intervention: "A", Outcome: "o", Count: 2}}, Options{}, 0, false, true},
		{"real terms", nil, Options{PriceYear: 2024, Deflators: defl}, 2024, false, false},
		{"discounted", nil, Options{DiscountRate: 0.035, BaseYear: 2023, Sensitivity: 0.2}, 0, true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Calculate(lines, reach, tc.outcomes, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			j := res.JSON()
			if (j.PriceYear == nil) != (tc.priceYear == 0) || (j.PriceYear != nil && *j.PriceYear != tc.priceYear) {
				t.Errorf("price_year %v, want %d", j.PriceYear, tc.priceYear)
			}
			if (j.DiscountRate != nil) != tc.discounted || (j.BaseYear != nil) != tc.discounted {
				t.Errorf("discount_rate %v, base_year %v; discounted %v", j.DiscountRate, j.BaseYear, tc.discounted)
			}
			if j.SensitivityShare != tc.opt.Sensitivity || j.Warnings == nil {
				t.Errorf("sensitivity_share %g, warnings %v", j.SensitivityShare, j.Warnings)
			}
			if len(j.Interventions) != 2 {
				t.Fatalf("%d interventions", len(j.Interventions))
			}
			b := j.Interventions[1]
			if b.Intervention != "B" || b.Groups == nil || len(b.Groups) != 0 || !math.IsNaN(b.CostPerPerson) || b.NominalCost != 500 {
				t.Errorf("B: %+v", b)
			}
			for _, iv := range j.Interventions {
				if (iv.Outcomes != nil) != tc.withOutcomes {
					t.Errorf("%s: outcomes %v, want a list: %v", iv.Intervention, iv.Outcomes, tc.withOutcomes)
				}
			}
			if j.Total.NominalCost != 1500 || j.Total.People != 10 {
				t.Errorf("total %+v", j.Total)
			}
		})
	}
}

func TestFormatPounds(t *testing.T) {
	for _, tc := range []struct {
		x    float64
		want string
	}{
		{0, "£0.00"},
		{765, "£765.00"},
		{1234.5, "£1,234.50"},
		{153000, "£153,000.00"},
		{1234567.891, "£1,234,567.89"},
		{-2500.255, "-£2,500.26"},
		{-0.004, "£0.00"},
		{math.NaN(), "-"},
		{math.Inf(1), "-"},
		{math.Inf(-1), "-"},
	} {
		if got := FormatPounds(tc.x); got != tc.want {
			t.Errorf("FormatPounds(%v) = %q, want %q", tc.x, got, tc.want)
		}
	}
}

func TestFunders(t *testing.T) {
	for _, tc := range []struct {
		name string
		m    map[string]float64
		want []string
	}{
		{"none", nil, nil},
		{"unspecified only", map[string]float64{Unspecified: 1}, []string{Unspecified}},
		{"alphabetical, unspecified last", map[string]float64{"VRU core grant": 1, Unspecified: 2, "Police": 3, "NHS": 0},
			[]string{"NHS", "Police", "VRU core grant", Unspecified}},
	} {
		assert.Equal(t, tc.want, Funders(tc.m), tc.name)
	}
}
