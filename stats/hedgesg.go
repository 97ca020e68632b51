package stats

import "math"

// HedgesG returns Hedges' g, Cohen's d (see CohensD) times the exact
// small-sample correction, with its interval, as
// effectsize::hedges_g(x, y, ci = level, alternative) (effectsize 0.8.3):
//
//	J(df) = Γ(df/2) / (sqrt(df/2) Γ((df-1)/2)),  df = nx + ny - 2
//	g     = J(df) d
//
// and the interval is Cohen's d's interval times J(df). J is computed from
// math.Lgamma, so it does not overflow for large df (where it tends to 1).
// SD, T and DF are those of Cohen's d. The special cases are those of
// CohensD.
//
// [1] Hedges, L. V. (1981). Distribution theory for Glass's estimator of
// effect size and related estimators. Journal of Educational Statistics 6,
// 107–128.
func HedgesG(x, y []float64, level float64, alt Alternative) (SMDResult, error) {
	r, err := CohensD(x, y, level, alt)
	if err != nil {
		return SMDResult{}, err
	}
	j := hedgesJ(r.DF)
	r.Value *= j
	r.CILow *= j
	r.CIHigh *= j
	return r, nil
}

// hedgesJ returns Hedges' correction J(df) = Γ(df/2) / (sqrt(df/2)
// Γ((df-1)/2)) for df > 1.
func hedgesJ(df float64) float64 {
	a, _ := math.Lgamma(df / 2)
	b, _ := math.Lgamma((df - 1) / 2)
	return math.Exp(a - math.Log(math.Sqrt(df/2)) - b)
}
