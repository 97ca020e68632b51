package stats

import (
	"fmt"
	"math"
)

// FisherExactResult is Fisher's exact test of a 2x2 table.
type FisherExactResult struct {
	// P is the p-value for the null hypothesis that the odds ratio is 1.
	P float64
}

// FisherExact tests whether x events out of nx (treatment) and y out of ny
// (control) have the same odds, conditional on all the table's margins, as
// R's fisher.test(matrix(c(x, y, nx-x, ny-y), 2)) does. Given the margins,
// the treatment's events X are hypergeometric,
//
//	P(X = i) = C(nx, i) C(ny, e-i) / C(nx+ny, e),  e = x + y,
//
// on max(0, e-ny) <= i <= min(nx, e). The two-sided p-value is the sum of
// P(X = i) over the i with P(X = i) <= P(X = x) (1 + 1e-7), R's relative
// tolerance for ties; Less sums i <= x and Greater i >= x. Probabilities
// are computed in log space from Loader's binomial (see PoissonTest), and
// the tails are summed outwards from their largest term, so huge tables are
// fast and p-values far below 1e-300 keep their precision until they leave
// the double range.
//
// Special cases are
//
//	FisherExact(0, nx, 0, ny, ...) = P 1 (no events: one table is possible)
//	FisherExact(nx, nx, ny, ny, ...) = P 1 (all events: likewise)
//	nx or ny < 1 = error wrapping ErrTooFew
//	x < 0, x > nx, y < 0 or y > ny = error wrapping ErrDomain
//	nx or ny > 2^40 = error wrapping ErrDomain
func FisherExact(x, nx, y, ny int, alt Alternative) (FisherExactResult, error) {
	if err := checkTwoByTwo("fisher exact test", x, nx, y, ny); err != nil {
		return FisherExactResult{}, err
	}
	h := hypergeomDist(x+y, nx, ny)
	var lp float64
	switch alt {
	case Less:
		lp = h.logLower(x)
	case Greater:
		lp = h.logUpper(x)
	default:
		thr := h.logpmf(x) + math.Log1p(1e-7)
		if h.logpmf(h.mode) <= thr {
			return FisherExactResult{P: 1}, nil
		}
		j1 := h.lastAtMost(h.mode, thr)
		j2 := h.firstAtMost(h.mode, thr)
		lp = logAddExp(h.logLower(j1), h.logUpper(j2))
	}
	return FisherExactResult{P: math.Min(1, math.Exp(lp))}, nil
}

// maxTableN bounds the size of an arm in a 2x2 table (and the total count
// of a Poisson test): beyond it, products of counts would overflow and the
// exact tails would take too long.
const maxTableN = 1 << 40

// checkTwoByTwo checks the counts of a 2x2 table given as events and sizes
// of two arms.
func checkTwoByTwo(what string, x, nx, y, ny int) error {
	if nx > maxTableN || ny > maxTableN {
		return fmt.Errorf("%s: arms of %d and %d units are beyond the %d this computes: %w", what, nx, ny, maxTableN, ErrDomain)
	}
	if nx < 1 || ny < 1 {
		return fmt.Errorf("%s: an arm has no units (n = %d, %d): %w", what, nx, ny, ErrTooFew)
	}
	if x < 0 || x > nx || y < 0 || y > ny {
		return fmt.Errorf("%s: events (%d of %d, %d of %d) outside 0..n: %w", what, x, nx, y, ny, ErrDomain)
	}
	return nil
}

// hypergeomDist is the distribution of the events in the first of two
// groups of sizes n1 and n2 when e events fall among them at random. Its
// log-pmf is built from three binomial terms with the same π = e/(n1+n2),
//
//	P(X = i) = b(i; n1, π) b(e-i; n2, π) / b(e; n1+n2, π),
//
// each of which Loader's expansion computes without cancellation.
func hypergeomDist(e, n1, n2 int) unimodalTail {
	tot := float64(n1 + n2)
	p := float64(e) / tot
	q := float64(n1+n2-e) / tot
	lnorm := loaderLogBinom(float64(e), tot, p, q)
	lo, hi := max(0, e-n2), min(n1, e)
	mode := int((int64(e+1) * int64(n1+1)) / int64(n1+n2+2))
	mode = min(max(mode, lo), hi)
	return unimodalTail{lo: lo, hi: hi, mode: mode, logpmf: func(i int) float64 {
		if i < lo || i > hi {
			return math.Inf(-1)
		}
		return loaderLogBinom(float64(i), float64(n1), p, q) +
			loaderLogBinom(float64(e-i), float64(n2), p, q) - lnorm
	}}
}
