package stats

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mathext"
)

// ProportionInterval is a proportion with a confidence interval.
type ProportionInterval struct {
	// P is the observed proportion x/n.
	P float64
	// Low and High bound the interval.
	Low, High float64
}

// Wilson returns the Wilson score interval [1] for x successes out of n,
// the interval R's prop.test(x, n, correct = FALSE) reports. With p = x/n
// and z the normal quantile at (1+level)/2,
//
//	(p + z²/2n ± z sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n),
//
// except that the lower bound is exactly 0 when x = 0 and the upper bound
// exactly 1 when x = n, as in R.
//
// Special cases are
//
//	n < 1 = error wrapping ErrTooFew
//	x < 0, x > n or a level outside (0, 1) = error wrapping ErrDomain
//
// [1] Wilson, E. B. (1927). Probable inference, the law of succession, and
// statistical inference. JASA 22, 209-212.
func Wilson(x, n int, level float64) (ProportionInterval, error) {
	if n < 1 {
		return ProportionInterval{}, fmt.Errorf("wilson interval: n = %d: %w", n, ErrTooFew)
	}
	if x < 0 || x > n {
		return ProportionInterval{}, fmt.Errorf("wilson interval: %d successes out of %d: %w", x, n, ErrDomain)
	}
	if !(level > 0 && level < 1) {
		return ProportionInterval{}, fmt.Errorf("wilson interval: level %g outside (0, 1): %w", level, ErrDomain)
	}
	z := mathext.NormalQuantile((1 + level) / 2)
	fn := float64(n)
	p := float64(x) / fn
	z22n := z * z / (2 * fn)
	half := z * math.Sqrt(p*(1-p)/fn+z22n/(2*fn))
	r := ProportionInterval{P: p, Low: 0, High: 1}
	if x > 0 {
		r.Low = (p + z22n - half) / (1 + 2*z22n)
	}
	if x < n {
		r.High = (p + z22n + half) / (1 + 2*z22n)
	}
	return r, nil
}

// RiskDifferenceResult is a difference of two risks with its interval.
type RiskDifferenceResult struct {
	// RiskX and RiskY are the risks x/nx and y/ny.
	RiskX, RiskY float64
	// Diff is RiskX - RiskY.
	Diff float64
	// Low and High bound Newcombe's hybrid score interval of Diff.
	Low, High float64
}

// RiskDifference returns the difference of the risks x/nx (treatment) and
// y/ny (control) with Newcombe's hybrid score interval (his method 10 [1]),
// built from the Wilson intervals [l1, u1] of x/nx and [l2, u2] of y/ny:
//
//	Low  = D - sqrt((p1 - l1)² + (u2 - p2)²)
//	High = D + sqrt((u1 - p1)² + (p2 - l2)²),   D = p1 - p2.
//
// The interval is defined for every table, including ones with no events
// or all events in an arm.
//
// Special cases are
//
//	nx or ny < 1 = error wrapping ErrTooFew
//	x < 0, x > nx, y < 0, y > ny or a level outside (0, 1) = error wrapping ErrDomain
//
// [1] Newcombe, R. G. (1998). Interval estimation for the difference
// between independent proportions: comparison of eleven methods. Statistics
// in Medicine 17, 873-890.
func RiskDifference(x, nx, y, ny int, level float64) (RiskDifferenceResult, error) {
	if err := checkTwoByTwo("risk difference", x, nx, y, ny); err != nil {
		return RiskDifferenceResult{}, err
	}
	wx, err := Wilson(x, nx, level)
	if err != nil {
		return RiskDifferenceResult{}, err
	}
	wy, err := Wilson(y, ny, level)
	if err != nil {
		return RiskDifferenceResult{}, err
	}
	d := wx.P - wy.P
	return RiskDifferenceResult{
		RiskX: wx.P,
		RiskY: wy.P,
		Diff:  d,
		Low:   d - math.Hypot(wx.P-wx.Low, wy.High-wy.P),
		High:  d + math.Hypot(wx.High-wx.P, wy.P-wy.Low),
	}, nil
}
