// Package benefits turns a trial's effect on crime into pounds: the crimes
// averted with their interval, their value at the Home Office's unit costs
// of crime, and with the intervention's cost the net present value,
// benefit-cost ratio, switching effect and payback year, discounted by HM
// Treasury's Green Book, with a sensitivity analysis and a Monte Carlo
// interval.
//
// The effect comes from an analysis (EffectOf, of an analysis.Result or of
// the file ReadAnalysis reads from evalkit analyse --json), the cost from a
// unit-cost result (CostOf, or ReadCost of evalkit unitcost --json), and
// Appraise values it:
//
//	res, _ := analysis.Analyse(d, analysis.Plan{Type: analysis.Count})
//	e, _ := benefits.EffectOf(res, "patrol")
//	b, _ := benefits.Appraise(e, benefits.Options{Crime: "violence_with_injury", Baseline: 100})
//
// With a rate ratio of 0.8 on 100 crimes expected, 100 (1 - 0.8) = 20
// crimes are averted, worth 20 × £14,050 = £281,000 in 2015/16 prices.
//
// # Definitions
//
// With N the baseline (crimes expected without the intervention, or people
// treated), K the years, s the optimism bias, C a year's cost and D(t) the
// Green Book's declining discount factor (DiscountFactor):
//
//	averted   = N (1 - RR)          (a count outcome's rate ratio)
//	          = N (-RD)             (a binary outcome's risk difference)
//	unit cost = Total × index[price year] / index[the table's price year]
//	benefit   = averted × unit cost × Σ_{t<K} D_b(t)
//	cost      = C (1 + s) × Σ_{t<K} D(t)
//	NPV       = benefit - cost,  BCR = benefit / cost
//	RR*       = 1 - cost / (N × unit cost × Σ D_b),  RD* = -cost / (N × unit cost × Σ D_b)
//
// where D_b is D under the benefits' schedule (Standard unless Health is
// asked for) and the intervals are the same at the effect's interval. The
// switching effect RR* (or RD*) is the effect at which the NPV is 0. With
// K = 1 nothing is discounted.
//
// # References
//
// [1] Heeks, M., Reed, S., Tafsiri, M. and Prince, S. (2018). The economic
// and social costs of crime, second edition. Home Office Research Report
// 99 (unit costs in 2015/16 prices).
//
// [2] HM Treasury (2022). The Green Book: central government guidance on
// appraisal and evaluation (discounting, section A6; the declining
// long-term discount rate, Table 8; optimism bias, section 5).
//
// [3] Sherman, L., Neyroud, P. W. and Neyroud, E. (2016). The Cambridge
// Crime Harm Index. Policing 10(3), 171–183 (harm weights).
package benefits
