package unitcost

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The Thames Valley VRU's Response Strategy 2023-2024 ("Investing the VRU
// core grant for 2023-2024") gives the grant's three elements: £675,000 for
// the core function, £109,000 for evaluation and £745,000 for pilot
// interventions (75,000 + 62,000 + 153,000 + 110,000 + 75,000 + 43,000 +
// 50,000 + 40,000 + 24,000 + 113,000), a total of £1,529,000 ("£1.52m"),
// and says "49% invested in pilot interventions" and "15% intervention
// spend invested in evaluations"; the police's £845,000 in kind is "over
// 55% of the total VRU core grant in match funding". By hand:
//
//	interventions  required 0.30 × 1,529,000 = 458,700;  share 745,000 / 1,529,000 = 0.48725 → 49%
//	evaluation     required 0.10 ×   745,000 =  74,500;  share 109,000 /   745,000 = 0.14631 → 15%
//	match_funding  required 0.15 × 1,529,000 = 229,350;  share 845,000 / 1,529,000 = 0.55265 → 55%
func TestCheckGrantProgramme2023_24(t *testing.T) {
	lines, _, _ := readSheets(t, "../examples/programme_2023_24.csv", "", "")
	g, err := CheckGrant(lines, Grant{Amount: 152900000, Year: 2023})
	require.NoError(t, err)
	assert.Equal(t, DefaultGrantFunder, g.Grant.Funder)
	assert.Equal(t, Pence(152900000), g.GrantLines)
	assert.Equal(t, map[Purpose]Pence{PurposeIntervention: 74500000, PurposeEvaluation: 10900000, PurposeCore: 67500000}, g.ByPurpose)
	require.Len(t, g.Conditions, 3)
	for i, want := range []struct {
		name             string
		required, actual float64
		share            float64
		percent          float64 // as the strategy rounds it
	}{
		{ConditionInterventions, 458700, 745000, 745000.0 / 1529000, 49},
		{ConditionEvaluation, 74500, 109000, 109000.0 / 745000, 15},
		{ConditionMatchFunding, 229350, 845000, 845000.0 / 1529000, 55},
	} {
		c := g.Conditions[i]
		assert.Equal(t, want.name, c.Condition)
		assert.Equal(t, want.required, c.Required, c.Condition)
		assert.Equal(t, want.actual, c.Actual, c.Condition)
		assert.InDelta(t, want.share, c.Share, 1e-15, c.Condition)
		assert.Equal(t, want.percent, math.Round(100*c.Share), c.Condition)
		assert.True(t, c.Met, c.Condition)
	}
	assert.True(t, g.AllMet())
	assert.Empty(t, g.Warnings)
}

// grantSheet is a small sheet: the grant's lines of 2023 by purpose, a
// line of 2022 that does not count, and other funders' lines.
const grantSheet = `intervention,item,category,amount,year,funder,purpose
A,delivery,staff,300,2023-24,VRU core grant,
A,evaluator,non_staff,29.99,2023,VRU core grant,evaluation
A,office,overhead,100,2023,VRU core grant,core
A,last year,staff,5000,2022,VRU core grant,intervention
A,seconded officer,in_kind,100,2023,Thames Valley Police,core
A,volunteers,volunteer,49.99,2023,,
A,partner,non_staff,7,2022,Council,
`

func TestCheckGrantConditions(t *testing.T) {
	lines, err := ReadCosts(strings.NewReader(grantSheet), "costs.csv")
	require.NoError(t, err)
	for _, tc := range []struct {
		name   string
		grant  Pence
		funder string
		// required and met of interventions, evaluation, match_funding
		required [3]float64
		actual   [3]float64
		met      [3]bool
		warnings int
	}{
		// A grant of £1,000: interventions 300 >= 0.30 × 1000 = 300, met
		// exactly; evaluation 29.99 < 0.10 × 300 = 30, by a penny;
		// match 100 + 49.99 = 149.99 < 0.15 × 1000 = 150, by a penny
		// (the 2022 lines are left out).
		{"a penny short", 100000, "", [3]float64{300, 30, 150}, [3]float64{300, 29.99, 149.99}, [3]bool{true, false, false}, 0},
		// A grant of £999.93: 0.30 × 999.93 = 299.979, met; 0.15 ×
		// 999.93 = 149.9895, met by 149.99; the lines (429.99) are less
		// than the grant.
		{"met by a fraction of a penny", 99993, "", [3]float64{299.979, 30, 149.9895}, [3]float64{300, 29.99, 149.99}, [3]bool{true, false, true}, 0},
		// A grant of £400 is less than its lines of 2023, 429.99.
		{"overspent", 40000, "VRU core grant", [3]float64{120, 30, 60}, [3]float64{300, 29.99, 149.99}, [3]bool{true, false, true}, 1},
		// Another funder's name: no grant lines, every line of 2023 is
		// match funding (579.98), and a warning names the funders.
		{"no lines of the funder", 100000, "Home Office", [3]float64{300, 0, 150}, [3]float64{0, 0, 579.98}, [3]bool{false, true, true}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := CheckGrant(lines, Grant{Amount: tc.grant, Year: 2023, Funder: tc.funder})
			require.NoError(t, err)
			for i, c := range g.Conditions {
				assert.InDelta(t, tc.required[i], c.Required, 1e-9, c.Condition)
				assert.InDelta(t, tc.actual[i], c.Actual, 1e-9, c.Condition)
				assert.Equal(t, tc.met[i], c.Met, c.Condition)
			}
			assert.Len(t, g.Warnings, tc.warnings)
			assert.Equal(t, tc.met == [3]bool{true, true, true}, g.AllMet())
		})
	}
}

func TestCheckGrantWarningsAndErrors(t *testing.T) {
	lines, err := ReadCosts(strings.NewReader(grantSheet), "costs.csv")
	require.NoError(t, err)
	g, err := CheckGrant(lines, Grant{Amount: 100000, Year: 2023, Funder: "Home Office"})
	require.NoError(t, err)
	assert.Equal(t, []string{`no cost line of 2023-24 is paid by "Home Office" (the funders of that year: "Thames Valley Police", "VRU core grant", "unspecified")`}, g.Warnings)
	assert.True(t, math.IsNaN(g.Conditions[1].Share), "evaluation's share of no intervention spending is undefined")

	g, err = CheckGrant(lines, Grant{Amount: 40000, Year: 2023})
	require.NoError(t, err)
	assert.Equal(t, []string{"the grant's lines of 2023-24 total £429.99, more than the grant of £400.00"}, g.Warnings)

	_, err = CheckGrant(lines, Grant{Amount: 0, Year: 2023})
	assert.ErrorIs(t, err, ErrOptions)
	_, err = CheckGrant(lines, Grant{Amount: 100, Year: 2025})
	assert.ErrorIs(t, err, ErrOptions)
	assert.EqualError(t, err, "bad options: the grant's match-funding requirement is known for 2022-23 to 2024-25, not 2025-26")
	_, err = CheckGrant([]Line{{Intervention: "A", Amount: -1, Year: 2023}}, Grant{Amount: 100, Year: 2023})
	assert.ErrorIs(t, err, ErrNegative)
	_, err = CheckGrant([]Line{{Intervention: "A", Amount: math.MaxInt64, Year: 2023, Funder: DefaultGrantFunder},
		{Intervention: "A", Amount: 1, Year: 2023, Funder: DefaultGrantFunder}}, Grant{Amount: 100, Year: 2023})
	assert.ErrorIs(t, err, ErrOverflow)
}

func TestMatchFundingRate(t *testing.T) {
	for y, want := range map[int]float64{2022: 0.10, 2023: 0.15, 2024: 0.20} {
		got, err := MatchFundingRate(y)
		require.NoError(t, err)
		assert.Equal(t, want, got, y)
	}
	_, err := MatchFundingRate(2021)
	assert.True(t, errors.Is(err, ErrOptions))
}

func TestPurposeColumn(t *testing.T) {
	lines, err := ReadCosts(strings.NewReader(grantSheet), "costs.csv")
	require.NoError(t, err)
	var got []Purpose
	for _, l := range lines {
		got = append(got, l.Purpose)
	}
	assert.Equal(t, []Purpose{PurposeIntervention, PurposeEvaluation, PurposeCore, PurposeIntervention, PurposeCore, PurposeIntervention, PurposeIntervention}, got)

	_, err = ReadCosts(strings.NewReader("intervention,item,category,amount,year,purpose\nA,x,staff,1,2023,research\n"), "costs.csv")
	assert.ErrorIs(t, err, ErrPurpose)
	assert.EqualError(t, err, `costs.csv: row 2, column "purpose": "research": unknown purpose; use one of intervention, evaluation, core (a blank purpose is intervention)`)

	p, err := ParsePurpose(" Evaluation ")
	require.NoError(t, err)
	assert.Equal(t, PurposeEvaluation, p)
	assert.Equal(t, "Purpose(7)", Purpose(7).String())
	_, err = Purpose(-1).MarshalText()
	assert.Error(t, err)
}

func TestGrantCheckText(t *testing.T) {
	lines, err := ReadCosts(strings.NewReader(grantSheet), "costs.csv")
	require.NoError(t, err)
	// Shares rounded down: 29.99 / 300 = 9.997% shows as 9.9%, not 10.0%
	// (which would seem to meet the 10%), and 149.99 / 400 = 37.4975% as
	// 37.4%.
	g, err := CheckGrant(lines, Grant{Amount: 40000, Year: 2023})
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, g.WriteText(&b))
	assert.Equal(t, `Grant conditions: VRU core grant 2023-24, a grant of £400.00; the sheet's lines of 2023-24 at their amounts as written.

Condition      Rule                                            Required   Actual  Share  Met
interventions  at least 30% of the grant                        £120.00  £300.00  75.0%  yes
evaluation     at least 10% of the grant's intervention lines    £30.00   £29.99   9.9%  no
match_funding  at least 15% of the grant, from other funders     £60.00  £149.99  37.4%  yes

The grant's lines of 2023-24 by purpose
Purpose        Amount
intervention  £300.00
evaluation     £29.99
core          £100.00
Total         £429.99

Warnings
- the grant's lines of 2023-24 total £429.99, more than the grant of £400.00
`, b.String())
}

func FuzzCheckGrant(f *testing.F) {
	f.Add(grantSheet, int64(100000), 2023)
	f.Add("intervention,item,category,amount,year,funder,purpose\nA,x,staff,1,2024,VRU core grant,core\n", int64(1), 2024)
	f.Fuzz(func(t *testing.T, sheet string, grant int64, year int) {
		lines, err := ReadCosts(strings.NewReader(sheet), "costs.csv")
		if err != nil {
			return
		}
		g, err := CheckGrant(lines, Grant{Amount: Pence(grant), Year: year})
		if err != nil {
			return
		}
		var sum Pence
		for _, p := range Purposes {
			sum += g.ByPurpose[p]
		}
		if sum != g.GrantLines || len(g.Conditions) != 3 {
			t.Fatalf("purposes sum to %v, grant lines %v", sum, g.GrantLines)
		}
		if err := g.WriteText(&bytes.Buffer{}); err != nil {
			t.Fatal(err)
		}
	})
}

func TestPercentDown(t *testing.T) {
	for _, tc := range []struct {
		actual, base Pence
		want         string
	}{
		{29, 100, "29.0%"},     // 100 × 0.29 is 28.999999999999996 in float64: exact here
		{2999, 10000, "29.9%"}, // 29.99% rounded down
		{745, 1529, "48.7%"},   // 48.7247%
		{109, 745, "14.6%"},    // 14.6309%
		{1, 3, "33.3%"},        // 33.333%
		{300, 100, "300.0%"},   // more than the base
		{0, 100, "0.0%"},       // nothing
		{5, 0, "-"},            // no base: undefined
	} {
		assert.Equal(t, tc.want, percentDown(tc.actual, tc.base), "%d/%d", tc.actual, tc.base)
	}
}
