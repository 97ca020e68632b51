package unitcost

import (
	"fmt"
	"math"
	"sort"

	"github.com/evalkit/evalkit/internal/table"
)

// DefaultSensitivity is the share by which evalkit unitcost varies each
// input in its one-way sensitivity analysis unless told otherwise: ±10%.
const DefaultSensitivity = 0.1

// Options says how costs are brought to one basis. The zero value takes
// amounts as written and does not discount.
type Options struct {
	// PriceYear, when not 0, expresses every amount in the prices of that
	// year with Deflators: a line's real cost is
	//
	//	amount × index[PriceYear] / index[year]
	PriceYear int
	// Deflators is the price index; it must cover PriceYear and the year
	// of every line (and of every outcome with a year).
	Deflators Deflators
	// DiscountRate, when not 0, discounts a cost of a year after BaseYear:
	//
	//	cost / (1 + DiscountRate)^(year - BaseYear)
	//
	// Costs of BaseYear and earlier are not discounted. There is no
	// default: HM Treasury's Green Book [1] sets 0.035 (3.5%) as the usual
	// rate for public spending, and a partner's own appraisal may use
	// another, so the caller says which.
	//
	// [1] HM Treasury (2022). The Green Book: appraisal and evaluation in
	// central government, section A6 (discounting).
	DiscountRate float64
	// BaseYear is the year discounted to; required with a DiscountRate.
	BaseYear int
	// Sensitivity, when not 0, is the share (0.1 for ±10%) by which each
	// input is varied in the one-way sensitivity analysis.
	Sensitivity float64
}

// Calculate costs each intervention that has cost lines: its full economic
// cost in real terms and discounted, the cost per person reached overall and
// by group, the cost per outcome and, with outcome values, the benefit, net
// present value and benefit-cost ratio, and totals by category and funder.
//
// Amounts are summed exactly, as whole pence, for each year; the real and
// discounted cost is then computed in float64 from those exact sums, so that
// without deflators or discounting TotalCost is the nearest float64 to the
// exact total (as long as it is under 2^53 pence, about £90 million million).
//
// Errors, each naming the sheet's row: a line with a negative amount or no
// intervention; a line or dated outcome whose year the deflators lack;
// reach or outcomes for an intervention with no cost lines (ErrNoCosts).
// Not errors but warnings in the result, with the quantity NaN: an
// intervention with costs but no reach, or reaching 0 people (cost per
// person), an outcome with a count of 0 (cost per outcome).
//
// Calculate panics if a line's Category is not one of the five.
func Calculate(costs []Line, reach []Reach, outcomes []Outcome, opt Options) (*Result, error) {
	basis, err := newUCBasis(opt)
	if err != nil {
		return nil, err
	}
	res := &Result{PriceYear: opt.PriceYear, DiscountRate: opt.DiscountRate, BaseYear: opt.BaseYear, Sensitivity: opt.Sensitivity}
	if opt.DiscountRate == 0 {
		res.BaseYear = 0
	}

	index := make(map[string]int)
	var accs []*ucAccount
	total := newUCAccount("")
	for i := range costs {
		l := &costs[i]
		src := ucSource(l.Source, "cost line", i)
		if l.Intervention == "" {
			return nil, rowErrorf(src, "intervention", "", ErrMissing, "no intervention named")
		}
		if l.Category < 0 || int(l.Category) >= len(categoryNames) {
			panic(fmt.Sprintf("unitcost: invalid category %d", int(l.Category)))
		}
		if l.Amount < 0 {
			return nil, rowErrorf(src, "amount", l.Amount.String(), ErrNegative, "a cost cannot be negative")
		}
		if err := basis.check(l.Year); err != nil {
			return nil, &RowError{Source: src, Column: "year", Value: fmt.Sprint(l.Year), Err: err}
		}
		k, ok := index[l.Intervention]
		if !ok {
			k = len(accs)
			index[l.Intervention] = k
			accs = append(accs, newUCAccount(l.Intervention))
		}
		funder := l.Funder
		if funder == "" {
			funder = Unspecified
		}
		if err := accs[k].add(l.Category, funder, l.Year, l.Amount); err != nil {
			return nil, sumOverflowError(src, fmt.Sprintf("the amounts of %q", table.Clip(l.Intervention)))
		}
		if err := total.add(l.Category, funder, l.Year, l.Amount); err != nil {
			return nil, sumOverflowError(src, "the amounts of all interventions")
		}
	}

	for i := range reach {
		r := &reach[i]
		src := ucSource(r.Source, "reach row", i)
		k, ok := index[r.Intervention]
		if !ok {
			return nil, rowErrorf(src, "intervention", r.Intervention, ErrNoCosts, "it has reach but no lines in the costs sheet")
		}
		if r.People < 0 {
			return nil, rowErrorf(src, "people", fmt.Sprint(r.People), ErrNegative, "a number of people cannot be negative")
		}
		if r.People > 1e12 {
			return nil, rowErrorf(src, "people", fmt.Sprint(r.People), ErrNumber, "more than a million million people")
		}
		accs[k].addReach(r.Group, r.People)
	}

	for i := range outcomes {
		o := &outcomes[i]
		src := ucSource(o.Source, "outcome row", i)
		k, ok := index[o.Intervention]
		if !ok {
			return nil, rowErrorf(src, "intervention", o.Intervention, ErrNoCosts, "it has outcomes but no lines in the costs sheet")
		}
		if !(o.Count >= 0) || math.IsInf(o.Count, 0) {
			return nil, rowErrorf(src, "count", fmt.Sprint(o.Count), ErrNegative, "a count of outcomes must be a number, 0 or more")
		}
		if o.Valued && o.Value < 0 {
			return nil, rowErrorf(src, "value", o.Value.String(), ErrNegative, "the value of an outcome cannot be negative")
		}
		f := 1.0
		if o.Year != 0 {
			if err := basis.check(o.Year); err != nil {
				return nil, &RowError{Source: src, Column: "year", Value: fmt.Sprint(o.Year), Err: err}
			}
			f = basis.factor(o.Year)
		}
		accs[k].addOutcome(o, f)
	}

	for _, a := range accs {
		iv := a.result(basis, opt.Sensitivity, &res.Warnings)
		if outcomes != nil && iv.Outcomes == nil {
			iv.Outcomes = []OutcomeCost{}
		}
		res.Interventions = append(res.Interventions, iv)
	}
	res.Total = total.total(basis)
	if w := basis.overflowWarning("all interventions together", total.years, res.Total.TotalCost); w != "" {
		res.Warnings = append(res.Warnings, w)
	}
	for _, iv := range res.Interventions {
		res.Total.People += iv.People
	}
	if res.Total.People > 0 {
		res.Total.CostPerPerson = res.Total.TotalCost / float64(res.Total.People)
	}
	res.Warnings = append(res.Warnings, basis.warnings(total.years)...)
	return res, nil
}

// ucSource names a line built in code, which has no row, by its index.
func ucSource(src Source, what string, i int) Source {
	if src.File == "" && src.Row == 0 {
		return Source{File: fmt.Sprintf("%s %d", what, i)}
	}
	return src
}

// ucBasis brings a year's amount to real prices and discounts it.
type ucBasis struct {
	opt   Options
	price float64 // index[PriceYear]
}

func newUCBasis(opt Options) (*ucBasis, error) {
	b := &ucBasis{opt: opt}
	switch {
	case opt.PriceYear != 0:
		p, ok := opt.Deflators[opt.PriceYear]
		if !ok {
			return nil, fmt.Errorf("%w: the price year %d is not in the deflators%s", ErrYear, opt.PriceYear, deflatorRange(opt.Deflators))
		}
		if !(p > 0) || math.IsInf(p, 0) {
			return nil, fmt.Errorf("%w: the deflator of %d is %v, not a positive number", ErrOptions, opt.PriceYear, p)
		}
		for y, v := range opt.Deflators {
			if !(v > 0) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("%w: the deflator of %d is %v, not a positive number", ErrOptions, y, v)
			}
		}
		b.price = p
	case len(opt.Deflators) > 0:
		return nil, fmt.Errorf("%w: deflators without a price year; say which year's prices to use", ErrOptions)
	}
	r := opt.DiscountRate
	switch {
	case math.IsNaN(r) || r < 0:
		return nil, fmt.Errorf("%w: the discount rate %v is not a rate of 0 or more", ErrOptions, r)
	case r >= 1:
		return nil, fmt.Errorf("%w: a discount rate of %v is 100%% or more; write 3.5%% as 0.035", ErrOptions, r)
	case r > 0 && opt.BaseYear == 0:
		return nil, fmt.Errorf("%w: a discount rate needs a base year to discount to", ErrOptions)
	}
	if s := opt.Sensitivity; math.IsNaN(s) || s < 0 || s >= 1 {
		return nil, fmt.Errorf("%w: the sensitivity share %v is not between 0 and 1 (0.1 for ±10%%)", ErrOptions, s)
	}
	return b, nil
}

// check returns an error when the deflators do not cover year.
func (b *ucBasis) check(year int) error {
	if b.opt.PriceYear == 0 {
		return nil
	}
	if _, ok := b.opt.Deflators[year]; !ok {
		return fmt.Errorf("%w: the deflators have no index for %d%s", ErrYear, year, deflatorRange(b.opt.Deflators))
	}
	return nil
}

// deflate returns the factor index[PriceYear]/index[year], 1 in nominal terms.
func (b *ucBasis) deflate(year int) float64 {
	if b.opt.PriceYear == 0 {
		return 1
	}
	return b.price / b.opt.Deflators[year]
}

// discount returns the divisor (1+r)^(year-base) at the rate r, 1 for the
// base year and earlier.
func (b *ucBasis) discount(year int, r float64) float64 {
	if r == 0 || year <= b.opt.BaseYear {
		return 1
	}
	return math.Pow(1+r, float64(year-b.opt.BaseYear))
}

// factor returns what one pound of year is worth on the result's basis.
func (b *ucBasis) factor(year int) float64 {
	return b.deflate(year) / b.discount(year, b.opt.DiscountRate)
}

// value returns the real, discounted worth in pounds of amounts by year,
// summed in year order so that the result does not depend on map order.
func (b *ucBasis) value(byYear map[int]Pence) float64 {
	return b.valueAt(byYear, b.opt.DiscountRate)
}

func (b *ucBasis) valueAt(byYear map[int]Pence, r float64) float64 {
	var s float64
	for _, y := range ucYears(byYear) {
		s += float64(byYear[y]) * b.deflate(y) / b.discount(y, r)
	}
	return s / 100
}

// overflowWarning returns the warning for a real, discounted total cost v,
// of what (an intervention's name, quoted, or "the total"), that is not a
// number because the deflators (or discounting) make its amounts by year
// overflow a float64, and "" for a finite v. It names the year whose pound
// the basis makes worth most: index[PriceYear] / index[year] /
// (1 + r)^(year - base).
func (b *ucBasis) overflowWarning(what string, byYear map[int]Pence, v float64) string {
	if !math.IsInf(v, 0) && !math.IsNaN(v) {
		return ""
	}
	worst, f := 0, math.Inf(-1)
	for _, y := range ucYears(byYear) {
		if g := b.factor(y); g > f || math.IsNaN(g) {
			worst, f = y, g
		}
	}
	return fmt.Sprintf("%s: the total cost is too large to compute: the deflators make a pound of %d worth %g pounds of %d, and the amounts overflow (beyond 1.8e308), so total_cost and every cost computed from it are undefined (null)",
		what, worst, f, b.opt.PriceYear)
}

// warnings notes costs that fall before the base year, which the contract
// leaves undiscounted.
func (b *ucBasis) warnings(years map[int]Pence) []string {
	if b.opt.DiscountRate == 0 {
		return nil
	}
	var w []string
	for _, y := range ucYears(years) {
		if y < b.opt.BaseYear {
			w = append(w, fmt.Sprintf("costs of %d fall before the base year %d and are not discounted (nor compounded)", y, b.opt.BaseYear))
		}
	}
	return w
}

func ucYears(m map[int]Pence) []int {
	ys := make([]int, 0, len(m))
	for y := range m {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	return ys
}

func deflatorRange(d Deflators) string {
	if len(d) == 0 {
		return ""
	}
	lo, hi := math.MaxInt, math.MinInt
	for y := range d {
		lo, hi = min(lo, y), max(hi, y)
	}
	return fmt.Sprintf(" (they cover %d to %d)", lo, hi)
}
