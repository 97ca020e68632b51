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
// of the file. The text is held once, as read, and each row as the place
// of its line in it (cells.go): a cell becomes a string only when asked
// for (Cell, Column, Cols), and Float and Codes convert a column without
// making its strings.
type Table struct {
	// Name is the file's name as errors report it.
	Name string
	// Sheet is the worksheet read from a workbook; "" for CSV.
	Sheet string
	// Header holds the column names in file order.
	Header []string
	// Notes says what was left out as a spreadsheet's leftovers (columns
	// with no name and no values, empty rows at the end), one sentence
	// each; nil when nothing was.
	Notes []string

	// text holds the CSV file's text; rewritten the fields whose text is
	// not the file's (span), and every cell of a worksheet. The rows are
	// held as cells.go describes.
	text      string
	rewritten []string
	starts    []uint32
	held      []uint64
	quotes    []uint64
	spans     []span
	width     int
	field     []int
	rows      int
	// sep is the CSV file's delimiter; 0 for a worksheet.
	sep byte

	index map[string]int
	// noHash reports that the text after the header has no '#'
	// (readRows or readStreamed looked).
	noHash bool
	// col holds each column's place in the file (1 for the first, A in
	// a worksheet), which columns left out make differ from j+1.
	col []int
}

// ErrEmpty is returned for a file that has no header line.
var ErrEmpty = errors.New("the file is empty: no header line")

// errCROnly is the reason for a header holding a carriage return.
var errCROnly = errors.New("a column name holds a carriage return (CR): the file's lines seem to end in CR alone, as old Mac programs write them; save it with LF or CRLF line ends (as \"CSV UTF-8\")")

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
	data, err := readAll(f, nil)
	if err != nil {
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
func (o Options) Read(r io.Reader, name string) (*Table, error) {
	data, err := readAll(r, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return o.parse(data, name, nil)
}

// parse reads the table in data, which it may keep: the fields of UTF-8
// CSV are spans of data viewed as a string, without a copy, so data must
// not change afterwards (it is never handed out).
func (o Options) parse(data []byte, name string, progress func(done, total int)) (*Table, error) {
	if isWorkbook(name, data) {
		return o.readWorkbook(data, name)
	}
	text, enc, err := o.Encoding.text(data, name)
	if err != nil {
		return nil, err
	}
	if uint64(len(text)) > maxText {
		return nil, fmt.Errorf("%s: %w: more than 4 GiB of text; split the file", name, ErrLimit)
	}
	t, bad, err := parseCSV(text, name, o.Delimiter, enc, progress)
	if err != nil {
		return nil, err
	}
	if err := t.checkEncoding(enc, bad); err != nil {
		return nil, err
	}
	if err := t.tidy(); err != nil {
		return nil, err
	}
	return t, nil
}

// parseCSV reads CSV text into a table whose columns may still have empty
// names (tidy deals with them). Errors give the row (the record's number,
// the header being row 1) and, where it differs, the line of the file on
// which the record starts.
func parseCSV(text, name string, d Delimiter, e Encoding, progress func(done, total int)) (_ *Table, bad bool, err error) {
	sc := newScanner(text, d.sep())
	t, err := readHeader(sc, name, d)
	if err != nil {
		return nil, false, err
	}
	header0 := text[:sc.pos]
	bad, err = t.readRows(sc, e, progress)
	if err != nil {
		return nil, false, err
	}
	bad = bad || e.badText(header0)
	t.rewritten = sc.rewritten
	if progress != nil {
		progress(len(text), len(text))
	}
	return t, bad, nil
}

// readHeader reads the header record at the start of sc's text, and
// returns the table of that text with its columns and no rows yet.
func readHeader(sc *scanner, name string, d Delimiter) (*Table, error) {
	text := sc.s
	rec, _, err := sc.next()
	if err != nil {
		return nil, rowError(name, 1, err)
	}
	if rec == nil {
		return nil, fmt.Errorf("%s: %w", name, ErrEmpty)
	}
	header := sc.strings(rec)
	for j, h := range header {
		header[j] = strings.Clone(h) // not a piece of the text: a column's name does not keep it
	}
	if err := d.checkHeader(header); err != nil {
		return nil, &ParseError{File: name, Row: 1, Err: err}
	}
	for j, h := range header {
		if strings.ContainsRune(h, '\r') {
			return nil, &ParseError{File: name, Row: 1, Column: fmt.Sprintf("#%d", j+1), Err: errCROnly}
		}
	}
	t := &Table{Name: name, Header: header, text: text, sep: d.sep(), width: len(header), col: make([]int, len(header)), field: make([]int, len(header))}
	for j := range t.col {
		t.col[j], t.field[j] = j+1, j
	}
	return t, nil
}

// addRows adds the rows that sc reads to the end of its text, the first
// being file row row; progress, when not nil, is called with sc's offset
// every 2^every rows. The offset of the first line that is not read as a
// plain line (plainRecord) is kept in sc.other. With byLine, a record that
// the table cannot hold by its line (one with a quote) ends the reading
// with errNotByLine.
func (t *Table) addRows(sc *scanner, row int, every uint, progress func(at int), byLine bool) error {
	for ; ; row++ {
		if plainLines {
			row = t.addPlainRun(sc, row, every, progress)
			if start, ok := sc.plainRecord(t.width); ok {
				if progress != nil && row&(1<<every-1) == 0 {
					progress(sc.pos)
				}
				t.addRow(nil, true, false, start)
				continue
			}
		}
		if sc.other < 0 && sc.pos < len(sc.s) {
			sc.other = sc.pos
		}
		rec, line, err := sc.next()
		if err != nil {
			return rowError(t.Name, row, err)
		}
		if rec == nil {
			return nil
		}
		if byLine && !sc.unquoted {
			return errNotByLine
		}
		if progress != nil && row&(1<<every-1) == 0 {
			progress(sc.pos)
		}
		if len(rec) != len(t.Header) {
			return &ParseError{File: t.Name, Row: row, Line: line, Err: fmt.Errorf("has %d fields, the header has %d", len(rec), len(t.Header))}
		}
		t.addRow(rec, sc.unquoted, sc.quotes, sc.recStart)
	}
}

// rowError sets the file's name, and the row being read, in a ParseError
// from the scanner.
func rowError(name string, row int, err error) error {
	var pe *ParseError
	if errors.As(err, &pe) {
		pe.File, pe.Row = name, row
		return pe
	}
	return fmt.Errorf("%s: %w", name, err)
}

// str returns the text of a cell.
func (t *Table) str(s span) string {
	if s.end == rewrittenEnd {
		return t.rewritten[s.start]
	}
	return t.text[s.start:s.end]
}

// Rows returns the number of data rows.
func (t *Table) Rows() int { return t.rows }

// Cell returns the text of column j (in Header's order) in data row i
// (file row i+2).
func (t *Table) Cell(i, j int) string { return t.str(t.span(i, j)) }

// Cols returns the text of every column, Cols()[j][i] being the value in
// column j of data row i (file row i+2). It makes a string of every cell:
// Column, Float and Codes read one column.
func (t *Table) Cols() [][]string {
	out := make([][]string, len(t.Header))
	for j := range out {
		out[j] = t.strings(j)
	}
	return out
}

// strings returns the text of column j.
func (t *Table) strings(j int) []string {
	out := make([]string, t.rows)
	t.column(j, func(i int, s string) bool {
		out[i] = s
		return true
	})
	return out
}

// Has reports whether the table has a column of that name.
func (t *Table) Has(name string) bool {
	_, ok := t.index[name]
	return ok
}

// lookup returns the index of the named column, or an error naming the
// file and the columns it has.
func (t *Table) lookup(name string) (int, error) {
	j, ok := t.index[name]
	if !ok {
		return 0, &ColumnError{File: t.Name, Column: name, Have: t.Header}
	}
	return j, nil
}

// Column returns the text of the named column, or an error naming the file
// and the columns it has. The slice is made at each call; its strings
// share the table's text.
func (t *Table) Column(name string) ([]string, error) {
	j, err := t.lookup(name)
	if err != nil {
		return nil, err
	}
	return t.strings(j), nil
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

// Line returns data row i's cells joined by commas, as the CSV file
// writes them, when the file holds them so: separated by commas, no cell
// of the row quoted, and no column left out between them (tidy). Otherwise
// ok is false.
func (t *Table) Line(i int) (line string, ok bool) {
	if t.sep != ',' || t.isHeld(i) || len(t.field) != t.width {
		return "", false
	}
	start := int(t.starts[i])
	if end, ok := t.endAtNext(i); ok {
		return t.text[start:end], true
	}
	return t.lineAt(start), true
}

// endAtNext returns the end of the line of row i, a row held by its line,
// when it ends where the next row's begins, but for its LF: when the next
// row is held by its line too and no empty line is between them (the line
// ends in neither LF nor CR).
func (t *Table) endAtNext(i int) (end int, ok bool) {
	if i+1 >= t.rows || t.isHeld(i+1) {
		return 0, false
	}
	end = int(t.starts[i+1]) - 1
	return end, end > int(t.starts[i]) && t.text[end] == '\n' && t.text[end-1] != '\n' && t.text[end-1] != '\r'
}

// WrittenLine returns Line(i) when encoding/csv's Writer (Comma ',')
// writes row i's cells as that line: none of them holds a CR, begins with a
// space (unicode.IsSpace) or is \. (writerQuotes). A program that copies
// a file's rows with a column added copies such lines as they are, and
// writes the others with csv.Writer, byte for byte what csv.Writer writes
// for every row.
func (t *Table) WrittenLine(i int) (line string, ok bool) {
	if t.quotes[i>>6]&(1<<(i&63)) != 0 {
		return "", false
	}
	return t.Line(i)
}
