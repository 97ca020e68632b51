package table

import (
	"errors"
	"fmt"
	"strings"
)

// ErrSpreadsheetError is wrapped by the ParseError of a cell that holds a
// spreadsheet's error value (SpreadsheetError).
var ErrSpreadsheetError = errors.New("a spreadsheet error value: the formula that made it failed; correct it in the sheet, or clear the cell")

// errNoName is the reason for a value in a column with no name.
var errNoName = errors.New("a value in a column whose header (row 1) is empty: name the column, or clear it")

// SpreadsheetError reports whether s, surrounding spaces ignored, is one of
// a spreadsheet's error values other than #N/A (which is a missing value,
// IsMissing): #DIV/0!, #VALUE!, #REF!, #NAME?, #NUM!, #NULL!, and the newer
// #SPILL!, #CALC!, #FIELD!, #BLOCKED!, #CONNECT!, #BUSY!, #UNKNOWN! and
// #GETTING_DATA.
func SpreadsheetError(s string) bool {
	if len(s) == 0 || s[0] != '#' && s[0] != ' ' {
		return false
	}
	switch strings.TrimSpace(s) {
	case "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!",
		"#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#GETTING_DATA":
		return true
	}
	return false
}

// blank reports whether a cell holds nothing but spaces.
func blank(s string) bool { return strings.TrimSpace(s) == "" }

// tidy applies the rules for what spreadsheets leave in a table, the same
// for CSV and workbooks: a cell holding an error value (SpreadsheetError)
// is an error; a column whose header is blank is left out when it holds no
// values, and is an error when it does; blank rows at the end are left
// out. It then indexes the columns, refusing a table with no named column
// or with a name given twice.
func (t *Table) tidy() error {
	if err := t.checkErrorValues(); err != nil {
		return err
	}
	keep := 0
	for j, h := range t.Header {
		if !blank(h) {
			t.Header[keep], t.field[keep], t.col[keep] = h, t.field[j], t.col[j]
			keep++
			continue
		}
		var err error
		t.column(j, func(i int, v string) bool {
			if !blank(v) {
				err = t.at(&ParseError{File: t.Name, Row: i + 2, Column: t.columnName(j), Value: v, Err: errNoName}, j)
			}
			return err == nil
		})
		if err != nil {
			return err
		}
		t.Notes = append(t.Notes, fmt.Sprintf("%s: %s has no name and no values: left out", t.Name, t.columnPlace(j)))
	}
	t.Header, t.field, t.col = t.Header[:keep], t.field[:keep], t.col[:keep]
	if keep == 0 {
		return fmt.Errorf("%s: %w", t.Name, errors.New("the header (row 1) names no column"))
	}
	rows := t.Rows()
	for rows > 0 && t.blankRow(rows-1) {
		rows--
	}
	if n := t.Rows() - rows; n > 0 {
		t.rows = rows
		t.Notes = append(t.Notes, fmt.Sprintf("%s: %d empty rows at the end: left out", t.Name, n))
	}
	t.index = make(map[string]int, keep)
	for j, h := range t.Header {
		if k, dup := t.index[h]; dup {
			return t.at(&ParseError{File: t.Name, Row: 1, Column: h, Err: fmt.Errorf("duplicate column name (columns %d and %d)", t.col[k], t.col[j])}, j)
		}
		t.index[h] = j
	}
	return nil
}

// checkErrorValues returns a ParseError for the first cell, in file order,
// that holds a spreadsheet error value.
func (t *Table) checkErrorValues() error {
	for j, h := range t.Header {
		if SpreadsheetError(h) {
			return t.at(&ParseError{File: t.Name, Row: 1, Column: t.columnName(j), Value: h, Err: ErrSpreadsheetError}, j)
		}
	}
	// Every error value holds a #: without one, no cell is one.
	found := !t.noHash && strings.IndexByte(t.text, '#') >= 0
	for _, s := range t.rewritten {
		found = found || strings.IndexByte(s, '#') >= 0
	}
	if !found {
		return nil
	}
	found = false
	var spans []span
scan:
	for i := 0; i < t.Rows(); i++ {
		spans = t.row(i, spans)
		for _, s := range spans {
			if v := t.str(s); len(v) > 0 && (v[0] == '#' || v[0] == ' ') && SpreadsheetError(v) {
				found = true
				break scan
			}
		}
	}
	for i := 0; found && i < t.Rows(); i++ {
		for j := range t.Header {
			if v := t.Cell(i, j); SpreadsheetError(v) {
				return t.at(&ParseError{File: t.Name, Row: i + 2, Column: t.columnName(j), Value: v, Err: ErrSpreadsheetError}, j)
			}
		}
	}
	return nil
}

// columnName returns column j's name, or #N (its place) when it has none.
func (t *Table) columnName(j int) string {
	if blank(t.Header[j]) {
		return fmt.Sprintf("#%d", t.col[j])
	}
	return t.Header[j]
}

// blankRow reports whether every cell of data row i is blank.
func (t *Table) blankRow(i int) bool {
	for j := range t.Header {
		if !blank(t.Cell(i, j)) {
			return false
		}
	}
	return true
}
