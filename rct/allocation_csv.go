package rct

import (
	"bufio"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"io"
	"iter"
	"strconv"
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
func (r *Randomisation) WriteCSV(w io.Writer) (string, error) {
	if err := r.check(); err != nil {
		return "", err
	}
	h := sha256.New()
	bw := bufio.NewWriterSize(io.MultiWriter(w, h), 1<<16)
	cw := csv.NewWriter(bw)
	for rec := range r.records() {
		if err := cw.Write(rec); err != nil {
			return "", err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return "", err
	}
	if err := bw.Flush(); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
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

// records yields the allocation file's records: the header, then one per
// unit, in a slice reused between them. r must have passed check.
func (r *Randomisation) records() iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		a, t := r.Allocation, r.Units.t
		blocks := a.BlockSeq != nil
		header := r.header()
		if !yield(header) {
			return
		}
		rec := make([]string, len(header))
		ncol := len(t.Header)
		for i := 0; i < t.Rows(); i++ {
			for j := 0; j < ncol; j++ {
				rec[j] = t.Cols[j][i]
			}
			rec[ncol] = a.Arms[a.Arm[i]]
			if blocks {
				rec[ncol+1] = strconv.Itoa(a.BlockSeq[i])
				rec[ncol+2] = strconv.Itoa(a.BlockSize[i])
			}
			if !yield(rec) {
				return
			}
		}
	}
}
