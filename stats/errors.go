package stats

import "errors"

// Errors for data that cannot support a result. Functions wrap them with
// detail (%w), so test with errors.Is.
var (
	// ErrTooFew is returned when a sample has too few observations.
	ErrTooFew = errors.New("stats: too few observations")
	// ErrZeroVariance is returned when a statistic divides by a variance of zero.
	ErrZeroVariance = errors.New("stats: zero variance")
	// ErrNoConvergence is returned when an iterative fit or root-finder does not converge.
	ErrNoConvergence = errors.New("stats: did not converge")
	// ErrDomain is returned for an argument outside the function's domain,
	// such as a negative count or a level outside (0, 1).
	ErrDomain = errors.New("stats: argument out of domain")
	// ErrSingular is returned when a model's design matrix is not of full
	// rank, such as a covariate that is constant or collinear with others.
	ErrSingular = errors.New("stats: design matrix is singular")
)

// checkColumns panics, as for a programmer's mistake, unless there is one
// name per column and every column has n values.
func checkColumns(n int, names []string, x [][]float64) {
	if len(names) != len(x) {
		panic("stats: names and columns length mismatch")
	}
	for _, c := range x {
		if len(c) != n {
			panic("stats: slice length mismatch")
		}
	}
}
