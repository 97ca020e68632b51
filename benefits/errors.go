package benefits

import (
	"errors"
	"fmt"
)

// Errors for appraisals that cannot be made. Functions wrap them with the
// detail (%w); test with errors.Is. Errors in a CSV file's row are
// unitcost.RowErrors, which name the file, the row and the column, and
// wrap these or unitcost's sentinel errors.
var (
	// ErrOptions is returned for options out of range or that cannot be
	// used together, such as a baseline of 0 or deflators without a
	// price year.
	ErrOptions = errors.New("bad options")
	// ErrCrime is returned for a crime type that the unit-cost table does
	// not hold.
	ErrCrime = errors.New("unknown crime type")
	// ErrEffect is returned for an analysis whose effect cannot be valued:
	// not a rate ratio or a risk difference, undefined, or not one
	// comparison.
	ErrEffect = errors.New("no effect to value")
	// ErrComponents is returned for a unit cost whose components do not
	// add up to its total.
	ErrComponents = errors.New("components do not add up to the total")
	// ErrJSON is returned for a JSON file that is not the result it should
	// be (evalkit analyse --json, evalkit unitcost --json).
	ErrJSON = errors.New("not the expected JSON")
	// ErrCost is returned for a cost result without the intervention asked
	// for, or whose cost is undefined.
	ErrCost = errors.New("no cost for the intervention")
)

// JSONError reports a JSON file that cannot be used, naming the file and
// the line and column (counted from 1) or the key's path, such as
// comparisons[0].method.
type JSONError struct {
	// File is the file's name, as errors show it.
	File string
	// Line and Column locate a syntax error; 0 when Path is given.
	Line, Column int
	// Path names the value at fault, such as comparisons[1].estimate.
	Path string
	// Err is the reason, wrapping ErrJSON.
	Err error
}

func (e *JSONError) Error() string {
	switch {
	case e.Line > 0:
		return fmt.Sprintf("%s: line %d, column %d: %v", e.File, e.Line, e.Column, e.Err)
	case e.Path != "":
		return fmt.Sprintf("%s: %s: %v", e.File, e.Path, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *JSONError) Unwrap() error { return e.Err }
