package rct

import (
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"io"
	"iter"
	"strconv"
	"strings"
)

// WriteCSV writes the allocation file to w and returns the SHA-256 digest,
// in hexadecimal, of the bytes written, as the manifest records the output.
// The file holds every column of the units file as written, in order, then
// arm (the arm's name), and for Blocks block_seq (the block's number within
// its stratum, from 1) and block_size; fields are quoted as encoding/csv
// quotes them, and lines end in "\n".
//
// A field is written as it was read, whatever it holds: one that begins
// with = + - or @ is a formula to a spreadsheet that opens the file (CSV
// injection). Write the allocation as a workbook (WriteXLSX) when a
// spreadsheet will read it.
//
// A row that the units file holds as its cells joined by commas, none of
// which csv.Writer would quote, is copied from the file's text with the
// added columns appended, as csv.Writer writes them; any other row is
// written by csv.Writer. The bytes are the same either way.
func (r *Randomisation) WriteCSV(w io.Writer) (string, error) { return r.writeCSV(w, true) }

// writeCSV writes the allocation file as WriteCSV does, copying the rows
// that can be copied when copyLines is set, else writing every row with
// csv.Writer (the reference that the copy is tested against).
//
// The rows are put together in chunks of csvChunkRows by two goroutines,
// taking the chunks in turn, written in order, and hashed on a goroutine
// of its own: the hashing, which must go in order, takes about as long as
// the rest for rows copied from the file, and rows that csv.Writer writes
// are put together on both cores.
func (r *Randomisation) writeCSV(w io.Writer, copyLines bool) (string, error) {
	if err := r.check(); err != nil {
		return "", err
	}
	arms := csvFields(r.Allocation.Arms)
	head, err := r.appendRows(nil, -1, 0, copyLines, arms)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	h.Write(head)
	if _, err := w.Write(head); err != nil {
		return "", err
	}
	rows := r.Units.Rows()
	chunks := (rows + csvChunkRows - 1) / csvChunkRows
	type chunk struct {
		b   []byte
		err error
	}
	out := make([]chan chunk, chunks)
	for c := range out {
		out[c] = make(chan chunk, 1)
	}
	// Each of the two goroutines that put the chunks together has two
	// buffers, given back to it once hashed.
	free := make([]chan []byte, min(2, chunks))
	for k := range free {
		free[k] = make(chan []byte, 2)
		free[k] <- nil
		free[k] <- nil
		go func() {
			for c := k; c < chunks; c += len(free) {
				b, err := r.appendRows((<-free[k])[:0], c*csvChunkRows, min(rows, (c+1)*csvChunkRows), copyLines, arms)
				out[c] <- chunk{b, err}
			}
		}()
	}
	// The chunks are written in order and handed to the hashing goroutine;
	// every chunk is taken, after an error too, so that no goroutine is
	// left waiting.
	written, hashed := make(chan chunk, 4), make(chan struct{})
	go func() {
		c := 0
		for ch := range written {
			if ch.err == nil {
				h.Write(ch.b)
			}
			free[c%len(free)] <- ch.b
			c++
		}
		close(hashed)
	}()
	for c := range out {
		ch := <-out[c]
		if err == nil {
			err = ch.err
		}
		if err == nil {
			_, err = w.Write(ch.b)
		}
		written <- chunk{ch.b, err}
	}
	close(written)
	<-hashed
	if err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// csvChunkRows is how many rows writeCSV puts together at a time; a
// variable, so that tests write small files in many chunks.
var csvChunkRows = 1 << 12

// appendRows appends rows lo to hi-1 of the allocation file to b, as
// writeCSV writes them, or the header when lo is -1; arms are the arms'
// names as fields (csvFields).
func (r *Randomisation) appendRows(b []byte, lo, hi int, copyLines bool, arms []string) ([]byte, error) {
	aw := &appender{b}
	// cw has a buffer of its own, flushed into aw before a copied row
	// when it holds rows.
	cw := csv.NewWriter(aw)
	if lo < 0 {
		err := cw.Write(r.header())
		cw.Flush()
		return aw.b, err
	}
	pending := false
	a, t := r.Allocation, r.Units.t
	var rec []string
	var tails []string
	if copyLines && a.BlockSeq == nil {
		tails = make([]string, len(arms))
		for k, arm := range arms {
			tails[k] = "," + arm + "\n"
		}
	}
	for i := lo; i < hi; i++ {
		if tails != nil {
			if pending {
				cw.Flush()
				pending = false
			}
			if aw.b, i = t.AppendLines(aw.b, i, hi, a.Arm, tails); i == hi {
				break
			}
		}
		line, ok := t.WrittenLine(i)
		if !copyLines || !ok {
			if rec == nil {
				rec = make([]string, len(r.header()))
			}
			r.record(rec, i)
			if err := cw.Write(rec); err != nil {
				return aw.b, err
			}
			pending = true
			continue
		}
		if pending {
			cw.Flush()
			pending = false
		}
		b = append(aw.b, line...)
		b = append(b, ',')
		b = append(b, arms[a.Arm[i]]...)
		if a.BlockSeq != nil {
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(a.BlockSeq[i]), 10)
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(a.BlockSize[i]), 10)
		}
		aw.b = append(b, '\n')
	}
	cw.Flush()
	return aw.b, cw.Error()
}

// appender is an io.Writer that appends to b.
type appender struct{ b []byte }

func (a *appender) Write(p []byte) (int, error) {
	a.b = append(a.b, p...)
	return len(p), nil
}

// csvFields returns each value as csv.Writer writes it as a field.
func csvFields(values []string) []string {
	out := make([]string, len(values))
	for k, v := range values {
		var b strings.Builder
		cw := csv.NewWriter(&b)
		cw.Write([]string{"", v}) // a first field, so that v is not a line's only one
		cw.Flush()
		out[k] = strings.TrimSuffix(strings.TrimPrefix(b.String(), ","), "\n")
	}
	return out
}

// header returns the allocation file's column names: the units file's,
// then arm, and for Blocks block_seq and block_size.
func (r *Randomisation) header() []string {
	header := append([]string(nil), r.Units.t.Header...)
	header = append(header, "arm")
	if r.Allocation.BlockSeq != nil {
		header = append(header, "block_seq", "block_size")
	}
	return header
}

// record fills rec with unit i's record: its cells, then its arm, and
// for Blocks its block's number and size. r must have passed check.
func (r *Randomisation) record(rec []string, i int) {
	a, t := r.Allocation, r.Units.t
	ncol := len(t.Header)
	for j := 0; j < ncol; j++ {
		rec[j] = t.Cell(i, j)
	}
	rec[ncol] = a.Arms[a.Arm[i]]
	if a.BlockSeq != nil {
		rec[ncol+1] = strconv.Itoa(a.BlockSeq[i])
		rec[ncol+2] = strconv.Itoa(a.BlockSize[i])
	}
}

// records yields the allocation file's records: the header, then one per
// unit, in a slice reused between them. r must have passed check.
func (r *Randomisation) records() iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		header := r.header()
		if !yield(header) {
			return
		}
		rec := make([]string, len(header))
		for i := 0; i < r.Units.Rows(); i++ {
			r.record(rec, i)
			if !yield(rec) {
				return
			}
		}
	}
}
