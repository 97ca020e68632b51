package table

import (
	"fmt"
	"strings"
)

// ParseError reports a value or a line that cannot be read. Row counts as a
// person counts rows in a spreadsheet, the header being row 1; Line is set
// instead when only the line of the file is known.
type ParseError struct {
	File   string
	Row    int
	Line   int
	Column string
	Value  string
	Err    error
}

func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	switch {
	case e.Row > 0:
		fmt.Fprintf(&b, ": row %d", e.Row)
	case e.Line > 0:
		fmt.Fprintf(&b, ": line %d", e.Line)
	}
	if e.Column != "" {
		fmt.Fprintf(&b, ", column %q", e.Column)
	}
	if e.Value != "" {
		fmt.Fprintf(&b, ": %q", e.Value)
	}
	fmt.Fprintf(&b, ": %v", e.Err)
	return b.String()
}

func (e *ParseError) Unwrap() error { return e.Err }

// ColumnError reports a column that the file does not have.
type ColumnError struct {
	File   string
	Column string
	Have   []string
}

func (e *ColumnError) Error() string {
	return fmt.Sprintf("%s: no column %q (the columns are %s)", e.File, e.Column, strings.Join(e.Have, ", "))
}
