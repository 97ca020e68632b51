package qed

import (
	"fmt"
	"math"
	"strconv"

	"github.com/evalkit/evalkit/stats"
)

// MatchMethod chooses how the controls are made comparable.
type MatchMethod int

const (
	// Nearest is 1:1 nearest-neighbour matching without replacement on a
	// logistic propensity score (stats.NearestMatch).
	Nearest MatchMethod = iota
	// EBal is entropy balancing of the controls to the treated means
	// (stats.EntropyBalanceATT).
	EBal
)

// String returns the method's name on the command line: nearest or ebal.
func (m MatchMethod) String() string {
	if m == EBal {
		return "ebal"
	}
	return "nearest"
}

// MarshalText and UnmarshalText read and write the name.
func (m MatchMethod) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText parses nearest or ebal.
func (m *MatchMethod) UnmarshalText(b []byte) error {
	switch string(b) {
	case "nearest":
		*m = Nearest
	case "ebal":
		*m = EBal
	default:
		return fmt.Errorf("%q: want nearest or ebal", b)
	}
	return nil
}

// Caliper is a caliper in standard deviations of the propensity score: 0
// (none) or more.
type Caliper float64

// MarshalText writes the caliper as a number.
func (c Caliper) MarshalText() ([]byte, error) {
	return strconv.AppendFloat(nil, float64(c), 'g', -1, 64), nil
}

// UnmarshalText reads a number of 0 or more.
func (c *Caliper) UnmarshalText(b []byte) error {
	v, err := strconv.ParseFloat(string(b), 64)
	if err != nil || !(v >= 0) || math.IsInf(v, 0) {
		return fmt.Errorf("%q: want a caliper of 0 (none) or more standard deviations of the score, such as 0.2", b)
	}
	*c = Caliper(v)
	return nil
}

// MatchOptions are the choices of a matching.
type MatchOptions struct {
	Method MatchMethod
	// Caliper (nearest only) is in standard deviations of the propensity
	// score; 0 means none.
	Caliper Caliper
	// Level is the confidence level of the effect; 0 means 0.95.
	Level float64
}

// BalanceRow is one covariate's balance before and after (stats.Balance).
type BalanceRow struct {
	Covariate      string  `json:"covariate"`
	SMDBefore      float64 `json:"smd_before"`
	SMDAfter       float64 `json:"smd_after"`
	VarRatioBefore float64 `json:"var_ratio_before"`
	VarRatioAfter  float64 `json:"var_ratio_after"`
}

// MatchResult is a matching or weighting as evalkit match reports it.
type MatchResult struct {
	Method string `json:"method"`
	Treat  string `json:"treat"`
	// Outcome names the outcome column ("" without one).
	Outcome  string `json:"outcome"`
	Treated  int    `json:"n_treated"`
	Controls int    `json:"n_control"`
	Rows     int    `json:"n_rows"`
	Missing  int    `json:"n_missing"`
	// Caliper is the caliper in SDs of the score and CaliperWidth in the
	// score's units (null without one or with ebal).
	Caliper      float64 `json:"caliper"`
	CaliperWidth float64 `json:"caliper_width"`
	// NMatched is the number of matched pairs (nearest); ESS the controls'
	// effective sample size (Σw)²/Σw² and MaxMeanGap the largest gap left
	// between a weighted control mean and the treated mean (ebal).
	NMatched   *int         `json:"n_matched"`
	ESS        float64      `json:"ess"`
	MaxMeanGap float64      `json:"max_mean_gap"`
	Balance    []BalanceRow `json:"balance"`
	// Effect is the effect on the treated of Columns.Outcome (null without).
	Effect   *Effect  `json:"effect"`
	Level    float64  `json:"level"`
	SMSLevel int      `json:"sms_level"`
	Warnings []string `json:"warnings"`
}

// Match makes the controls comparable to the treated units and reports the
// covariates' balance and, with an outcome, the effect on the treated.
//
// Nearest fits the propensity score by logistic regression of the
// treatment on the covariates (stats.Logistic, as MatchIt's distance =
// "glm"), matches 1:1 greedily from the largest score within the caliper
// and the exact strata (stats.NearestMatch), and estimates the effect by
// lm_robust(outcome ~ treat, clusters = pair, se_type = "CR2") on the
// matched pairs. EBal weights the controls by entropy balancing
// (stats.EntropyBalanceATT) and estimates the effect by lm_robust(outcome
// ~ treat, weights = w, se_type = "HC2") (stats.WLS). Balance is by
// stats.Balance: standardised differences over the treated units' SD in
// the full sample and weighted variance ratios, before and after [1].
//
// [1] Austin, P. C. (2011). An introduction to propensity score methods for
// reducing the effects of confounding in observational studies.
// Multivariate Behavioral Research 46(3), 399-424.
func (d *MatchData) Match(opt MatchOptions) (*MatchResult, error) {
	r := &MatchResult{Method: opt.Method.String(), Treat: d.Columns.Treat, Outcome: d.Columns.Outcome, Rows: d.Rows, Missing: d.Missing,
		Caliper: math.NaN(), CaliperWidth: math.NaN(), ESS: math.NaN(), MaxMeanGap: math.NaN(), SMSLevel: SMSLevel, Warnings: []string{}}
	treat := make([]float64, len(d.Treated))
	for i, t := range d.Treated {
		if t {
			treat[i] = 1
			r.Treated++
		}
	}
	r.Controls = len(treat) - r.Treated
	if r.Treated == 0 || r.Controls == 0 {
		return nil, fmt.Errorf("column %q: %d treated units and %d controls (after %d rows with a missing value): both are needed", d.Columns.Treat, r.Treated, r.Controls, d.Missing)
	}
	if opt.Caliper != 0 && opt.Method != Nearest {
		return nil, fmt.Errorf("a caliper is for nearest-neighbour matching, not %s", opt.Method)
	}
	w := make([]float64, len(treat))
	var fitEffect func() (*stats.OLSResult, error)
	if opt.Method == EBal {
		eb, err := stats.EntropyBalanceATT(d.X, d.Columns.Covariates, d.Treated)
		if err != nil {
			return nil, err
		}
		w = eb.Weights
		sw, sw2 := 0.0, 0.0
		for i, v := range w {
			if !d.Treated[i] {
				sw, sw2 = sw+v, sw2+v*v
			}
		}
		r.ESS, r.MaxMeanGap = sw*sw/sw2, eb.MaxGap
		fitEffect = func() (*stats.OLSResult, error) {
			return stats.WLS(d.Outcome, w, []string{d.Columns.Treat}, [][]float64{treat}, stats.OLSOptions{Cov: stats.HC2, Level: opt.Level})
		}
	} else {
		ps, err := stats.Logistic(treat, d.Columns.Covariates, d.X, stats.GLMOptions{})
		if err != nil {
			return nil, fmt.Errorf("propensity score: %w", err)
		}
		m, err := stats.NearestMatch(ps.Fitted, d.Treated, stats.NearestMatchOptions{Caliper: float64(opt.Caliper), Exact: d.Exact})
		if err != nil {
			return nil, err
		}
		n := len(m.Pairs)
		r.NMatched = &n
		if opt.Caliper > 0 {
			r.Caliper, r.CaliperWidth = float64(opt.Caliper), m.CaliperWidth
		}
		if n == 0 {
			return nil, fmt.Errorf("no treated unit has a control within the caliper%s", map[bool]string{true: " and its stratum", false: ""}[d.Exact != nil])
		}
		if left := r.Treated - n; left > 0 {
			r.Warnings = append(r.Warnings, fmt.Sprintf("unmatched_treated: %d of the %d treated units have no control within the caliper or stratum and are left out; the effect is on the %d matched treated units", left, r.Treated, n))
		}
		var y, t []float64
		var pair []string
		for k, p := range m.Pairs {
			for _, i := range p {
				w[i] = 1
				if d.Outcome != nil {
					y, t, pair = append(y, d.Outcome[i]), append(t, treat[i]), append(pair, strconv.Itoa(k))
				}
			}
		}
		fitEffect = func() (*stats.OLSResult, error) {
			return stats.OLS(y, []string{d.Columns.Treat}, [][]float64{t}, stats.OLSOptions{Cov: stats.CR2, Cluster: pair, Level: opt.Level})
		}
	}
	for j, c := range d.Columns.Covariates {
		b := stats.Balance(d.X[j], d.Treated, w)
		r.Balance = append(r.Balance, BalanceRow{c, b.SMDBefore, b.SMDAfter, b.VarRatioBefore, b.VarRatioAfter})
		if math.Abs(b.SMDAfter) > 0.1 {
			r.Warnings = append(r.Warnings, fmt.Sprintf("imbalance: %s still differs by a standardised difference of %s after %s (above 0.1)", c, num(b.SMDAfter), map[bool]string{true: "weighting", false: "matching"}[opt.Method == EBal]))
		}
	}
	r.Level = 0.95
	if opt.Level != 0 {
		r.Level = opt.Level
	}
	if d.Outcome != nil {
		fit, err := fitEffect()
		if err != nil {
			return nil, fmt.Errorf("effect on %s: %w", d.Columns.Outcome, err)
		}
		c := fit.Coefficients[1]
		r.Effect = &Effect{c.Estimate, c.SE, c.DF, c.CILow, c.CIHigh, c.P}
	}
	return r, nil
}
