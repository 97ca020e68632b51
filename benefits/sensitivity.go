package benefits

import (
	"math"
	"sort"
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

// model is an appraisal as a function of its inputs, in float64, for the
// sensitivity analysis and the Monte Carlo draws.
type model struct {
	m          Measure
	n, uc      float64
	years      int
	discount   Schedule
	cost, bias float64 // the yearly cost before the uplift; NaN without one
	level      float64
}

func (r *Result) model() *model {
	c := math.NaN()
	if r.Cost != nil {
		c = r.Cost.Amount
	}
	return &model{m: r.Effect.Measure, n: r.Baseline, uc: r.UnitCost, years: r.Years, discount: r.Discount,
		cost: c, bias: r.OptimismBias, level: r.Effect.Level}
}

// benefit is the present value of the benefit at effect x, the unit cost
// times ucScale and every rate times rateScale.
func (p *model) benefit(x, ucScale, rateScale float64) float64 {
	return p.m.averted(p.n, x) * p.uc * ucScale * p.discount.sum(p.years, rateScale)
}

// totalCost is the present value of the cost with the uplift bias and
// every rate times rateScale; NaN without a cost.
func (p *model) totalCost(rateScale, bias float64) float64 {
	return p.cost * (1 + bias) * Standard.sum(p.years, rateScale)
}

// sensitivity returns the one-way analysis, widest spread first (ties in
// the order of Sensitivity's list).
func (p *model) sensitivity(r *Result, v float64) []Sensitivity {
	withCost := r.Cost != nil
	measure := func(b, c float64) float64 {
		if withCost {
			return b - c
		}
		return b
	}
	e := r.Effect
	c := p.totalCost(1, p.bias)
	out := []Sensitivity{
		{Input: "effect", InputLow: e.CILow, InputHigh: e.CIHigh,
			Low: measure(p.benefit(e.CILow, 1, 1), c), High: measure(p.benefit(e.CIHigh, 1, 1), c)},
		{Input: "unit_cost", InputLow: p.uc * (1 - v), InputHigh: p.uc * (1 + v),
			Low: measure(p.benefit(e.Estimate, 1-v, 1), c), High: measure(p.benefit(e.Estimate, 1+v, 1), c)},
	}
	if p.years > 1 {
		r1 := r.Discount.Rates()[0]
		out = append(out, Sensitivity{Input: "discount_rate", InputLow: r1 * (1 - v), InputHigh: r1 * (1 + v),
			Low:  measure(p.benefit(e.Estimate, 1, 1-v), p.totalCost(1-v, p.bias)),
			High: measure(p.benefit(e.Estimate, 1, 1+v), p.totalCost(1+v, p.bias))})
	}
	if withCost {
		lo, hi := max(p.bias-v, 0), p.bias+v
		b := p.benefit(e.Estimate, 1, 1)
		out = append(out, Sensitivity{Input: "optimism_bias", InputLow: lo, InputHigh: hi,
			Low: b - p.totalCost(1, lo), High: b - p.totalCost(1, hi)})
	}
	for i := range out {
		out[i].Spread = math.Abs(out[i].High - out[i].Low)
	}
	sort.SliceStable(out, func(i, j int) bool { return spreadOrder(out[i].Spread) > spreadOrder(out[j].Spread) })
	return out
}

// spreadOrder puts an undefined spread (an effect without an interval)
// last.
func spreadOrder(s float64) float64 {
	if math.IsNaN(s) {
		return math.Inf(-1)
	}
	return s
}
