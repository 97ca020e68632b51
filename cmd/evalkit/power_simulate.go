package main

import (
	"cmp"
	"errors"
	"flag"
	"path/filepath"

	"github.com/evalkit/evalkit/rct"
	"github.com/evalkit/evalkit/rct/power"
)

var powerSimulateUsage = usage("power_simulate")

func powerSimulate(e *env, args []string) error {
	var s power.UnitsSimulation
	var c powerCommon
	fs := newFlagSet(e, "power simulate", powerSimulateUsage)
	units := fs.String("units", "", "units CSV or .xlsx `file`, one row per unit (required)")
	tables := tableFlags(fs)
	flags := map[string]string{"seed": "1"} // randomise's settings, for rct.ParseSettings
	for _, name := range []string{"id", "arms", "ratio", "block", "cluster", "method", "block-sizes", "factors", "minimise-prob", "seed"} {
		fs.Func(name, "as evalkit randomise takes it (see above)", func(v string) error { flags[name] = v; return nil })
	}
	fs.Float64Var(&s.Effect, "effect", 0, "effect `d` in standard deviations of the outcome (required)")
	fs.Float64Var(&s.ICC, "icc", 0, "intraclass correlation `r` in [0, 1), with --cluster")
	fs.Float64Var(&s.R2, "r2", 0, "share `R2` of the unit-level variance that covariates explain")
	fs.IntVar(&s.Sims, "sims", power.DefaultSims, "simulated `trials`")
	fs.Float64Var(&c.alpha, "alpha", power.DefaultAlpha, "level of the two-sided test")
	fs.BoolVar(&c.json, "json", false, "print one JSON object")
	if err := parseFlags(fs, args, false); err != nil {
		return err
	}
	effect := false
	fs.Visit(func(f *flag.Flag) { effect = effect || f.Name == "effect" })
	if err := required([2]string{"units", *units}); err != nil || !effect {
		return cmp.Or(err, usageErrorf("--effect is required (see -h)"))
	}
	var err error
	if s.Settings, err = rct.ParseSettings(flags); err != nil {
		return usageErrorf("%v", err)
	}
	f, err := tables.Open(*units)
	if err != nil {
		return err
	}
	defer f.Close()
	if s.Units, err = rct.ReadUnits(f, filepath.Base(*units)); err != nil {
		return err
	}
	p := newProgress(e, "simulating")
	s.Alpha, s.Progress = c.alpha, p.Update
	res, err := s.Run()
	p.Done()
	if se := (*rct.SettingsError)(nil); errors.As(err, &se) {
		return usageErrorf("%v", err)
	} else if err != nil {
		return powerDataError(err)
	}
	return c.output(e, simulated{res})
}

// simulated is printed as the other designs' results are; it has no
// --plot, so its curve is never drawn.
type simulated struct{ power.UnitsSimulationResult }

func (simulated) PowerCurve() power.PowerCurve { return power.PowerCurve{} }
