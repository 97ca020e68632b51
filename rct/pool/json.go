package pool

import (
	"math"

	"github.com/evalkit/evalkit/internal/jsonenc"
)

// resultJSON is the object `evalkit pool --json` prints. The exp_ keys and
// scale are there only for ratios (nil pointers, left out).
type resultJSON struct {
	Method   string  `json:"method"`
	Level    float64 `json:"level"`
	K        int     `json:"k"`
	Estimate float64 `json:"estimate"`
	SE       float64 `json:"se"`
	Z        float64 `json:"z"`
	P        float64 `json:"p_value"`
	CILow    float64 `json:"ci_low"`
	CIHigh   float64 `json:"ci_high"`
	Tau2     float64 `json:"tau2"`
	Tau      float64 `json:"tau"`
	Tau2SE   float64 `json:"tau2_se"`
	I2       float64 `json:"i2"`
	H2       float64 `json:"h2"`
	Q        float64 `json:"q"`
	QDF      float64 `json:"q_df"`
	QP       float64 `json:"q_p_value"`
	PILow    float64 `json:"pi_low"`
	PIHigh   float64 `json:"pi_high"`
	expJSON
	Sites []siteJSON `json:"sites"`
}

// expJSON are the keys of a ratio's result: the scale and the pooled
// estimate and intervals exponentiated.
type expJSON struct {
	Scale       string   `json:"scale,omitempty"`
	ExpEstimate *float64 `json:"exp_estimate,omitempty"`
	ExpCILow    *float64 `json:"exp_ci_low,omitempty"`
	ExpCIHigh   *float64 `json:"exp_ci_high,omitempty"`
	ExpPILow    *float64 `json:"exp_pi_low,omitempty"`
	ExpPIHigh   *float64 `json:"exp_pi_high,omitempty"`
}

// siteJSON is one site of resultJSON.
type siteJSON struct {
	Site        string   `json:"site"`
	Estimate    float64  `json:"estimate"`
	SE          float64  `json:"se"`
	CILow       float64  `json:"ci_low"`
	CIHigh      float64  `json:"ci_high"`
	Weight      float64  `json:"weight"`
	ExpEstimate *float64 `json:"exp_estimate,omitempty"`
	ExpCILow    *float64 `json:"exp_ci_low,omitempty"`
	ExpCIHigh   *float64 `json:"exp_ci_high,omitempty"`
}

// MarshalJSON returns the object `evalkit pool --json` prints: method
// ("reml", "dl" or "fe"), level, k, estimate, se, z, p_value, ci_low,
// ci_high, tau2, tau, tau2_se, i2 (percent), h2, q, q_df, q_p_value, pi_low,
// pi_high and sites (each site, estimate, se, ci_low, ci_high and weight, in
// percent). For ratios the numbers are on the log scale, and scale "log"
// with exp_estimate, exp_ci_low, exp_ci_high, exp_pi_low and exp_pi_high
// (and each site's exp_estimate, exp_ci_low and exp_ci_high) give them as
// ratios. An undefined number (tau2_se, pi_low and pi_high of the
// fixed-effect model) is null.
func (r *Result) MarshalJSON() ([]byte, error) {
	p := &r.PoolResult
	out := resultJSON{Method: MethodName(p.Method), Level: p.Level, K: p.K,
		Estimate: p.Estimate, SE: p.SE, Z: p.Z, P: p.P, CILow: p.CILow, CIHigh: p.CIHigh,
		Tau2: p.Tau2, Tau: p.Tau, Tau2SE: p.Tau2SE, I2: p.I2, H2: p.H2,
		Q: p.Q, QDF: p.QDF, QP: p.QP, PILow: p.PILow, PIHigh: p.PIHigh,
		Sites: make([]siteJSON, len(p.Studies))}
	if r.Log {
		out.expJSON = expJSON{Scale: "log", ExpEstimate: expOf(p.Estimate), ExpCILow: expOf(p.CILow),
			ExpCIHigh: expOf(p.CIHigh), ExpPILow: expOf(p.PILow), ExpPIHigh: expOf(p.PIHigh)}
	}
	for i, s := range p.Studies {
		out.Sites[i] = siteJSON{Site: r.Names[i], Estimate: s.Estimate, SE: s.SE, CILow: s.CILow, CIHigh: s.CIHigh, Weight: s.Weight}
		if r.Log {
			o := &out.Sites[i]
			o.ExpEstimate, o.ExpCILow, o.ExpCIHigh = expOf(s.Estimate), expOf(s.CILow), expOf(s.CIHigh)
		}
	}
	return jsonenc.Marshal(out)
}

// exp returns a pointer to e^v (NaN, printed null, for NaN).
func expOf(v float64) *float64 {
	e := math.Exp(v)
	return &e
}
