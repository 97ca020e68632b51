package table

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// readBoth reads text in halves (parallelBytes 1) and in one piece, and
// in one piece with every line read by the scanner (plainLines false),
// and reports how they differ: every cell, WrittenLine, error and
// progress call must be the same.
func readBoth(t *testing.T, text string) {
	t.Helper()
	defer func(b int) { parallelBytes, plainLines = b, true }(parallelBytes)
	read := func(bytes int, plain bool) (*Table, [][2]int, error) {
		parallelBytes, plainLines = bytes, plain
		var calls [][2]int
		tb, err := Options{}.parse([]byte(text), "t.csv", func(done, total int) { calls = append(calls, [2]int{done, total}) })
		return tb, calls, err
	}
	one, ocalls, oerr := read(math.MaxInt, true)
	for _, other := range []struct {
		how   string
		bytes int
		plain bool
	}{{"in halves", 1, true}, {"by the scanner", math.MaxInt, false}} {
		half, hcalls, herr := read(other.bytes, other.plain)
		if fmt.Sprint(herr) != fmt.Sprint(oerr) {
			t.Fatalf("%q: %s %v, in one piece %v", text, other.how, herr, oerr)
		}
		if oerr != nil {
			return
		}
		// In halves, the calls between the first and the last differ.
		if len(hcalls) != len(ocalls) || hcalls[len(hcalls)-1] != ocalls[len(ocalls)-1] || !other.plain && !slices.Equal(hcalls, ocalls) {
			t.Errorf("%q: progress %s %v, in one piece %v", text, other.how, hcalls, ocalls)
		}
		sameTable(t, text, other.how, half, one)
	}
}

// sameTable fails t unless got, read from text as how says, holds the
// rows, cells, lines and notes of want, read in one piece.
func sameTable(t *testing.T, text, how string, got, want *Table) {
	t.Helper()
	if got.Rows() != want.Rows() || strings.Join(got.Header, ",") != strings.Join(want.Header, ",") || fmt.Sprint(got.Notes) != fmt.Sprint(want.Notes) {
		t.Fatalf("%q: %s %d rows of %q (%q), in one piece %d of %q (%q)", text, how, got.Rows(), got.Header, got.Notes, want.Rows(), want.Header, want.Notes)
	}
	var gs, ws []span
	for i := range want.Rows() {
		gs, ws = got.row(i, gs), want.row(i, ws)
		gl, gok := got.WrittenLine(i)
		wl, wok := want.WrittenLine(i)
		if l, ok := want.Line(i); ok && l != want.lineAt(int(want.starts[i])) {
			t.Fatalf("%q: row %d's line %q, but the text's is %q", text, i, l, want.lineAt(int(want.starts[i])))
		}
		if gl != wl || gok != wok {
			t.Fatalf("%q: row %d written as %q, %v %s, %q, %v in one piece", text, i, gl, gok, how, wl, wok)
		}
		for j := range ws {
			if g, w := got.str(gs[j]), want.str(ws[j]); g != w {
				t.Fatalf("%q: cell %d,%d %q %s, %q in one piece", text, i, j, g, how, w)
			}
		}
	}
}

// TestReadInHalves reads generated files (awkwardFile) in two halves and
// in one piece.
func TestReadInHalves(t *testing.T) {
	readBoth(t, "a\n\r\n1\r\n2\n") // an empty CRLF line, in a table of one column
	rnd := rand.New(rand.NewPCG(1, 2))
	for trial := range 400 {
		readBoth(t, awkwardFile(rnd, trial))
	}
}

// awkwardFile returns a generated file of columns id, x and y: its lines
// end in CRLF in odd trials; one in seven begins with a byte-order mark;
// one in three has only plain lines (numbers) but for what follows; there
// are cells that csv.Writer quotes and spreadsheet error values; now and
// then a row of the wrong width, a quoted cell, an empty line or a byte
// not of UTF-8; and the last line may have no line end, or be one of
// empty rows.
func awkwardFile(rnd *rand.Rand, trial int) string {
	cells := []string{"a", "", "12.5", " x", `\.`, "é", "NA", "cr\rx", "#N/A", "a#b", "#DIV/0!"}
	var b strings.Builder
	if trial%7 == 0 {
		b.WriteString(utf8BOM)
	}
	b.WriteString("id,x,y\n")
	end := "\n"
	if trial%2 == 1 {
		end = "\r\n"
	}
	for i := range 1 + rnd.IntN(50) {
		fields := []string{fmt.Sprint(i), fmt.Sprint(rnd.IntN(100)), fmt.Sprint(rnd.IntN(100))}
		if trial%3 > 0 {
			fields[1], fields[2] = cells[rnd.IntN(len(cells))], cells[rnd.IntN(len(cells))]
		}
		switch rnd.IntN(30) {
		case 0:
			fields = fields[:2] // the wrong width
		case 1:
			fields[1] = `"q"`
		case 2:
			b.WriteString(end) // an empty line
		case 3:
			fields[2] = "\xff" // not UTF-8
		}
		b.WriteString(strings.Join(fields, ",") + end)
	}
	switch trial % 5 {
	case 0:
		b.WriteString("last,1,2") // no line end
	case 1:
		b.WriteString(",," + end + ",," + end) // empty rows at the end
	}
	return b.String()
}

// FuzzReadInHalves: any text reads in halves, and any file of at most
// 4 KiB as a stream (readStreamedBoth), as in one piece.
func FuzzReadInHalves(f *testing.F) {
	f.Add("a,b\n1,2\n3,4\n5,6\n")
	f.Add("a,b\r\n1,2\r\n\r\n3\r\n5,6")
	f.Add("a,b\n1, x\n3,\\.\n5,\"6\"\n")
	f.Add("\uFEFFa,b\n1,#DIV/0!\n")
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1<<16 {
			return
		}
		readBoth(t, text)
		if len(text) <= 1<<12 {
			readStreamedBoth(t, text)
		}
	})
}
