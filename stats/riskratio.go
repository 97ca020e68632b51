package stats

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mathext"
)

// RatioResult is a ratio measure (risk or odds ratio) with a confidence
// interval from the normal approximation on the log scale.
type RatioResult struct {
	// Estimate is the ratio, from the corrected cells when Corrected is set.
	Estimate float64
	// SE is the standard error of log(Estimate).
	SE float64
	// Low and High bound the interval exp(log(Estimate) ± z SE).
	Low, High float64
	// Corrected reports that 0.5 was added to every cell of the table
	// because a cell was zero.
	Corrected bool
}

// RiskRatio returns the ratio of the risks x/nx (treatment) and y/ny
// (control) with Katz's log interval [1]:
//
//	RR = (x/nx) / (y/ny),  SE(log RR) = sqrt(1/x - 1/nx + 1/y - 1/ny),
//
// and the interval exp(log RR ± z SE), z the normal quantile at
// (1+level)/2. When an arm has no events, RR or its SE is not finite, so
// 0.5 is added to every cell (x+0.5 events of nx+1, y+0.5 of ny+1) and
// Corrected is set, the convention of the odds ratio (see OddsRatio) and of
// metafor's escalc.
//
// Special cases are
//
//	x = y = 0 = error wrapping ErrZeroVariance: with no events at all the
//	ratio is 0/0, undefined, and a corrected value would be made up
//	x = nx and y = ny = RR 1, SE 0, interval [1, 1]
//	nx or ny < 1 = error wrapping ErrTooFew
//	x < 0, x > nx, y < 0, y > ny or a level outside (0, 1) = error wrapping ErrDomain
//
// [1] Katz, D., Baptista, J., Azen, S. P. and Pike, M. C. (1978). Obtaining
// confidence intervals for the risk ratio in cohort studies. Biometrics 34,
// 469-474.
func RiskRatio(x, nx, y, ny int, level float64) (RatioResult, error) {
	if err := checkRatioInput("risk ratio", x, nx, y, ny, level); err != nil {
		return RatioResult{}, err
	}
	if x == 0 && y == 0 {
		return RatioResult{}, fmt.Errorf("risk ratio: no events in either arm, the ratio is undefined: %w", ErrZeroVariance)
	}
	a, n1, c, n2 := float64(x), float64(nx), float64(y), float64(ny)
	r := RatioResult{}
	if x == 0 || y == 0 {
		a, n1, c, n2 = a+0.5, n1+1, c+0.5, n2+1
		r.Corrected = true
	}
	r.Estimate = (a / n1) / (c / n2)
	r.SE = math.Sqrt(math.Max(0, 1/a-1/n1+1/c-1/n2))
	r.Low, r.High = logInterval(r.Estimate, r.SE, level)
	return r, nil
}

// checkRatioInput checks a 2x2 table and a level.
func checkRatioInput(what string, x, nx, y, ny int, level float64) error {
	if err := checkTwoByTwo(what, x, nx, y, ny); err != nil {
		return err
	}
	if !(level > 0 && level < 1) {
		return fmt.Errorf("%s: level %g outside (0, 1): %w", what, level, ErrDomain)
	}
	return nil
}

// logInterval returns exp(log(est) ± z se), z the normal quantile at
// (1+level)/2.
func logInterval(est, se, level float64) (lo, hi float64) {
	z := mathext.NormalQuantile((1 + level) / 2)
	l := math.Log(est)
	return math.Exp(l - z*se), math.Exp(l + z*se)
}
