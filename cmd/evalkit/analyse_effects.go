package main

// analyseContinuousEffects returns the effect sizes of a continuous
// comparison: cohens_d, hedges_g and glass_delta.
func analyseContinuousEffects(t, c *analyseArm, level float64, r *analyseComparison) []analyseEffect {
	r.note("effect_sizes: not built yet in this release")
	return nil
}
