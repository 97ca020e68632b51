package table

import (
	"crypto/sha256"
	"encoding/hex"
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
// size (readAll).
func ReadFrom(r io.Reader) (*Table, error) {
	o := OptionsOf(r)
	name := "input"
	if n, ok := r.(interface{ Name() string }); ok && n.Name() != "" {
		name = filepath.Base(n.Name())
	}
	data, err := readAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return o.parse(data, name, nil)
}

// ReadSHA256 reads a table from r as Read does, and returns with it the
// SHA-256 digest, in hexadecimal, of every byte read, computed on another
// goroutine while the text is parsed (the second core's work).
func (o Options) ReadSHA256(r io.Reader, name string) (*Table, string, error) {
	data, err := readAll(r)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", name, err)
	}
	sum := make(chan [sha256.Size]byte, 1)
	go func() { sum <- sha256.Sum256(data) }()
	t, err := o.parse(data, name, nil)
	digest := <-sum
	if err != nil {
		return nil, "", err
	}
	return t, hex.EncodeToString(digest[:]), nil
}

// readAll reads r to its end: a regular file (r has a Stat method, as an
// *os.File has) into a buffer of its size, with no doubling growth, then
// whatever it has grown by; any other reader as io.ReadAll does.
func readAll(r io.Reader) ([]byte, error) {
	s, ok := r.(interface{ Stat() (fs.FileInfo, error) })
	if !ok {
		return io.ReadAll(r)
	}
	fi, err := s.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > maxText {
		return io.ReadAll(r)
	}
	data := make([]byte, fi.Size())
	n, err := io.ReadFull(r, data)
	switch {
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		return data[:n], nil // shorter than its size: read from a later offset, or cut
	case err != nil:
		return nil, err
	}
	rest, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return append(data, rest...), nil
}
