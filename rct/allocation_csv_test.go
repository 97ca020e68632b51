package rct

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/evalkit/evalkit/internal/table"
)

// awkwardCells are values that csv.Writer writes as they are, or quotes,
// or that a file quotes when it need not.
var awkwardCells = []string{
	"a", "007", "", " lead", "trail ", "\tx", "a,b", `say "hi"`, "cr\rin", "lf\nin", "crlf\r\nin",
	`\.`, `\.x`, `x\.`, ".", "NA", "é", "\u00a0nbsp", "\u2003em", "x\u00a0", "=1+2", "\v", "\f", "#N/A",
}

// writeUnits writes a units file of rows of cells: each field quoted when
// it must be, or at random when it need not, separated by sep, with LF or
// CRLF line ends.
func writeUnits(rows [][]string, sep byte, crlf bool, rnd *Rand) string {
	var b strings.Builder
	for _, row := range rows {
		for j, c := range row {
			if j > 0 {
				b.WriteByte(sep)
			}
			if strings.ContainsAny(c, "\"\r\n"+string(sep)) || rnd.Intn(8) == 0 {
				b.WriteString(`"` + strings.ReplaceAll(c, `"`, `""`) + `"`)
			} else {
				b.WriteString(c)
			}
		}
		if crlf {
			b.WriteString("\r\n")
		} else {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// csvWriterText is the allocation file as csv.Writer writes its records,
// the reference.
func csvWriterText(r *Randomisation) string {
	var b strings.Builder
	cw := csv.NewWriter(&b)
	for rec := range r.records() {
		cw.Write(rec)
	}
	cw.Flush()
	return b.String()
}

// TestWriteCSVCopiesAsCSVWriter: the allocation written by copying the
// input's lines is byte for byte the one csv.Writer writes (writeCSV
// without copying), on generated files of awkward cells, with every
// delimiter and line end, a byte-order mark, columns that tidy leaves out,
// and each method's added columns; and most plain lines are copied.
func TestWriteCSVCopiesAsCSVWriter(t *testing.T) {
	rnd := NewRand(7)
	copied := 0
	for trial := range 400 {
		ncol := 1 + rnd.Intn(4)
		header := []string{"unit_id"}
		for j := 1; j < ncol; j++ {
			header = append(header, fmt.Sprintf("c%d", j))
		}
		blankCol := ncol > 1 && rnd.Intn(4) == 0 // a column tidy leaves out
		if blankCol {
			header[1] = ""
		}
		rows := [][]string{header}
		for i := range 3 + rnd.Intn(12) {
			row := []string{fmt.Sprintf("u%d", i)}
			if rnd.Intn(4) == 0 {
				row[0] = awkwardCells[rnd.Intn(len(awkwardCells))] + row[0]
			}
			for j := 1; j < ncol; j++ {
				c := "plain"
				if rnd.Intn(3) == 0 {
					c = awkwardCells[rnd.Intn(len(awkwardCells))]
				}
				if blankCol && j == 1 {
					c = ""
				}
				row = append(row, c)
			}
			rows = append(rows, row)
		}
		sep := []byte{',', ',', ';', '\t'}[rnd.Intn(4)]
		text := writeUnits(rows, sep, rnd.Intn(2) == 0, rnd)
		if rnd.Intn(5) == 0 {
			text = "\uFEFF" + text
		}
		u, err := ReadUnits(table.Options{Delimiter: table.Delimiter(sep)}.Reader(strings.NewReader(text)), "u.csv")
		if err != nil {
			t.Fatalf("trial %d: %v\n%q", trial, err, text)
		}
		s := Settings{ID: "unit_id", Arms: []string{"control", "treat ment", "tréat"}[:2+rnd.Intn(2)], Seed: uint64(trial)}
		if rnd.Intn(2) == 0 {
			s.Method, s.BlockSizes = Blocks, []int{len(s.Arms)}
		}
		r, err := RandomiseUnits(u, s)
		if err != nil {
			t.Fatalf("trial %d: %v\n%q", trial, err, text)
		}
		var got, want bytes.Buffer
		csvChunkRows = 1 + trial%4 // chunks of a few rows
		gotSum, err := r.writeCSV(&got, true)
		csvChunkRows = 1 << 12
		if err != nil {
			t.Fatal(err)
		}
		wantSum, err := r.writeCSV(&want, false)
		if err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() || gotSum != wantSum || want.String() != csvWriterText(r) {
			t.Fatalf("trial %d: input %q\ncopied   %q\ncsv.Writer %q", trial, text, got.String(), want.String())
		}
		for i := range u.Rows() {
			if _, ok := u.t.WrittenLine(i); ok {
				copied++
			}
		}
	}
	if copied < 500 {
		t.Errorf("only %d rows copied: the test does not exercise the copy", copied)
	}
}

// FuzzWriteCSVCopy: on any units file, copying lines writes what
// csv.Writer writes.
func FuzzWriteCSVCopy(f *testing.F) {
	f.Add("unit_id,x\n1, a\n2,\\.\n3,\"q\"\n", uint8(0))
	f.Add("\uFEFFunit_id;x\r\n1;a,b\r\n2;\u00a0\r\n", uint8(1))
	f.Fuzz(func(t *testing.T, text string, opt uint8) {
		sep := []byte{',', ';'}[opt%2]
		u, err := ReadUnits(table.Options{Delimiter: table.Delimiter(sep)}.Reader(strings.NewReader(text)), "u.csv")
		if err != nil {
			return
		}
		s := Settings{ID: "unit_id", Arms: []string{"control", "treatment"}, Seed: 1}
		if opt&2 != 0 {
			s.Method, s.BlockSizes = Blocks, []int{2}
		}
		r, err := RandomiseUnits(u, s)
		if err != nil {
			return
		}
		var got bytes.Buffer
		defer func(c int) { csvChunkRows = c }(csvChunkRows)
		csvChunkRows = 1 + int(opt>>2)%5
		if _, err := r.writeCSV(&got, true); err != nil {
			t.Fatal(err)
		}
		if want := csvWriterText(r); got.String() != want {
			t.Fatalf("copied %q, csv.Writer %q", got.String(), want)
		}
	})
}

// countWriter counts the calls to Write.
type countWriter struct{ n, bytes int }

func (c *countWriter) Write(p []byte) (int, error) {
	c.n++
	c.bytes += len(p)
	return len(p), nil
}

// TestWriteCSVBuffers: copied rows and csv.Writer's rows reach the writer
// in 64 KiB writes, not one write a row.
func TestWriteCSVBuffers(t *testing.T) {
	text := bigUnitsText(20000)
	// Every tenth row quoted, so that the two ways take turns.
	lines := strings.SplitAfter(text, "\n")
	for i := 1; i < len(lines)-1; i += 10 {
		lines[i] = `"` + strings.Replace(lines[i], ",", `",`, 1)
	}
	u, err := ReadUnits(strings.NewReader(strings.Join(lines, "")), "u.csv")
	if err != nil {
		t.Fatal(err)
	}
	r, err := RandomiseUnits(u, Settings{ID: "unit_id", Arms: []string{"control", "treatment"}, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	var w countWriter
	if _, err := r.WriteCSV(&w); err != nil {
		t.Fatal(err)
	}
	if most := w.bytes>>16 + 2; w.n > most {
		t.Errorf("%d writes for %d bytes, want at most %d", w.n, w.bytes, most)
	}
}

// failAfter fails every write after the first n bytes.
type failAfter struct{ n int }

var errDiskFull = errors.New("disk full")

func (f *failAfter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		k := f.n
		f.n = 0
		return k, errDiskFull
	}
	f.n -= len(p)
	return len(p), nil
}

// TestWriteCSVWriteError: a write that fails, at any point of the file,
// is WriteCSV's error, in chunks of a few rows and of many.
func TestWriteCSVWriteError(t *testing.T) {
	u, err := ReadUnits(strings.NewReader(bigUnitsText(5000)), "u.csv")
	if err != nil {
		t.Fatal(err)
	}
	r, err := RandomiseUnits(u, Settings{ID: "unit_id", Arms: []string{"control", "treatment"}, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer func(c int) { csvChunkRows = c }(csvChunkRows)
	for _, rows := range []int{7, 1 << 12} {
		csvChunkRows = rows
		for _, n := range []int{0, 10, 1000, 50000, 100000} {
			if sum, err := r.WriteCSV(&failAfter{n: n}); !errors.Is(err, errDiskFull) || sum != "" {
				t.Errorf("chunks of %d rows, failing after %d bytes: %q, %v", rows, n, sum, err)
			}
		}
	}
}
