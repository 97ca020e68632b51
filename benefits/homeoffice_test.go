package benefits

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/evalkit/evalkit/unitcost"
)

// The built-in table, typed a second time from the list of
// Heeks et al. (2018)'s unit costs (2015/16 prices, pounds), so that a
// figure mistyped in either place fails.
func TestHomeOfficeTotals(t *testing.T) {
	want := map[string]int64{
		"homicide":                3217740,
		"violence_with_injury":    14050,
		"violence_without_injury": 5930,
		"rape":                    39360,
		"other_sexual":            6520,
		"robbery":                 11320,
		"domestic_burglary":       5930,
		"vehicle_theft":           10290,
		"theft_from_vehicle":      870,
		"arson":                   8450,
		"criminal_damage":         1350,
	}
	table := HomeOffice()
	require.Len(t, table.Costs, len(want))
	for _, c := range table.Costs {
		w, ok := want[c.Crime]
		require.True(t, ok, c.Crime)
		assert.Equal(t, unitcost.Pence(w*100), c.Total, c.Crime)
		assert.Equal(t, 2015, c.PriceYear, c.Crime)
		assert.NotEmpty(t, c.Name, c.Crime)
		assert.Contains(t, c.Source, "Heeks et al. (2018)")
		assert.Equal(t, CrimeKey(c.Crime), c.Crime, "keys are in the form CrimeKey gives")
	}
}

// Every entry's components add up to its total (UnitCost.Check); until the
// report's split is typed in, none is split, and Check then only asks for
// a positive total.
func TestHomeOfficeComponentsAddUp(t *testing.T) {
	for _, c := range HomeOffice().Costs {
		assert.NoError(t, c.Check(), c.Crime)
		if !c.Split {
			assert.Zero(t, c.Anticipation+c.Consequence+c.Response, "%s: components without Split", c.Crime)
		}
	}
}

func TestUnitCostCheck(t *testing.T) {
	// 1,000 + 12,000 + 1,050 = 14,050: adds up.
	good := UnitCost{Crime: "violence_with_injury", Total: 1405000, Anticipation: 100000, Consequence: 1200000, Response: 105000, Split: true}
	assert.NoError(t, good.Check())
	// A penny out: 14,049.99.
	bad := good
	bad.Response--
	assert.ErrorIs(t, bad.Check(), ErrComponents)
	assert.EqualError(t, bad.Check(), "components do not add up to the total: violence_with_injury: anticipation 1000.00 + consequence 12000.00 + response 1049.99 = 14049.99, not the total 14050.00")
	// The components are not checked without Split, the total always.
	bad.Split = false
	assert.NoError(t, bad.Check())
	assert.ErrorIs(t, UnitCost{Crime: "x"}.Check(), unitcost.ErrNegative)
	assert.ErrorIs(t, UnitCost{Crime: "x", Total: 1, Anticipation: -1}.Check(), unitcost.ErrNegative)
}

func TestLookup(t *testing.T) {
	for _, name := range []string{"violence_with_injury", "Violence with injury", " VIOLENCE-WITH-INJURY "} {
		c, err := HomeOffice().Lookup(name)
		require.NoError(t, err, name)
		assert.Equal(t, unitcost.Pence(1405000), c.Total)
	}
	_, err := HomeOffice().Lookup("knife crime")
	assert.ErrorIs(t, err, ErrCrime)
	assert.EqualError(t, err, `unknown crime type "knife crime" in the Home Office table (Heeks et al. 2018, 2015/16 prices); use one of homicide, `+
		`violence_with_injury, violence_without_injury, rape, other_sexual, robbery, domestic_burglary, vehicle_theft, theft_from_vehicle, arson, criminal_damage`)
}
