package xlsx

import (
	"errors"
	"fmt"
	"io"
	"iter"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Value is a cell to write.
type Value struct {
	Text string
	// Numeric lets the cell be a number when Text is one that reads back
	// as exactly Text (FormatNumber) and has at most 15 significant
	// digits, so that a spreadsheet keeps it whole; otherwise, and always
	// when Numeric is false, the cell is text.
	Numeric bool
}

// WriteSheet is a worksheet to write: its name and its rows in order.
type WriteSheet struct {
	Name string
	Rows iter.Seq[[]Value]
}

// ErrUnstorable is wrapped by the CellError of a text that a workbook
// cannot hold exactly.
var ErrUnstorable = errors.New("a workbook cannot hold this text exactly")

// maxCellChars is the most UTF-16 code units a cell's text may have.
const maxCellChars = 32767

// Write writes a workbook holding the sheets, in order, to w: text cells
// as inline strings, number cells as numbers, rows from row 1 and cells
// from column A. Read gives every cell back as its Text.
//
// A text that a workbook cannot hold exactly is a CellError wrapping
// ErrUnstorable: one with a control character other than tab, line feed
// and carriage return, or U+FFFE or U+FFFF (XML 1.0 has none of them), or
// with more than 32,767 UTF-16 code units (a cell's most).
func Write(w io.Writer, sheets ...WriteSheet) (err error) {
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	for i, s := range sheets {
		if i == 0 {
			err = f.SetSheetName("Sheet1", s.Name)
		} else {
			_, err = f.NewSheet(s.Name)
		}
		if err != nil {
			return err
		}
		if err := writeSheet(f, s); err != nil {
			return err
		}
	}
	return f.Write(w)
}

// writeSheet streams one sheet's rows into f.
func writeSheet(f *excelize.File, s WriteSheet) error {
	sw, err := f.NewStreamWriter(s.Name)
	if err != nil {
		return err
	}
	row := 0
	var cells []any
	for vals := range s.Rows {
		row++
		cells = cells[:0]
		for j, v := range vals {
			if x, ok := asNumber(v.Text); ok && v.Numeric {
				cells = append(cells, x)
				continue
			}
			if err := storable(v.Text); err != nil {
				return &CellError{Sheet: s.Name, Col: j + 1, Row: row, Err: err}
			}
			cells = append(cells, v.Text)
		}
		if err := sw.SetRow(CellName(1, row), cells); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// storable checks that a workbook can hold text exactly.
func storable(text string) error {
	if !utf8.ValidString(text) {
		return fmt.Errorf("%w: it is not valid UTF-8", ErrUnstorable)
	}
	units := 0
	for _, r := range text {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
			return fmt.Errorf("%w: it holds the control character %U", ErrUnstorable, r)
		}
		units += utf16.RuneLen(r)
	}
	if units > maxCellChars {
		return fmt.Errorf("%w: %d characters, more than a cell's %d", ErrUnstorable, units, maxCellChars)
	}
	return nil
}
