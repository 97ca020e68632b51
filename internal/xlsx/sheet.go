package xlsx

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// cellState is the cell being read.
type cellState struct {
	col, row int
	typ      string
	v        []byte // the <v> element's text
	is       []byte // an inline string's text runs
	hasV     bool
	hasF     bool
}

// sheetReader holds what readSheet has read so far.
type sheetReader struct {
	name  string
	sst   []string
	cells int // cells with text so far
	max   int
	rows  []Row
	row   int        // the current row's number; 0 before the first
	next  int        // the column of a cell without a reference
	c     *cellState // the cell being read, or nil
	cell  cellState  // where c points, reused from cell to cell
	// Where the parser is: in <v>, in <is>'s <t> (not a phonetic run).
	inV, inIS, inT bool
	rph            int
}

// readSheet reads a worksheet's sheetData: its rows and cells, as text.
func readSheet(d *xml.Decoder, name string, sst []string, maxCells int) ([]Row, error) {
	r := &sheetReader{name: name, sst: sst, max: maxCells}
	for {
		tok, err := d.RawToken()
		if err != nil {
			return r.rows, eofOK(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			err = r.start(t)
		case xml.EndElement:
			if t.Name.Local == "sheetData" {
				return r.rows, nil
			}
			err = r.end(t)
		case xml.CharData:
			switch {
			case r.inV:
				r.c.v = append(r.c.v, t...)
			case r.inT && r.rph == 0:
				r.c.is = append(r.c.is, t...)
			}
		}
		if err != nil {
			return nil, err
		}
	}
}

func (r *sheetReader) start(t xml.StartElement) error {
	switch t.Name.Local {
	case "row":
		n := r.row + 1
		if s := attr(t, "r"); s != "" {
			v, err := strconv.Atoi(s)
			if err != nil || v < 1 || v > MaxRow {
				return fmt.Errorf("%w: row number %q", ErrNotWorkbook, s)
			}
			n = v
		}
		if n <= r.row || n > MaxRow {
			return fmt.Errorf("%w: row %d after row %d: rows out of order", ErrNotWorkbook, n, r.row)
		}
		r.row, r.next = n, 1
		r.rows = append(r.rows, Row{Num: n})
	case "c":
		if r.row == 0 {
			return fmt.Errorf("%w: a cell outside a row", ErrNotWorkbook)
		}
		col := r.next
		if ref := attr(t, "r"); ref != "" {
			c, row, ok := parseCellName(ref)
			if !ok || row != r.row {
				return &CellError{Sheet: r.name, Col: r.next, Row: r.row, Err: fmt.Errorf("%w: the cell's reference %q", ErrNotWorkbook, ref)}
			}
			col = c
		}
		if col < r.next || col > MaxCol {
			return &CellError{Sheet: r.name, Col: col, Row: r.row, Err: fmt.Errorf("%w: cells out of order", ErrNotWorkbook)}
		}
		r.next = col + 1
		r.cell = cellState{col: col, row: r.row, typ: attr(t, "t"), v: r.cell.v[:0], is: r.cell.is[:0]}
		r.c = &r.cell
	case "v":
		if r.c != nil {
			r.inV, r.c.hasV = true, true
		}
	case "f":
		if r.c != nil {
			r.c.hasF = true
		}
	case "is":
		r.inIS = r.c != nil
	case "t":
		r.inT = r.inIS
	case "rPh":
		r.rph++
	}
	return nil
}

func (r *sheetReader) end(t xml.EndElement) error {
	switch t.Name.Local {
	case "v":
		r.inV = false
	case "t":
		r.inT = false
	case "is":
		r.inIS = false
	case "rPh":
		r.rph--
	case "c":
		if r.c == nil {
			return nil
		}
		text, err := r.c.text(r.sst)
		if err != nil {
			return &CellError{Sheet: r.name, Col: r.c.col, Row: r.c.row, Err: err}
		}
		if text != "" {
			if r.cells++; r.cells > r.max {
				return fmt.Errorf("%w: more than %d cells with values in sheet %q", ErrTooLarge, r.max, r.name)
			}
			last := &r.rows[len(r.rows)-1]
			last.Cells = append(last.Cells, Cell{Col: r.c.col, Text: text})
		}
		r.c, r.inV, r.inIS, r.inT = nil, false, false, false
	}
	return nil
}

// errNoValue is the reason for a formula saved without its value.
var errNoValue = errors.New("a formula saved without its value (open the workbook in a spreadsheet and save it, so that its values are computed)")

// text returns the cell's value as text, by its type.
func (c *cellState) text(sst []string) (string, error) {
	v := string(c.v)
	switch c.typ {
	case "s":
		if !c.hasV {
			return "", nil
		}
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(sst) {
			return "", fmt.Errorf("%w: shared string %q is not in the workbook", ErrNotWorkbook, v)
		}
		return sst[i], nil
	case "inlineStr":
		return decodeXString(string(c.is)), nil
	case "str":
		if !c.hasV && c.hasF {
			return "", errNoValue
		}
		return decodeXString(v), nil
	case "b":
		switch strings.TrimSpace(v) {
		case "1":
			return "TRUE", nil
		case "0":
			return "FALSE", nil
		case "":
			if !c.hasF {
				return "", nil
			}
		}
		return "", fmt.Errorf("%w: boolean %q", ErrNotWorkbook, v)
	case "e", "d":
		return strings.TrimSpace(v), nil
	case "", "n":
		v = strings.TrimSpace(v)
		if v == "" {
			if c.hasF {
				return "", errNoValue
			}
			return "", nil
		}
		x, err := strconv.ParseFloat(v, 64)
		if err != nil || math.IsInf(x, 0) || math.IsNaN(x) {
			return "", fmt.Errorf("%w: number %q", ErrNotWorkbook, v)
		}
		return FormatNumber(x), nil
	}
	return "", fmt.Errorf("%w: cell type %q", ErrNotWorkbook, c.typ)
}

// eofOK turns the end of a part into no error.
func eofOK(err error) error {
	if err == io.EOF {
		return nil
	}
	return err
}
