package table

import (
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// TestCellsAsEncodingCSV: rows held by their line's offset and rows held
// as spans (with a quote) give the cells encoding/csv reads, through
// Cols, Cell, Column, Codes and Line, with a column that tidy leaves out,
// CRLF, empty lines and each delimiter.
func TestCellsAsEncodingCSV(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	values := []string{"a", "", "1.5", "x y", "a,b", `q"q`, "l\nf", "é", " s", "NA"}
	for trial := range 300 {
		sep := []byte{',', ';', '\t', '|'}[rnd.IntN(4)]
		ncol := 1 + rnd.IntN(5)
		blank := ncol > 2 && rnd.IntN(3) == 0
		var b strings.Builder
		var want [][]string
		for i := range 2 + rnd.IntN(8) {
			var rec []string
			for j := range ncol {
				v := fmt.Sprintf("c%d", j)
				if i > 0 {
					v = values[rnd.IntN(len(values))]
				}
				if blank && j == 1 {
					v = ""
				}
				if j > 0 {
					b.WriteByte(sep)
				}
				if strings.ContainsAny(v, "\"\n"+string(sep)) || ncol == 1 && v == "" || rnd.IntN(6) == 0 {
					b.WriteString(`"` + strings.ReplaceAll(v, `"`, `""`) + `"`)
				} else {
					b.WriteString(v)
				}
				rec = append(rec, v)
			}
			b.WriteString([]string{"\n", "\r\n", "\n\n"}[rnd.IntN(3)])
			want = append(want, rec)
		}
		in := b.String()
		tb, err := Options{Delimiter: Delimiter(sep)}.Read(strings.NewReader(in), "t.csv")
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		r := csv.NewReader(strings.NewReader(in))
		r.Comma = rune(sep)
		ref, err := r.ReadAll()
		if err != nil || !reflect.DeepEqual(ref, want) {
			t.Fatalf("%q: the test's file is not what it meant: %v", in, err)
		}
		// The reference's columns, without the one left out, and the
		// blank rows at the end.
		rows := len(want) - 1
		for rows > 0 && strings.TrimSpace(strings.Join(want[rows], "")) == "" {
			rows--
		}
		var cols [][]string
		for j := range ncol {
			if blank && j == 1 {
				continue
			}
			col := make([]string, rows)
			for i := range col {
				col[i] = want[i+1][j]
			}
			cols = append(cols, col)
		}
		if got := tb.Cols(); !reflect.DeepEqual(got, cols) && (rows > 0 || len(got[0]) > 0) {
			t.Fatalf("trial %d %q: Cols %q, want %q", trial, in, got, cols)
		}
		for j, h := range tb.Header {
			col, _ := tb.Column(h)
			codes, levels, _ := tb.Codes(h)
			for i := range tb.Rows() {
				if tb.Cell(i, j) != cols[j][i] || col[i] != cols[j][i] {
					t.Fatalf("%q: cell %d,%d = %q, column %q, want %q", in, i, j, tb.Cell(i, j), col[i], cols[j][i])
				}
				if IsMissing(col[i]) != (codes[i] < 0) || codes[i] >= 0 && levels[codes[i]] != col[i] {
					t.Fatalf("%q: code of %q = %d (%q)", in, col[i], codes[i], levels)
				}
			}
		}
		for i := range tb.Rows() {
			var cells []string
			for j := range tb.Header {
				cells = append(cells, tb.Cell(i, j))
			}
			if line, ok := tb.Line(i); ok && line != strings.Join(cells, ",") {
				t.Fatalf("%q: Line(%d) = %q, cells %q", in, i, line, cells)
			}
		}
	}
}
