package main

import (
	"fmt"

	"github.com/evalkit/evalkit/rct/power"
)

const powerCountsUsage = `
Usage: evalkit power counts --mean-control MU [--rate-ratio RR] [--dispersion K] [--power P] [--n N | --n-control N --n-treatment N] [flags]

Counts per unit over a follow-up period (crimes per hotspot, offences per
person), compared by the rate ratio RR = mean_treatment / mean_control with
a Wald test on log RR, its variance under the alternative:

	V = (1/mu0 + 1/k)/n_c + (1/(RR mu0) + 1/k)/n_t

(the 1/k terms dropped for Poisson counts: leave out --dispersion). Give two
of --rate-ratio, --power and the sample size; the third is solved for
(--rate-ratio: the nearest rate ratio above 1 with the power, or below 1
with --direction down).

Example: hotspots per arm to detect a 20% fall in crime from 2.5 crimes per
hotspot, negative binomial with size 1.5:

	evalkit power counts --mean-control 2.5 --rate-ratio 0.8 --dispersion 1.5 --power 0.8
`

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
