package rct

import (
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
	"strconv"

	"github.com/evalkit/evalkit/internal/table"
	"github.com/evalkit/evalkit/internal/xlsx"
)

// The sheets of an allocation workbook (WriteXLSX).
const (
	// AllocationSheet holds the allocation, cell for cell as WriteCSV's
	// records.
	AllocationSheet = "allocation"
	// SummarySheet summarises the randomisation, as its manifest does.
	SummarySheet = "manifest"
)

// WriteAllocation writes the allocation in the format that the output
// file's name calls for: a workbook (WriteXLSX) when it ends in .xlsx or
// .xlsm, else CSV (WriteCSV). It returns the digest that the manifest
// records.
func (r *Randomisation) WriteAllocation(w io.Writer, name string) (string, error) {
	if table.IsWorkbook(name) {
		return r.WriteXLSX(w)
	}
	return r.WriteCSV(w)
}

// WriteXLSX writes the allocation as a workbook to w and returns the digest
// of its allocation sheet's cells (CellsSHA256), which the manifest
// records. That sheet, the first, holds WriteCSV's records cell for cell:
// the id, block, cluster and factor columns and arm as text, so that a
// spreadsheet never turns an id 007 into 7; a value of another column as a
// number when it is one that a spreadsheet keeps exactly (it reads back as
// the same text, with at most 15 significant digits), else as text; text is
// never a formula. The second sheet, SummarySheet, holds the release,
// method, seed, generator, input and its digest and the counts by arm and
// stratum; it is not part of the digest.
//
// Text that a workbook cannot hold exactly (a control character other
// than tab and line ends, or more than 32,767 characters) is an error
// naming the input's row and column: write such an allocation as CSV.
func (r *Randomisation) WriteXLSX(w io.Writer) (string, error) {
	sum, err := r.CellsSHA256()
	if err != nil {
		return "", err
	}
	text := r.textColumns()
	cells := func(yield func([]xlsx.Value) bool) {
		var row []xlsx.Value
		for rec := range r.records() {
			row = row[:0]
			for j, s := range rec {
				row = append(row, xlsx.Value{Text: s, Numeric: !text[j]})
			}
			if !yield(row) {
				return
			}
		}
	}
	err = xlsx.Write(w, xlsx.WriteSheet{Name: AllocationSheet, Rows: cells}, xlsx.WriteSheet{Name: SummarySheet, Rows: r.summary()})
	if ce := (*xlsx.CellError)(nil); errors.As(err, &ce) && ce.Sheet == AllocationSheet {
		return "", &table.ParseError{File: r.Units.Name, Row: ce.Row, Column: r.header()[ce.Col-1], Err: fmt.Errorf("%w; write the allocation as CSV", ce.Err)}
	}
	if err != nil {
		return "", err
	}
	return sum, nil
}

// CellsSHA256 returns the digest, in hexadecimal, of the allocation's
// cells as WriteXLSX's allocation sheet holds them, which is what a
// manifest records for a workbook (and Verify reads back from one, after
// any number of openings and savings):
//
//	SHA-256 over WriteCSV's records in order, the header first, each
//	written as its number of cells n, then each cell as its length in
//	bytes m and its m bytes of UTF-8 text, n and m as unsigned 64-bit
//	big-endian integers.
func (r *Randomisation) CellsSHA256() (string, error) {
	if err := r.check(); err != nil {
		return "", err
	}
	h := table.NewCellsHash()
	for rec := range r.records() {
		h.Row(rec)
	}
	return h.Sum(), nil
}

// textColumns reports, for each column of the records, whether it is
// always written as text: the id, block, cluster and factor columns, and
// arm.
func (r *Randomisation) textColumns() []bool {
	t, s := r.Units.t, r.Settings
	text := make([]bool, len(t.Header), len(t.Header)+3)
	for j, h := range t.Header {
		text[j] = h == s.ID || h == s.Cluster || slices.Contains(s.Block, h) || slices.Contains(s.Factors, h)
	}
	text = append(text, true) // arm
	return append(text, false, false)
}

// summary yields the rows of the workbook's summary sheet.
func (r *Randomisation) summary() iter.Seq[[]xlsx.Value] {
	a := r.Allocation
	word := func(s string) xlsx.Value { return xlsx.Value{Text: s} }
	num := func(n int) xlsx.Value { return xlsx.Value{Text: strconv.Itoa(n), Numeric: true} }
	counts := func(name string, n int, c []int) []xlsx.Value {
		row := []xlsx.Value{word(name), num(n)}
		for _, k := range c {
			row = append(row, num(k))
		}
		return row
	}
	arms := []xlsx.Value{word("stratum"), word("n")}
	for _, arm := range a.Arms {
		arms = append(arms, word(arm))
	}
	rows := [][]xlsx.Value{
		{word("evalkit_version"), word(Version)},
		{word("method"), word(a.Method.String())},
		{word("seed"), word(strconv.FormatUint(r.Settings.Seed, 10))},
		{word("generator"), word(Generator)},
		{word("input"), word(r.Units.Name)},
		{word("input_sha256"), word(r.Units.SHA256)},
		{word("n"), num(r.Units.Rows())},
		{},
		arms,
	}
	for _, s := range a.Strata {
		rows = append(rows, counts(s.Stratum, s.N, s.Counts))
	}
	rows = append(rows, counts("total", r.Units.Rows(), a.Counts))
	return slices.Values(rows)
}
