package unitcost

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/evalkit/evalkit/internal/table"
)

// ReadCosts reads a costs sheet: CSV with the columns intervention, item,
// category, amount and year, and optionally funder and purpose, in any
// order; other columns are ignored. For example
//
//	intervention,item,category,amount,year,funder
//	School Navigators,youth workers,staff,118500,2023,VRU core grant
//	School Navigators,seconded officer time,in_kind,12000.50,2023,Thames Valley Police
//
// Amounts are read by ParsePounds, categories by ParseCategory, purposes by
// ParsePurpose (a blank one, or no purpose column, is intervention) and
// years by ParseYear. A negative amount, an empty intervention and any value that
// cannot be read are errors naming the file (name), the row and the column.
//
// A post's cost may be given as partners know it instead of as an amount,
// in the optional columns salary (pounds a year, read by ParsePounds),
// on_cost_rate (a share: 0.28 for 28%) and wte (whole-time equivalent):
// a row with a blank amount and a salary costs StaffCost(salary,
// on_cost_rate, wte). A row with both an amount and a salary is an error,
// so that the two can never silently disagree.
//
//	intervention,item,category,amount,year,salary,on_cost_rate,wte
//	Sports & Inclusion,impact manager,staff,,2023-24,42000,0.30,0.4
func ReadCosts(r io.Reader, name string) ([]Line, error) {
	t, err := table.Read(r, name)
	if err != nil {
		return nil, err
	}
	cols, err := t.Columns([]string{"intervention", "item", "category", "amount", "year"}, []string{"funder", "salary", "on_cost_rate", "wte", "purpose"})
	if err != nil {
		return nil, err
	}
	interv, item, cat, amount, year, funder := cols[0], cols[1], cols[2], cols[3], cols[4], cols[5]
	post := costsPostColumns{salary: cols[6], rate: cols[7], wte: cols[8]}
	purpose := cols[9]
	lines := make([]Line, t.Rows())
	for i := range lines {
		src := Source{File: name, Row: i + 2}
		l := &lines[i]
		l.Source = src
		if l.Intervention, err = sheetName(src, "intervention", interv[i]); err != nil {
			return nil, err
		}
		l.Item = strings.TrimSpace(item[i])
		if l.Category, err = ParseCategory(cat[i]); err != nil {
			return nil, &RowError{Source: src, Column: "category", Value: cat[i], Err: err}
		}
		switch {
		case post.given(i) && !table.IsMissing(amount[i]):
			return nil, rowErrorf(src, "amount", amount[i], ErrAmount, "give either the amount or the salary, on_cost_rate and wte, not both")
		case post.given(i):
			if l.Amount, err = post.cost(src, i); err != nil {
				return nil, err
			}
		case table.IsMissing(amount[i]):
			return nil, rowErrorf(src, "amount", amount[i], ErrMissing, "no amount; write 0 for a line that costs nothing")
		default:
			if l.Amount, err = ParsePounds(amount[i]); err != nil {
				return nil, &RowError{Source: src, Column: "amount", Value: amount[i], Err: err}
			}
		}
		if l.Amount < 0 {
			return nil, rowErrorf(src, "amount", amount[i], ErrNegative, "a cost cannot be negative (net off income or refunds in the line they reduce)")
		}
		if l.Year, err = ParseYear(year[i]); err != nil {
			return nil, &RowError{Source: src, Column: "year", Value: year[i], Err: err}
		}
		if funder != nil && !table.IsMissing(funder[i]) {
			l.Funder = strings.TrimSpace(funder[i]) // a missing-value token (NA, ., null) counts as none
		}
		if purpose != nil && !table.IsMissing(purpose[i]) {
			if l.Purpose, err = ParsePurpose(purpose[i]); err != nil {
				return nil, &RowError{Source: src, Column: "purpose", Value: purpose[i], Err: err}
			}
		}
	}
	return lines, nil
}

// ReadReach reads a reach sheet: CSV with the columns intervention, group
// and people (a whole number, not negative). For example
//
//	intervention,group,people
//	Hospital Navigators,24_and_under,150
//	Hospital Navigators,25_and_over,50
func ReadReach(r io.Reader, name string) ([]Reach, error) {
	t, err := table.Read(r, name)
	if err != nil {
		return nil, err
	}
	cols, err := t.Columns([]string{"intervention", "group", "people"}, nil)
	if err != nil {
		return nil, err
	}
	rows := make([]Reach, t.Rows())
	for i := range rows {
		src := Source{File: name, Row: i + 2}
		rr := &rows[i]
		rr.Source = src
		if rr.Intervention, err = sheetName(src, "intervention", cols[0][i]); err != nil {
			return nil, err
		}
		rr.Group = strings.TrimSpace(cols[1][i])
		if rr.People, err = parsePeople(cols[2][i]); err != nil {
			return nil, &RowError{Source: src, Column: "people", Value: cols[2][i], Err: err}
		}
	}
	return rows, nil
}

// ReadOutcomes reads an outcomes sheet: CSV with the columns intervention,
// outcome and count (not negative, need not be whole), and optionally value
// (pounds per outcome, read by ParsePounds; blank when unknown) and year
// (the year the benefit falls in, and the price year of value). For example
//
//	intervention,outcome,count,value,year
//	Hospital Navigators,A&E re-attendance avoided,12,2500,2023
func ReadOutcomes(r io.Reader, name string) ([]Outcome, error) {
	t, err := table.Read(r, name)
	if err != nil {
		return nil, err
	}
	cols, err := t.Columns([]string{"intervention", "outcome", "count"}, []string{"value", "year"})
	if err != nil {
		return nil, err
	}
	rows := make([]Outcome, t.Rows())
	for i := range rows {
		src := Source{File: name, Row: i + 2}
		o := &rows[i]
		o.Source = src
		if o.Intervention, err = sheetName(src, "intervention", cols[0][i]); err != nil {
			return nil, err
		}
		if o.Outcome, err = sheetName(src, "outcome", cols[1][i]); err != nil {
			return nil, err
		}
		c := cols[2][i]
		if table.IsMissing(c) {
			return nil, rowErrorf(src, "count", c, ErrMissing, "no count of outcomes")
		}
		if o.Count, err = table.ParseNumber(c); err != nil {
			return nil, rowErrorf(src, "count", c, ErrNumber, "write the number of outcomes, such as 12 or 3.5")
		}
		if o.Count < 0 {
			return nil, rowErrorf(src, "count", c, ErrNegative, "a count of outcomes cannot be negative")
		}
		if v := cols[3]; v != nil && !table.IsMissing(v[i]) {
			if o.Value, err = ParsePounds(v[i]); err != nil {
				return nil, &RowError{Source: src, Column: "value", Value: v[i], Err: err}
			}
			if o.Value < 0 {
				return nil, rowErrorf(src, "value", v[i], ErrNegative, "the value of an outcome cannot be negative")
			}
			o.Valued = true
		}
		if y := cols[4]; y != nil && !table.IsMissing(y[i]) {
			if o.Year, err = ParseYear(y[i]); err != nil {
				return nil, &RowError{Source: src, Column: "year", Value: y[i], Err: err}
			}
		}
	}
	return rows, nil
}

// ReadDeflators reads a deflator series: CSV with the columns year and
// index (a positive number). A year given twice is an error.
//
//	year,index
//	2022,96.2
//	2023,100
func ReadDeflators(r io.Reader, name string) (Deflators, error) {
	t, err := table.Read(r, name)
	if err != nil {
		return nil, err
	}
	cols, err := t.Columns([]string{"year", "index"}, nil)
	if err != nil {
		return nil, err
	}
	d := make(Deflators, t.Rows())
	for i := 0; i < t.Rows(); i++ {
		src := Source{File: name, Row: i + 2}
		y, err := ParseYear(cols[0][i])
		if err != nil {
			return nil, &RowError{Source: src, Column: "year", Value: cols[0][i], Err: err}
		}
		if _, dup := d[y]; dup {
			return nil, rowErrorf(src, "year", cols[0][i], ErrDuplicate, "year %d has an index already", y)
		}
		s := cols[1][i]
		if table.IsMissing(s) {
			return nil, rowErrorf(src, "index", s, ErrMissing, "no index for %d", y)
		}
		v, err := table.ParseNumber(s)
		if err != nil {
			return nil, rowErrorf(src, "index", s, ErrNumber, "write the price index as a number, such as 102.4")
		}
		if !(v > 0) || math.IsInf(v, 0) {
			return nil, rowErrorf(src, "index", s, ErrNumber, "a price index must be positive")
		}
		d[y] = v
	}
	return d, nil
}

// costsPostColumns are the optional columns that give a post's cost from
// its salary, on-cost rate and whole-time equivalent; nil when absent.
type costsPostColumns struct{ salary, rate, wte []string }

// given reports whether row i has a salary.
func (p costsPostColumns) given(i int) bool {
	return p.salary != nil && !table.IsMissing(p.salary[i])
}

// cost returns StaffCost of row i, or an error naming its column.
func (p costsPostColumns) cost(src Source, i int) (Pence, error) {
	salary, err := ParsePounds(p.salary[i])
	if err != nil {
		return 0, &RowError{Source: src, Column: "salary", Value: p.salary[i], Err: err}
	}
	var share [2]float64
	for k, c := range []struct {
		name string
		col  []string
		hint string
	}{{"on_cost_rate", p.rate, "write 28% as 0.28, and 0 for none"}, {"wte", p.wte, "write a half-time post as 0.5"}} {
		if c.col == nil || table.IsMissing(c.col[i]) {
			return 0, rowErrorf(src, c.name, "", ErrMissing, "a salary needs an %s: %s", c.name, c.hint)
		}
		v, err := table.ParseNumber(c.col[i])
		if err != nil {
			return 0, rowErrorf(src, c.name, c.col[i], ErrNumber, "%s", c.hint)
		}
		if v < 0 {
			return 0, rowErrorf(src, c.name, c.col[i], ErrNegative, "%s", c.hint)
		}
		share[k] = v
	}
	cost, err := StaffCost(salary, share[0], share[1])
	if err != nil {
		return 0, &RowError{Source: src, Column: "salary", Value: p.salary[i], Err: err}
	}
	return cost, nil
}

// sheetName returns a name field trimmed of spaces, refusing an empty one.
func sheetName(src Source, column, s string) (string, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return "", rowErrorf(src, column, "", ErrMissing, "no %s named", column)
	}
	return t, nil
}

// parsePeople reads a whole, non-negative number of people.
func parsePeople(s string) (int64, error) {
	t := strings.TrimSpace(s)
	if table.IsMissing(t) {
		return 0, fmt.Errorf("%w: no number of people; write 0 if none were reached", ErrMissing)
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil {
		if strings.HasPrefix(t, "-") {
			return 0, fmt.Errorf("%w: a number of people cannot be negative", ErrNegative)
		}
		return 0, fmt.Errorf("%w: write a whole number of people, such as 200", ErrNumber)
	}
	if n < 0 {
		return 0, fmt.Errorf("%w: a number of people cannot be negative", ErrNegative)
	}
	if n > 1e12 {
		return 0, fmt.Errorf("%w: more than a million million people", ErrNumber)
	}
	return n, nil
}
