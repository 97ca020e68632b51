package main

import (
	"fmt"
	"math"

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

// powerTTestJSON is the contract's JSON for evalkit power ttest.
type powerTTestJSON struct {
	Design string  `json:"design"`
	Solved string  `json:"solved"`
	Effect float64 `json:"effect"`
	powerNKeys
	DF float64 `json:"df"`
}

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
	des := power.TTest{Alpha: c.alpha, Alternative: c.alternative(), Power: c.power, Effect: d,
		NControl: nc, NTreatment: nt, Ratio: c.ratio, Attrition: c.attrition}
	res, err := des.Solve()
	if err != nil {
		return powerDataError(err)
	}
	// The curve: power against the recruited control arm, n_t = ratio·n_c.
	r := res.NTreatment / res.NControl
	lo, hi := powerPlotRange(math.Max(2, 2/r), res.NControl)
	if err := powerWritePlot(&c, fmt.Sprintf("Two-sample t-test, d = %s, %s", powerFmt(res.Effect), powerSidedWords(res.Alternative)),
		"units recruited to control", lo, hi, res.Power, res.NControl, func(x float64) float64 {
			a, b := x*(1-c.attrition), r*x*(1-c.attrition)
			if a+b <= 2 {
				return math.NaN()
			}
			return res.PowerAt(res.Effect, a, b)
		}); err != nil {
		return err
	}
	out := powerTTestJSON{Design: "ttest", Solved: res.Solved.String(), Effect: res.Effect,
		powerNKeys: powerNKeysOf(&c, res.Power, res.NControl, res.NTreatment, res.NControlExact), DF: res.DF}
	if c.json {
		return writeJSON(e.stdout, out)
	}
	s := powerSummary{title: fmt.Sprintf("Two-sample t-test, %s, alpha = %s", powerSidedWords(res.Alternative), powerFmt(c.alpha)), solved: powerSolvedWords(res.Solved, "minimum detectable effect")}
	s.add("effect (d)", powerFmt(res.Effect))
	s.add("power", powerFmt(res.Power))
	s.addArms(res.NControlExact, res.NControl, res.NTreatment, res.NTotal())
	s.add("degrees of freedom", powerFmt(res.DF))
	s.assumptions = []string{
		"The outcome is roughly normal with the same standard deviation in both arms; d is the difference in means divided by that standard deviation.",
		"Units are randomised individually and their outcomes are independent (no clustering).",
		powerTTestRegionWords(res.Alternative),
		powerAttritionWords(c.attrition),
	}
	return s.write(e.stdout)
}

// powerSolvedWords names the solved quantity for people.
func powerSolvedWords(u power.Unknown, effect string) string {
	switch u {
	case power.SolvedPower:
		return "power"
	case power.SolvedN:
		return "sample size"
	}
	return effect
}

// powerTTestRegionWords says how the t-test's power is computed.
func powerTTestRegionWords(alt stats.Alternative) string {
	if alt == stats.TwoSided {
		return "Power is exact, from the noncentral t distribution, counting both rejection regions."
	}
	return "Power is exact, from the noncentral t distribution, for the one rejection region in the direction looked for."
}
