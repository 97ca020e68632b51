package table

import (
	"testing"
)

// pickAll checks that a Picker of the columns given by picks (each byte a
// column, modulo the table's) reads every row's cells as Cell does.
func pickAll(t *testing.T, tb *Table, picks []byte) {
	t.Helper()
	cols := make([]int, len(picks))
	for k, c := range picks {
		cols[k] = int(c) % len(tb.Header)
	}
	p := tb.Picker(cols)
	dst := make([]string, len(cols))
	for i := range tb.Rows() {
		p.Row(i, dst)
		for k, j := range cols {
			if want := tb.Cell(i, j); dst[k] != want {
				t.Fatalf("row %d, column %d (pick %d of %v): %q, Cell gives %q", i, j, k, cols, dst[k], want)
			}
		}
	}
}

// TestPicker reads columns in and out of order, repeated, the last, and
// from rows held by their line and as spans (quoted), with CRLF and a
// column that tidy leaves out.
func TestPicker(t *testing.T) {
	texts := []string{
		"id,x,y\n1,a,b\n2,,c\n3,\"q,r\",\n",
		"id,x,y\r\n1,a,b\r\n2,,c\r\n",
		"id,,y\n1,,b\n2,,c\n",
		"a\n1\n\"2\"\n3\n",
	}
	for _, text := range texts {
		tb, err := Options{}.parse([]byte(text), "t.csv", nil)
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		for _, picks := range [][]byte{{0}, {2, 0}, {1, 1, 0}, {2}, {2, 1, 0, 2}} {
			pickAll(t, tb, picks)
		}
	}
}

// FuzzPicker: a Picker reads any table's cells as Cell does.
func FuzzPicker(f *testing.F) {
	f.Add("id,x,y\n1,a,b\n2,\"c\",d\r\n", []byte{2, 0})
	f.Add("a,,b\n1,,2\n", []byte{1, 0, 1})
	f.Fuzz(func(t *testing.T, text string, picks []byte) {
		if len(text) > 1<<16 || len(picks) > 16 {
			return
		}
		tb, err := Options{}.parse([]byte(text), "t.csv", nil)
		if err != nil || len(tb.Header) == 0 {
			return
		}
		pickAll(t, tb, picks)
	})
}
