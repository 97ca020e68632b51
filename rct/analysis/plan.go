package analysis

import (
	"encoding/json"
	"fmt"
	"math"

	"github.com/evalkit/evalkit/rct"
	"github.com/evalkit/evalkit/stats"
)

// Type is an outcome's type. Its zero value, Auto, means binary when every
// value is 0 or 1, else continuous; a count must be asked for.
type Type int

// The outcome types.
const (
	Auto Type = iota
	Continuous
	Binary
	Count
)

var typeNames = [...]string{Auto: "auto", Continuous: "continuous", Binary: "binary", Count: "count"}

// String returns the contract's name of the type: "continuous", "binary",
// "count" (or "auto").
func (t Type) String() string {
	if t < 0 || int(t) >= len(typeNames) {
		return fmt.Sprintf("Type(%d)", int(t))
	}
	return typeNames[t]
}

// MarshalJSON returns the type's name as a JSON string, as the contract's
// JSON has it.
func (t Type) MarshalJSON() ([]byte, error) { return json.Marshal(t.String()) }

// ParseType returns the type called s ("continuous", "binary", "count";
// "" or "auto" for Auto).
func ParseType(s string) (Type, error) {
	if s == "" {
		return Auto, nil
	}
	for t, n := range typeNames {
		if n == s {
			return Type(t), nil
		}
	}
	return Auto, fmt.Errorf("analysis: outcome type %q: want continuous, binary or count", s)
}

// Model is the model of a count outcome, NegBin (the zero value) or
// Poisson, or Multilevel, the mixed model of a continuous outcome of a
// cluster trial.
type Model int

// The models.
const (
	// NegBin is the negative-binomial GLM, MASS::glm.nb.
	NegBin Model = iota
	// Poisson is the exact Poisson test without covariates or blocks, the
	// Poisson GLM with them.
	Poisson
	// Multilevel is method mixed_reml, a linear mixed model with a random
	// intercept for each cluster: a continuous outcome with a cluster
	// column only.
	Multilevel
)

// String returns "negbin", "poisson" or "multilevel".
func (m Model) String() string {
	switch m {
	case NegBin:
		return "negbin"
	case Poisson:
		return "poisson"
	case Multilevel:
		return "multilevel"
	}
	return fmt.Sprintf("Model(%d)", int(m))
}

// ParseModel returns the model called s ("negbin", or "" for it,
// "poisson" or "multilevel").
func ParseModel(s string) (Model, error) {
	switch s {
	case "", "negbin":
		return NegBin, nil
	case "poisson":
		return Poisson, nil
	case "multilevel":
		return Multilevel, nil
	}
	return NegBin, fmt.Errorf("analysis: model %q: want negbin, poisson or multilevel", s)
}

// Plan says how a trial is analysed. Its zero value is the contract's
// default: control "control", outcome type detected, the negative-binomial
// model for counts, 95% intervals, no randomisation inference.
type Plan struct {
	// Control is the control arm's label; empty means "control".
	Control string
	// Type is the outcome's type; Auto detects binary or continuous.
	Type Type
	// Model is the count model, or Multilevel for a continuous outcome
	// with a cluster column.
	Model Model
	// SiteSlopes, with Model Multilevel, adds to the model a random slope
	// of the treatment by cluster, correlated with the random intercept:
	// for a multi-site trial whose units were randomised within its sites,
	// the cluster column (siteslopes.go). It has no randomisation
	// inference.
	SiteSlopes bool
	// Level is the confidence level of the intervals; 0 means 0.95.
	Level float64
	// Permutations is B, the number of re-randomisations for the
	// randomisation-inference p-value, at most rct.RIMaxDraws; 0 means
	// none.
	Permutations int
	// AutoPermutations, with Permutations 0, draws re-randomisations in
	// batches of 1000 until the 99% interval of the p-value is narrower
	// than ±0.005, or a million are drawn (rct.RIOptions.Auto).
	AutoPermutations bool
	// Seed seeds the re-randomisations.
	Seed uint64
	// Progress, if not nil, is called with the re-randomisations done and
	// the total of the comparison under way (Comparison names it).
	Progress func(done, total int)
	// Adjust is the multiplicity adjustment reported as p_adjusted.
	Adjust Adjustment
	// SE is the robust standard error of least squares without clusters:
	// stats.HC0, HC1, HC2 (the zero value and default) or HC3. With a
	// cluster the standard error is always CR2.
	SE stats.CovType
	// Fit, if not nil, is called as each comparison's estimation starts,
	// with its treatment and control labels and the number of rows of the
	// two arms (the command shows it on a terminal for a large trial).
	Fit func(treatment, control string, rows int)
	// Comparison, if not nil, is called as each comparison's
	// re-randomisation starts, with its treatment and control labels.
	Comparison func(treatment, control string)
	// Label, Unit and Better shape each comparison's headline (Headline):
	// the sentence's subject and verb for the treatment arm, such as
	// "Pupils in schools with a navigator attended"; the outcome's unit,
	// such as "percentage points"; and which direction is good.
	Label, Unit string
	Better      Better
}

// withDefaults returns p with its zero values replaced by the defaults,
// or an error for a plan that cannot be followed.
func (p Plan) withDefaults() (Plan, error) {
	if p.Control == "" {
		p.Control = "control"
	}
	if p.Level == 0 {
		p.Level = 0.95
	}
	switch {
	case !(p.Level > 0 && p.Level < 1) || math.IsNaN(p.Level):
		return p, fmt.Errorf("analysis: confidence level %g: want a number between 0 and 1, such as 0.95", p.Level)
	case p.Permutations < 0:
		return p, fmt.Errorf("analysis: %d permutations: want a positive number of re-randomisations", p.Permutations)
	case p.Permutations > rct.RIMaxDraws:
		return p, fmt.Errorf("analysis: %d permutations: %w", p.Permutations, errTooManyPermutations)
	case p.Type < Auto || p.Type > Count:
		return p, fmt.Errorf("analysis: unknown outcome type %d", int(p.Type))
	case p.Model < NegBin || p.Model > Multilevel:
		return p, fmt.Errorf("analysis: unknown model %d", int(p.Model))
	case p.Adjust < Holm || p.Adjust > BH:
		return p, fmt.Errorf("analysis: unknown adjustment %d", int(p.Adjust))
	case p.SE != stats.HC0 && p.SE != stats.HC1 && p.SE != stats.HC2 && p.SE != stats.HC3:
		return p, fmt.Errorf("analysis: standard error %v: want HC0, HC1, HC2 or HC3", p.SE)
	case p.Better < Unstated || p.Better > Lower:
		return p, fmt.Errorf("analysis: unknown direction %d", int(p.Better))
	case p.AutoPermutations && p.Permutations > 0:
		return p, fmt.Errorf("analysis: both %d permutations and automatic permutations asked for", p.Permutations)
	case p.SiteSlopes && p.Model != Multilevel:
		return p, fmt.Errorf("analysis: site slopes are for the multilevel model")
	case p.SiteSlopes && (p.Permutations > 0 || p.AutoPermutations):
		return p, fmt.Errorf("analysis: randomisation inference is not available with site slopes (it would re-randomise within the sites and re-fit the model with them; not in this release)")
	}
	return p, nil
}
