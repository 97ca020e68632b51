package pool

import (
	"errors"
	"fmt"
	"strings"

	"github.com/evalkit/evalkit/stats"
)

// Result is a meta-analysis of sites: stats.Pool's result, whose Studies
// are the sites in input order, with their names and the scale.
type Result struct {
	stats.PoolResult
	// Names label the sites, as Sites.Names.
	Names []string
	// Log is true when the estimates are logarithms of ratios.
	Log bool
}

// Pool pools the sites as stats.Pool does (metafor's rma with
// method = "REML", "DL" or "EE", and predict for the prediction interval),
// with errors about a site naming it. Pool panics if the slices of s differ
// in length.
func Pool(s *Sites, opt stats.PoolOptions) (*Result, error) {
	if len(s.Names) != len(s.Estimate) || len(s.SE) != len(s.Estimate) {
		panic("pool: slice length mismatch")
	}
	r, err := stats.Pool(s.Estimate, s.SE, opt)
	var se *stats.PoolStudyError
	switch {
	case errors.As(err, &se):
		return nil, fmt.Errorf("site %q: %s %g: %w", s.Names[se.Index], se.Field, se.Value, se.Err)
	case errors.Is(err, stats.ErrTooFew):
		return nil, tooFew(len(s.Names))
	case err != nil:
		return nil, err
	}
	return &Result{PoolResult: *r, Names: s.Names, Log: s.Log}, nil
}

// methodNames are the command's names of the estimators of τ².
var methodNames = map[stats.PoolMethod]string{stats.PoolREML: "reml", stats.PoolDL: "dl", stats.PoolFE: "fe"}

// ParseMethod returns the estimator of τ² named reml, dl or fe (in any
// case).
func ParseMethod(s string) (stats.PoolMethod, error) {
	for m, n := range methodNames {
		if strings.EqualFold(s, n) {
			return m, nil
		}
	}
	return 0, fmt.Errorf("pool: method %q: want reml, dl or fe", s)
}

// MethodName returns the command's name of m: "reml", "dl" or "fe".
func MethodName(m stats.PoolMethod) string {
	if n, ok := methodNames[m]; ok {
		return n
	}
	return m.String()
}
