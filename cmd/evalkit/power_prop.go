package main

import (
	"fmt"

	"github.com/evalkit/evalkit/rct/power"
)

const powerPropUsage = `
Usage: evalkit power prop --p-control P [--p-treatment P] [--power P] [--n N | --n-control N --n-treatment N] [flags]

Two proportions, p_control in the control arm and p_treatment in the
treatment arm. Give two of --p-treatment, --power and the sample size; the
third is solved for (--p-treatment: the nearest proportion above
p_control with the power, or below it with --direction down).
--method arcsine (default) is the normal test on Cohen's
h = 2 asin(sqrt(p_t)) - 2 asin(sqrt(p_c)) (pwr::pwr.2p2n.test); pooled is
the pooled-variance normal test for equal arms
(power.prop.test(strict = TRUE)).

Example: people per arm to detect re-offending falling from 30% to 22%:

	evalkit power prop --p-control 0.3 --p-treatment 0.22 --power 0.9
`

func powerProp(e *env, args []string) error {
	var c powerCommon
	var pc, pt, n, nc, nt float64
	var method string
	fs := newFlagSet(e, "power prop", powerPropUsage)
	c.register(fs)
	fs.Float64Var(&pc, "p-control", 0, "proportion in the control arm, in (0, 1) (required)")
	fs.Float64Var(&pt, "p-treatment", 0, "proportion in the treatment arm, in (0, 1) (leave out to solve for it)")
	powerRegisterArms(fs, &n, &nc, &nt)
	fs.StringVar(&method, "method", "arcsine", "arcsine or pooled")
	if err := c.parse(fs, args); err != nil {
		return err
	}
	if !c.set["p-control"] {
		return usageErrorf("--p-control is required (see -h)")
	}
	m, err := power.ParsePropMethod(method)
	if err != nil {
		return usageErrorf("--method must be arcsine or pooled, not %q", method)
	}
	nc, nt, nGiven, err := powerArms(&c, n, nc, nt, "n")
	if err != nil {
		return powerDataError(err)
	}
	if err := powerUnknowns(!c.set["power"], !nGiven, !c.set["p-treatment"], "--p-treatment"); err != nil {
		return err
	}
	if m == power.Pooled && (nc != nt || c.ratio != 1) {
		return usageErrorf("--method pooled needs equal arms: use --n, and no --ratio")
	}
	if c.set["p-treatment"] && !(pt > 0 && pt < 1) {
		return powerDataError(fmt.Errorf("p_treatment %g is outside (0, 1)", pt))
	}
	if c.set["power"] && c.power == 0 {
		return powerDataError(fmt.Errorf("power 0 is outside (0, 1)"))
	}
	res, err := power.Prop{Alpha: c.alpha, Alternative: c.alternative(), Method: m, Power: c.power, PControl: pc, PTreatment: pt,
		Reduction: c.direction == "down", NControl: nc, NTreatment: nt, Ratio: c.ratio, Attrition: c.attrition}.Solve()
	if err != nil {
		return powerDataError(err)
	}
	return c.output(e, res)
}
