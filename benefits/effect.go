package benefits

import (
	"fmt"
	"math"
	"strings"

	"github.com/evalkit/evalkit/internal/table"
	"github.com/evalkit/evalkit/rct/analysis"
)

// Measure is the scale of an effect that can be turned into crimes
// averted.
type Measure int

const (
	// RateRatio is a count outcome's rate ratio RR (treatment over
	// control): crimes averted = N (1 - RR) of N crimes expected.
	RateRatio Measure = iota
	// RiskDifference is a binary outcome's risk difference RD (treatment
	// minus control): crimes averted = N (-RD) among N people.
	RiskDifference
)

var measureNames = [...]string{"rate_ratio", "risk_difference"}

// String returns the measure's name: rate_ratio or risk_difference.
func (m Measure) String() string {
	if m < 0 || int(m) >= len(measureNames) {
		return fmt.Sprintf("Measure(%d)", int(m))
	}
	return measureNames[m]
}

// words is the measure in words, as the tables print it.
func (m Measure) words() string { return strings.ReplaceAll(m.String(), "_", " ") }

// null is the measure's value of no effect: 1 for a ratio, 0 for a
// difference.
func (m Measure) null() float64 {
	if m == RateRatio {
		return 1
	}
	return 0
}

// Effect is a trial's estimated effect on crime, with its interval and
// what its sampling distribution is drawn from.
type Effect struct {
	// Treatment and Control are the arms compared; Method is how.
	Treatment, Control string
	Method             analysis.Method
	// Measure is the effect's scale.
	Measure Measure
	// Estimate is the rate ratio or risk difference; CILow and CIHigh its
	// interval at Level (NaN or ±Inf when undefined).
	Estimate, CILow, CIHigh float64
	Level                   float64
	// SE is the standard error of log(Estimate) for a rate ratio, and of
	// Estimate for a risk difference; NaN when the method gives none (an
	// exact or score interval).
	SE float64
	// DF is the degrees of freedom of a t reference distribution; NaN for
	// the normal.
	DF float64
}

// EffectOf returns the effect of the analysis' comparison of treatment
// with the control: the only comparison when treatment is empty. The
// comparison must estimate a rate ratio (methods negbin_glm, poisson_exact,
// poisson_glm) or, for a binary outcome, a risk difference (fisher_exact,
// or ols_hc2 and ols_cr2's linear probability model). Errors wrap
// ErrEffect: no such comparison, several and none chosen, a difference in
// means, an undefined estimate.
func EffectOf(res *analysis.Result, treatment string) (Effect, error) {
	if res == nil || len(res.Comparisons) == 0 {
		return Effect{}, fmt.Errorf("%w: the analysis has no comparison", ErrEffect)
	}
	arms := make([]string, len(res.Comparisons))
	var c *analysis.Comparison
	for i := range res.Comparisons {
		arms[i] = res.Comparisons[i].Treatment
		if res.Comparisons[i].Treatment == treatment || treatment == "" && len(res.Comparisons) == 1 {
			c = &res.Comparisons[i]
		}
	}
	switch {
	case c == nil && treatment == "":
		return Effect{}, fmt.Errorf("%w: the analysis compares %d arms with the control (%s): choose one", ErrEffect, len(arms), strings.Join(arms, ", "))
	case c == nil:
		return Effect{}, fmt.Errorf("%w: the analysis has no comparison of %q with the control; it has %s", ErrEffect, table.Clip(treatment), strings.Join(arms, ", "))
	}
	e := Effect{Treatment: c.Treatment, Control: c.Control, Method: c.Method, Estimate: c.Estimate,
		CILow: c.CILow, CIHigh: c.CIHigh, Level: res.Level, SE: c.SE, DF: c.DF}
	switch {
	case c.Method.Ratio():
		e.Measure = RateRatio
	case res.Type == analysis.Binary:
		e.Measure = RiskDifference
	default:
		return Effect{}, fmt.Errorf("%w: benefits values a count outcome's rate ratio or a binary outcome's risk difference; %s vs %s is a %s (%s)",
			ErrEffect, c.Treatment, c.Control, c.Method.Measure(res.Type), c.Method)
	}
	if err := e.check(); err != nil {
		return Effect{}, err
	}
	return e, nil
}

// check returns an error for an effect that cannot be valued.
func (e Effect) check() error {
	switch {
	case e.Measure != RateRatio && e.Measure != RiskDifference:
		return fmt.Errorf("%w: %v is not a measure", ErrEffect, e.Measure)
	case math.IsNaN(e.Estimate) || math.IsInf(e.Estimate, 0):
		return fmt.Errorf("%w: the %s of %s vs %s is undefined", ErrEffect, e.Measure.words(), e.Treatment, e.Control)
	case e.Measure == RateRatio && !(e.Estimate >= 0):
		return fmt.Errorf("%w: a rate ratio of %v; it cannot be negative", ErrEffect, e.Estimate)
	case e.Measure == RiskDifference && !(e.Estimate >= -1 && e.Estimate <= 1):
		return fmt.Errorf("%w: a risk difference of %v; it lies between -1 and 1", ErrEffect, e.Estimate)
	case e.CILow > e.Estimate || e.Estimate > e.CIHigh: // false for NaN bounds
		return fmt.Errorf("%w: the %s %v lies outside its interval %v to %v", ErrEffect, e.Measure.words(), e.Estimate, e.CILow, e.CIHigh)
	case !(e.Level > 0 && e.Level < 1):
		return fmt.Errorf("%w: a confidence level of %v; it lies between 0 and 1", ErrEffect, e.Level)
	}
	return nil
}
