package table

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/evalkit/evalkit/internal/xlsx"
)

// isWorkbook reports whether a file is read as a workbook: by its name's
// extension (.xlsx, .xlsm), or by its bytes (a zip package, or the
// compound file of an .xls, whose reading is refused with advice).
func isWorkbook(name string, data []byte) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx", ".xlsm":
		return true
	}
	return bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0"))
}

// IsWorkbook reports whether a file of that name is read, and written, as
// a workbook: its extension is .xlsx or .xlsm.
func IsWorkbook(name string) bool { return isWorkbook(name, nil) }

// readWorkbook reads the worksheet o.Sheet of the workbook in data as a
// table: row 1 is the header, and every later row up to the last with a
// value is a data row, so that a table's row numbers are the sheet's.
func (o Options) readWorkbook(data []byte, name string) (*Table, error) {
	s, err := xlsx.Read(data, o.Sheet, xlsx.DefaultLimits)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	width, rows := 0, 0
	for _, r := range s.Rows {
		if n := len(r.Cells); n > 0 {
			width = max(width, r.Cells[n-1].Col)
			rows = r.Num - 1
		}
	}
	if width == 0 {
		return nil, fmt.Errorf("%s: sheet %q: %w", name, s.Name, ErrEmpty)
	}
	if cells := int64(width) * int64(max(rows, 1)); cells > int64(xlsx.DefaultLimits.Cells) {
		return nil, fmt.Errorf("%s: sheet %q: %w: %d rows by %d columns is more than %d cells; save the sheet as CSV", name, s.Name, xlsx.ErrTooLarge, rows+1, width, xlsx.DefaultLimits.Cells)
	}
	if width > MaxColumns {
		return nil, fmt.Errorf("%s: sheet %q: %w: %d columns, more than %d", name, s.Name, ErrLimit, width, MaxColumns)
	}
	t := &Table{Name: name, Sheet: s.Name, Header: make([]string, width), width: width, col: make([]int, width), field: make([]int, width)}
	for j := range t.col {
		t.col[j], t.field[j] = j+1, j
	}
	// Every row is held as spans (cells.go), the empty span for a cell
	// without a value.
	rec := make([]span, width)
	for range rows {
		t.addRow(rec, false, false, 0)
	}
	// Each data cell's text is held as a rewritten field's, so that the
	// shared strings stay shared; cells without a value are empty spans.
	for _, r := range s.Rows {
		for _, c := range r.Cells {
			if r.Num == 1 {
				t.Header[c.Col-1] = c.Text
			} else if r.Num-2 < rows {
				t.rewritten = append(t.rewritten, c.Text)
				t.spans[(r.Num-2)*width+c.Col-1] = span{uint32(len(t.rewritten) - 1), rewrittenEnd}
			}
		}
	}
	if err := t.tidy(); err != nil {
		return nil, err
	}
	return t, nil
}

// at sets, for a table read from a worksheet, the sheet and column of a
// ParseError about column j.
func (t *Table) at(pe *ParseError, j int) *ParseError {
	if t.Sheet != "" {
		pe.Sheet, pe.Col = t.Sheet, t.col[j]
	}
	return pe
}

// columnPlace names column j by its place: "column 4" in CSV, "sheet
// "Sheet1", column D" in a worksheet.
func (t *Table) columnPlace(j int) string {
	if t.Sheet != "" {
		return fmt.Sprintf("sheet %q, column %s", t.Sheet, xlsx.ColumnName(t.col[j]))
	}
	return fmt.Sprintf("column %d", t.col[j])
}
