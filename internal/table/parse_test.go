package table

import (
	"encoding/csv"
	"io"
	"reflect"
	"strings"
	"testing"
)

// readAllScanner reads every record of s with the scanner.
func readAllScanner(s string, sep byte) ([][]string, error) {
	sc := newScanner(s, sep)
	var out [][]string
	for {
		rec, _, err := sc.next()
		if err != nil {
			return nil, err
		}
		if rec == nil {
			return out, nil
		}
		out = append(out, sc.strings(rec))
	}
}

// readAllCSV reads every record of s with encoding/csv, the reference.
func readAllCSV(s string, sep byte) ([][]string, error) {
	r := csv.NewReader(strings.NewReader(s))
	r.FieldsPerRecord = -1
	r.Comma = rune(sep)
	var out [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		out = append(out, rec)
	}
}

var scannerCases = []string{
	"a,b\n1,2\n", "a,b\r\n1,2\r\n", "a\n\n\nb\n", "\r\n\r\na\r\n", "a,\"b\"\"c\",d\n", "\"x\r\ny\",z\r\n",
	"\"a\"b\n", "a\"b\n", "\"abc", "a,b\r", "\"a\"\r", "\"a\"\rb", "a\rb,c\n", ",\n,,\n", "\"\"\n", "\"\"\"\"\n",
	"\"a\nb\"\"\r\nc\"\n", "a,b", "\n", "\r", " \"a\"\n", "\"a\" \n", "x\n\"a\r\r\nb\"\n",
}

// separators are the delimiters the scanner is checked with.
var separators = []byte{',', ';', '\t', '|'}

func TestScannerMatchesEncodingCSV(t *testing.T) {
	for _, in := range scannerCases {
		for _, sep := range separators {
			compareWithCSV(t, strings.ReplaceAll(in, ",", string(sep)), sep)
		}
	}
}

func compareWithCSV(t *testing.T, in string, sep byte) {
	t.Helper()
	got, gerr := readAllScanner(in, sep)
	want, werr := readAllCSV(in, sep)
	if (gerr == nil) != (werr == nil) {
		t.Fatalf("%q: scanner err %v, encoding/csv err %v", in, gerr, werr)
	}
	if gerr == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("%q: scanner %q, encoding/csv %q", in, got, want)
	}
}

// FuzzScanner checks the scanner against encoding/csv on any input and
// with each separator: the same records, or an error from both.
func FuzzScanner(f *testing.F) {
	for i, s := range scannerCases {
		f.Add(s, uint8(i))
	}
	f.Fuzz(func(t *testing.T, in string, sep uint8) {
		if strings.ContainsRune(in, '\uFFFD') || !isValidForCSV(in) {
			return
		}
		compareWithCSV(t, in, separators[int(sep)%len(separators)])
	})
}

// isValidForCSV leaves out what encoding/csv rewrites on purpose and evalkit
// need not copy: invalid UTF-8 (encoding/csv reads runes) and NUL bytes.
func isValidForCSV(s string) bool {
	return strings.ToValidUTF8(s, "") == s && !strings.ContainsRune(s, 0)
}
