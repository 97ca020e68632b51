package pool

import (
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/evalkit/evalkit/internal/table"
)

// Sites are the effects to pool, one per site, in input order.
type Sites struct {
	// Names label the sites: the site column, or each analysis file's
	// name without its extension.
	Names []string
	// Estimate and SE are each site's effect and its standard error, on
	// the scale pooled: for ratios the log ratio and the se of the log.
	Estimate, SE []float64
	// Log is true when the estimates are logarithms of ratios; the pooled
	// result is then also reported exponentiated.
	Log bool
}

// ErrTooFewSites is wrapped by the error for fewer than 2 sites.
var ErrTooFewSites = errors.New("at least 2 sites are needed to pool")

// The columns of a sites file.
const (
	colSite     = "site"
	colEstimate = "estimate"
	colSE       = "se"
)

// ReadSites reads a CSV file of one row per site with the columns site,
// estimate and se (others are ignored); name is the file's name as errors
// give it. Errors name the file, the row (the header is row 1) and the
// column, for
//
//	a missing column, or text that is not a number    (*table.ColumnError, *table.ParseError)
//	an empty site name, or one given twice
//	a missing estimate or se (empty, NA, NaN, ., null)
//	an se that is not greater than 0
//
// and fewer than 2 rows is an error wrapping ErrTooFewSites.
func ReadSites(r io.Reader, name string) (*Sites, error) {
	t, err := table.Read(r, name)
	if err != nil {
		return nil, err
	}
	names, err := t.Column(colSite)
	if err != nil {
		return nil, err
	}
	est, _, err := t.Float(colEstimate)
	if err != nil {
		return nil, err
	}
	se, _, err := t.Float(colSE)
	if err != nil {
		return nil, err
	}
	seText, _ := t.Column(colSE)
	seen := make(map[string]int, len(names))
	for i, n := range names {
		row := i + 2
		bad := func(col, value, msg string) error {
			return &table.ParseError{File: name, Row: row, Column: col, Value: value, Err: errors.New(msg)}
		}
		switch {
		case table.IsMissing(n):
			return nil, bad(colSite, n, "no site name")
		case seen[n] > 0:
			return nil, bad(colSite, n, fmt.Sprintf("the same site as row %d", seen[n]))
		case math.IsNaN(est[i]):
			return nil, bad(colEstimate, "", "missing: every site needs an estimate")
		case math.IsNaN(se[i]):
			return nil, bad(colSE, "", "missing: every site needs a standard error")
		case !(se[i] > 0):
			return nil, bad(colSE, seText[i], "a standard error must be greater than 0")
		}
		seen[n] = row
	}
	if len(names) < 2 {
		return nil, fmt.Errorf("%s: %w", name, tooFew(len(names)))
	}
	return &Sites{Names: names, Estimate: est, SE: se}, nil
}

// tooFew returns the error for n < 2 sites.
func tooFew(n int) error {
	word := "sites"
	if n == 1 {
		word = "site"
	}
	return fmt.Errorf("%d %s: %w", n, word, ErrTooFewSites)
}
