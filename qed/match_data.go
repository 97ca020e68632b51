package qed

import (
	"errors"
	"fmt"
	"math"

	"github.com/evalkit/evalkit/internal/table"
)

// MatchColumns names the columns of a matching or weighting: one row per
// unit.
type MatchColumns struct {
	// Treat holds 1 for a treated unit and 0 for a control (yes/no and
	// true/false are read too).
	Treat string
	// Covariates are the numeric columns the propensity score is fitted on
	// (nearest) or whose means are balanced (ebal).
	Covariates []string
	// Exact, when not empty, holds strata within which units are matched.
	Exact string
	// Outcome, when not empty, is the outcome of the effect on the treated.
	Outcome string
}

// MatchData is the data of a matching, the rows with a missing value in a
// used column left out.
type MatchData struct {
	Columns MatchColumns
	// Treated, X (by covariate), Exact and Outcome hold the rows kept;
	// Exact and Outcome are nil when not asked for.
	Treated []bool
	X       [][]float64
	Exact   []string
	Outcome []float64
	// Rows counts the data rows and Missing those left out.
	Rows, Missing int
}

// ReadMatchData reads the columns of cols from t. A row with a missing
// treatment, covariate, stratum or outcome is left out and counted; text
// that is not a number, a treatment that is not 0/1 (yes/no, true/false),
// an empty or repeated covariate name are errors naming the file, row and
// column.
func ReadMatchData(t *table.Table, cols MatchColumns) (*MatchData, error) {
	d := &MatchData{Columns: cols, Rows: t.Rows()}
	seen := map[string]bool{cols.Treat: true}
	for _, c := range cols.Covariates {
		if c == "" || seen[c] {
			return nil, fmt.Errorf("%s: covariate %q: a covariate must name a column once, not the treatment", t.Name, c)
		}
		seen[c] = true
	}
	treat, err := t.Column(cols.Treat)
	if err != nil {
		return nil, err
	}
	x := make([][]float64, len(cols.Covariates))
	for j, c := range cols.Covariates {
		if x[j], _, err = t.Float(c); err != nil {
			return nil, err
		}
	}
	var exact []string
	if cols.Exact != "" {
		if exact, err = t.Column(cols.Exact); err != nil {
			return nil, err
		}
	}
	var y []float64
	if cols.Outcome != "" {
		if y, _, err = t.Float(cols.Outcome); err != nil {
			return nil, err
		}
	}
	d.X = make([][]float64, len(x))
rows:
	for i, s := range treat {
		tr, ok, err := parseTreat(s)
		if err != nil {
			return nil, &table.ParseError{File: t.Name, Row: i + 2, Column: cols.Treat, Value: s, Err: err}
		}
		missing := !ok || exact != nil && table.IsMissing(exact[i]) || y != nil && math.IsNaN(y[i])
		for j := range x {
			missing = missing || math.IsNaN(x[j][i])
		}
		if missing {
			d.Missing++
			continue rows
		}
		d.Treated = append(d.Treated, tr)
		for j := range x {
			d.X[j] = append(d.X[j], x[j][i])
		}
		if exact != nil {
			d.Exact = append(d.Exact, exact[i])
		}
		if y != nil {
			d.Outcome = append(d.Outcome, y[i])
		}
	}
	return d, nil
}

// parseTreat reads a treatment value: ok is false for a missing one.
func parseTreat(s string) (treated, ok bool, err error) {
	if table.IsMissing(s) {
		return false, false, nil
	}
	switch s {
	case "1", "yes", "Yes", "YES", "true", "True", "TRUE":
		return true, true, nil
	case "0", "no", "No", "NO", "false", "False", "FALSE":
		return false, true, nil
	}
	return false, false, errors.New("the treatment must be 1 or 0 (yes/no, true/false)")
}
