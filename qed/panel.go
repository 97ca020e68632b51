package qed

import (
	"errors"
	"fmt"
	"math"
	"strconv"

	"github.com/evalkit/evalkit/internal/table"
)

// PanelColumns names the columns of a panel: one row per unit and period.
type PanelColumns struct {
	// Unit identifies the unit (a school, a place, a person).
	Unit string
	// Time holds the period, a number (a term, a week, a year).
	Time string
	// Outcome is the outcome; a missing value leaves its row out.
	Outcome string
	// FirstTreated holds the period in which the unit is first treated;
	// empty, another missing-value token or 0 for a unit never treated.
	FirstTreated string
	// Cluster, when not empty, is the cluster of the one-cohort model's
	// CR2 standard errors (default: the unit).
	Cluster string
}

// Panel is a panel read from a table, the rows with a missing outcome left
// out.
type Panel struct {
	Columns PanelColumns
	// Unit, Cluster, Time, FirstTreated and Outcome hold the rows kept, in
	// file order; FirstTreated is 0 for never treated. Cluster is nil
	// without Columns.Cluster.
	Unit, Cluster               []string
	Time, FirstTreated, Outcome []float64
	// Rows counts the data rows of the file and Missing those left out.
	Rows, Missing int
}

// ErrPanel is wrapped by the errors of a panel that cannot be analysed as
// one: a unit observed twice in a period, a unit whose first treated period
// changes between rows.
var ErrPanel = errors.New("not a panel")

// ReadPanel reads the panel's columns from t. Errors name the file, the row
// (the header being row 1) and the column: a missing unit, period or
// cluster; text that is not a number; a negative or non-finite first
// treated period; a unit whose first treated period differs between rows;
// a unit observed twice in the same period.
func ReadPanel(t *table.Table, cols PanelColumns) (*Panel, error) {
	p := &Panel{Columns: cols, Rows: t.Rows()}
	unit, err := textColumn(t, cols.Unit)
	if err != nil {
		return nil, err
	}
	var cluster []string
	if cols.Cluster != "" {
		if cluster, err = textColumn(t, cols.Cluster); err != nil {
			return nil, err
		}
	}
	time, err := numberColumn(t, cols.Time, false)
	if err != nil {
		return nil, err
	}
	first, err := numberColumn(t, cols.FirstTreated, true)
	if err != nil {
		return nil, err
	}
	y, _, err := t.Float(cols.Outcome)
	if err != nil {
		return nil, err
	}
	firstRow := map[string]int{}
	seen := map[[2]string]int{}
	for i := range unit {
		g := first[i]
		if math.IsNaN(g) {
			g = 0
		}
		if g < 0 {
			return nil, &table.ParseError{File: t.Name, Row: i + 2, Column: cols.FirstTreated, Value: strconv.FormatFloat(g, 'g', -1, 64),
				Err: errors.New("a first treated period cannot be negative (0 or empty: never treated)")}
		}
		if r, ok := firstRow[unit[i]]; ok && p.groupOf(first, r) != g {
			return nil, fmt.Errorf("%s: %w: unit %q is first treated in period %v at row %d and %v at row %d (column %q)",
				t.Name, ErrPanel, table.Clip(unit[i]), p.groupOf(first, r), r+2, g, i+2, cols.FirstTreated)
		} else if !ok {
			firstRow[unit[i]] = i
		}
		key := [2]string{unit[i], strconv.FormatFloat(time[i], 'g', -1, 64)}
		if r, ok := seen[key]; ok {
			return nil, fmt.Errorf("%s: %w: unit %q has two rows for period %v (rows %d and %d)", t.Name, ErrPanel, table.Clip(unit[i]), time[i], r+2, i+2)
		}
		seen[key] = i
		if math.IsNaN(y[i]) {
			p.Missing++
			continue
		}
		p.Unit = append(p.Unit, unit[i])
		if cluster != nil {
			p.Cluster = append(p.Cluster, cluster[i])
		}
		p.Time = append(p.Time, time[i])
		p.FirstTreated = append(p.FirstTreated, g)
		p.Outcome = append(p.Outcome, y[i])
	}
	if len(p.Outcome) == 0 {
		return nil, fmt.Errorf("%s: no row has an outcome in column %q", t.Name, cols.Outcome)
	}
	return p, nil
}

// groupOf returns row r's first treated period, 0 when missing.
func (*Panel) groupOf(first []float64, r int) float64 {
	if math.IsNaN(first[r]) {
		return 0
	}
	return first[r]
}

// textColumn returns a column whose every value must be present.
func textColumn(t *table.Table, name string) ([]string, error) {
	col, err := t.Column(name)
	if err != nil {
		return nil, err
	}
	for i, v := range col {
		if table.IsMissing(v) {
			return nil, &table.ParseError{File: t.Name, Row: i + 2, Column: name, Err: errors.New("missing value; every row needs one")}
		}
	}
	return col, nil
}

// numberColumn returns a numeric column; a missing value is an error unless
// allowMissing (it is then NaN).
func numberColumn(t *table.Table, name string, allowMissing bool) ([]float64, error) {
	v, missing, err := t.Float(name)
	if err != nil || missing == 0 || allowMissing {
		return v, err
	}
	for i, x := range v {
		if math.IsNaN(x) {
			return nil, &table.ParseError{File: t.Name, Row: i + 2, Column: name, Err: errors.New("missing value; every row needs one")}
		}
	}
	return v, nil
}
