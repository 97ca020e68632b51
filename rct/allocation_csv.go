package rct

import (
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"io"
	"iter"
	"strconv"
	"strings"

	"github.com/evalkit/evalkit/internal/hashwrite"
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
func (r *Randomisation) writeCSV(w io.Writer, copyLines bool) (string, error) {
	if err := r.check(); err != nil {
		return "", err
	}
	// The digest is made on another core as the file is written.
	bw := hashwrite.New(w, sha256.New(), 1<<18)
	defer bw.Close()
	// cw has a buffer of its own (csv.NewWriter would take bw's if it saw
	// it), flushed into bw before a copied row when it holds rows.
	cw := csv.NewWriter(struct{ io.Writer }{bw})
	if err := cw.Write(r.header()); err != nil {
		return "", err
	}
	pending := true
	a, t := r.Allocation, r.Units.t
	arms := csvFields(a.Arms)
	rec := make([]string, len(r.header()))
	var num []byte
	for i := 0; i < t.Rows(); i++ {
		line, ok := t.WrittenLine(i)
		if !copyLines || !ok {
			r.record(rec, i)
			if err := cw.Write(rec); err != nil {
				return "", err
			}
			pending = true
			continue
		}
		if pending {
			cw.Flush()
			pending = false
		}
		bw.WriteString(line)
		bw.WriteByte(',')
		bw.WriteString(arms[a.Arm[i]])
		if a.BlockSeq != nil {
			num = append(num[:0], ',')
			num = strconv.AppendInt(num, int64(a.BlockSeq[i]), 10)
			num = append(num, ',')
			num = strconv.AppendInt(num, int64(a.BlockSize[i]), 10)
			bw.Write(num)
		}
		bw.WriteByte('\n')
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return "", err
	}
	sum, err := bw.Close()
	if err != nil {
		return "", err
	}
	return hex.EncodeToString(sum), nil
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
