package table

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readStreamedBoth writes text to a file and reads it with ReadSHA256 as a
// stream, in pieces of a few sizes, and not as a stream: the tables, the
// errors and the digests must be the same, and the digest the text's.
func readStreamedBoth(t *testing.T, text string) {
	t.Helper()
	defer func(b, p int) { streamBytes, streamPiece = b, p }(streamBytes, streamPiece)
	path := filepath.Join(t.TempDir(), "t.csv")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	read := func() (*Table, string, error) {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		return Options{}.ReadSHA256(f, "t.csv")
	}
	streamBytes = math.MaxInt
	want, wsum, werr := read()
	if s := sha256.Sum256([]byte(text)); werr == nil && wsum != hex.EncodeToString(s[:]) {
		t.Fatalf("%q: digest %s, want %x", text, wsum, s)
	}
	for _, piece := range []int{1, 5, 64, 1 << 20} {
		streamBytes, streamPiece = 1, piece
		got, sum, err := read()
		how := fmt.Sprintf("streamed in pieces of %d", piece)
		if fmt.Sprint(err) != fmt.Sprint(werr) {
			t.Fatalf("%q: %s %v, in one piece %v", text, how, err, werr)
		}
		if werr != nil {
			continue
		}
		if sum != wsum {
			t.Fatalf("%q: %s digest %s, in one piece %s", text, how, sum, wsum)
		}
		sameTable(t, text, how, got, want)
	}
}

// TestReadStreamed reads generated files as streams and not: with a
// byte-order mark, CRLF and empty lines, cells that csv.Writer quotes,
// spreadsheet error values, a quoted cell, a row of the wrong width and
// a byte not of UTF-8 anywhere, and empty rows at the end.
func TestReadStreamed(t *testing.T) {
	for _, text := range []string{"", "a", "\uFEFF", "\uFEFFa,b\n1,2\n", "a,b\n", "a,b\n1,2", "\"a\nb\",c\n1,2\n", "PK\x03\x04", "\xFF\xFEa"} {
		readStreamedBoth(t, text)
	}
	rnd := rand.New(rand.NewPCG(3, 4))
	cells := []string{"a", "", "12.5", " x", `\.`, "é", "NA", "cr\rx", "#N/A", "a#b", "#DIV/0!"}
	for trial := range 300 {
		var b strings.Builder
		if trial%7 == 0 {
			b.WriteString(utf8BOM)
		}
		b.WriteString("id,x,y\n")
		end := "\n"
		if trial%2 == 1 {
			end = "\r\n"
		}
		for i := range 1 + rnd.IntN(60) {
			fields := []string{fmt.Sprint(i), fmt.Sprint(rnd.IntN(100)), fmt.Sprint(rnd.IntN(100))}
			if trial%3 > 0 { // files of plain lines, but for a few
				fields[1], fields[2] = cells[rnd.IntN(len(cells))], cells[rnd.IntN(len(cells))]
			}
			switch rnd.IntN(40) {
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
		readStreamedBoth(t, b.String())
	}
}

// FuzzReadStreamed: any file reads as a stream as it reads whole.
func FuzzReadStreamed(f *testing.F) {
	f.Add("a,b\n1,2\n3,4\n5,6\n")
	f.Add("\uFEFFa,b\r\n1,2\r\n\r\n3\r\n5,#N/A")
	f.Add("a,b\n1, x\n3,\\.\n5,\"6\"\n")
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1<<12 {
			return
		}
		readStreamedBoth(t, text)
	})
}
