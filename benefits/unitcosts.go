package benefits

import (
	"fmt"
	"strings"

	"github.com/evalkit/evalkit/internal/table"
	"github.com/evalkit/evalkit/unitcost"
)

// UnitCost is the average cost to society of one crime of a type, as the
// Home Office estimates it [1]: the costs in anticipation of crime
// (defensive expenditure, insurance administration), as a consequence of
// it (physical and emotional harm, lost output, health and victim
// services, property stolen or damaged) and in response to it (police and
// criminal justice), with
//
//	Total = Anticipation + Consequence + Response
//
// when the components are given (Split).
//
// [1] Heeks, M., Reed, S., Tafsiri, M. and Prince, S. (2018). The economic
// and social costs of crime, second edition. Home Office Research Report
// 99.
type UnitCost struct {
	// Crime is the crime type's key, such as violence_with_injury.
	Crime string
	// Name is the crime type in words, such as "Violence with injury".
	Name string
	// Total is the cost of one crime in the prices of PriceYear.
	Total unitcost.Pence
	// Anticipation, Consequence and Response are the components when Split.
	Anticipation, Consequence, Response unitcost.Pence
	// Split reports whether the components are given.
	Split bool
	// PriceYear is the year whose prices Total is in, as unitcost.ParseYear
	// reads it: 2015 for 2015/16.
	PriceYear int
	// Source says where the figure comes from.
	Source string
}

// Check returns an error wrapping ErrComponents when the components are
// given and do not add up to the total, exactly to the penny, and one
// wrapping unitcost.ErrNegative when any amount is negative or the total
// is not more than 0.
func (c UnitCost) Check() error {
	if c.Total <= 0 || c.Anticipation < 0 || c.Consequence < 0 || c.Response < 0 {
		return fmt.Errorf("%w: the unit cost of %s must be more than 0, and its components 0 or more", unitcost.ErrNegative, c.Crime)
	}
	if !c.Split {
		return nil
	}
	if sum := c.Anticipation + c.Consequence + c.Response; sum != c.Total {
		return fmt.Errorf("%w: %s: anticipation %s + consequence %s + response %s = %s, not the total %s", ErrComponents, c.Crime,
			c.Anticipation, c.Consequence, c.Response, sum, c.Total)
	}
	return nil
}

// UnitCosts is a table of unit costs by crime type.
type UnitCosts struct {
	// Name says whose table it is, such as the file it was read from.
	Name string
	// Costs holds one entry per crime type.
	Costs []UnitCost
}

// CrimeKey returns the key that a crime type's name is looked up by: in
// lower case, with spaces and hyphens as underscores and surrounding space
// dropped, so that "Violence with injury" is violence_with_injury.
func CrimeKey(s string) string {
	return strings.NewReplacer(" ", "_", "-", "_").Replace(strings.ToLower(strings.TrimSpace(s)))
}

// Lookup returns the unit cost of the crime type, by CrimeKey. An unknown
// type is an error wrapping ErrCrime that lists the table's types.
func (u *UnitCosts) Lookup(crime string) (UnitCost, error) {
	k := CrimeKey(crime)
	keys := make([]string, len(u.Costs))
	for i, c := range u.Costs {
		if c.Crime == k {
			return c, nil
		}
		keys[i] = c.Crime
	}
	return UnitCost{}, fmt.Errorf("%w %q in %s; use one of %s", ErrCrime, table.Clip(crime), u.Name, strings.Join(keys, ", "))
}
