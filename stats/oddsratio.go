package stats

import (
	"fmt"
	"math"
)

// OddsRatio returns the ratio of the odds x/(nx-x) (treatment) and
// y/(ny-y) (control), the sample odds ratio, with Woolf's log interval [1]:
// the contract's odds_ratio, as `evalkit analyse` reports it. (Fisher's
// conditional maximum-likelihood estimate, fisher.test's, is
// FisherExactResult.ConditionalOR, a different number.) With cells a = x,
// b = nx-x, c = y, d = ny-y,
//
//	OR = ad / bc,  SE(log OR) = sqrt(1/a + 1/b + 1/c + 1/d),
//
// and the interval exp(log OR ± z SE), z the normal quantile at
// (1+level)/2. When any cell is zero, 0.5 is added to every cell (Haldane
// and Anscombe) for both the estimate and the interval, and Corrected is
// set.
//
// Special cases are
//
//	x = y = 0 = error wrapping ErrZeroVariance (no events in either arm:
//	the odds ratio is undefined and a corrected value would be made up)
//	x = nx and y = ny = error wrapping ErrZeroVariance (likewise, no non-events)
//	nx or ny < 1 = error wrapping ErrTooFew
//	x < 0, x > nx, y < 0, y > ny or a level outside (0, 1) = error wrapping ErrDomain
//
// [1] Woolf, B. (1955). On estimating the relation between blood group and
// disease. Annals of Human Genetics 19, 251-253.
func OddsRatio(x, nx, y, ny int, level float64) (RatioResult, error) {
	if err := checkRatioInput("odds ratio", x, nx, y, ny, level); err != nil {
		return RatioResult{}, err
	}
	switch {
	case x == 0 && y == 0:
		return RatioResult{}, fmt.Errorf("odds ratio: no events in either arm, the ratio is undefined: %w", ErrZeroVariance)
	case x == nx && y == ny:
		return RatioResult{}, fmt.Errorf("odds ratio: every unit in both arms had the event, the ratio is undefined: %w", ErrZeroVariance)
	}
	a, b, c, d := float64(x), float64(nx-x), float64(y), float64(ny-y)
	r := RatioResult{}
	if a == 0 || b == 0 || c == 0 || d == 0 {
		a, b, c, d = a+0.5, b+0.5, c+0.5, d+0.5
		r.Corrected = true
	}
	r.Estimate = (a / b) / (c / d)
	r.SE = math.Sqrt(1/a + 1/b + 1/c + 1/d)
	r.Low, r.High = logInterval(r.Estimate, r.SE, level)
	return r, nil
}
