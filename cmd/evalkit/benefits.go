package main

import (
	"errors"
	"flag"
	"io"

	"github.com/evalkit/evalkit/benefits"
	"github.com/evalkit/evalkit/rct/analysis"
	plots "github.com/evalkit/evalkit/report"
	"github.com/evalkit/evalkit/unitcost"
)

// benefitsCmd values a trial's effect at the Home Office's costs of crime.
type benefitsCmd struct{}

func (*benefitsCmd) name() string { return "benefits" }
func (*benefitsCmd) summary() string {
	return "crimes averted, benefit, NPV and BCR from a trial's effect"
}

var benefitsUsage = usage("benefits")

func (*benefitsCmd) run(e *env, args []string) error {
	var opt benefits.Options
	var in, comparison, costs, intervention, priceYear, deflators, unitCosts, harm, discount, plot string
	var asJSON, force bool
	fs := newFlagSet(e, "benefits", benefitsUsage)
	fs.StringVar(&in, "analysis", "", "the trial's result, `FILE` written by evalkit analyse --json (required)")
	fs.StringVar(&opt.Crime, "crime", "", "the crime `TYPE` the effect is on, such as violence_with_injury (required)")
	fs.Float64Var(&opt.Baseline, "baseline", 0, "`N`: the crimes expected without the intervention, or for a risk difference the people treated (required)")
	fs.StringVar(&comparison, "comparison", "", "the treatment `ARM` to value, when the analysis has several")
	fs.StringVar(&costs, "costs", "", "the intervention's yearly cost, `FILE` written by evalkit unitcost --json")
	fs.StringVar(&intervention, "intervention", "", "the intervention's `NAME` in --costs, when it costs several")
	fs.StringVar(&priceYear, "price-year", "", "uprate the unit cost to the prices of `YEAR` (needs --deflators)")
	fs.StringVar(&deflators, "deflators", "", "price index by year, `FILE` (CSV: year,index), covering the table's year")
	fs.IntVar(&opt.Years, "years", 1, "the `K` years that the benefit and the cost recur in")
	fs.StringVar(&discount, "discount", "standard", "the benefits' discount `SCHEDULE`: standard (3.5%) or health (1.5%)")
	fs.Float64Var(&opt.OptimismBias, "optimism-bias", 0, "uplift the cost by this `SHARE`, such as 0.2 for 20%")
	fs.StringVar(&unitCosts, "unit-costs", "", "replace the Home Office table with `FILE` (CSV: crime,total,price_year,...)")
	fs.StringVar(&harm, "harm-weights", "", "harm weights by crime type, `FILE` (CSV: crime,weight), for the harm averted")
	fs.Float64Var(&opt.Sensitivity, "sensitivity", unitcost.DefaultSensitivity, "vary the unit cost, discount rates and optimism bias by this `SHARE` (0 for none)")
	fs.IntVar(&opt.Simulate, "simulate", 0, "add a Monte Carlo interval from `N` draws of the effect (needs --seed)")
	fs.Uint64Var(&opt.Seed, "seed", 0, "the `seed` of the Monte Carlo draws")
	fs.BoolVar(&asJSON, "json", false, "print one JSON object")
	fs.StringVar(&plot, "plot", "", "draw the sensitivity analysis as a tornado chart to `FILE` (.png or .svg)")
	fs.BoolVar(&force, "force", false, "overwrite the --plot file")
	tables := tableFlags(fs)
	if err := parseFlags(fs, args, false); err != nil {
		return err
	}
	seeded := false
	fs.Visit(func(f *flag.Flag) { seeded = seeded || f.Name == "seed" })
	switch {
	case in == "":
		return usageErrorf("--analysis is required (see -h)")
	case intervention != "" && costs == "":
		return usageErrorf("--intervention names an intervention of --costs: give --costs too")
	case (opt.Simulate != 0) != seeded:
		return usageErrorf("--simulate and --seed go together: the draws are reproducible from the seed")
	}
	var err error
	if opt.Discount, err = benefits.ParseSchedule(discount); err != nil {
		return usageErrorf("--discount: %v", err)
	}
	if opt.PriceYear, err = unitcost.ParseYear(priceYear); err != nil && priceYear != "" {
		return usageErrorf("--price-year %q: %v", priceYear, err)
	}
	if err := checkPlotFlag(plot, force); err != nil {
		return err
	}
	var res *analysis.Result
	if err := errors.Join(readInto(&res, in, tables, benefits.ReadAnalysis),
		readInto(&opt.Deflators, deflators, tables, unitcost.ReadDeflators),
		readInto(&opt.Cost, costs, tables, func(r io.Reader, name string) (*benefits.Cost, error) {
			return benefits.ReadCost(r, name, intervention)
		}),
		readInto(&opt.UnitCosts, unitCosts, tables, benefits.ReadUnitCosts),
		readInto(&opt.HarmWeights, harm, tables, benefits.ReadHarmWeights)); err != nil {
		return err
	}
	effect, err := benefits.EffectOf(res, comparison)
	if err != nil {
		return err
	}
	b, err := benefits.Appraise(effect, opt)
	if errors.Is(err, benefits.ErrOptions) {
		return usageErrorf("%v", err)
	} else if err != nil {
		return err
	}
	if plot != "" {
		p, err := plots.BenefitsTornado(b)
		if err != nil {
			return err
		}
		w, h := plots.BenefitsTornadoSize(b)
		if err := writePlotFile(plot, p, w, h, force); err != nil {
			return err
		}
	}
	if asJSON {
		return writeJSON(e.stdout, b.JSON())
	}
	return b.WriteText(e.stdout)
}
