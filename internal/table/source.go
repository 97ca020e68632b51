package table

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"sync"
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
	data, err := readAll(r, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return o.parse(data, name, nil)
}

// ReadSHA256 reads a table from r as Read does, and returns with it the
// SHA-256 digest, in hexadecimal, of every byte read, computed on another
// goroutine as the bytes are read, and then while the text is parsed. A
// CSV file in UTF-8 of at least 1 MiB is parsed as it is read and hashed
// (readStreamed).
func (o Options) ReadSHA256(r io.Reader, name string) (*Table, string, error) {
	t, d, err := o.readDigest(r, name, false)
	if err != nil {
		return nil, "", err
	}
	return t, d.Sum(), nil
}

// ReadDigest is ReadSHA256 with the digest still to come: the hashing,
// which must go from the first byte to the last, goes on after ReadDigest
// returns. A CSV file that streams is read and parsed first, and hashed
// by its reader once the caller lets it (Digest.Start), keeping both
// cores for a while: the caller must call Start or Sum, or the reader
// waits for ever. When ReadDigest returns an error, the reader ends
// without hashing.
func (o Options) ReadDigest(r io.Reader, name string) (*Table, *Digest, error) {
	return o.readDigest(r, name, true)
}

// A Digest is the SHA-256 digest of what ReadDigest read.
type Digest struct {
	start func()
	sum   func() []byte
}

// Start lets the hashing begin, if it has not.
func (d *Digest) Start() { d.start() }

// Sum lets the hashing begin, waits for it, and returns the digest in
// hexadecimal.
func (d *Digest) Sum() string {
	d.start()
	return hex.EncodeToString(d.sum())
}

// readDigest is ReadDigest, a file that streams hashed as it is read
// unless later is set.
func (o Options) readDigest(r io.Reader, name string, later bool) (*Table, *Digest, error) {
	if size, ok := regularSize(r); ok && o.streams(name, size) {
		return o.readStreamed(r, size, name, later)
	}
	chunks, sum := make(chan []byte, 64), make(chan []byte, 1)
	go func() {
		h := sha256.New()
		for c := range chunks {
			writeAhead(h, c)
		}
		sum <- h.Sum(nil)
	}()
	data, err := readAll(r, func(c []byte) { chunks <- c })
	close(chunks)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	t, err := o.parse(data, name, nil)
	if err != nil {
		return nil, nil, err
	}
	return t, &Digest{start: func() {}, sum: sync.OnceValue(func() []byte { return <-sum })}, nil
}

// regularSize returns the size of r when it is a regular file (it has a
// Stat method, as an *os.File has) of at most maxText bytes.
func regularSize(r io.Reader) (int, bool) {
	s, ok := r.(interface{ Stat() (fs.FileInfo, error) })
	if !ok {
		return 0, false
	}
	fi, err := s.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > maxText {
		return 0, false
	}
	return int(fi.Size()), true
}

// readChunk is the most bytes readAll reads at a time from a regular
// file, each given to read as it arrives; a variable, so that tests read
// small files in many pieces.
var readChunk = 4 << 20

// readAll reads r to its end, calling read (unless it is nil) with each
// piece of what it has read, in order, as it is read; the pieces are not
// changed afterwards. A regular file (r has a Stat method, as an *os.File
// has) is read into a buffer of its size, with no doubling growth,
// readChunk bytes at a time, then whatever it has grown by; any other
// reader as io.ReadAll does.
func readAll(r io.Reader, read func([]byte)) ([]byte, error) {
	if read == nil {
		read = func([]byte) {}
	}
	all := func() ([]byte, error) {
		data, err := io.ReadAll(r)
		if err == nil {
			read(data)
		}
		return data, err
	}
	size, ok := regularSize(r)
	if !ok {
		return all()
	}
	return readInto(r, make([]byte, size), readChunk, read)
}

// readInto reads r into data, a buffer of r's size, piece bytes at a
// time, calling read with each piece as readAll does, then whatever r has
// grown by (appended to data); a shorter r is cut where it ended.
func readInto(r io.Reader, data []byte, piece int, read func([]byte)) ([]byte, error) {
	for at := 0; at < len(data); {
		n, err := io.ReadFull(r, data[at:min(at+piece, len(data))])
		read(data[at : at+n])
		at += n
		switch {
		case err == io.EOF || err == io.ErrUnexpectedEOF:
			return data[:at], nil // shorter than its size: read from a later offset, or cut
		case err != nil:
			return nil, err
		}
	}
	rest, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	read(rest)
	return append(data, rest...), nil
}
