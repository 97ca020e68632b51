package main

import (
	"math"

	"github.com/evalkit/evalkit/stats"
)

// analyseContinuousEffects returns the effect sizes of a continuous
// comparison, cohens_d, hedges_g and glass_delta, each with its interval;
// one that cannot be computed is null with a note.
func analyseContinuousEffects(t, c *analyseArm, level float64, r *analyseComparison) []analyseEffect {
	var out []analyseEffect
	for _, m := range []struct {
		name string
		f    func(x, y []float64, level float64, alt stats.Alternative) (stats.SMDResult, error)
	}{{"cohens_d", stats.CohensD}, {"hedges_g", stats.HedgesG}, {"glass_delta", stats.GlassDelta}} {
		e := analyseEffect{Measure: m.name, Value: math.NaN(), CILow: math.NaN(), CIHigh: math.NaN()}
		if s, err := m.f(t.y, c.y, level, stats.TwoSided); err != nil {
			r.undefined(m.name, err)
		} else {
			e.Value, e.CILow, e.CIHigh = s.Value, s.CILow, s.CIHigh
		}
		out = append(out, e)
	}
	return out
}
