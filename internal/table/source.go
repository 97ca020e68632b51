package table

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
)

// Names returns the column names in file order.
func (t *Table) Names() []string { return t.Header }

// FileName returns the name errors give the table's file.
func (t *Table) FileName() string { return t.Name }

// ReadFrom reads a table from r with the options it carries (OptionsOf),
// naming it in errors by the base name of r's Name method when it has one
// (as an *os.File does), else "input", and reading it as a workbook or CSV
// as Options.ReadFile does. A regular file is read into a buffer of its
// size.
func ReadFrom(r io.Reader) (*Table, error) {
	o := OptionsOf(r)
	name := "input"
	if n, ok := r.(interface{ Name() string }); ok && n.Name() != "" {
		name = filepath.Base(n.Name())
	}
	if s, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if fi, err := s.Stat(); err == nil && fi.Mode().IsRegular() {
			// Room for the whole file and bytes.MinRead more: no doubling.
			b := bytes.NewBuffer(make([]byte, 0, fi.Size()+bytes.MinRead))
			if _, err := b.ReadFrom(r); err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			return o.parse(b.Bytes(), name, nil)
		}
	}
	return o.Read(r, name)
}
