package unitcost

import (
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSumOverflowBlamesTheSum: lines of valid amounts whose sum passes the
// most an int64 number of pence holds give an error about the sum, in the
// amount column, that says where it passed and names no line's value.
func TestSumOverflowBlamesTheSum(t *testing.T) {
	const n = 92234 // lines of £1,000,000,000,000, the most one may be
	lines := make([]Line, n)
	for i := range lines {
		lines[i] = Line{Intervention: "Hotspot", Category: Staff, Amount: maxLinePence, Year: 2023, Source: Source{File: "costs.csv", Row: i + 2}}
	}
	_, err := Calculate(lines, nil, nil, Options{})
	require.ErrorIs(t, err, ErrOverflow)
	assert.Equal(t, `costs.csv: column "amount": amount too large: the sum of the amounts of "Hotspot" exceeds £92233720368547758.07, the most that can be added exactly to the penny (the sum passes it at row 92235)`, err.Error())
	assert.NotContains(t, err.Error(), "1000000000000.00", "a valid line's amount is not blamed")

	// The grant's check says the same of its sums.
	for i := range lines {
		lines[i].Funder = DefaultGrantFunder
	}
	_, err = CheckGrant(lines, Grant{Amount: 100, Year: 2023})
	require.ErrorIs(t, err, ErrOverflow)
	assert.True(t, strings.HasPrefix(err.Error(), `costs.csv: column "amount": amount too large: the sum of the amounts of 2023-24 paid by "`+DefaultGrantFunder+`" exceeds £92233720368547758.07`), err.Error())
}

// TestOverflowingDeflatorIsWarned: deflators that make a total cost
// overflow leave it undefined (NaN, null in JSON) with a warning that says
// why, for the intervention and the total.
func TestOverflowingDeflatorIsWarned(t *testing.T) {
	lines := []Line{
		{Intervention: "Nav", Category: Staff, Amount: 100000, Year: 2022},
		{Intervention: "Nav", Category: NonStaff, Amount: 50000, Year: 2023},
	}
	reach := []Reach{{Intervention: "Nav", Group: "all", People: 10}}
	res, err := Calculate(lines, reach, nil, Options{PriceYear: 2023, Deflators: Deflators{2022: 1e-300, 2023: 1e300}})
	require.NoError(t, err)
	iv := res.Interventions[0]
	assert.True(t, math.IsInf(iv.TotalCost, 1) || math.IsNaN(iv.TotalCost))
	assert.Equal(t, []string{
		`"Nav": the total cost is too large to compute: the deflators make a pound of 2022 worth +Inf pounds of 2023, and the amounts overflow (beyond 1.8e308), so total_cost and every cost computed from it are undefined (null)`,
		`all interventions together: the total cost is too large to compute: the deflators make a pound of 2022 worth +Inf pounds of 2023, and the amounts overflow (beyond 1.8e308), so total_cost and every cost computed from it are undefined (null)`,
	}, res.Warnings)

	// Ordinary deflators give no such warning.
	res, err = Calculate(lines, reach, nil, Options{PriceYear: 2023, Deflators: Deflators{2022: 96.2, 2023: 100}})
	require.NoError(t, err)
	assert.Empty(t, res.Warnings)
}
