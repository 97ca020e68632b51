package stats

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat"
)

// TTestResult is the result of a two-sample t-test of x (treatment) against
// y (control).
type TTestResult struct {
	// Estimate is the difference in means, mean(x) - mean(y).
	Estimate float64
	// MeanX and MeanY are the two sample means.
	MeanX, MeanY float64
	// SE is the standard error of Estimate.
	SE float64
	// T is the test statistic Estimate / SE.
	T float64
	// DF is the degrees of freedom of T: nx + ny - 2 for Student's test,
	// the Welch–Satterthwaite value for Welch's.
	DF float64
	// P is the p-value for Alternative. It is computed from the tail of
	// the t distribution directly and so stays accurate (non-zero) down to
	// the smallest float64 values, as R's pt(..., lower.tail = FALSE) does.
	P float64
	// CILow and CIHigh bound the confidence interval for mean(x) - mean(y)
	// at Level. For Less, CILow is -Inf; for Greater, CIHigh is +Inf.
	CILow, CIHigh float64
	// Level is the confidence level of the interval, in (0, 1).
	Level float64
	// Alternative is the alternative hypothesis of P and of the interval.
	Alternative Alternative
}

// WelchT returns Welch's two-sample t-test of mean(x) = mean(y), which does
// not assume equal variances, as R's t.test(x, y, alternative, conf.level =
// level). With a = var(x)/nx and b = var(y)/ny,
//
//	SE = sqrt(a + b)
//	t  = (mean(x) - mean(y)) / SE
//	df = (a + b)² / (a²/(nx-1) + b²/(ny-1))     [1, 2]
//
// and the interval is Estimate ± t_{df, q} SE with q = (1+level)/2, or the
// one-sided bound with q = level.
//
// Special cases:
//
//	len(x) < 2 or len(y) < 2            error wrapping ErrTooFew
//	a non-finite value in x or y        error wrapping ErrDomain
//	values so large that a sum overflows error wrapping ErrDomain
//	level not in (0, 1)                 error wrapping ErrDomain
//	SE = 0, or SE < 10ε max(|mean(x)|, |mean(y)|)
//	                                    error wrapping ErrZeroVariance (R: "data are essentially constant")
//
// [1] Welch, B. L. (1947). The generalization of "Student's" problem when
// several different population variances are involved. Biometrika 34, 28–35.
// [2] Satterthwaite, F. E. (1946). An approximate distribution of estimates
// of variance components. Biometrics Bulletin 2, 110–114.
func WelchT(x, y []float64, level float64, alt Alternative) (TTestResult, error) {
	mx, vx, my, vy, err := ttestMoments(x, y, level, 2)
	if err != nil {
		return TTestResult{}, err
	}
	nx, ny := float64(len(x)), float64(len(y))
	a, b := vx/nx, vy/ny
	se := math.Sqrt(a + b)
	ra, rb := a/(a+b), b/(a+b) // scaled so that df cannot overflow
	df := 1 / (ra*ra/(nx-1) + rb*rb/(ny-1))
	return ttestFinish(mx, my, se, df, level, alt)
}

// StudentT returns Student's two-sample t-test of mean(x) = mean(y) with a
// pooled variance, as R's t.test(x, y, var.equal = TRUE, alternative,
// conf.level = level):
//
//	s² = ((nx-1) var(x) + (ny-1) var(y)) / (nx + ny - 2)
//	SE = sqrt(s² (1/nx + 1/ny))
//	t  = (mean(x) - mean(y)) / SE,  df = nx + ny - 2     [1]
//
// The special cases are those of WelchT, except that, as in R, one
// observation in an arm is enough when the other has two or more (df ≥ 1):
// fewer is an error wrapping ErrTooFew.
//
// [1] Student (1908). The probable error of a mean. Biometrika 6, 1–25.
func StudentT(x, y []float64, level float64, alt Alternative) (TTestResult, error) {
	if len(x)+len(y) < 3 {
		return TTestResult{}, fmt.Errorf("%w: %d values in all, need at least 3", ErrTooFew, len(x)+len(y))
	}
	mx, vx, my, vy, err := ttestMoments(x, y, level, 1)
	if err != nil {
		return TTestResult{}, err
	}
	nx, ny := float64(len(x)), float64(len(y))
	df := nx + ny - 2
	s2 := ((nx-1)*vx + (ny-1)*vy) / df
	se := math.Sqrt(s2 * (1/nx + 1/ny))
	return ttestFinish(mx, my, se, df, level, alt)
}

// ttestMoments checks that each sample has at least least values and that
// the level is in (0, 1), and returns the means and variances of x and y;
// the variance of a single value is taken as 0 (it carries no weight in a
// pooled variance).
func ttestMoments(x, y []float64, level float64, least int) (mx, vx, my, vy float64, err error) {
	if err = continuousCheck(x, y, least); err != nil {
		return
	}
	if err = continuousLevelCheck(level); err != nil {
		return
	}
	mx, vx = stat.MeanVariance(x, nil)
	my, vy = stat.MeanVariance(y, nil)
	if len(x) == 1 {
		vx = 0
	}
	if len(y) == 1 {
		vy = 0
	}
	return mx, vx, my, vy, nil
}

// continuousCheck returns an error when x or y has fewer than least values or
// a non-finite value.
func continuousCheck(x, y []float64, least int) error {
	if len(x) < least {
		return fmt.Errorf("%w: %d treatment values, need at least %d", ErrTooFew, len(x), least)
	}
	if len(y) < least {
		return fmt.Errorf("%w: %d control values, need at least %d", ErrTooFew, len(y), least)
	}
	for i, v := range x {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("%w: treatment value %d is %v", ErrDomain, i, v)
		}
	}
	for i, v := range y {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("%w: control value %d is %v", ErrDomain, i, v)
		}
	}
	return nil
}

// continuousLevelCheck returns an error when level is not in (0, 1).
func continuousLevelCheck(level float64) error {
	if !(level > 0 && level < 1) {
		return fmt.Errorf("%w: confidence level %v is not in (0, 1)", ErrDomain, level)
	}
	return nil
}

// ttestFinish returns the test's statistic, p-value and interval from the
// means, the standard error and the degrees of freedom.
func ttestFinish(mx, my, se, df, level float64, alt Alternative) (TTestResult, error) {
	if se == 0 || se < 10*epsilonTTest*math.Max(math.Abs(mx), math.Abs(my)) {
		return TTestResult{}, fmt.Errorf("%w: the data are essentially constant (standard error %v)", ErrZeroVariance, se)
	}
	if !ttestFinite(mx) || !ttestFinite(my) || !ttestFinite(se) || !ttestFinite(mx-my) || !ttestFinite(df) {
		return TTestResult{}, fmt.Errorf("%w: the values are too large for float64 sums", ErrDomain)
	}
	est := mx - my
	t := est / se
	r := TTestResult{
		Estimate: est, MeanX: mx, MeanY: my, SE: se, T: t, DF: df,
		Level: level, Alternative: alt,
	}
	switch alt {
	case TwoSided:
		r.P = 2 * CentralTSurvival(math.Abs(t), df)
		q := CentralTUpperQuantile((1-level)/2, df)
		r.CILow, r.CIHigh = (t-q)*se, (t+q)*se
	case Less:
		r.P = CentralTSurvival(-t, df)
		q := CentralTUpperQuantile(1-level, df)
		r.CILow, r.CIHigh = math.Inf(-1), (t+q)*se
	case Greater:
		r.P = CentralTSurvival(t, df)
		q := CentralTUpperQuantile(1-level, df)
		r.CILow, r.CIHigh = (t-q)*se, math.Inf(1)
	default:
		panic("stats: unknown Alternative")
	}
	return r, nil
}

// ttestFinite reports whether v is neither infinite nor NaN.
func ttestFinite(v float64) bool { return !math.IsInf(v, 0) && !math.IsNaN(v) }

// epsilonTTest is the float64 machine epsilon, R's .Machine$double.eps.
const epsilonTTest = 0x1p-52
