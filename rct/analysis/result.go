package analysis

import (
	"fmt"
	"math"
	"time"

	"github.com/evalkit/evalkit/internal/jsonenc"
)

// Result is a trial's analysis. It marshals with encoding/json to exactly
// the object `evalkit analyse --json` prints (docs: spec/cli.md, "evalkit
// analyse"), with null for every undefined number, plus the additions
// n_missing_arm, balance and warnings, and under a plan plan and secondary.
type Result struct {
	// Outcome is the outcome column's name and Type its type, given or
	// detected.
	Outcome string
	Type    Type
	// Level is the confidence level of every interval.
	Level float64
	// Arms are the control, then the treatment arms in sorted label order.
	Arms []Arm
	// Comparisons are the treatment arms compared with the control, in the
	// order of Arms.
	Comparisons []Comparison
	// NMissingArm counts the rows with no arm, which belong to no arm.
	NMissingArm int
	// Balance compares every covariate between each treatment arm and the
	// control over the rows analysed; nil without covariates.
	Balance []BalanceRow
	// Attrition is the trial's attrition by arm, with the balance of the
	// analysed sample against the randomised one; nil when every unit
	// randomised was analysed.
	Attrition *AttritionTable
	// Warnings are what an evaluator should know before reporting the
	// result.
	Warnings []string
	// Design is the randomisation the trial was analysed by
	// (Data.Allocated); nil without one.
	Design *Design
	// PlanInfo is the pre-specified analysis plan the analysis followed
	// (package rct/plan), and Secondary the results of the plan's
	// secondary outcomes in its order; nil without a plan.
	PlanInfo  *PlanInfo
	Secondary []*Result

	// Columns and Plan are what was analysed, and how (the plan's
	// defaults filled in), and Flow is each arm's participant flow in the
	// order of Arms. They are not part of the JSON.
	Columns Columns
	Plan    Plan
	Flow    []ArmFlow

	// warningOf holds, for each of Warnings, the treatment arm of the
	// comparison it concerns alone ("" for every comparison).
	warningOf []string
}

// Arm describes one arm. The fields of the outcome's type are filled; the
// others are zero (NaN for the floats).
type Arm struct {
	Arm string
	// N counts the rows analysed, NMissing those left out for a missing
	// outcome, exposure, covariate, block or cluster.
	N, NMissing int
	// Mean and SD describe a continuous outcome.
	Mean, SD float64
	// Events and Risk describe a binary outcome.
	Events int
	Risk   float64
	// Total, Exposure and Rate describe a count: the sum of the counts,
	// of the exposures, and their ratio.
	Total, Exposure, Rate float64
	// Values are the analysed outcomes in row order (for plots; not part
	// of the JSON).
	Values []float64

	typ Type // the outcome's type, which picks the JSON form
}

// Comparison is one treatment arm compared with the control. Undefined
// numbers are NaN and the reason is in Notes.
type Comparison struct {
	Treatment   string   `json:"treatment"`
	Control     string   `json:"control"`
	Method      Method   `json:"method"`
	Estimate    float64  `json:"estimate"`
	SE          float64  `json:"se"`
	CILow       float64  `json:"ci_low"`
	CIHigh      float64  `json:"ci_high"`
	PValue      float64  `json:"p_value"`
	DF          float64  `json:"df"`
	EffectSizes []Effect `json:"effect_sizes"`
	Tests       []Test   `json:"tests"`
	// RIPValue is the randomisation-inference p-value, NaN unless the plan
	// asks for permutations.
	RIPValue float64 `json:"ri_p_value"`
	// RIDraws is the number of allocations behind RIPValue: B, or all of
	// them when RIExact (rct.RIResult); nil without randomisation
	// inference.
	RIDraws *int  `json:"ri_draws"`
	RIExact *bool `json:"ri_exact"`
	// RIMCSE is the sampled p-value's Monte Carlo standard error
	// sqrt(p (1 - p) / B), and RICILow, RICIHigh the 99% Clopper-Pearson
	// interval of the share of extreme allocations (rct.RIResult.MCSE,
	// MCInterval); NaN when exact or without randomisation inference.
	RIMCSE   float64 `json:"ri_mc_se"`
	RICILow  float64 `json:"ri_ci_low"`
	RICIHigh float64 `json:"ri_ci_high"`
	// PHolm is the Holm-adjusted p-value over all comparisons.
	PHolm float64 `json:"p_holm"`
	// PAdjusted is the p-value adjusted by Plan.Adjust over all
	// comparisons (Holm's by default, then equal to PHolm).
	PAdjusted float64 `json:"p_adjusted"`
	// ICC is the intraclass correlation of method mixed_reml,
	// var_cluster / (var_cluster + var_residual) of the model without
	// covariates, and ICCCILow, ICCCIHigh Searle's interval for it;
	// VarCluster and VarResidual are the REML variances of the model with
	// covariates (multilevel.go). NaN for the other methods.
	ICC         float64 `json:"icc"`
	ICCCILow    float64 `json:"icc_ci_low"`
	ICCCIHigh   float64 `json:"icc_ci_high"`
	VarCluster  float64 `json:"var_cluster"`
	VarResidual float64 `json:"var_residual"`
	// VarSiteIntercept and VarSiteSlope are the REML variances of the
	// sites' random intercepts and treatment slopes of method mixed_reml
	// with Plan.SiteSlopes, and CorSite their correlation (siteslopes.go);
	// NaN otherwise.
	VarSiteIntercept float64 `json:"var_site_intercept"`
	VarSiteSlope     float64 `json:"var_site_slope"`
	CorSite          float64 `json:"cor_site"`
	// Cace, Subgroups with InteractionP, and LeeBounds are nil unless
	// Columns.Received, Columns.Subgroup, or attrition (compliance.go,
	// subgroup.go, attrition.go) call for them.
	Cace         *CACE      `json:"cace,omitempty"`
	Subgroups    []Subgroup `json:"subgroups,omitempty"`
	InteractionP *float64   `json:"interaction_p,omitempty"`
	LeeBounds    *LeeBounds `json:"lee_bounds,omitempty"`
	// Notes say why a number is undefined or how it was computed.
	Notes []string `json:"notes"`
	// Headline is the comparison in one plain sentence (Result.Headline).
	Headline string `json:"headline"`
	// Prespecified, in an analysis under a plan (Result.PlanInfo), says
	// whether the plan specified the comparison; nil without a plan.
	Prespecified *bool `json:"prespecified,omitempty"`
}

// PlanInfo is the pre-specified analysis plan an analysis followed: the
// plan's file as given, the SHA-256 of its bytes in hexadecimal, when it
// was locked (nil without a lock) and whether it differs from its lock.
type PlanInfo struct {
	File     string     `json:"file"`
	SHA256   string     `json:"sha256"`
	LockedAt *time.Time `json:"locked_at"`
	Changed  bool       `json:"changed"`
}

// Effect is an effect size with its interval.
type Effect struct {
	Measure string  `json:"measure"`
	Value   float64 `json:"value"`
	CILow   float64 `json:"ci_low"`
	CIHigh  float64 `json:"ci_high"`
}

// Test is a further test of the same comparison.
type Test struct {
	Method    string  `json:"method"`
	Statistic float64 `json:"statistic"`
	PValue    float64 `json:"p_value"`
}

// BalanceRow is one covariate, or one level of a categorical covariate,
// compared between a treatment arm and the control over the analysed rows.
// For a level, Mean and MeanControl are the level's shares and SD and
// SDControl sqrt(share (1 - share)), the SDs of its indicator.
type BalanceRow struct {
	Covariate string `json:"covariate"`
	// Level is the level of a categorical covariate; "" (and no JSON key)
	// for a numeric one.
	Level       string  `json:"level,omitempty"`
	Arm         string  `json:"arm"`
	Control     string  `json:"control"`
	N           int     `json:"n"`
	NControl    int     `json:"n_control"`
	Mean        float64 `json:"mean"`
	MeanControl float64 `json:"mean_control"`
	SD          float64 `json:"sd"`
	SDControl   float64 `json:"sd_control"`
	// StdDiff is the standardised difference (rct.BalanceNumeric),
	//
	//	(mean - mean_control) / sqrt((sd² + sd_control²) / 2),
	//
	// NaN when both SDs are 0 or, for a numeric covariate, an arm has
	// fewer than two rows.
	StdDiff float64 `json:"std_diff"`
}

// resultJSON is the contract's object.
type resultJSON struct {
	Outcome     string          `json:"outcome"`
	Type        Type            `json:"type"`
	Level       float64         `json:"level"`
	Arms        []Arm           `json:"arms"`
	Comparisons []Comparison    `json:"comparisons"`
	Adjust      Adjustment      `json:"adjust"`
	NMissingArm int             `json:"n_missing_arm"`
	Balance     []BalanceRow    `json:"balance,omitempty"`
	Attrition   *AttritionTable `json:"attrition,omitempty"`
	Warnings    []string        `json:"warnings,omitempty"`
	Design      *Design         `json:"design,omitempty"`
	Plan        *PlanInfo       `json:"plan,omitempty"`
	Secondary   []*Result       `json:"secondary,omitempty"`
}

// The JSON forms of an arm, one per outcome type.
type (
	armContinuous struct {
		Arm      string  `json:"arm"`
		N        int     `json:"n"`
		NMissing int     `json:"n_missing"`
		Mean     float64 `json:"mean"`
		SD       float64 `json:"sd"`
	}
	armBinary struct {
		Arm      string  `json:"arm"`
		N        int     `json:"n"`
		NMissing int     `json:"n_missing"`
		Events   int     `json:"events"`
		Risk     float64 `json:"risk"`
	}
	armCount struct {
		Arm      string  `json:"arm"`
		N        int     `json:"n"`
		NMissing int     `json:"n_missing"`
		Total    float64 `json:"total"`
		Exposure float64 `json:"exposure"`
		Rate     float64 `json:"rate"`
	}
)

// MarshalJSON returns the contract's object, with null for NaN and ±Inf.
func (r Result) MarshalJSON() ([]byte, error) {
	return jsonenc.Marshal(resultJSON{Outcome: r.Outcome, Type: r.Type, Level: r.Level, Arms: r.Arms,
		Comparisons: r.Comparisons, Adjust: r.Plan.Adjust, NMissingArm: r.NMissingArm, Balance: r.Balance, Attrition: r.Attrition, Warnings: r.Warnings, Design: r.Design,
		Plan: r.PlanInfo, Secondary: r.Secondary})
}

// MarshalJSON returns the arm's object for its outcome type, with null for
// NaN and ±Inf.
func (a Arm) MarshalJSON() ([]byte, error) {
	switch a.typ {
	case Continuous:
		return jsonenc.Marshal(armContinuous{a.Arm, a.N, a.NMissing, a.Mean, a.SD})
	case Binary:
		return jsonenc.Marshal(armBinary{a.Arm, a.N, a.NMissing, a.Events, a.Risk})
	}
	return jsonenc.Marshal(armCount{a.Arm, a.N, a.NMissing, a.Total, a.Exposure, a.Rate})
}

// MarshalJSON returns the comparison's object, with null for NaN and ±Inf.
func (c Comparison) MarshalJSON() ([]byte, error) {
	type plain Comparison
	return jsonenc.Marshal(plain(c))
}

// MarshalJSON returns the effect's object, with null for NaN and ±Inf.
func (e Effect) MarshalJSON() ([]byte, error) {
	type plain Effect
	return jsonenc.Marshal(plain(e))
}

// MarshalJSON returns the test's object, with null for NaN and ±Inf.
func (t Test) MarshalJSON() ([]byte, error) {
	type plain Test
	return jsonenc.Marshal(plain(t))
}

// Name names the row: the covariate, and for a level of a categorical one
// "covariate = level".
func (b BalanceRow) Name() string {
	if b.Level == "" {
		return b.Covariate
	}
	return b.Covariate + " = " + b.Level
}

// MarshalJSON returns the row's object, with null for NaN and ±Inf.
func (b BalanceRow) MarshalJSON() ([]byte, error) {
	type plain BalanceRow
	return jsonenc.Marshal(plain(b))
}

// newComparison returns a comparison of tr with c by method with every
// number undefined until the method fills it in.
func newComparison(tr, c *arm, m Method) Comparison {
	nan := math.NaN()
	return Comparison{
		Treatment: tr.label, Control: c.label, Method: m,
		Estimate: nan, SE: nan, CILow: nan, CIHigh: nan, PValue: nan, DF: nan,
		ICC: nan, ICCCILow: nan, ICCCIHigh: nan, VarCluster: nan, VarResidual: nan,
		VarSiteIntercept: nan, VarSiteSlope: nan, CorSite: nan,
		EffectSizes: []Effect{}, Tests: []Test{},
		RIPValue: nan, RIMCSE: nan, RICILow: nan, RICIHigh: nan, PHolm: nan, PAdjusted: nan, Notes: []string{},
	}
}

// note records why a number is undefined or how it was computed.
func (c *Comparison) note(format string, a ...any) {
	c.Notes = append(c.Notes, fmt.Sprintf(format, a...))
}
