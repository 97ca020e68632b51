package analysis

import (
	"encoding/json"
	"fmt"

	"github.com/evalkit/evalkit/stats"
)

// Method is how a comparison is estimated; its String is the contract's
// name.
type Method int

// The methods of the contract (docs: spec/cli.md, "evalkit analyse").
const (
	// WelchT is t.test(x, y): a continuous outcome without covariates,
	// block or cluster.
	WelchT Method = iota
	// FisherExact is the risk difference with Newcombe's interval and
	// fisher.test's p-value: a binary outcome without covariates, block or
	// cluster.
	FisherExact
	// PoissonExact is poisson.test on the arms' totals and exposures.
	PoissonExact
	// NegBinGLM is MASS::glm.nb with the offset log(exposure).
	NegBinGLM
	// PoissonGLM is glm(family = poisson) with the offset.
	PoissonGLM
	// OLSHC2 is estimatr::lm_robust(se_type = "HC2") with the covariates
	// and block fixed effects.
	OLSHC2
	// OLSCR2 is the same with clusters, se_type = "CR2" and the
	// Bell-McCaffrey df.
	OLSCR2
	// OLSHC0, OLSHC1 and OLSHC3 are OLSHC2 with se_type = "HC0", "HC1"
	// or "HC3" (Plan.SE).
	OLSHC0
	OLSHC1
	OLSHC3
	// MixedREML is lmerTest::lmer(y ~ treat + covariates + factor(block)
	// + (1 | cluster), REML = TRUE) with Satterthwaite's df: a continuous
	// outcome with a cluster column and Plan.Model Multilevel.
	MixedREML
)

var methodNames = [...]string{
	WelchT: "welch_t", FisherExact: "fisher_exact", PoissonExact: "poisson_exact",
	NegBinGLM: "negbin_glm", PoissonGLM: "poisson_glm", OLSHC2: "ols_hc2", OLSCR2: "ols_cr2",
	OLSHC0: "ols_hc0", OLSHC1: "ols_hc1", OLSHC3: "ols_hc3", MixedREML: "mixed_reml",
}

// String returns the contract's name of the method, such as "welch_t".
func (m Method) String() string {
	if m < 0 || int(m) >= len(methodNames) {
		return fmt.Sprintf("Method(%d)", int(m))
	}
	return methodNames[m]
}

// MarshalJSON returns the method's name as a JSON string, as the
// contract's JSON has it.
func (m Method) MarshalJSON() ([]byte, error) { return json.Marshal(m.String()) }

// ParseMethod returns the method of the contract's name s.
func ParseMethod(s string) (Method, error) {
	for m, n := range methodNames {
		if n == s {
			return Method(m), nil
		}
	}
	return 0, fmt.Errorf("analysis: unknown method %q", s)
}

// Ratio reports whether the method's estimate is a rate ratio (its null
// value 1, its statistic for randomisation inference the logarithm).
func (m Method) Ratio() bool {
	return m == NegBinGLM || m == PoissonExact || m == PoissonGLM
}

// LeastSquares reports whether the method is a least-squares regression
// (ols_hc0 to ols_hc3, ols_cr2).
func (m Method) LeastSquares() bool {
	return m == OLSHC2 || m == OLSCR2 || m == OLSHC0 || m == OLSHC1 || m == OLSHC3
}

// cov returns the standard error of a least-squares method.
func (m Method) cov() stats.CovType {
	switch m {
	case OLSCR2:
		return stats.CR2
	case OLSHC0:
		return stats.HC0
	case OLSHC1:
		return stats.HC1
	case OLSHC3:
		return stats.HC3
	}
	return stats.HC2
}

// Measure names the method's estimate in words for an outcome type:
// "difference in means", "adjusted risk difference", "rate ratio", ...
// Least-squares estimates are "adjusted"; with a binary outcome they are
// differences in risk (a linear probability model).
func (m Method) Measure(t Type) string {
	switch m {
	case WelchT:
		return "difference in means"
	case FisherExact:
		return "risk difference"
	case NegBinGLM, PoissonExact, PoissonGLM:
		return "rate ratio"
	case MixedREML:
		return "adjusted difference in means"
	}
	if m.LeastSquares() {
		if t == Binary {
			return "adjusted risk difference"
		}
		return "adjusted difference in means"
	}
	return "estimate"
}

// MethodFor returns the contract's method for an outcome of type t
// (Continuous, Binary or Count: Analyse decides Auto from the data first)
// under model m, with design true when there are covariates, a block or a
// cluster, cluster true with a cluster column, and se the standard error
// of least squares without clusters; an error for a combination that has
// no method (the multilevel model of a binary outcome, a clustered count).
func MethodFor(t Type, m Model, design bool, cluster bool, se stats.CovType) (Method, error) {
	if m == Multilevel {
		switch {
		case t != Continuous:
			return 0, fmt.Errorf("analysis: the multilevel model is for a continuous outcome, and this one is %v; to fit it to a 0/1 outcome as a linear probability model, give the type continuous", t)
		case !cluster:
			return 0, fmt.Errorf("analysis: the multilevel model needs a cluster column")
		}
		return MixedREML, nil
	}
	switch t {
	case Continuous, Binary:
		switch {
		case cluster:
			return OLSCR2, nil
		case design:
			return map[stats.CovType]Method{stats.HC0: OLSHC0, stats.HC1: OLSHC1, stats.HC2: OLSHC2, stats.HC3: OLSHC3}[se], nil
		case t == Continuous:
			return WelchT, nil
		}
		return FisherExact, nil
	case Count:
		if cluster {
			return 0, fmt.Errorf("analysis: a cluster is not defined for a count outcome (no cluster-robust count model in this release)")
		}
		switch {
		case m == Poisson && design:
			return PoissonGLM, nil
		case m == Poisson:
			return PoissonExact, nil
		}
		return NegBinGLM, nil
	}
	return 0, fmt.Errorf("analysis: outcome type %v has no method", t)
}
