package main

import (
	"errors"
	"flag"
	"fmt"
	"math"
	"strings"

	"github.com/evalkit/evalkit/rct/power"
	"github.com/evalkit/evalkit/stats"
)

// powerCmd solves a trial's power, sample size or minimum detectable effect.
type powerCmd struct{}

func (*powerCmd) name() string { return "power" }
func (*powerCmd) summary() string {
	return "power, sample size or minimum detectable effect (ttest, prop, cluster, counts)"
}

var powerUsage = usage("power")

func (c *powerCmd) run(e *env, args []string) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		fs := newFlagSet(e, "power", powerUsage)
		if err := parseFlags(fs, args, false); err != nil {
			return err
		}
		return usageErrorf("give a design: ttest, prop, cluster, counts or simulate (see -h)")
	}
	switch args[0] {
	case "ttest":
		return powerTTest(e, args[1:])
	case "prop":
		return powerProp(e, args[1:])
	case "cluster":
		return powerCluster(e, args[1:])
	case "counts":
		return powerCounts(e, args[1:])
	case "simulate":
		return powerSimulate(e, args[1:])
	}
	return usageErrorf("unknown design %q: give ttest, prop, cluster, counts or simulate (see -h)", args[0])
}

// powerCommon holds the flags every design shares.
type powerCommon struct {
	alpha, power, ratio, attrition float64
	sided                          int
	direction                      string
	json, force                    bool
	plot                           string
	set                            map[string]bool
}

func (c *powerCommon) register(fs *flag.FlagSet) {
	fs.Float64Var(&c.alpha, "alpha", power.DefaultAlpha, "level of the test")
	fs.Float64Var(&c.power, "power", 0, "target power (leave out to compute it)")
	fs.IntVar(&c.sided, "sided", 2, "1 or 2: a one-sided test looks for an increase, or for a fall with --direction down")
	fs.Float64Var(&c.ratio, "ratio", 1, "n_treatment / n_control when solving for n")
	fs.Float64Var(&c.attrition, "attrition", 0, "expected share of recruited units lost, in [0, 1)")
	fs.StringVar(&c.direction, "direction", "up", "up or down: the direction a one-sided test looks in, and of the effect solved for (down: a fall, e.g. fewer crimes)")
	fs.BoolVar(&c.json, "json", false, "print one JSON object")
	fs.StringVar(&c.plot, "plot", "", "write a power curve to `FILE` (.png or .svg)")
	fs.BoolVar(&c.force, "force", false, "overwrite the --plot file")
}

// parse parses args and checks the shared flags that cannot work together.
func (c *powerCommon) parse(fs *flag.FlagSet, args []string) error {
	if err := parseFlags(fs, args, false); err != nil {
		return err
	}
	c.set = map[string]bool{}
	fs.Visit(func(f *flag.Flag) { c.set[f.Name] = true })
	for _, p := range []struct {
		name string
		v    float64
	}{{"alpha", c.alpha}, {"power", c.power}, {"attrition", c.attrition}} {
		if c.set[p.name] && p.v >= 2 && p.v < 100 {
			return usageErrorf("--%s %g: a probability, not a percentage: write %g", p.name, p.v, p.v/100)
		}
	}
	if c.set["alpha"] && !(c.alpha > 0 && c.alpha < 1) {
		return fmt.Errorf("argument out of domain: alpha %g is outside (0, 1)", c.alpha)
	}
	if c.sided != 1 && c.sided != 2 {
		return usageErrorf("--sided must be 1 or 2, not %d", c.sided)
	}
	if c.set["ratio"] && !(c.ratio > 0 && !math.IsInf(c.ratio, 0)) {
		return fmt.Errorf("argument out of domain: ratio %g must be positive and finite", c.ratio)
	}
	if c.direction != "up" && c.direction != "down" {
		return usageErrorf("--direction must be up or down, not %q", c.direction)
	}
	if c.plot != "" {
		if ext := plotFormat(c.plot); ext == "" {
			return usageErrorf("--plot %s: the file name must end in .png or .svg", c.plot)
		}
	}
	return nil
}

// alternative maps --sided and --direction to the test's alternative. As the
// contract defines it, a one-sided test looks for an increase, P(T > t_{1-a});
// --direction down (an addition) makes it look for a fall instead. An effect
// given in the other direction is then an error, not a tiny power.
func (c *powerCommon) alternative() stats.Alternative {
	switch {
	case c.sided == 2:
		return stats.TwoSided
	case c.direction == "down":
		return stats.Less
	}
	return stats.Greater
}

// powerUnknowns checks that exactly one of power, the sample size and the
// effect, whose flag is effectName, was left out.
func powerUnknowns(power, n, effect bool, effectName string) error {
	var missing []string
	for _, u := range []struct {
		left bool
		name string
	}{{power, "--power"}, {n, "the sample size"}, {effect, effectName}} {
		if u.left {
			missing = append(missing, u.name)
		}
	}
	switch len(missing) {
	case 0:
		return usageErrorf("power, sample size and %s are all given: leave out the one to solve for", effectName)
	case 1:
		return nil
	}
	return usageErrorf("%d of power, sample size and %s are left out (%s): give all but one", len(missing), effectName, strings.Join(missing, " and "))
}

// powerRegisterArms registers --n, --n-control and --n-treatment, which
// ttest, prop and counts share.
func powerRegisterArms(fs *flag.FlagSet, n, nc, nt *float64) {
	fs.Float64Var(n, "n", 0, "units recruited per arm, equal arms")
	fs.Float64Var(nc, "n-control", 0, "units recruited to control")
	fs.Float64Var(nt, "n-treatment", 0, "units recruited to treatment")
}

// powerArms reads --n or --n-control and --n-treatment; given is false when
// none was set.
func powerArms(c *powerCommon, n, nc, nt float64, nName string) (float64, float64, bool, error) {
	switch {
	case c.set[nName] && (c.set["n-control"] || c.set["n-treatment"]):
		return 0, 0, false, usageErrorf("give --%s or --n-control with --n-treatment, not both", nName)
	case c.set["n-control"] != c.set["n-treatment"]:
		return 0, 0, false, usageErrorf("give both --n-control and --n-treatment, or --%s", nName)
	case c.set[nName]:
		nc, nt = n, n
	case !c.set["n-control"]:
		return 0, 0, false, nil
	}
	if c.set["ratio"] {
		return 0, 0, false, usageErrorf("--ratio applies only when solving for the sample size; the arms given set it")
	}
	if nc == 0 || nt == 0 {
		return 0, 0, false, fmt.Errorf("%w: a sample size of 0", stats.ErrDomain)
	}
	if nc > 1e15 || nt > 1e15 {
		return 0, 0, false, fmt.Errorf("%w: a sample size above 1e15 units", stats.ErrDomain)
	}
	return nc, nt, true, nil
}

// powerDataError turns a library error into the command's error: a plain
// error (exit status 1) with the package prefix dropped.
func powerDataError(err error) error {
	var u *usageError
	if err == nil || errors.As(err, &u) {
		return err
	}
	msg := err.Error()
	for _, p := range []string{"power: ", "stats: "} {
		msg = strings.ReplaceAll(msg, p, "")
	}
	if errors.Is(err, power.ErrUnknowns) {
		return usageErrorf("%s", msg)
	}
	return errors.New(msg)
}
