package table

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Table is a CSV file or a worksheet held as columns of text, in the order
// of the file.
type Table struct {
	// Name is the file's name as errors report it.
	Name string
	// Sheet is the worksheet read from a workbook; "" for CSV.
	Sheet string
	// Header holds the column names in file order.
	Header []string
	// Cols holds one slice of text per column, Cols[j][i] being the value
	// in column j of data row i (file row i+2).
	Cols [][]string
	// Notes says what was left out as a spreadsheet's leftovers (columns
	// with no name and no values, empty rows at the end), one sentence
	// each; nil when nothing was.
	Notes []string

	index map[string]int
	// col holds each column's place in the file (1 for the first, A in
	// a worksheet), which columns left out make differ from j+1.
	col []int
}

// ErrEmpty is returned for a file that has no header line.
var ErrEmpty = errors.New("the file is empty: no header line")

// ReadFile reads the table file at path (Options.ReadFile).
func ReadFile(path string) (*Table, error) { return Options{}.ReadFile(path, nil) }

// ReadFile reads the table file at path with o; errors name the file by
// its base name. A file whose name ends in .xlsx or .xlsm, or that is a zip
// package, is read as a workbook, any other as CSV. progress, when not nil,
// is called with the bytes of CSV parsed and the file's size as it goes:
// every 65,536 rows and at the end.
func (o Options) ReadFile(path string, progress func(done, total int)) (*Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	name := filepath.Base(path)
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return o.read(f, name, progress)
	}
	// Read a regular file into a buffer of its size: no doubling growth.
	data := make([]byte, fi.Size())
	if _, err := io.ReadFull(f, data); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return o.parse(data, name, progress)
}

// Read reads a table from r with the options r carries (OptionsOf), as a
// workbook or CSV as Options.ReadFile tells them apart by name. The name
// is used in errors.
func Read(r io.Reader, name string) (*Table, error) { return OptionsOf(r).Read(r, name) }

// Read reads a table from r with o, as Options.ReadFile does. The name is
// used in errors.
func (o Options) Read(r io.Reader, name string) (*Table, error) { return o.read(r, name, nil) }

func (o Options) read(r io.Reader, name string, progress func(done, total int)) (*Table, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return o.parse(data, name, progress)
}

// parse reads the table in data, which it may keep: the fields of UTF-8
// CSV are substrings of data viewed as a string, without a copy, so data
// must not change afterwards (it is never handed out).
func (o Options) parse(data []byte, name string, progress func(done, total int)) (*Table, error) {
	if isWorkbook(name, data) {
		return o.readWorkbook(data, name)
	}
	text, enc, err := o.Encoding.text(data, name)
	if err != nil {
		return nil, err
	}
	t, err := parseCSV(text, name, o.Delimiter, progress)
	if err != nil {
		return nil, err
	}
	if err := t.checkEncoding(text, enc); err != nil {
		return nil, err
	}
	if err := t.tidy(); err != nil {
		return nil, err
	}
	return t, nil
}

// parseCSV reads CSV text into a table whose columns may still have empty
// names (tidy deals with them).
func parseCSV(text, name string, d Delimiter, progress func(done, total int)) (*Table, error) {
	sc := newScanner(text, d.sep())
	header, _, err := sc.next()
	if err != nil {
		return nil, named(name, err)
	}
	if header == nil {
		return nil, fmt.Errorf("%s: %w", name, ErrEmpty)
	}
	if err := d.checkHeader(header); err != nil {
		return nil, &ParseError{File: name, Row: 1, Err: err}
	}
	t := &Table{Name: name, Header: append([]string(nil), header...), col: make([]int, len(header))}
	rows := strings.Count(text, "\n") // enough for every row, unless quoted fields span lines
	t.Cols = make([][]string, len(header))
	for j := range t.Cols {
		t.Cols[j] = make([]string, 0, rows)
		t.col[j] = j + 1
	}
	for row := 2; ; row++ {
		rec, line, err := sc.next()
		if err != nil {
			return nil, named(name, err)
		}
		if rec == nil {
			break
		}
		if progress != nil && row&0xffff == 0 {
			progress(sc.pos, len(text))
		}
		if len(rec) != len(t.Header) {
			return nil, &ParseError{File: name, Row: row, Line: line, Err: fmt.Errorf("has %d fields, the header has %d", len(rec), len(t.Header))}
		}
		for j, v := range rec {
			t.Cols[j] = append(t.Cols[j], v)
		}
	}
	if progress != nil {
		progress(len(text), len(text))
	}
	return t, nil
}

// named sets the file's name in a ParseError from the scanner.
func named(name string, err error) error {
	var pe *ParseError
	if errors.As(err, &pe) {
		pe.File = name
		return pe
	}
	return fmt.Errorf("%s: %w", name, err)
}

// Rows returns the number of data rows.
func (t *Table) Rows() int {
	if len(t.Cols) == 0 {
		return 0
	}
	return len(t.Cols[0])
}

// Has reports whether the table has a column of that name.
func (t *Table) Has(name string) bool {
	_, ok := t.index[name]
	return ok
}

// Column returns the text of the named column, or an error naming the file
// and the columns it has.
func (t *Table) Column(name string) ([]string, error) {
	j, ok := t.index[name]
	if !ok {
		return nil, &ColumnError{File: t.Name, Column: name, Have: t.Header}
	}
	return t.Cols[j], nil
}

// Columns returns the text of the required columns, then of the optional
// ones (nil for one the table does not have); a required column that is
// missing is an error naming it.
func (t *Table) Columns(required, optional []string) ([][]string, error) {
	out := make([][]string, 0, len(required)+len(optional))
	for _, c := range required {
		col, err := t.Column(c)
		if err != nil {
			return nil, err
		}
		out = append(out, col)
	}
	for _, c := range optional {
		var col []string
		if t.Has(c) {
			col, _ = t.Column(c)
		}
		out = append(out, col)
	}
	return out, nil
}
