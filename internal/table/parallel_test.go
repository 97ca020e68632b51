package table

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// readBoth reads text in halves (parallelBytes 1) and in one piece, and
// reports how the two differ: every cell, WrittenLine and error must be
// the same.
func readBoth(t *testing.T, text string) {
	t.Helper()
	defer func(b int) { parallelBytes = b }(parallelBytes)
	read := func(bytes int) (*Table, [][2]int, error) {
		parallelBytes = bytes
		var calls [][2]int
		tb, err := Options{}.parse([]byte(text), "t.csv", func(done, total int) { calls = append(calls, [2]int{done, total}) })
		return tb, calls, err
	}
	half, hcalls, herr := read(1)
	one, ocalls, oerr := read(math.MaxInt)
	if fmt.Sprint(herr) != fmt.Sprint(oerr) {
		t.Fatalf("%q: in halves %v, in one piece %v", text, herr, oerr)
	}
	if oerr != nil {
		return
	}
	if len(hcalls) != len(ocalls) || hcalls[len(hcalls)-1] != ocalls[len(ocalls)-1] {
		t.Errorf("%q: progress in halves %v, in one piece %v", text, hcalls, ocalls)
	}
	if half.Rows() != one.Rows() || strings.Join(half.Header, ",") != strings.Join(one.Header, ",") {
		t.Fatalf("%q: in halves %d rows of %q, in one piece %d of %q", text, half.Rows(), half.Header, one.Rows(), one.Header)
	}
	var hs, os []span
	for i := range one.Rows() {
		hs, os = half.row(i, hs), one.row(i, os)
		hl, hok := half.WrittenLine(i)
		ol, ook := one.WrittenLine(i)
		if hl != ol || hok != ook {
			t.Fatalf("%q: row %d written as %q, %v in halves, %q, %v in one piece", text, i, hl, hok, ol, ook)
		}
		for j := range os {
			if h, o := half.str(hs[j]), one.str(os[j]); h != o {
				t.Fatalf("%q: cell %d,%d %q in halves, %q in one piece", text, i, j, h, o)
			}
		}
	}
}

// TestReadInHalves reads generated files in two halves and in one piece:
// with CRLF and empty lines, cells that csv.Writer quotes, and a row of
// the wrong width or a quote in either half or at the split.
func TestReadInHalves(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	cells := []string{"a", "", "12.5", " x", `\.`, "é", "NA", "cr\rx"}
	for trial := range 400 {
		var b strings.Builder
		b.WriteString("id,x,y\n")
		rows := 1 + rnd.IntN(40)
		for i := range rows {
			end := "\n"
			if trial%2 == 1 {
				end = "\r\n"
			}
			fields := []string{fmt.Sprint(i), cells[rnd.IntN(len(cells))], cells[rnd.IntN(len(cells))]}
			switch rnd.IntN(30) {
			case 0:
				fields = fields[:2] // the wrong width
			case 1:
				fields[1] = `"q"`
			case 2:
				b.WriteString(end) // an empty line
			}
			b.WriteString(strings.Join(fields, ",") + end)
		}
		if trial%5 == 0 {
			b.WriteString("last,1,2") // no line end
		}
		readBoth(t, b.String())
	}
}

// FuzzReadInHalves: any text reads in halves as in one piece.
func FuzzReadInHalves(f *testing.F) {
	f.Add("a,b\n1,2\n3,4\n5,6\n")
	f.Add("a,b\r\n1,2\r\n\r\n3\r\n5,6")
	f.Add("a,b\n1, x\n3,\\.\n5,\"6\"\n")
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1<<16 {
			return
		}
		readBoth(t, text)
	})
}
