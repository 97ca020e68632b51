package table

import (
	"fmt"
	"io"
	"os"
)

// Options say how a table file is read: its text's encoding and field
// separator (CSV), and its worksheet (a workbook). The zero value reads
// UTF-8 CSV separated by commas, and a workbook's first visible sheet.
// evalkit's commands take them as --encoding, --delimiter and --sheet, and
// apply them to every table file they read.
type Options struct {
	Encoding  Encoding
	Delimiter Delimiter
	// Sheet names the worksheet of a workbook ("" for its first visible
	// one); CSV files ignore it, as workbooks ignore Encoding and
	// Delimiter.
	Sheet string
}

// ParseOptions reads options as evalkit's flags write them (Encoding.Set,
// Delimiter.Set); empty strings are the defaults.
func ParseOptions(encoding, delimiter, sheet string) (Options, error) {
	o := Options{Sheet: sheet}
	if err := o.Encoding.Set(encoding); err != nil {
		return o, fmt.Errorf("--encoding: %w", err)
	}
	if err := o.Delimiter.Set(delimiter); err != nil {
		return o, fmt.Errorf("--delimiter: %w", err)
	}
	return o, nil
}

// File is an open table file that carries the options to read it with, so
// that a reader of io.Readers (Read, ReadFrom and every reader built on
// them, such as unitcost.ReadCosts) reads it with them.
type File struct {
	*os.File
	options Options
}

// TableOptions returns the options the file is to be read with.
func (f *File) TableOptions() Options { return f.options }

// Open opens the table file at path, to be read with o.
func (o Options) Open(path string) (*File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	return &File{File: f, options: o}, nil
}

// Reader returns r carrying o, as Open's File does.
func (o Options) Reader(r io.Reader) io.Reader { return &optionsReader{Reader: r, options: o} }

type optionsReader struct {
	io.Reader
	options Options
}

func (r *optionsReader) TableOptions() Options { return r.options }

// OptionsOf returns the options that r carries (a File, or a reader from
// Options.Reader), or the zero Options.
func OptionsOf(r io.Reader) Options {
	if c, ok := r.(interface{ TableOptions() Options }); ok {
		return c.TableOptions()
	}
	return Options{}
}
