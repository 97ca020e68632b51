package benefits

import (
	"math"
	"math/big"
	"sort"

	"github.com/evalkit/evalkit/internal/decimal"
)

// Sensitivity is the one-way sensitivity of the NPV (of the benefit, when
// there is no cost) to one input, the others held at their values: the
// measure with the input at InputLow (Low) and at InputHigh (High). With
// v the result's SensitivityShare, the inputs are
//
//	effect          the effect's interval: InputLow = CILow, InputHigh = CIHigh
//	unit_cost       the unit cost × (1 - v) and × (1 + v), in pounds
//	discount_rate   every rate of the schedules × (1 - v) and × (1 + v);
//	                the inputs are the first years' rate, such as 0.0315 and 0.0385
//	                (only when Years > 1: one year is not discounted)
//	optimism_bias   s - v (not below 0) and s + v (only with a cost)
type Sensitivity struct {
	// Input is effect, unit_cost, discount_rate or optimism_bias.
	Input string `json:"input"`
	// InputLow and InputHigh are the input's two values.
	InputLow  float64 `json:"input_low"`
	InputHigh float64 `json:"input_high"`
	// Low and High are the measure at InputLow and at InputHigh.
	Low  float64 `json:"low"`
	High float64 `json:"high"`
	// Spread is |High - Low|, the width of the input's bar in a tornado
	// chart.
	Spread float64 `json:"spread"`
}

// model is an appraisal as a function of its inputs, for the results,
// the sensitivity analysis and the Monte Carlo draws. Money is held as
// exact rationals of the decimals given, so that the sums of typed figures
// (20 × £14,050, £100,000 × 1.2) are exact.
type model struct {
	m        Measure
	n        float64
	uc       *big.Rat // one crime's cost in the price year
	years    int
	discount Schedule
	cost     *big.Rat // the yearly cost before the uplift; nil without one
	bias     *big.Rat
	level    float64
}

var one = big.NewRat(1, 1)

// benefit is the present value of the benefit at effect x, with the unit
// cost times ucScale and every rate times rateScale.
func (p *model) benefit(x float64, ucScale *big.Rat, rateScale float64) float64 {
	_, w := value(p.m, p.n, x, new(big.Rat).Mul(p.uc, ucScale))
	return w * p.discount.sum(p.years, rateScale)
}

// yearlyCost is the cost of a year with the uplift bias, C (1 + bias);
// NaN without a cost.
func (p *model) yearlyCost(bias *big.Rat) float64 {
	if p.cost == nil {
		return math.NaN()
	}
	c, _ := new(big.Rat).Mul(p.cost, new(big.Rat).Add(one, bias)).Float64()
	return c
}

// totalCost is the present value of the cost with the uplift bias and
// every rate times rateScale; NaN without a cost.
func (p *model) totalCost(bias *big.Rat, rateScale float64) float64 {
	return p.yearlyCost(bias) * Standard.sum(p.years, rateScale)
}

// sensitivity returns the one-way analysis, widest spread first (ties in
// the order of Sensitivity's list).
func (p *model) sensitivity(e Effect, share float64) []Sensitivity {
	withCost := p.cost != nil
	measure := func(b, c float64) float64 {
		if withCost {
			return b - c
		}
		return b
	}
	v := decimal.Exact(share)
	down, up := new(big.Rat).Sub(one, v), new(big.Rat).Add(one, v)
	fd, _ := down.Float64()
	fu, _ := up.Float64()
	c := p.totalCost(p.bias, 1)
	out := []Sensitivity{
		{Input: "effect", InputLow: e.CILow, InputHigh: e.CIHigh,
			Low: measure(p.benefit(e.CILow, one, 1), c), High: measure(p.benefit(e.CIHigh, one, 1), c)},
		{Input: "unit_cost", InputLow: ratFloat(p.uc, down), InputHigh: ratFloat(p.uc, up),
			Low: measure(p.benefit(e.Estimate, down, 1), c), High: measure(p.benefit(e.Estimate, up, 1), c)},
	}
	if p.years > 1 {
		r1 := decimal.Exact(p.discount.Rates()[0])
		out = append(out, Sensitivity{Input: "discount_rate", InputLow: ratFloat(r1, down), InputHigh: ratFloat(r1, up),
			Low:  measure(p.benefit(e.Estimate, one, fd), p.totalCost(p.bias, fd)),
			High: measure(p.benefit(e.Estimate, one, fu), p.totalCost(p.bias, fu))})
	}
	if withCost {
		lo, hi := new(big.Rat).Sub(p.bias, v), new(big.Rat).Add(p.bias, v)
		if lo.Sign() < 0 {
			lo.SetInt64(0)
		}
		b := p.benefit(e.Estimate, one, 1)
		out = append(out, Sensitivity{Input: "optimism_bias", InputLow: ratFloat(lo, one), InputHigh: ratFloat(hi, one),
			Low: b - p.totalCost(lo, 1), High: b - p.totalCost(hi, 1)})
	}
	for i := range out {
		out[i].Spread = math.Abs(out[i].High - out[i].Low)
	}
	sort.SliceStable(out, func(i, j int) bool { return spreadOrder(out[i].Spread) > spreadOrder(out[j].Spread) })
	return out
}

// ratFloat is the float64 nearest a × b.
func ratFloat(a, b *big.Rat) float64 {
	f, _ := new(big.Rat).Mul(a, b).Float64()
	return f
}

// spreadOrder puts an undefined spread (an effect without an interval)
// last.
func spreadOrder(s float64) float64 {
	if math.IsNaN(s) {
		return math.Inf(-1)
	}
	return s
}
