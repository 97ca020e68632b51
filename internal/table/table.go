package table

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unsafe"
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
func ReadFile(path string) (*Table, error) { return ReadFileProgress(path, nil) }

// ReadFileProgress is ReadFile calling progress, when not nil, with the
// bytes parsed and the file's size as it goes: every 65,536 rows and at
// the end.
func ReadFileProgress(path string, progress func(done, total int)) (*Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	name := filepath.Base(path)
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return read(f, name, progress)
	}
	// Read a regular file into a buffer of its size: no doubling growth.
	data := make([]byte, fi.Size())
	if _, err := io.ReadFull(f, data); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return parse(data, name, progress)
}

// Read reads a CSV table from r. The name is used in errors.
func Read(r io.Reader, name string) (*Table, error) { return read(r, name, nil) }

func read(r io.Reader, name string, progress func(done, total int)) (*Table, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return parse(data, name, progress)
}

// parse reads the table in data, which it keeps: the fields are substrings
// of data viewed as a string, without a copy, so data must not change
// afterwards (it is never handed out). progress, when not nil, is called
// with the bytes parsed every 65,536 rows and at the end.
func parse(data []byte, name string, progress func(done, total int)) (*Table, error) {
	text := ""
	if len(data) > 0 {
		text = unsafe.String(&data[0], len(data))
	}
	text = strings.TrimPrefix(text, "\uFEFF") // a UTF-8 byte-order mark
	sc := newScanner(text)
	header, _, err := sc.next()
	if err != nil {
		return nil, named(name, err)
	}
	if header == nil {
		return nil, fmt.Errorf("%s: %w", name, ErrEmpty)
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
	rows := strings.Count(text, "\n") // enough for every row, unless quoted fields span lines
	t.Cols = make([][]string, len(header))
	for j := range t.Cols {
		t.Cols[j] = make([]string, 0, rows)
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
