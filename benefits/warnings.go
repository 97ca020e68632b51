package benefits

import (
	"fmt"
	"math"
	"strconv"
)

// warnings returns what a reader of the result should know.
func (r *Result) warnings() []string {
	var w []string
	e := r.Effect
	null := e.Measure.null()
	level := strconv.FormatFloat(100*e.Level, 'g', 10, 64) + "%"
	switch {
	case !finite(e.CILow) || !finite(e.CIHigh):
		w = append(w, fmt.Sprintf("the effect's %s interval is undefined or infinite, and so are the intervals of the crimes averted, the benefit and the NPV (null)", level))
	case e.CILow <= null && null <= e.CIHigh:
		w = append(w, fmt.Sprintf("the effect's %s interval (%s %s to %s) includes no effect (%s), so the benefit's interval includes 0 and harm",
			level, e.Measure.words(), num(e.CILow), num(e.CIHigh), num(null)))
	}
	if r.Averted < 0 {
		w = append(w, fmt.Sprintf("the estimate (%s %s) is an increase in crime: the crimes averted and the benefit are negative", e.Measure.words(), num(e.Estimate)))
	}
	if sw := r.SwitchingEffect; e.Measure == RateRatio && sw < 0 || e.Measure == RiskDifference && sw < -1 {
		w = append(w, fmt.Sprintf("no effect can repay the cost: the switching effect (%s %s) is beyond what a %s can be", e.Measure.words(), num(sw), e.Measure.words()))
	}
	if c := r.Cost; c != nil && c.PriceYear != r.PriceYear {
		what := fmt.Sprintf("in %d prices", c.PriceYear)
		if c.PriceYear == 0 {
			what = "at its amounts as written (no price year)"
		}
		w = append(w, fmt.Sprintf("the cost of %s is %s and the benefit in %d prices: cost the sheet and value the benefit in the prices of one year (--price-year and --deflators) to compare like with like",
			c.Intervention, what, r.PriceYear))
	}
	if s := r.Simulation; s != nil && s.SEFromCI {
		w = append(w, fmt.Sprintf("%s gives no standard error: the Monte Carlo draws use %s, from the width of the effect's interval, and are symmetric on the scale drawn where the method's interval need not be",
			e.Method, num(s.SE)))
	}
	return w
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// num formats a number to four significant figures for a sentence.
func num(x float64) string { return strconv.FormatFloat(x, 'g', 4, 64) }
