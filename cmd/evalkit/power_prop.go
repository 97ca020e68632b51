package main

import (
	"fmt"

	"github.com/evalkit/evalkit/rct/power"
)

var powerPropUsage = usage("power_prop")

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
