package analysis

import (
	"errors"
	"fmt"
	"math"
	"sort"

	"github.com/evalkit/evalkit/internal/table"
)

// covariate is one covariate column as read: numbers, or, when a value is
// neither a number nor a missing-value token, text, and then a factor (a
// categorical covariate).
type covariate struct {
	name string
	// x holds a numeric covariate's values, NaN where missing; nil for a
	// factor.
	x []float64
	// text holds a factor's values as written; nil for a numeric
	// covariate.
	text []string
	// firstText is the data row (from 0) of a factor's first value that is
	// not a number.
	firstText int
}

// readCovariate reads the named column of src: numeric when every value is
// a number or missing, else a factor, whose strings are then read.
func (d *Data) readCovariate(src Source, name string) (covariate, error) {
	_, x, err := d.numbers(src, name)
	var pe *table.ParseError
	switch {
	case err == nil:
		return covariate{name: name, x: x}, nil
	case errors.Is(err, table.ErrNotNumber) && errors.As(err, &pe):
		text, err := src.Column(name)
		return covariate{name: name, text: text, firstText: pe.Row - 2}, err
	}
	return covariate{}, err
}

// missingAt reports whether the covariate is missing at data row i.
func (c *covariate) missingAt(i int) bool {
	if c.text != nil {
		return table.IsMissing(c.text[i])
	}
	return math.IsNaN(c.x[i])
}

// maxIndicatorCells bounds the size of a factor's indicator columns, levels
// times rows: 2^27 numbers, 1 GiB.
const maxIndicatorCells = 1 << 27

// setCovariates fills in the model's covariate columns of s at its data
// rows s.row. A numeric covariate is one column. A factor whose levels among
// the rows are l_1 < ... < l_K (sorted byte by byte, as R sorts them in the
// C locale) is K - 1 indicator columns,
//
//	x_ik = 1 if the value of row i is l_k, else 0,   k = 2, ..., K,
//
// named "factor(col)l_k", as factor(col) enters R's model.matrix with the
// default treatment contrasts [1]: l_1 is the baseline. The levels are those
// of the comparison's rows, as R's factor() finds them in the comparison's
// data. A factor with a single level among the rows is listed in
// s.oneLevel. It returns an error for a factor with so many levels that no
// model can be fitted: K + 1 >= n (no residual degrees of freedom, with the
// intercept and the treatment), or indicators of more than 2^27 numbers.
//
// [1] Chambers, J. M. and Hastie, T. J. (1992). Statistical Models in S.
// Wadsworth, section 2.3.
func (s *subset) setCovariates(d *Data) error {
	s.cov, s.covNames, s.covOf, s.covLevel, s.oneLevel = nil, nil, nil, nil, nil
	n := len(s.row)
	for j := range d.cov {
		c := &d.cov[j]
		if c.text == nil {
			s.addColumn(c.name, rowsOf(c.x, s.row), j, "")
			continue
		}
		levels := factorLevels(c.text, s.row)
		switch {
		case len(levels) == 1:
			s.oneLevel = append(s.oneLevel, j)
			continue
		case len(levels) == 0:
			continue
		case len(levels)+1 >= n || (len(levels)-1)*n > maxIndicatorCells:
			return d.rowError(c.firstText, c.name, c.text[c.firstText],
				fmt.Sprintf("not a number, so covariate %q is categorical, and its %d levels among the %d rows of a comparison leave no model to fit: if it is numeric, correct the value", table.Clip(c.name), len(levels), n))
		}
		at := make(map[string]int, len(levels))
		for k, l := range levels {
			at[l] = k
		}
		cols := make([][]float64, len(levels)-1)
		for k := range cols {
			cols[k] = make([]float64, n)
		}
		for i, r := range s.row {
			if k := at[c.text[r]]; k > 0 {
				cols[k-1][i] = 1
			}
		}
		for k, l := range levels[1:] {
			s.addColumn("factor("+c.name+")"+l, cols[k], j, l)
		}
	}
	return nil
}

// addColumn appends a model column of covariate j (a factor's level, or "").
func (s *subset) addColumn(name string, v []float64, j int, level string) {
	s.cov = append(s.cov, v)
	s.covNames = append(s.covNames, name)
	s.covOf = append(s.covOf, j)
	s.covLevel = append(s.covLevel, level)
}

// factorLevels returns the distinct values of text at the given rows,
// sorted byte by byte.
func factorLevels(text []string, rows []int) []string {
	seen := map[string]bool{}
	var levels []string
	for _, r := range rows {
		if v := text[r]; !seen[v] {
			seen[v] = true
			levels = append(levels, v)
		}
	}
	sort.Strings(levels)
	return levels
}

// factorNotes describes each factor of s's columns: where its text is, and
// its indicators, so that a numeric column with a stray word is seen.
func (s *subset) factorNotes(d *Data) []string {
	var out []string
	for j := range d.cov {
		c := &d.cov[j]
		if c.text == nil {
			continue
		}
		k := 0
		for _, o := range s.covOf {
			if o == j {
				k++
			}
		}
		out = append(out, fmt.Sprintf("%q is categorical (row %d holds %q, not a number): %d levels among these rows, each but the first an indicator",
			table.Clip(c.name), c.firstText+2, table.Clip(c.text[c.firstText]), k+1))
	}
	return out
}
