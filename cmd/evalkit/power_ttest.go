package main

import (
	"fmt"

	"github.com/evalkit/evalkit/rct/power"
	"github.com/evalkit/evalkit/stats"
)

var powerTTestUsage = usage("power_ttest")

func powerTTest(e *env, args []string) error {
	var c powerCommon
	var d, n, nc, nt float64
	fs := newFlagSet(e, "power ttest", powerTTestUsage)
	c.register(fs)
	fs.Float64Var(&d, "effect", 0, "standardised mean difference d (leave out to solve for it)")
	powerRegisterArms(fs, &n, &nc, &nt)
	if err := c.parse(fs, args); err != nil {
		return err
	}
	nc, nt, nGiven, err := powerArms(&c, n, nc, nt, "n")
	if err != nil {
		return powerDataError(err)
	}
	if err := powerUnknowns(!c.set["power"], !nGiven, !c.set["effect"], "--effect"); err != nil {
		return err
	}
	if c.set["effect"] && d == 0 {
		return powerDataError(fmt.Errorf("%w: an effect of 0 cannot be detected: the power is alpha whatever the sample size", stats.ErrDomain))
	}
	if c.set["power"] && c.power == 0 {
		return powerDataError(fmt.Errorf("%w: power 0", stats.ErrDomain))
	}
	res, err := power.TTest{Alpha: c.alpha, Alternative: c.alternative(), Power: c.power, Effect: d,
		NControl: nc, NTreatment: nt, Ratio: c.ratio, Attrition: c.attrition}.Solve()
	if err != nil {
		return powerDataError(err)
	}
	return c.output(e, res)
}
