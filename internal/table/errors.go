package table

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/evalkit/evalkit/internal/xlsx"
)

// ParseError reports a value or a line that cannot be read. Row counts as a
// person counts rows in a spreadsheet, the header being row 1, every
// message of a table's reading counting them so; Line, the line of the
// file, is given beside it where it differs (after empty lines, or a
// quoted field over several lines), and alone when only it is known:
//
//	units.csv: row 4 (line 6): bare " in non-quoted-field
//
// In a table read from a worksheet, Sheet and Col (from 1, column A) name
// the cell, which the message gives as Excel writes it: Sheet1!C7.
type ParseError struct {
	File   string
	Row    int
	Line   int
	Column string
	Value  string
	Err    error
	Sheet  string
	Col    int
}

func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	switch {
	case e.Sheet != "" && e.Row > 0 && e.Col > 0:
		fmt.Fprintf(&b, ": %s", xlsx.Ref(e.Sheet, e.Col, e.Row))
	case e.Row > 0:
		fmt.Fprintf(&b, ": row %d", e.Row)
		if e.Line > 0 && e.Line != e.Row {
			fmt.Fprintf(&b, " (line %d)", e.Line)
		}
	case e.Line > 0:
		fmt.Fprintf(&b, ": line %d", e.Line)
	}
	if e.Column != "" {
		fmt.Fprintf(&b, ", column %q", Clip(e.Column))
	}
	if e.Value != "" {
		fmt.Fprintf(&b, ": %q", Clip(e.Value))
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
	const most = 20
	have := make([]string, 0, most+1)
	for i, h := range e.Have {
		if i == most {
			have = append(have, fmt.Sprintf("and %d more", len(e.Have)-most))
			break
		}
		have = append(have, strconv.Quote(Clip(h)))
	}
	return fmt.Sprintf("%s: no column %q (the columns are %s)", e.File, Clip(e.Column), strings.Join(have, ", "))
}

// clipLen is the most bytes of a value that an error quotes.
const clipLen = 60

// Clip shortens text that an error quotes to at most 60 bytes, so that a
// huge cell, label or column name cannot make a huge error line: a longer
// s is cut at a character boundary and marked with its length, the mark
// counted in the 60 bytes,
//
//	Clip(strings.Repeat("S", 1<<20)) = "SSS…S… (1048576 bytes)" (41 S, 60 bytes)
//
// Quote the result with %q, as every caller does: %q shows control
// characters escaped (\x1b, \t, \r), so that no terminal escape sequence in
// the text reaches the terminal raw.
func Clip(s string) string {
	if len(s) <= clipLen {
		return s
	}
	mark := "… (" + strconv.Itoa(len(s)) + " bytes)"
	cut := clipLen - len(mark)
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + mark
}
