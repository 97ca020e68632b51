package main

import (
	"fmt"

	"github.com/evalkit/evalkit/rct/power"
	"github.com/evalkit/evalkit/stats"
)

const powerTTestUsage = `
Usage: evalkit power ttest [--effect d] [--power P] [--n N | --n-control N --n-treatment N] [flags]

Two-sample t-test on a standardised mean difference d (Cohen's d). Give two
of --effect, --power and the sample size; the third is solved for. Power is
exact, from the noncentral t (pwr::pwr.t2n.test). Solving for n gives the
real root n_control_exact (analysed control units) and the units to recruit,
ceil(n_control_exact / (1 - attrition)) and
ceil(ratio * n_control_exact / (1 - attrition)).

Example: pupils per arm to detect d = 0.3 with 80% power, 10% lost:

	evalkit power ttest --effect 0.3 --power 0.8 --attrition 0.1
`

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
