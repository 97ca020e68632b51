package table

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Table is a CSV file held as columns of text, in the order of the file.
type Table struct {
	// Name is the file's name as errors report it.
	Name string
	// Header holds the column names in file order.
	Header []string
	// Cols holds one slice of text per column, Cols[j][i] being the value
	// in column j of data row i (file row i+2).
	Cols [][]string

	index map[string]int
}

// ErrEmpty is returned for a file that has no header line.
var ErrEmpty = errors.New("the file is empty: no header line")

// ReadFile reads the CSV file at path; errors name the file by its base name.
func ReadFile(path string) (*Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f, filepath.Base(path))
}

// Read reads a CSV table from r. The name is used in errors.
func Read(r io.Reader, name string) (*Table, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	if bom, err := br.Peek(3); err == nil && bytes.Equal(bom, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.ReuseRecord = true
	cr.FieldsPerRecord = -1

	header, err := cr.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("%s: %w", name, ErrEmpty)
	}
	if err != nil {
		return nil, csvError(name, err)
	}
	t := &Table{Name: name, Header: append([]string(nil), header...), index: make(map[string]int, len(header))}
	for j, h := range t.Header {
		if h == "" {
			return nil, &ParseError{File: name, Row: 1, Column: fmt.Sprintf("#%d", j+1), Err: errors.New("column has no name")}
		}
		if k, dup := t.index[h]; dup {
			return nil, &ParseError{File: name, Row: 1, Column: h, Err: fmt.Errorf("duplicate column name (columns %d and %d)", k+1, j+1)}
		}
		t.index[h] = j
	}
	t.Cols = make([][]string, len(header))
	for row := 2; ; row++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(name, err)
		}
		if len(rec) != len(t.Header) {
			return nil, &ParseError{File: name, Row: row, Err: fmt.Errorf("has %d fields, the header has %d", len(rec), len(t.Header))}
		}
		for j, v := range rec {
			t.Cols[j] = append(t.Cols[j], v)
		}
	}
	return t, nil
}

// csvError turns an encoding/csv error into a ParseError. encoding/csv
// counts lines, which differ from rows only when a quoted field spans lines.
func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &ParseError{File: name, Line: pe.Line, Err: pe.Err}
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
