package rct

import (
	"errors"
	"io"

	"github.com/evalkit/evalkit/internal/table"
)

// Units is a units file (one row per unit) held as columns of text, read
// as every evalkit command reads CSV and workbooks: a UTF-8 byte-order mark
// and CRLF line endings are accepted, fields may be quoted as RFC 4180
// describes, and every value stays as written (an id 007 stays 007). An allocation file
// repeats every column of its units file exactly. Units are made by
// ReadUnits.
type Units struct {
	// Name is the file's name as errors report it.
	Name string
	// Header holds the column names in file order.
	Header []string
	// SHA256 is the SHA-256 digest, in hexadecimal, of every byte read,
	// as a manifest records the input.
	SHA256 string

	t *table.Table
	// read holds the options the file was read with, as a manifest
	// records them.
	read table.Options
	// scanned, when not nil, is called once RandomiseUnits has read the
	// design's columns (RandomiseFile's start of the hashing).
	scanned func()
}

// ReadUnits reads a units file from r, naming it name in errors, and
// hashes its bytes (on another core while it is parsed): CSV, or a workbook's first sheet when name ends
// in .xlsx, read as internal/table reads every command's tables (with the
// options r carries, such as a delimiter). Errors name the file and the
// row (counted as a spreadsheet counts them, the header being row 1) or
// line, or the cell of a sheet: an empty file, an empty or duplicate
// column name, a row with the wrong number of fields, a quote that does
// not close, text not in the file's encoding.
func ReadUnits(r io.Reader, name string) (*Units, error) {
	o := table.OptionsOf(r)
	t, sum, err := o.ReadSHA256(r, name)
	if err != nil {
		return nil, err
	}
	return &Units{Name: name, Header: t.Header, SHA256: sum, t: t, read: o}, nil
}

// Rows returns the number of units (data rows).
func (u *Units) Rows() int { return u.t.Rows() }

// Has reports whether the file has a column of that name.
func (u *Units) Has(name string) bool { return u.t.Has(name) }

// Column returns the text of the named column, one value per unit, or an
// error naming the file and the columns it has. The slice is the file's
// own: it must not be changed.
func (u *Units) Column(name string) ([]string, error) { return u.t.Column(name) }

// Float converts the named column to numbers, for balance diagnostics. A
// missing value (an empty field, NA, NaN, . or null) becomes NaN and is
// counted in missing; other text that is not a decimal number is an error
// naming the file, row and column.
func (u *Units) Float(name string) (values []float64, missing int, err error) {
	return u.t.Float(name)
}

// errNotRead is returned for Units or a Randomisation that ReadUnits and
// RandomiseUnits did not make.
var errNotRead = errors.New("rct: the units were not read by ReadUnits (or the randomisation not made by RandomiseUnits)")

// check returns errNotRead unless r was made by RandomiseUnits.
func (r *Randomisation) check() error {
	if r == nil || r.Units == nil || r.Units.t == nil || r.Allocation == nil || len(r.Allocation.Arm) != r.Units.Rows() {
		return errNotRead
	}
	return nil
}
