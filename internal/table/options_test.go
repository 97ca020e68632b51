package table

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// costs1252 is a cost sheet as Excel's "CSV (Comma delimited)" saves it on
// Windows: the pound sign is the one byte 0xA3.
const costs1252 = "intervention,item,amount\r\nNavigators,\xA3 vouchers,120\r\nNavigators,caf\xE9 hire,80\r\n"

func TestWindows1252(t *testing.T) {
	_, err := Read(strings.NewReader(costs1252), "costs.csv")
	require.ErrorIs(t, err, ErrEncoding)
	assert.EqualError(t, err, `costs.csv: row 2, column "item": "\xa3 vouchers": not UTF-8 text; if Excel saved the file (as CSV on Windows), give --encoding windows-1252`)

	tb, err := Options{Encoding: Windows1252}.Read(strings.NewReader(costs1252), "costs.csv")
	require.NoError(t, err)
	items, _ := tb.Column("item")
	assert.Equal(t, []string{"£ vouchers", "café hire"}, items)

	// Bytes that Windows-1252 leaves undefined, UTF-16, and a UTF-8
	// byte-order mark, which wins over the option.
	_, err = Options{Encoding: Windows1252}.Read(strings.NewReader("a,b\n1,x\x81y\n"), "odd.csv")
	require.ErrorIs(t, err, ErrEncoding)
	assert.Contains(t, err.Error(), "odd.csv: row 2, column \"b\": \"x\uFFFDy\": a byte that Windows-1252 does not define")
	_, err = Read(strings.NewReader("\xFF\xFEa\x00"), "u16.csv")
	assert.ErrorContains(t, err, "u16.csv: the file is UTF-16 text")
	tb, err = Options{Encoding: Windows1252}.Read(strings.NewReader("\uFEFFname\n£5\n"), "bom.csv")
	require.NoError(t, err)
	assert.Equal(t, "£5", tb.Cols()[0][0])
	_, err = Read(strings.NewReader("na\xFFme\n1\n"), "h.csv")
	assert.ErrorContains(t, err, `h.csv: row 1, column "#1": "na\xffme": not UTF-8 text`)
}

func TestDelimiters(t *testing.T) {
	for _, tc := range []struct{ d, in string }{{";", "id;y\n007;1,5\n"}, {"tab", "id\ty\n007\t1,5\n"}, {"|", "id|y\n007|1,5\n"}} {
		var o Options
		require.NoError(t, o.Delimiter.Set(tc.d))
		tb, err := o.Read(strings.NewReader(tc.in), "in.csv")
		require.NoError(t, err, tc.d)
		assert.Equal(t, []string{"id", "y"}, tb.Header)
		assert.Equal(t, [][]string{{"007"}, {"1,5"}}, tb.Cols())
		assert.Equal(t, tc.d, o.Delimiter.String())
	}
	for _, tc := range []struct{ in, flag string }{{"id;arm;y\n1;a;2\n", "give --delimiter ';'"}, {"id\tarm\ty\n1\ta\t2\n", "give --delimiter tab"}} {
		_, err := Read(strings.NewReader(tc.in), "in.csv")
		assert.ErrorContains(t, err, tc.flag)
		assert.ErrorContains(t, err, "in.csv: row 1: the header")
	}
	_, err := Options{Delimiter: ';'}.Read(strings.NewReader("id,arm\n1,a\n"), "in.csv")
	assert.ErrorContains(t, err, `has commas and no semicolons: if the fields are separated by commas, give --delimiter ','`)
	tb, err := Read(strings.NewReader("note\nsee; below\n"), "in.csv") // a data row is not a header
	require.NoError(t, err)
	assert.Equal(t, 1, tb.Rows())
}

func TestSpreadsheetLeftovers(t *testing.T) {
	// As Excel saves a sheet whose next column and rows were once used.
	in := "id,y,\r\n007,1.5,\r\n008,#N/A,\r\n009,2,\r\n,,\r\n,,\r\n , ,\r\n"
	tb, err := Read(strings.NewReader(in), "trial.csv")
	require.NoError(t, err)
	assert.Equal(t, []string{"id", "y"}, tb.Header)
	assert.Equal(t, 3, tb.Rows())
	y, missing, err := tb.Float("y")
	require.NoError(t, err)
	assert.Equal(t, 1, missing)
	assert.True(t, math.IsNaN(y[1]))
	assert.Equal(t, []string{"trial.csv: column 3 has no name and no values: left out", "trial.csv: 3 empty rows at the end: left out"}, tb.Notes)

	// An empty row between data rows is a row.
	tb, err = Read(strings.NewReader("id,y\n1,2\n,\n3,4\n"), "in.csv")
	require.NoError(t, err)
	assert.Equal(t, 3, tb.Rows())
}

func TestSpreadsheetErrorValues(t *testing.T) {
	for _, v := range []string{"#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", " #SPILL! "} {
		_, err := Read(strings.NewReader("id,note,y\n1,#REF!x,2\n2,ok,"+v+"\n3,"+v+",1\n"), "trial.csv")
		require.ErrorIs(t, err, ErrSpreadsheetError, v)
		assert.Contains(t, err.Error(), `trial.csv: row 3, column "y": "`+v+`": a spreadsheet error value`)
	}
	assert.False(t, SpreadsheetError("#N/A"))
	assert.True(t, IsMissing(" #N/A "))
}

func TestOptionsTravelWithTheReader(t *testing.T) {
	o, err := ParseOptions("Windows-1252", "tab", "Costs")
	require.NoError(t, err)
	assert.Equal(t, Options{Encoding: Windows1252, Delimiter: '\t', Sheet: "Costs"}, o)
	assert.Equal(t, o, OptionsOf(o.Reader(strings.NewReader(""))))
	assert.Equal(t, Options{}, OptionsOf(strings.NewReader("")))
	_, err = ParseOptions("latin9", "", "")
	assert.EqualError(t, err, `--encoding: unknown encoding "latin9": want utf-8 or windows-1252`)
	_, err = ParseOptions("", ":", "")
	assert.EqualError(t, err, `--delimiter: unknown delimiter ":": want , ; tab or |`)
	def, err := ParseOptions("", "", "")
	require.NoError(t, err)
	assert.Equal(t, "utf-8", def.Encoding.String())
	assert.Equal(t, ",", def.Delimiter.String())

	path := filepath.Join(t.TempDir(), "costs.csv")
	require.NoError(t, os.WriteFile(path, []byte("a\tb\n£\t2\n"), 0o644))
	f, err := Options{Delimiter: '\t'}.Open(path)
	require.NoError(t, err)
	defer f.Close()
	tb, err := Read(f, "costs.csv")
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "b"}, tb.Header)
	f2, _ := Options{Delimiter: '\t'}.Open(path)
	defer f2.Close()
	tb, err = ReadFrom(f2)
	require.NoError(t, err)
	assert.Equal(t, "costs.csv", tb.Name)
	assert.Equal(t, []string{"a", "b"}, tb.Header)
}

func TestCellsSHA256(t *testing.T) {
	tb, err := Read(strings.NewReader("id,y\n007,\n"), "a.csv")
	require.NoError(t, err)
	// The definition, byte by byte: 2 cells "id" "y", 2 cells "007" "".
	var b bytes.Buffer
	for _, part := range []string{"\x00\x00\x00\x00\x00\x00\x00\x02", "\x00\x00\x00\x00\x00\x00\x00\x02id", "\x00\x00\x00\x00\x00\x00\x00\x01y",
		"\x00\x00\x00\x00\x00\x00\x00\x02", "\x00\x00\x00\x00\x00\x00\x00\x03007", "\x00\x00\x00\x00\x00\x00\x00\x00"} {
		b.WriteString(part)
	}
	sum := sha256.Sum256(b.Bytes())
	assert.Equal(t, hex.EncodeToString(sum[:]), tb.CellsSHA256())
	// Moving text between cells changes the digest.
	other, err := Read(strings.NewReader("id,y\n00,7\n"), "a.csv")
	require.NoError(t, err)
	assert.NotEqual(t, tb.CellsSHA256(), other.CellsSHA256())
}
