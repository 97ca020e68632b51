package unitcost

import (
	"fmt"
	"math"
	"math/big"

	"github.com/evalkit/evalkit/internal/decimal"
	"github.com/evalkit/evalkit/internal/table"
)

// StaffCost returns the yearly cost of a post from its salary, its on-cost
// rate and its whole-time equivalent,
//
//	cost = salary × (1 + onCostRate) × wte
//
// rounded to the nearest penny, halves away from zero. The on-cost rate is
// employer's National Insurance, pension and other on-costs as a share of
// salary (0.28 for 28%); wte is the post's share of a full-time post (0.4),
// or several posts together (2.5). The product is computed exactly from the
// decimals that the two float64 arguments print as (0.28, not the nearest
// binary fraction), so that 30000 × 1.28 × 0.4 is exactly 15360.
//
// Special cases are:
//
//	StaffCost(s, r, 0) = 0
//	StaffCost(s, r, w) is an error wrapping ErrNegative for s, r or w < 0
//	StaffCost(s, r, w) is an error wrapping ErrNumber for r or w NaN or ±Inf, or r > 10
func StaffCost(salary Pence, onCostRate, wte float64) (Pence, error) {
	for _, x := range []struct {
		name string
		v    float64
	}{{"on-cost rate", onCostRate}, {"whole-time equivalent", wte}} {
		if math.IsNaN(x.v) || math.IsInf(x.v, 0) {
			return 0, fmt.Errorf("%w: the %s is %v", ErrNumber, x.name, x.v)
		}
		if x.v < 0 {
			return 0, fmt.Errorf("%w: the %s is %v", ErrNegative, x.name, x.v)
		}
	}
	if salary < 0 {
		return 0, fmt.Errorf("%w: the salary is %v", ErrNegative, salary)
	}
	if onCostRate > 10 {
		return 0, fmt.Errorf("%w: an on-cost rate of %v is over 1000%%; write 28%% as 0.28", ErrNumber, onCostRate)
	}
	r := decimal.Exact(onCostRate)
	r.Add(r, big.NewRat(1, 1))
	r.Mul(r, decimal.Exact(wte))
	r.Mul(r, new(big.Rat).SetInt64(int64(salary)))
	// Round half away from zero: floor(x + 1/2) for x >= 0.
	r.Add(r, big.NewRat(1, 2))
	q := new(big.Int).Quo(r.Num(), r.Denom())
	if !q.IsInt64() || q.Int64() > maxLinePence {
		return 0, fmt.Errorf("%w: the staff cost is more than a million million pounds", ErrOverflow)
	}
	return Pence(q.Int64()), nil
}

// StaffLine returns a Staff cost line whose amount is StaffCost(salary,
// onCostRate, wte), for the given intervention, item, year and funder.
func StaffLine(intervention, item string, salary Pence, onCostRate, wte float64, year int, funder string) (Line, error) {
	amount, err := StaffCost(salary, onCostRate, wte)
	if err != nil {
		return Line{}, fmt.Errorf("unitcost: staff cost of %q: %w", table.Clip(item), err)
	}
	return Line{Intervention: intervention, Item: item, Category: Staff, Amount: amount, Year: year, Funder: funder}, nil
}
