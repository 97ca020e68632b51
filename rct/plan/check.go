package plan

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/evalkit/evalkit/rct/analysis"
)

// Check returns an error, wrapping ErrSetting, for a plan that cannot be followed: a design
// without a manifest, its digest, an id column or two arms; no primary
// outcome; an outcome or covariate that is empty or named twice, or a
// covariate that is an outcome; a type, model, adjustment, standard error
// or level that evalkit analyse does not know; permutations that are
// neither a positive number nor auto, or permutations and seed without
// each other; and settings the design contradicts: a model or exposure
// for counts without a count outcome, the multilevel model without the
// design's cluster or with an outcome that is not continuous, a standard
// error or a count outcome with a cluster.
func (p *Plan) Check() error {
	d := p.Design
	switch {
	case d.Manifest == "" || d.SHA256 == "":
		return settingErrorf("the design needs its manifest and sha256")
	case d.ID == "" || len(d.Arms) < 2:
		return settingErrorf("the design needs its id column and at least two arms")
	case p.Primary.Outcome == "":
		return settingErrorf("no primary outcome")
	}
	count := false
	seen := map[string]bool{}
	for _, o := range p.Outcomes() {
		t, err := analysis.ParseType(o.Type)
		switch {
		case strings.TrimSpace(o.Outcome) == "":
			return settingErrorf("an outcome without a column name")
		case seen[o.Outcome]:
			return settingErrorf("outcome %q is named twice", o.Outcome)
		case err != nil:
			return settingErrorf("outcome %q: type %q: want continuous, binary or count", o.Outcome, o.Type)
		case p.Model == "multilevel" && (t == analysis.Binary || t == analysis.Count):
			return settingErrorf("the multilevel model is for continuous outcomes, and %q is %v", o.Outcome, t)
		case t == analysis.Count && d.Cluster != "":
			return settingErrorf("outcome %q is a count, and a count has no cluster-robust model in this release (the design's cluster is %s)", o.Outcome, d.Cluster)
		}
		seen[o.Outcome] = true
		count = count || t == analysis.Count
	}
	if err := p.checkCovariates(seen); err != nil {
		return err
	}
	return p.checkSettings(count)
}

// checkCovariates refuses an empty covariate, one named twice, and one
// that is an outcome.
func (p *Plan) checkCovariates(outcomes map[string]bool) error {
	for i, c := range p.Covariates {
		switch {
		case strings.TrimSpace(c) == "":
			return settingErrorf("an empty covariate name")
		case slices.Contains(p.Covariates[:i], c):
			return settingErrorf("covariate %q is named twice", c)
		case outcomes[c]:
			return settingErrorf("covariate %q is an outcome", c)
		}
	}
	return nil
}

// checkSettings checks the settings shared by every outcome; count says
// whether some outcome is a count.
func (p *Plan) checkSettings(count bool) error {
	if _, err := analysis.ParseModel(p.Model); err != nil {
		return settingErrorf("model %q: want negbin, poisson or multilevel", p.Model)
	}
	if _, err := analysis.ParseAdjustment(p.Adjust); err != nil {
		return settingErrorf("adjust %q: want holm or bh", p.Adjust)
	}
	if _, err := analysis.ParseSE(p.SE); err != nil {
		return settingErrorf("se %q: want hc0, hc1, hc2 or hc3", p.SE)
	}
	cluster := p.Design.Cluster
	switch {
	case p.Level != 0 && !(p.Level > 0 && p.Level < 1):
		return settingErrorf("level %g: want a number between 0 and 1, such as 0.95", p.Level)
	case (p.Model == "negbin" || p.Model == "poisson") && !count:
		return settingErrorf("model %s is for count outcomes, and no outcome's type is count", p.Model)
	case p.Exposure != "" && !count:
		return settingErrorf("exposure is for count outcomes, and no outcome's type is count")
	case p.Model == "multilevel" && cluster == "":
		return settingErrorf("the multilevel model needs a cluster trial, and the design has no cluster")
	case p.SE != "" && cluster != "":
		return settingErrorf("se is for designs without clusters; with the design's cluster %s the standard errors are CR2", cluster)
	case (p.Permutations == "") != (p.Seed == nil):
		return settingErrorf("permutations and seed go together: the seed makes the re-randomisations reproducible")
	}
	if p.Permutations != "" {
		if _, _, err := analysis.ParsePermutations(string(p.Permutations)); err != nil {
			return settingErrorf("%s", strings.TrimPrefix(err.Error(), "analysis: "))
		}
	}
	return nil
}

// ErrSetting is wrapped by the errors of Set and Check: a setting that
// cannot be followed.
var ErrSetting = errors.New("a setting that cannot be followed")

// settingError is an error of Set or Check, which wraps ErrSetting.
type settingError struct{ msg string }

func (e *settingError) Error() string { return e.msg }
func (e *settingError) Unwrap() error { return ErrSetting }

func settingErrorf(format string, a ...any) error {
	return &settingError{msg: fmt.Sprintf(format, a...)}
}
