package table

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRead(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		header []string
		cols   [][]string
	}{
		{"plain", "id,y\n007,1.5\n008,2\n", []string{"id", "y"}, [][]string{{"007", "008"}, {"1.5", "2"}}},
		{"BOM and CRLF", "\xEF\xBB\xBFid,y\r\n1,2\r\n3,4\r\n", []string{"id", "y"}, [][]string{{"1", "3"}, {"2", "4"}}},
		{"quoted fields", "id,note\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n", []string{"id", "note"},
			[][]string{{"1", "2", "3"}, {"a, b", `say "hi"`, "two\nlines"}}},
		{"no final newline", "a\n1", []string{"a"}, [][]string{{"1"}}},
		{"header only", "a,b\n", []string{"a", "b"}, [][]string{nil, nil}},
		{"blank lines skipped", "a\n1\n\n2\n", []string{"a"}, [][]string{{"1", "2"}}},
		{"spaces kept as text", "id,area\n 01 ,North \n", []string{"id", "area"}, [][]string{{" 01 "}, {"North "}}},
		{"missing tokens kept as text", "y\nNA\n.\nnull\n\"\"\n#N/A\n", []string{"y"}, [][]string{{"NA", ".", "null", "", "#N/A"}}},
		{"unicode", "área,ñ\nZürich,日本\n", []string{"área", "ñ"}, [][]string{{"Zürich"}, {"日本"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tb, err := Read(strings.NewReader(tc.in), "in.csv")
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(tb.Header, "|") != strings.Join(tc.header, "|") {
				t.Errorf("header %q, want %q", tb.Header, tc.header)
			}
			for j := range tc.cols {
				if strings.Join(tb.Cols()[j], "|") != strings.Join(tc.cols[j], "|") || len(tb.Cols()[j]) != len(tc.cols[j]) {
					t.Errorf("column %d = %q, want %q", j, tb.Cols()[j], tc.cols[j])
				}
			}
			if tb.Rows() != len(tc.cols[0]) {
				t.Errorf("Rows() = %d, want %d", tb.Rows(), len(tc.cols[0]))
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"empty file", "", "in.csv: the file is empty: no header line"},
		{"only a BOM", "\xEF\xBB\xBF", "in.csv: the file is empty"},
		{"duplicate column", "id,y,id\n1,2,3\n", `in.csv: row 1, column "id": duplicate column name (columns 1 and 3)`},
		{"value in a column with no name", "id,,y\n1,,3\n1,2,3\n", `in.csv: row 3, column "#2": "2": a value in a column whose header (row 1) is empty`},
		{"no named column", ",\n,\n", `in.csv: the header (row 1) names no column`},
		{"short row", "id,y\n1,2\n3\n", "in.csv: row 3: has 1 fields, the header has 2"},
		{"long row", "id,y\n1,2,3\n", "in.csv: row 2: has 3 fields, the header has 2"},
		{"bare quote", "id,y\n1,a\"b\n", "in.csv: row 2: bare \""},
		{"unterminated quote", "id,y\n1,\"abc\n", "in.csv: row 2: extraneous or missing \""},
		// Rows are records, as every message counts them; the line is
		// given beside the row where it differs.
		{"row after empty lines", "id,y\n\n\n1,2\n3,a\"b\n", "in.csv: row 3 (line 5): bare \""},
		{"row after a field over lines", "id,y\n1,\"a\nb\"\n3\n", "in.csv: row 3 (line 4): has 1 fields"},
		{"CR line ends", "id,y\r1,2\r3,4\r", `in.csv: row 1, column "#2": a column name holds a carriage return (CR): the file's lines seem to end in CR alone`},
		{"CR line ends, duplicate names", "id,y\r1,y\r", `in.csv: row 1, column "#2": a column name holds a carriage return`},
		{"too many columns", strings.Repeat("c,", MaxColumns) + "c\n", "in.csv: row 1: beyond evalkit's limits for a table: a line of more than 10000 fields"},
		{"too many fields in a row", "a\n" + strings.Repeat(",", MaxColumns) + "\n", "in.csv: row 2: beyond evalkit's limits for a table: a line of more than 10000 fields"},
		{"too many quoted fields", "a\n\"x\"" + strings.Repeat(",", MaxColumns) + "\n", "in.csv: row 2: beyond evalkit's limits for a table: a line of more than 10000 fields"},
		{"field too large", "id,y\n1," + strings.Repeat("x", MaxFieldBytes+1) + "\n", "in.csv: row 2: beyond evalkit's limits for a table: a field of 1048577 bytes, more than 1048576 (1 MiB)"},
		{"quoted field too large", "id,y\n1,\"" + strings.Repeat("x", MaxFieldBytes+1) + "\"\n", "in.csv: row 2: beyond evalkit's limits for a table: a field of more than 1048576 bytes (1 MiB)"},
		{"quoted field too large, rewritten", "id,y\n1,\"\"\"" + strings.Repeat("x", MaxFieldBytes) + "\"\n", "in.csv: row 2: beyond evalkit's limits for a table: a field of more than 1048576 bytes"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tc.in), "in.csv")
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("err = %v, want prefix %q", err, tc.want)
			}
		})
	}
}

func TestFloat(t *testing.T) {
	tb, err := Read(strings.NewReader("id,y\n007,1.5\n008, 2 \n009,NA\n010,\n011,-3e2\n012,.\n013,NaN\n014,null\n015,+4\n"), "trial.csv")
	if err != nil {
		t.Fatal(err)
	}
	got, missing, err := tb.Float("y")
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{1.5, 2, math.NaN(), math.NaN(), -300, math.NaN(), math.NaN(), math.NaN(), 4}
	if missing != 5 {
		t.Errorf("missing = %d, want 5", missing)
	}
	for i := range want {
		if !(got[i] == want[i] || math.IsNaN(got[i]) && math.IsNaN(want[i])) {
			t.Errorf("y[%d] = %v, want %v", i, got[i], want[i])
		}
	}
	ids, _ := tb.Column("id")
	if ids[0] != "007" {
		t.Errorf("id converted: %q", ids[0])
	}
}

func TestFloatErrors(t *testing.T) {
	for _, bad := range []string{"abc", "12k", "£1,200", "1,200", "Inf", "-inf", "0x1p3", "1e400", "1_000", "1.2.3", "--1", "e5", "yes"} {
		t.Run(bad, func(t *testing.T) {
			tb, err := Read(strings.NewReader("id,y\n1,2\n2,\""+bad+"\"\n"), "trial.csv")
			if err != nil {
				t.Fatal(err)
			}
			_, _, err = tb.Float("y")
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Row != 3 || pe.Column != "y" || !errors.Is(err, ErrNotNumber) {
				t.Fatalf("err = %v, want a ParseError at row 3, column y", err)
			}
			want := `trial.csv: row 3, column "y": "` + bad + `": not a number`
			if err.Error() != want {
				t.Errorf("message %q, want %q", err.Error(), want)
			}
		})
	}
}

func TestUnknownColumn(t *testing.T) {
	tb, _ := Read(strings.NewReader("id,y\n1,2\n"), "trial.csv")
	_, err := tb.Column("outcome")
	if err == nil || err.Error() != `trial.csv: no column "outcome" (the columns are "id", "y")` {
		t.Errorf("err = %v", err)
	}
	if _, _, err := tb.Float("outcome"); err == nil {
		t.Error("Float of an unknown column succeeded")
	}
	if tb.Has("outcome") || !tb.Has("y") {
		t.Error("Has is wrong")
	}
}

func TestReadFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "units.csv")
	os.WriteFile(path, []byte("id\n1\n"), 0o644)
	tb, err := ReadFile(path)
	if err != nil || tb.Name != "units.csv" || tb.Rows() != 1 {
		t.Errorf("ReadFile = %+v, %v", tb, err)
	}
	if _, err := ReadFile(filepath.Join(t.TempDir(), "absent.csv")); err == nil {
		t.Error("reading a missing file succeeded")
	}
}

// FuzzRead checks that any input, read in either encoding and with any
// delimiter (the bits of opt), gives either an error or a rectangular table
// that follows the rules for spreadsheets' leftovers, in valid UTF-8, whose
// numeric conversion does not panic.
func FuzzRead(f *testing.F) {
	for i, s := range []string{"id,y\n007,1.5\n", "\xEF\xBB\xBFa\r\n\"x\"\"y\"\r\n", "a,a\n", "", "a,b\n1\n", "y\nNA\n1e5\n-.5\n",
		"id;\xA3;\n1;#N/A;\n;;\n", "a\tb\n#REF!\t1\n", "a,,b\n1,,2\n,,\n"} {
		f.Add(s, uint8(i))
	}
	f.Fuzz(func(t *testing.T, in string, opt uint8) {
		o := Options{Encoding: Encoding(opt & 1), Delimiter: Delimiter(separators[int(opt>>1)%len(separators)])}
		tb, err := o.Read(strings.NewReader(in), "fuzz.csv")
		if err != nil {
			if tb != nil {
				t.Fatal("both a table and an error")
			}
			return
		}
		checkTable(t, tb)
	})
}

// checkTable checks what every table read must be.
func checkTable(t *testing.T, tb *Table) {
	t.Helper()
	if tb.Rows() > 0 && tb.blankRow(tb.Rows()-1) {
		t.Fatal("a blank row at the end")
	}
	seen := map[string]bool{}
	cols := tb.Cols() // every column's strings, made on each call
	for j, h := range tb.Header {
		if blank(h) || seen[h] || !utf8.ValidString(h) || SpreadsheetError(h) {
			t.Fatalf("header %q", tb.Header)
		}
		seen[h] = true
		if len(cols[j]) != tb.Rows() {
			t.Fatalf("column %q has %d values, table has %d rows", h, len(cols[j]), tb.Rows())
		}
		for _, v := range cols[j] {
			if !utf8.ValidString(v) || SpreadsheetError(v) {
				t.Fatalf("column %q holds %q", h, v)
			}
		}
		vals, missing, err := tb.Float(h)
		if err == nil {
			n := 0
			for _, v := range vals {
				if math.IsNaN(v) {
					n++
				} else if math.IsInf(v, 0) {
					t.Fatalf("Inf accepted in column %q", h)
				}
			}
			if n != missing {
				t.Fatalf("missing = %d, NaNs = %d", missing, n)
			}
		}
	}
}

func BenchmarkRead(b *testing.B) {
	for _, n := range []int{1e2, 1e4, 1e6} {
		var sb strings.Builder
		sb.WriteString("id,area,arm,y,baseline\n")
		for i := 0; i < n; i++ {
			sb.WriteString("U")
			sb.WriteString(strings.Repeat("0", 7))
			sb.WriteString(",north,treatment,12.5,3\n")
		}
		in := sb.String()
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				tb, err := Read(strings.NewReader(in), "bench.csv")
				if err != nil {
					b.Fatal(err)
				}
				sinkTable = tb
			}
		})
	}
}

var sinkTable *Table

func TestErrorsClipLongText(t *testing.T) {
	long := strings.Repeat("é", 5000)
	tb, _ := Read(strings.NewReader("id,y\n1,"+long+"\n"), "trial.csv")
	_, _, err := tb.Float("y")
	if err == nil || len(err.Error()) > 200 || !strings.Contains(err.Error(), `… (10000 bytes)"`) {
		t.Errorf("error not clipped: %d bytes", len(err.Error()))
	}
	var cols []string
	for i := range 500 {
		cols = append(cols, fmt.Sprintf("c%d", i))
	}
	tb, _ = Read(strings.NewReader(strings.Join(cols, ",")+"\n"), "wide.csv")
	_, err = tb.Column(long)
	if err == nil || len(err.Error()) > 400 || !strings.Contains(err.Error(), "and 480 more") {
		t.Errorf("column error not bounded: %v", err)
	}
	if got := Clip("short"); got != "short" {
		t.Errorf("Clip(short) = %q", got)
	}
}

// TestReadFileProgress: progress rises to the file's size, which it
// reaches at the end, every 65,536 rows on the way.
func TestReadFileProgress(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.csv")
	var b strings.Builder
	b.WriteString("id,y\n")
	for i := range 140000 {
		fmt.Fprintf(&b, "%d,%d\n", i, i%7)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	var calls [][2]int
	tab, err := Options{}.ReadFile(path, func(done, total int) { calls = append(calls, [2]int{done, total}) })
	if err != nil || tab.Rows() != 140000 {
		t.Fatalf("ReadFile: %v, %d rows", err, tab.Rows())
	}
	if len(calls) != 3 {
		t.Fatalf("progress called %d times, want 3 (rows 65,536, 131,072 and the end): %v", len(calls), calls)
	}
	for i, c := range calls {
		if c[1] != b.Len() || c[0] <= 0 || c[0] > c[1] || i > 0 && c[0] <= calls[i-1][0] {
			t.Errorf("call %d = %v, file of %d bytes", i, c, b.Len())
		}
	}
	if calls[2][0] != b.Len() {
		t.Errorf("last call %v, want the whole file", calls[2])
	}
}

// TestReadAtFileSize: a regular file given as a reader (as commands open
// them) is read into one buffer of its size, not grown by doubling, and
// ReadSHA256's digest is the file's.
func TestReadAtFileSize(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wide.csv")
	var b strings.Builder
	b.WriteString("id,notes\n")
	for i := range 4000 {
		fmt.Fprintf(&b, "%d,%s\n", i, strings.Repeat("n", 1000))
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	tb, sum, err := Options{}.ReadSHA256(f, "wide.csv")
	runtime.ReadMemStats(&after)
	if err != nil || tb.Rows() != 4000 {
		t.Fatalf("ReadSHA256: %v", err)
	}
	if got, most := after.TotalAlloc-before.TotalAlloc, uint64(b.Len())*5/4; got > most {
		t.Errorf("reading %d bytes allocated %d, want at most %d", b.Len(), got, most)
	}
	if want := fmt.Sprintf("%x", sha256.Sum256([]byte(b.String()))); sum != want {
		t.Errorf("sha256 %s, want %s", sum, want)
	}
}

// TestReadSHA256InPieces: a file read in many pieces, each hashed as it
// arrives, gives the file's digest and text, and one that is not a
// regular file (read in one piece) does too.
func TestReadSHA256InPieces(t *testing.T) {
	defer func(c int) { readChunk = c }(readChunk)
	readChunk = 7
	text := "id,x\n1,a\n2,b\n3,\"c,d\"\n"
	path := filepath.Join(t.TempDir(), "t.csv")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("%x", sha256.Sum256([]byte(text)))
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, r := range []io.Reader{f, strings.NewReader(text)} {
		tb, sum, err := Options{}.ReadSHA256(r, "t.csv")
		if err != nil || sum != want || tb.Rows() != 3 || tb.Cell(2, 1) != "c,d" {
			t.Fatalf("%T: %v, %s (want %s)", r, err, sum, want)
		}
	}
}
