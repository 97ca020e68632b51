package stats

import (
	"fmt"
	"math"
)

// ChiSquareResult is Pearson's chi-square test of a 2x2 table.
type ChiSquareResult struct {
	// Statistic is Pearson's X².
	Statistic float64
	// DF is the degrees of freedom, 1 for a 2x2 table.
	DF float64
	// P is the upper tail of the chi-square distribution at Statistic.
	P float64
}

// ChiSquare tests whether x events out of nx (treatment) and y out of ny
// (control) have the same risk, as R's chisq.test(matrix(c(x, y, nx-x,
// ny-y), 2), correct = FALSE) does, without Yates's correction. With a, b,
// c, d the cells, r1, r2 the row and c1, c2 the column totals and N the
// grand total,
//
//	X² = N (ad - bc)² / (r1 r2 c1 c2),  df = 1,
//
// and the p-value is the regularized upper incomplete gamma function
// Q(1/2, X²/2) = erfc(sqrt(X²/2)), computed directly rather than as one
// minus the distribution function, so it does not underflow before about
// 1e-308 (X² near 1400).
//
// Special cases are
//
//	no events, or no non-events, in either arm = error wrapping ErrZeroVariance
//	(the expected count of a column is zero, and R's statistic is NaN)
//	nx or ny < 1 = error wrapping ErrTooFew
//	x < 0, x > nx, y < 0 or y > ny = error wrapping ErrDomain
func ChiSquare(x, nx, y, ny int) (ChiSquareResult, error) {
	if err := checkTwoByTwo("chi-square test", x, nx, y, ny); err != nil {
		return ChiSquareResult{}, err
	}
	e, ne := x+y, nx+ny-x-y
	if e == 0 || ne == 0 {
		return ChiSquareResult{}, fmt.Errorf("chi-square test: a column of the table is empty (%d events, %d non-events): %w", e, ne, ErrZeroVariance)
	}
	a, b, c, d := float64(x), float64(nx-x), float64(y), float64(ny-y)
	n := a + b + c + d
	det := a*d - b*c
	stat := n * (det / (a + b)) * (det / (c + d)) / (a + c) / (b + d)
	return ChiSquareResult{Statistic: stat, DF: 1, P: math.Erfc(math.Sqrt(stat / 2))}, nil
}
