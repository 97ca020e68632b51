package xlsx

import (
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Sheet is a worksheet's cells as text.
type Sheet struct {
	// Name is the worksheet's name, as its tab shows it.
	Name string
	// Rows holds the sheet's rows in ascending order; a row may have no
	// cells, and a row without any is left out.
	Rows []Row
}

// Row is one row of a worksheet.
type Row struct {
	// Num is the row's number, from 1.
	Num int
	// Cells holds the row's cells that have text, in ascending order of
	// column.
	Cells []Cell
}

// Cell is one cell's value as text.
type Cell struct {
	// Col is the cell's column, from 1 (A).
	Col  int
	Text string
}

// CellError reports a cell that cannot be read, by its reference.
type CellError struct {
	Sheet    string
	Col, Row int
	Err      error
}

func (e *CellError) Error() string {
	return fmt.Sprintf("%s: %v", Ref(e.Sheet, e.Col, e.Row), e.Err)
}

func (e *CellError) Unwrap() error { return e.Err }

// ErrNoSheet is wrapped by the error for a sheet that the workbook does not
// have.
var ErrNoSheet = errors.New("no such sheet")

// Read reads the worksheet called name from the workbook in data, or its
// first visible worksheet when name is "". A name is matched exactly, or
// else ignoring case as Excel does. Errors: data that is not a workbook
// (ErrNotWorkbook), a sheet it does not have (ErrNoSheet, naming those it
// has), a workbook beyond lim (ErrTooLarge), and a cell that cannot be
// read (a CellError): a formula saved without its value, a number or
// reference that is not one, a shared string that is not there.
func Read(data []byte, name string, lim Limits) (*Sheet, error) {
	p, err := openPackage(data, lim)
	if err != nil {
		return nil, err
	}
	wb := "xl/workbook.xml"
	rels, err := p.relationships("")
	if err != nil {
		return nil, err
	}
	for _, r := range rels {
		if typeIs(r.typ, "officeDocument") {
			wb = r.target
		}
	}
	switch {
	case p.has("mimetype"):
		return nil, fmt.Errorf("%w: an OpenDocument spreadsheet (.ods); save it as .xlsx or CSV", ErrNotWorkbook)
	case strings.HasSuffix(wb, ".bin"):
		return nil, fmt.Errorf("%w: a binary workbook (.xlsb); save it as .xlsx or CSV", ErrNotWorkbook)
	}
	if rels, err = p.relationships(wb); err != nil {
		return nil, err
	}
	sheets, err := p.sheets(wb, rels)
	if err != nil {
		return nil, err
	}
	s, err := pick(sheets, name)
	if err != nil {
		return nil, err
	}
	var sst []string
	for _, r := range rels {
		if typeIs(r.typ, "sharedStrings") && p.has(r.target) {
			if sst, err = p.sharedStrings(r.target); err != nil {
				return nil, err
			}
		}
	}
	out := &Sheet{Name: s.name}
	if err := p.decode(s.target, func(d *xml.Decoder) (err error) {
		out.Rows, err = readSheet(d, s.name, sst, lim.Cells)
		return err
	}); err != nil {
		return nil, err
	}
	return out, nil
}

// sheetEntry is a sheet of the workbook, in tab order.
type sheetEntry struct {
	name, target string
	hidden       bool
}

// sheets lists the workbook's worksheets (not its chart sheets) in order.
func (p *pkg) sheets(wb string, rels []relationship) ([]sheetEntry, error) {
	byID := map[string]relationship{}
	for _, r := range rels {
		byID[r.id] = r
	}
	var out []sheetEntry
	err := p.decode(wb, func(d *xml.Decoder) error {
		return eachStart(d, func(se xml.StartElement) error {
			if se.Name.Local != "sheet" {
				return nil
			}
			if r, ok := byID[attr(se, "id")]; ok && typeIs(r.typ, "worksheet") {
				state := attr(se, "state")
				out = append(out, sheetEntry{name: attr(se, "name"), target: r.target, hidden: state == "hidden" || state == "veryHidden"})
			}
			return nil
		})
	})
	if err == nil && len(out) == 0 {
		err = fmt.Errorf("%w: it has no worksheet", ErrNotWorkbook)
	}
	if err == nil {
		err = p.lim.checkSheets(len(out))
	}
	return out, err
}

// pick chooses the sheet called name, or the first visible one.
func pick(sheets []sheetEntry, name string) (sheetEntry, error) {
	if name == "" {
		for _, s := range sheets {
			if !s.hidden {
				return s, nil
			}
		}
		return sheets[0], nil
	}
	for _, exact := range []bool{true, false} {
		for _, s := range sheets {
			if s.name == name || !exact && strings.EqualFold(s.name, name) {
				return s, nil
			}
		}
	}
	names := make([]string, len(sheets))
	for i, s := range sheets {
		names[i] = strconv.Quote(s.name)
	}
	return sheetEntry{}, fmt.Errorf("%w %q: the workbook's sheets are %s", ErrNoSheet, name, strings.Join(names, ", "))
}

// sharedStrings reads the workbook's table of shared strings: each si's
// text runs, joined, without its phonetic runs (rPh).
func (p *pkg) sharedStrings(name string) ([]string, error) {
	var sst []string
	err := p.decode(name, func(d *xml.Decoder) error {
		var b strings.Builder
		in, inT, rph := false, false, 0
		for {
			tok, err := d.RawToken()
			if err != nil {
				return eofOK(err)
			}
			switch t := tok.(type) {
			case xml.StartElement:
				switch t.Name.Local {
				case "si":
					in = true
					b.Reset()
				case "rPh":
					rph++
				case "t":
					inT = in && rph == 0
				}
			case xml.EndElement:
				switch t.Name.Local {
				case "si":
					if len(sst) >= p.lim.Cells {
						return fmt.Errorf("%w: more than %d shared strings", ErrTooLarge, p.lim.Cells)
					}
					sst = append(sst, decodeXString(b.String()))
					in = false
				case "rPh":
					rph--
				case "t":
					inT = false
				}
			case xml.CharData:
				if inT {
					b.Write(t)
				}
			}
		}
	})
	return sst, err
}
