package table

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// appendLinesByRow is AppendLines a row at a time by WrittenLine, the
// reference.
func appendLinesByRow(t *Table, b []byte, lo, hi int, tail []int, tails []string) ([]byte, int) {
	for i := lo; i < hi; i++ {
		line, ok := t.WrittenLine(i)
		if _, next := t.endAtNext(i); !ok || t.isHeld(i) || !next {
			return b, i
		}
		b = append(append(b, line...), tails[tail[i]]...)
	}
	return b, hi
}

// TestAppendLines: on awkward files (CRLF, empty lines, quotes, cells
// that csv.Writer quotes, no line end at the end), AppendLines copies
// the lines that WrittenLine returns, from every row to every row, and
// stops where the reference does; and a line it copies is the row's line.
func TestAppendLines(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	tails := []string{",control\n", ",treatment\n", ""}
	for trial := range 300 {
		text := awkwardFile(rnd, trial)
		tb, err := Read(strings.NewReader(text), "awkward.csv")
		if err != nil {
			continue
		}
		tail := make([]int, tb.Rows())
		for i := range tail {
			tail[i] = rnd.IntN(len(tails))
		}
		copied := 0
		for lo := range tb.Rows() + 1 {
			hi := lo + rnd.IntN(tb.Rows()-lo+1)
			got, gotAt := tb.AppendLines([]byte("head"), lo, hi, tail, tails)
			want, wantAt := appendLinesByRow(tb, []byte("head"), lo, hi, tail, tails)
			if string(got) != string(want) || gotAt != wantAt {
				t.Fatalf("trial %d: AppendLines(%d, %d) = %q, %d; want %q, %d\n%q", trial, lo, hi, got, gotAt, want, wantAt, text)
			}
			copied += gotAt - lo
		}
		if trial%3 == 0 && trial%2 == 0 && copied == 0 && tb.Rows() > 2 {
			t.Errorf("trial %d: no line copied from %q", trial, text)
		}
	}
}
