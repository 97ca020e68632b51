package benefits

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/evalkit/evalkit/internal/table"
	"github.com/evalkit/evalkit/unitcost"
)

// ReadUnitCosts reads a table of unit costs that replaces HomeOffice: CSV
// with the columns crime, total and price_year, and optionally name,
// anticipation, consequence, response and source, in any order. For example
//
//	crime,name,anticipation,consequence,response,total,price_year,source
//	violence_with_injury,Violence with injury,100,12000,1950,14050,2015-16,my source
//
// Amounts are read by unitcost.ParsePounds (plain pounds; £1,200 is
// refused), years by unitcost.ParseYear, and crime types are keyed by
// CrimeKey. A row that gives one component must give all three, and they
// must add up to the total exactly (UnitCost.Check). A crime type given
// twice, a total that is not more than 0, an empty file and any value that
// cannot be read are errors naming the file (name), the row and the column.
func ReadUnitCosts(r io.Reader, name string) (*UnitCosts, error) {
	t, err := table.Read(r, name)
	if err != nil {
		return nil, err
	}
	cols, err := t.Columns([]string{"crime", "total", "price_year"}, []string{"name", "anticipation", "consequence", "response", "source"})
	if err != nil {
		return nil, err
	}
	if t.Rows() == 0 {
		return nil, fmt.Errorf("%s: %w: no unit costs, only a header", name, unitcost.ErrMissing)
	}
	u := &UnitCosts{Name: name, Costs: make([]UnitCost, t.Rows())}
	seen := map[string]int{}
	for i := range u.Costs {
		src := unitcost.Source{File: name, Row: i + 2}
		c := &u.Costs[i]
		if c.Crime = CrimeKey(cols[0][i]); c.Crime == "" || table.IsMissing(cols[0][i]) {
			return nil, rowError(src, "crime", "", unitcost.ErrMissing, "no crime type named")
		}
		if row, dup := seen[c.Crime]; dup {
			return nil, rowError(src, "crime", cols[0][i], unitcost.ErrDuplicate, "%s is on row %d already", c.Crime, row)
		}
		seen[c.Crime] = src.Row
		if c.Total, err = pounds(src, "total", cols[1][i]); err != nil {
			return nil, err
		}
		if c.PriceYear, err = unitcost.ParseYear(cols[2][i]); err != nil {
			return nil, &unitcost.RowError{Source: src, Column: "price_year", Value: cols[2][i], Err: err}
		}
		c.Name = c.Crime
		if v := cols[3]; v != nil && !table.IsMissing(v[i]) {
			c.Name = strings.TrimSpace(v[i])
		}
		if v := cols[7]; v != nil && !table.IsMissing(v[i]) {
			c.Source = strings.TrimSpace(v[i])
		}
		if c.Split, err = components(src, cols[4:7], i, []*unitcost.Pence{&c.Anticipation, &c.Consequence, &c.Response}); err != nil {
			return nil, err
		}
		if err := c.Check(); err != nil {
			return nil, &unitcost.RowError{Source: src, Column: "total", Value: c.Total.String(), Err: err}
		}
	}
	return u, nil
}

// components reads row i's anticipation, consequence and response into
// parts: all three, or none (split false); some but not all is an error
// naming the first one missing.
func components(src unitcost.Source, cols [][]string, i int, parts []*unitcost.Pence) (split bool, err error) {
	names := []string{"anticipation", "consequence", "response"}
	missing := ""
	for k, col := range cols {
		if col == nil || table.IsMissing(col[i]) {
			if missing == "" {
				missing = names[k]
			}
			continue
		}
		split = true
		if *parts[k], err = pounds(src, names[k], col[i]); err != nil {
			return false, err
		}
	}
	if split && missing != "" {
		return false, rowError(src, missing, "", unitcost.ErrMissing, "give all three components (anticipation, consequence, response) or none")
	}
	return split, nil
}

// HarmWeights maps a crime type (by CrimeKey) to its harm weight, such as
// the Cambridge Crime Harm Index's days of imprisonment [1].
//
// [1] Sherman, L., Neyroud, P. W. and Neyroud, E. (2016). The Cambridge
// Crime Harm Index: measuring total harm from crime based on sentencing
// guidelines. Policing 10(3), 171–183.
type HarmWeights map[string]float64

// ReadHarmWeights reads harm weights: CSV with the columns crime and
// weight (a number, 0 or more), such as
//
//	crime,weight
//	violence_with_injury,365
//
// A crime type given twice and a weight that cannot be read are errors
// naming the file, the row and the column.
func ReadHarmWeights(r io.Reader, name string) (HarmWeights, error) {
	t, err := table.Read(r, name)
	if err != nil {
		return nil, err
	}
	cols, err := t.Columns([]string{"crime", "weight"}, nil)
	if err != nil {
		return nil, err
	}
	w := make(HarmWeights, t.Rows())
	for i := 0; i < t.Rows(); i++ {
		src := unitcost.Source{File: name, Row: i + 2}
		k := CrimeKey(cols[0][i])
		if k == "" || table.IsMissing(cols[0][i]) {
			return nil, rowError(src, "crime", "", unitcost.ErrMissing, "no crime type named")
		}
		if _, dup := w[k]; dup {
			return nil, rowError(src, "crime", cols[0][i], unitcost.ErrDuplicate, "%s has a weight already", k)
		}
		v, err := table.ParseNumber(cols[1][i])
		if err != nil || table.IsMissing(cols[1][i]) || v < 0 || math.IsInf(v, 0) {
			return nil, rowError(src, "weight", cols[1][i], unitcost.ErrNumber, "write the harm weight as a number, 0 or more, such as 365 (days)")
		}
		w[k] = v
	}
	return w, nil
}

// pounds reads an amount of a row's column.
func pounds(src unitcost.Source, column, s string) (unitcost.Pence, error) {
	if table.IsMissing(s) {
		return 0, rowError(src, column, "", unitcost.ErrMissing, "no amount")
	}
	p, err := unitcost.ParsePounds(s)
	if err != nil {
		return 0, &unitcost.RowError{Source: src, Column: column, Value: s, Err: err}
	}
	return p, nil
}

// rowError builds a unitcost.RowError whose reason wraps a sentinel error.
func rowError(src unitcost.Source, column, value string, sentinel error, format string, a ...any) *unitcost.RowError {
	return &unitcost.RowError{Source: src, Column: column, Value: value, Err: fmt.Errorf("%w: "+format, append([]any{sentinel}, a...)...)}
}
