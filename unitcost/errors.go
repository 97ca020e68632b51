package unitcost

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/evalkit/evalkit/internal/table"
)

// Errors for sheets that cannot be costed. Functions wrap them with the
// detail (%w) and, for a sheet's line, in a RowError; test with errors.Is.
var (
	// ErrAmount is returned for money written in a form that is not plain
	// pounds and pence, such as 12k, £1,200 or 1e3.
	ErrAmount = errors.New("not an amount in plain pounds and pence")
	// ErrNegative is returned for a negative amount, count or index.
	ErrNegative = errors.New("negative value")
	// ErrCategory is returned for a category that is not one of staff,
	// non_staff, overhead, in_kind and volunteer.
	ErrCategory = errors.New("unknown category")
	// ErrYear is returned for a year that cannot be read, or that the
	// deflators do not cover.
	ErrYear = errors.New("bad year")
	// ErrPurpose is returned for a purpose that is not one of
	// intervention, evaluation and core.
	ErrPurpose = errors.New("unknown purpose")
	// ErrNumber is returned for a count, number of people or index that is
	// not a number of the kind asked for.
	ErrNumber = errors.New("not a number of the kind expected")
	// ErrMissing is returned for a required value that is empty or one of
	// the missing-value tokens.
	ErrMissing = errors.New("missing value")
	// ErrNoCosts is returned for an intervention that has reach or outcomes
	// but no cost lines.
	ErrNoCosts = errors.New("intervention without costs")
	// ErrDuplicate is returned for a year given twice in the deflators.
	ErrDuplicate = errors.New("given twice")
	// ErrOptions is returned for options that cannot be used together or
	// are out of range, such as a discount rate without a base year.
	ErrOptions = errors.New("bad options")
	// ErrOverflow is returned when a sum of amounts would not fit in an
	// int64 number of pence (about £92 million million).
	ErrOverflow = errors.New("amount too large")
)

// Source says where a line came from, so that errors can name it. It is
// zero for lines built in code.
type Source struct {
	// File is the sheet's name, as errors show it.
	File string
	// Row counts rows as a spreadsheet does, the header being row 1.
	Row int
}

// RowError reports a value of a sheet that cannot be used, naming the file,
// the row (the header being row 1) and the column.
type RowError struct {
	Source
	// Column is the column's name; empty when the whole row is at fault.
	Column string
	// Value is the text as written; empty when not relevant.
	Value string
	// Err is the reason, wrapping one of the package's sentinel errors.
	Err error
}

func (e *RowError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Row > 0 {
		if b.Len() > 0 {
			b.WriteString(": ")
		}
		fmt.Fprintf(&b, "row %d", e.Row)
	}
	if e.Column != "" {
		if e.Row > 0 {
			b.WriteString(", ")
		} else if b.Len() > 0 {
			b.WriteString(": ")
		}
		fmt.Fprintf(&b, "column %q", table.Clip(e.Column))
	}
	if e.Value != "" {
		fmt.Fprintf(&b, ": %q", table.Clip(e.Value))
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *RowError) Unwrap() error { return e.Err }

// sumOverflowError is the error for a sum of what (the amounts of an
// intervention, say) that passes the most an int64 number of pence holds,
// about £92 million million, at the line src: it blames the sum, in the
// amount column, not the line, whose amount is valid.
func sumOverflowError(src Source, what string) *RowError {
	at := ""
	if src.Row > 0 {
		at = fmt.Sprintf(" (the sum passes it at row %d)", src.Row)
	}
	return &RowError{Source: Source{File: src.File}, Column: "amount",
		Err: fmt.Errorf("%w: the sum of %s exceeds £%s, the most that can be added exactly to the penny%s", ErrOverflow, what, Pence(math.MaxInt64), at)}
}

// rowErrorf builds a RowError whose reason wraps a sentinel error.
func rowErrorf(src Source, column, value string, sentinel error, format string, a ...any) *RowError {
	return &RowError{Source: src, Column: column, Value: value, Err: fmt.Errorf("%w: "+format, append([]any{sentinel}, a...)...)}
}
