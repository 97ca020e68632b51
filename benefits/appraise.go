package benefits

import (
	"fmt"
	"math"
	"math/big"

	"github.com/evalkit/evalkit/internal/decimal"
	"github.com/evalkit/evalkit/unitcost"
)

// Options says what an effect is worth and what it cost. The zero value
// with a Crime and a Baseline values one year of the effect at the Home
// Office's 2015/16 costs, with no cost.
type Options struct {
	// Crime is the crime type, looked up by CrimeKey, such as
	// violence_with_injury.
	Crime string
	// Baseline is N: the crimes expected without the intervention, for a
	// rate ratio, or the people treated, for a risk difference. It must be
	// more than 0.
	Baseline float64
	// UnitCosts replaces the Home Office table (HomeOffice) when not nil.
	UnitCosts *UnitCosts
	// PriceYear, when not 0, uprates the unit cost with Deflators:
	//
	//	unit cost = Total × index[PriceYear] / index[the unit cost's PriceYear]
	PriceYear int
	Deflators unitcost.Deflators
	// Years is K, the number of years the benefit and the cost recur in,
	// t = 0 ... K-1; 0 means 1. At most MaxYears.
	Years int
	// Discount is the schedule the benefits are discounted by; the cost is
	// always discounted by Standard. The Green Book applies Health to
	// health and life values, which are most of the cost of violent crime.
	Discount Schedule
	// OptimismBias is s, the uplift of the cost: cost × (1 + s). From 0 to
	// 2 (200%); it needs a Cost.
	OptimismBias float64
	// Cost is the intervention's yearly cost; nil for none, which leaves
	// the cost, NPV, BCR, switching effect and payback year undefined.
	Cost *Cost
	// Sensitivity, when not 0, is the share v (0.1 for ±10%) of the
	// one-way sensitivity analysis (see Sensitivity).
	Sensitivity float64
	// Simulate, when not 0, is the number of Monte Carlo draws of the
	// effect (from 100 to MaxDraws), drawn from Seed (see Simulation).
	Simulate int
	Seed     uint64
	// HarmWeights, when not nil, gives the harm averted (see Harm).
	HarmWeights HarmWeights
}

// MaxDraws is the largest number of Monte Carlo draws.
const MaxDraws = 10_000_000

// Result is an effect turned into crimes averted and pounds. Money is in
// pounds in the prices of PriceYear; an undefined quantity is NaN.
type Result struct {
	// Effect is the effect valued.
	Effect Effect
	// Crime is the unit cost used, as the table gives it.
	Crime UnitCost
	// Baseline is N.
	Baseline float64
	// PriceYear is the year whose prices every amount is in; UnitCost is
	// one crime's cost in them.
	PriceYear int
	UnitCost  float64
	// Years is K; Discount the benefits' schedule; BenefitDiscount and
	// CostDiscount the sums of the benefits' and the cost's discount
	// factors over t = 0 ... K-1 (1 when K is 1).
	Years                         int
	Discount                      Schedule
	BenefitDiscount, CostDiscount float64
	// Averted is the crimes averted a year,
	//
	//	N (1 - RR)  or  N (-RD)
	//
	// and AvertedLow and AvertedHigh the same at the effect's interval
	// (N (1 - CIHigh) and N (1 - CILow) for a ratio). They are computed
	// exactly from the decimals that N and the effect print as.
	Averted, AvertedLow, AvertedHigh float64
	// Benefit is the present value of the crimes averted over the years,
	//
	//	Benefit = Averted × UnitCost × BenefitDiscount
	//
	// and BenefitLow and BenefitHigh the same at the interval.
	Benefit, BenefitLow, BenefitHigh float64
	// Cost is the cost given (nil for none), OptimismBias its uplift s,
	// YearlyCost = Cost.Amount (1 + s) and
	//
	//	TotalCost = YearlyCost × CostDiscount
	Cost                  *Cost
	OptimismBias          float64
	YearlyCost, TotalCost float64
	NPV, NPVLow, NPVHigh  float64 // Benefit - TotalCost, at the estimate and the interval
	BCR, BCRLow, BCRHigh  float64 // Benefit / TotalCost; NaN when TotalCost is 0
	// SwitchingEffect is the effect at which the NPV is 0:
	//
	//	RR* = 1 - TotalCost / (N × UnitCost × BenefitDiscount)
	//	RD* =   - TotalCost / (N × UnitCost × BenefitDiscount)
	SwitchingEffect float64
	// PaybackYear is the first year t at which the discounted benefits of
	// years 0 ... t cover the discounted costs; -1 when none does within
	// the Years, or there is no cost.
	PaybackYear int
	// Harm is the harm averted, nil without harm weights.
	Harm *Harm
	// SensitivityShare is v, and Sensitivity the one-way analysis of NPV
	// (of Benefit without a cost), widest spread first; nil without one.
	SensitivityShare float64
	Sensitivity      []Sensitivity
	// Simulation is the Monte Carlo interval, nil without one.
	Simulation *Simulation
	// Warnings are what a reader should know, in plain sentences.
	Warnings []string
}

// Harm is the harm averted, by a harm weight such as the Cambridge Crime
// Harm Index's days of imprisonment:
//
//	Averted = the crimes averted × Weight
type Harm struct {
	Weight             float64
	Averted, Low, High float64
}

// Appraise values the effect as Options says, as the contract defines it
// (docs: spec/cli.md, "Additions: from the effect to pounds"): the crimes
// averted with their interval, the benefit at the crime's unit cost
// uprated to the price year, and with a cost the NPV, BCR, switching effect
// and payback year, each year discounted by the Green Book's declining
// schedule (DiscountFactor); then, when asked, the sensitivity analysis and
// the Monte Carlo interval.
//
// Errors: options out of range (ErrOptions), a crime type the table lacks
// or without a harm weight (ErrCrime), deflators without the years needed
// (unitcost.ErrYear), an effect that cannot be valued (ErrEffect).
func Appraise(e Effect, opt Options) (*Result, error) {
	if err := e.check(); err != nil {
		return nil, err
	}
	if err := opt.check(); err != nil {
		return nil, err
	}
	table := opt.UnitCosts
	if table == nil {
		table = HomeOffice()
	}
	uc, err := table.Lookup(opt.Crime)
	if err != nil {
		return nil, err
	}
	if err := uc.Check(); err != nil {
		return nil, err
	}
	ucRat, priceYear, err := uprate(uc, opt)
	if err != nil {
		return nil, err
	}
	k := max(opt.Years, 1)
	r := &Result{Effect: e, Crime: uc, Baseline: opt.Baseline, PriceYear: priceYear, Years: k, Discount: opt.Discount,
		BenefitDiscount: opt.Discount.sum(k, 1), CostDiscount: Standard.sum(k, 1), Cost: opt.Cost, OptimismBias: opt.OptimismBias,
		PaybackYear: -1, SensitivityShare: opt.Sensitivity}
	r.UnitCost, _ = ucRat.Float64()
	m := &model{m: e.Measure, n: opt.Baseline, uc: ucRat, years: k, discount: opt.Discount,
		bias: decimal.Exact(opt.OptimismBias), level: e.Level}
	if opt.Cost != nil {
		m.cost = decimal.Exact(opt.Cost.Amount)
	}
	r.Averted, _ = value(e.Measure, opt.Baseline, e.Estimate, ucRat)
	r.AvertedLow, _ = value(e.Measure, opt.Baseline, e.CIHigh, ucRat) // the fewest crimes averted
	r.AvertedHigh, _ = value(e.Measure, opt.Baseline, e.CILow, ucRat)
	r.Benefit, r.BenefitLow, r.BenefitHigh = m.benefit(e.Estimate, one, 1), m.benefit(e.CIHigh, one, 1), m.benefit(e.CILow, one, 1)
	nan := math.NaN()
	r.YearlyCost, r.TotalCost = m.yearlyCost(m.bias), m.totalCost(m.bias, 1)
	r.NPV, r.NPVLow, r.NPVHigh, r.BCR, r.BCRLow, r.BCRHigh, r.SwitchingEffect = nan, nan, nan, nan, nan, nan, nan
	if opt.Cost != nil {
		r.NPV, r.NPVLow, r.NPVHigh = r.Benefit-r.TotalCost, r.BenefitLow-r.TotalCost, r.BenefitHigh-r.TotalCost
		if r.TotalCost > 0 {
			r.BCR, r.BCRLow, r.BCRHigh = r.Benefit/r.TotalCost, r.BenefitLow/r.TotalCost, r.BenefitHigh/r.TotalCost
		}
		x := r.TotalCost / (opt.Baseline * r.UnitCost * r.BenefitDiscount)
		r.SwitchingEffect = e.Measure.null() - x
		_, yearly := value(e.Measure, opt.Baseline, e.Estimate, ucRat)
		r.PaybackYear = payback(yearly, r.YearlyCost, k, opt.Discount)
	}
	if w := opt.HarmWeights; w != nil {
		weight, ok := w[uc.Crime]
		if !ok {
			return nil, fmt.Errorf("%w: the harm weights have no weight for %s", ErrCrime, uc.Crime)
		}
		r.Harm = &Harm{Weight: weight, Averted: r.Averted * weight, Low: r.AvertedLow * weight, High: r.AvertedHigh * weight}
	}
	if opt.Sensitivity > 0 {
		r.Sensitivity = m.sensitivity(e, opt.Sensitivity)
	}
	if opt.Simulate > 0 {
		if r.Simulation, err = m.simulate(e, opt.Simulate, opt.Seed); err != nil {
			return nil, err
		}
	}
	r.Warnings = r.warnings()
	return r, nil
}

// value returns the crimes averted a year at the effect x,
//
//	N (1 - x) for a rate ratio, N (-x) for a risk difference,
//
// and their worth at the unit cost uc, each computed exactly from the
// decimals that N and x print as and rounded once; an undefined or
// infinite x gives the float64 result (NaN or ±Inf).
func value(m Measure, n, x float64, uc *big.Rat) (averted, worth float64) {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		averted = m.averted(n, x)
		u, _ := uc.Float64()
		return averted, averted * u
	}
	a := decimal.Exact(x)
	if m == RateRatio {
		a.Sub(big.NewRat(1, 1), a)
	} else {
		a.Neg(a)
	}
	a.Mul(a, decimal.Exact(n))
	averted, _ = a.Float64()
	worth, _ = a.Mul(a, uc).Float64()
	return averted, worth
}

// averted is N (1 - x) or N (-x) in float64, for the draws and the
// sensitivity analysis.
func (m Measure) averted(n, x float64) float64 {
	if m == RateRatio {
		return n * (1 - x)
	}
	return -n * x
}

// uprate returns the unit cost in the prices of the options' price year
// (exactly, from the decimals of the indices), and that year.
func uprate(uc UnitCost, opt Options) (*big.Rat, int, error) {
	r := new(big.Rat).SetFrac64(int64(uc.Total), 100)
	if opt.PriceYear == 0 {
		return r, uc.PriceYear, nil
	}
	for _, y := range []int{opt.PriceYear, uc.PriceYear} {
		v, ok := opt.Deflators[y]
		if !ok {
			return nil, 0, fmt.Errorf("%w: the deflators have no index for %d, which uprating the unit cost of %s from %d to %d prices needs",
				unitcost.ErrYear, y, uc.Crime, uc.PriceYear, opt.PriceYear)
		}
		if !(v > 0) || math.IsInf(v, 0) {
			return nil, 0, fmt.Errorf("%w: the deflator of %d is %v, not a positive number", ErrOptions, y, v)
		}
	}
	r.Mul(r, decimal.Exact(opt.Deflators[opt.PriceYear]))
	r.Quo(r, decimal.Exact(opt.Deflators[uc.PriceYear]))
	return r, opt.PriceYear, nil
}

// payback returns the first year t whose cumulative discounted net benefit
// Σ_{u<=t} (benefit D_b(u) - cost D(u)) is 0 or more, or -1.
func payback(benefit, cost float64, years int, s Schedule) int {
	var cum float64
	for t := 0; t < years; t++ {
		cum += benefit*s.factor(t, 1) - cost*Standard.factor(t, 1)
		if cum >= 0 {
			return t
		}
	}
	return -1
}

// check returns an error wrapping ErrOptions for options out of range.
func (o Options) check() error {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: "+format, append([]any{ErrOptions}, a...)...)
	}
	switch {
	case o.Crime == "":
		return bad("no crime type; name the crimes the effect is on, such as violence_with_injury")
	case !(o.Baseline > 0) || math.IsInf(o.Baseline, 0):
		return bad("a baseline of %v; give the crimes expected without the intervention (or the people treated), more than 0", o.Baseline)
	case o.Years < 0 || o.Years > MaxYears:
		return bad("%d years; give 1 to %d (the Green Book's rates change after year %d)", o.Years, MaxYears, MaxYears)
	case o.Discount != Standard && o.Discount != Health:
		return bad("%v is not a discount schedule", o.Discount)
	case !(o.OptimismBias >= 0 && o.OptimismBias <= 2):
		return bad("an optimism bias of %v; give a share from 0 to 2 (200%%), such as 0.2 for 20%%", o.OptimismBias)
	case o.OptimismBias > 0 && o.Cost == nil:
		return bad("an optimism bias uplifts a cost: give the intervention's cost")
	case !(o.Sensitivity >= 0 && o.Sensitivity < 1):
		return bad("a sensitivity share of %v; give a share from 0 to below 1, such as 0.1 for ±10%%", o.Sensitivity)
	case o.Simulate != 0 && (o.Simulate < 100 || o.Simulate > MaxDraws):
		return bad("%d Monte Carlo draws; give 100 to %d", o.Simulate, MaxDraws)
	case o.PriceYear == 0 && len(o.Deflators) > 0:
		return bad("deflators without a price year; say which year's prices to use")
	case o.PriceYear != 0 && len(o.Deflators) == 0:
		return bad("a price year without deflators to uprate the unit cost with")
	}
	if o.Cost != nil {
		return o.Cost.check()
	}
	return nil
}
