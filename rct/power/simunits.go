package power

import (
	"context"
	"fmt"
	"math"
	"slices"

	"github.com/evalkit/evalkit/rct"
	"github.com/evalkit/evalkit/stats"
)

// DefaultSims is the number of simulated trials of evalkit power simulate
// when none is given; MaxSims is the most a UnitsSimulation runs.
const (
	DefaultSims = 1000
	MaxSims     = 1_000_000
)

// UnitsSimulation is the power of a trial as it will be randomised, by
// simulation: what evalkit power simulate computes. Each of Sims trials
//
//  1. allocates the units of Units as evalkit randomise would under
//     Settings (rct.Layout.Randomise, with the stream of Simulation);
//
//  2. draws a continuous outcome (see StandardNormal)
//
//     y = Effect·treat + u_cluster + e,  u ~ N(0, ICC),  e ~ N(0, (1 − ICC)(1 − R2))
//
//     so that Effect is in standard deviations of the outcome before any
//     adjustment and R2 is the share of the unit-level variance that the
//     planned covariates would explain (they are not simulated);
//
//  3. analyses it by the method evalkit analyse would use for the design
//     (AnalysisMethod): ols_cr2 with clusters, ols_hc2 with blocks, else
//     welch_t.
//
// The power is the share of the analysed trials with p < Alpha
// (Simulation). The result depends only on the units, the settings and
// Settings.Seed, never on the number of cores.
type UnitsSimulation struct {
	// Units is the units file, one row per unit, as rct.ReadUnits reads it.
	Units *rct.Units
	// Settings are the randomisation's settings, as evalkit randomise
	// takes them (rct.ParseSettings), with exactly two arms, control
	// first. Settings.Seed seeds the whole simulation.
	Settings rct.Settings
	// Effect is the difference in means d, in standard deviations.
	Effect float64
	// ICC is the intraclass correlation, in [0, 1); it needs a cluster
	// unless it is 0.
	ICC float64
	// R2 is the share of the unit-level variance explained by
	// covariates, in [0, 1).
	R2 float64
	// Alpha is the level of the two-sided test; 0 means DefaultAlpha.
	Alpha float64
	// Sims is the number of simulated trials, from 1 to MaxSims.
	Sims int
	// Progress, when not nil, is called as Simulation.Progress is.
	Progress func(done, total int)
}

// UnitsSimulationResult is a UnitsSimulation's power, with what it was
// computed from. It marshals to the object that evalkit power simulate
// --json prints; Summary gives the table it prints without --json.
type UnitsSimulationResult struct {
	// Design is "simulate".
	Design string `json:"design"`
	// Method is the randomisation method, AnalysisMethod the analysis.
	Method         string `json:"method"`
	AnalysisMethod string `json:"analysis_method"`
	// Arms are the control and treatment arms.
	Arms []string `json:"arms"`
	// NUnits is the number of units (rows); NStrata and NClusters count
	// the strata and clusters, nil without blocks or clusters.
	NUnits    int  `json:"n_units"`
	NStrata   *int `json:"n_strata"`
	NClusters *int `json:"n_clusters"`
	// Effect, ICC, R2 and Alpha are the simulation's.
	Effect float64 `json:"effect"`
	ICC    float64 `json:"icc"`
	R2     float64 `json:"r2"`
	Alpha  float64 `json:"alpha"`
	// Sims is the number of simulated trials and Seed their seed.
	Sims int    `json:"sims"`
	Seed uint64 `json:"seed"`
	// Power is Rejections/(Sims − Failed), PowerCILow and PowerCIHigh its
	// Wilson 95% interval (SimResult).
	Power       float64 `json:"power"`
	PowerCILow  float64 `json:"power_ci_low"`
	PowerCIHigh float64 `json:"power_ci_high"`
	// Rejections counts the trials with p < Alpha; Failed those whose
	// analysis failed, which are left out of the power.
	Rejections int `json:"rejections"`
	Failed     int `json:"failed"`
	// FirstFailure is the first failed trial's error, nil when none failed.
	FirstFailure *string `json:"first_failure"`

	file string // the units file's name, for Summary
}

// Run simulates the trials. Errors: the units file's and the settings'
// (see rct.RandomiseUnits; an rct.SettingsError names the flag), and
// stats.ErrDomain for Effect not finite, ICC or R2 outside [0, 1), ICC > 0
// without a cluster, Sims outside [1, MaxSims], Alpha outside (0, 1). A
// simulation in which every analysis failed is an ErrSimulation error that
// gives the first failure. Run is RunContext(context.Background()).
func (s UnitsSimulation) Run() (UnitsSimulationResult, error) {
	return s.RunContext(context.Background())
}

// RunContext is Run until ctx is done: then it returns ctx.Err() and no
// result (see Simulation.RunContext).
func (s UnitsSimulation) RunContext(ctx context.Context) (UnitsSimulationResult, error) {
	alpha := s.Alpha
	if alpha == 0 {
		alpha = DefaultAlpha
	}
	if err := s.check(alpha); err != nil {
		return UnitsSimulationResult{}, err
	}
	L, opt, err := unitsLayout(s.Units, s.Settings)
	if err != nil {
		return UnitsSimulationResult{}, err
	}
	blocked, clustered := len(s.Settings.Block) > 0, s.Settings.Cluster != ""
	if s.ICC > 0 && !clustered {
		return UnitsSimulationResult{}, fmt.Errorf("%w: icc %g needs a cluster column; without one the outcomes are independent", stats.ErrDomain, s.ICC)
	}
	method := AnalysisMethod(blocked, clustered)
	var cluster []string
	if clustered {
		cluster = make([]string, len(L.GroupOf))
		for i, g := range L.GroupOf {
			cluster[i] = L.GroupIDs[g]
		}
	}
	sim := Simulation{Layout: L, Options: opt, Alpha: alpha, Trials: s.Sims, Seed: s.Settings.Seed, Progress: s.Progress,
		Generate: simOutcome(L, clustered, s.Effect, s.ICC, s.R2), Analyse: simAnalysis(method, blocked, cluster)}
	res, err := sim.RunContext(ctx)
	if err != nil {
		return UnitsSimulationResult{}, err
	}
	r := UnitsSimulationResult{Design: "simulate", Method: s.Settings.Method.String(), AnalysisMethod: method,
		Arms: slices.Clone(s.Settings.Arms), NUnits: len(L.GroupOf), Effect: s.Effect, ICC: s.ICC, R2: s.R2, Alpha: alpha,
		Sims: s.Sims, Seed: s.Settings.Seed, Power: res.Power, PowerCILow: res.Low, PowerCIHigh: res.High,
		Rejections: res.Rejections, Failed: res.Failed, file: s.Units.Name}
	if blocked {
		n := len(L.Strata)
		r.NStrata = &n
	}
	if clustered {
		n := L.NGroups
		r.NClusters = &n
	}
	if res.FirstError != nil {
		msg := res.FirstError.Error()
		r.FirstFailure = &msg
	}
	return r, nil
}

// check validates the simulation's numbers.
func (s UnitsSimulation) check(alpha float64) error {
	if err := checkLevels(alpha, 0, 1, 0); err != nil {
		return err
	}
	switch {
	case math.IsNaN(s.Effect) || math.IsInf(s.Effect, 0):
		return fmt.Errorf("%w: effect %g is not a finite number", stats.ErrDomain, s.Effect)
	case !(s.ICC >= 0 && s.ICC < 1):
		return fmt.Errorf("%w: icc %g is outside [0, 1)", stats.ErrDomain, s.ICC)
	case !(s.R2 >= 0 && s.R2 < 1):
		return fmt.Errorf("%w: r2 %g is outside [0, 1)", stats.ErrDomain, s.R2)
	case s.Sims < 1 || s.Sims > MaxSims:
		return fmt.Errorf("%w: sims %d is outside [1, %d]", stats.ErrDomain, s.Sims, MaxSims)
	}
	return nil
}
