package main

import (
	"fmt"

	"github.com/evalkit/evalkit/rct/power"
)

var powerCountsUsage = usage("power_counts")

func powerCounts(e *env, args []string) error {
	var c powerCommon
	var mu, rr, k, n, nc, nt float64
	fs := newFlagSet(e, "power counts", powerCountsUsage)
	c.register(fs)
	fs.Float64Var(&mu, "mean-control", 0, "mean count per unit in the control arm over the follow-up (required)")
	fs.Float64Var(&rr, "rate-ratio", 0, "mean_treatment / mean_control (leave out to solve for it)")
	fs.Float64Var(&k, "dispersion", 0, "negative-binomial size k, variance mu + mu^2/k (leave out for Poisson)")
	powerRegisterArms(fs, &n, &nc, &nt)
	if err := c.parse(fs, args); err != nil {
		return err
	}
	if !c.set["mean-control"] {
		return usageErrorf("--mean-control is required (see -h)")
	}
	nc, nt, nGiven, err := powerArms(&c, n, nc, nt, "n")
	if err != nil {
		return powerDataError(err)
	}
	if err := powerUnknowns(!c.set["power"], !nGiven, !c.set["rate-ratio"], "--rate-ratio"); err != nil {
		return err
	}
	if c.set["rate-ratio"] && !(rr > 0) {
		return powerDataError(fmt.Errorf("rate ratio %g must be positive", rr))
	}
	if c.set["dispersion"] && !(k > 0) {
		return powerDataError(fmt.Errorf("dispersion %g must be positive (leave it out for Poisson counts)", k))
	}
	if c.set["power"] && c.power == 0 {
		return powerDataError(fmt.Errorf("power 0 is outside (0, 1)"))
	}
	res, err := power.Counts{Alpha: c.alpha, Alternative: c.alternative(), Power: c.power, MeanControl: mu, RateRatio: rr,
		Dispersion: k, Reduction: c.direction == "down", NControl: nc, NTreatment: nt, Ratio: c.ratio, Attrition: c.attrition}.Solve()
	if err != nil {
		return powerDataError(err)
	}
	return c.output(e, res)
}
