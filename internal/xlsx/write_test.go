package xlsx

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// tricky are texts that a careless writer changes: escapes of the string
// type, spaces at the ends, line ends, a formula, numbers that must stay
// text.
var tricky = []string{"_x0041_", "_x005F_x0041_", "a_x00", "__x0041__", " lead", "trail ", "two\nlines", "cr\rlf\r\n",
	"tab\there", "=HYPERLINK(\"x\")", "007", "1.50", "1e3", "-0", "12345678901234567", "£5 café 日本", "&<>\"'", ""}

func seqOf(rows [][]Value) func(func([]Value) bool) { return slices.Values(rows) }

func TestWriteReadsBack(t *testing.T) {
	var rows [][]Value
	rows = append(rows, []Value{{Text: "text"}, {Text: "numeric"}})
	for _, s := range append(tricky, "3", "0.25", "1000000", "1e+21", "-2.5") {
		rows = append(rows, []Value{{Text: s}, {Text: s, Numeric: true}})
	}
	var b bytes.Buffer
	require.NoError(t, Write(&b, WriteSheet{Name: "allocation", Rows: seqOf(rows)}, WriteSheet{Name: "manifest", Rows: seqOf([][]Value{{{Text: "seed"}, {Text: "1"}}})}))
	for _, data := range [][]byte{b.Bytes(), resave(t, b.Bytes())} {
		s, err := Read(data, "", DefaultLimits)
		require.NoError(t, err)
		assert.Equal(t, "allocation", s.Name)
		got := texts(s)
		for i, r := range rows {
			want := []string{r[0].Text, r[1].Text}
			if r[0].Text == "" {
				want = nil
			}
			assert.Equal(t, want, got[i], "row %d", i+1)
		}
		m, err := Read(data, "manifest", DefaultLimits)
		require.NoError(t, err)
		assert.Equal(t, [][]string{{"seed", "1"}}, texts(m))
	}
}

func TestWriteNumbersAsNumbers(t *testing.T) {
	var b bytes.Buffer
	rows := [][]Value{{{Text: "3", Numeric: true}, {Text: "007", Numeric: true}, {Text: "3"}}}
	require.NoError(t, Write(&b, WriteSheet{Name: "s", Rows: seqOf(rows)}))
	f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	require.NoError(t, err)
	defer f.Close()
	for cell, want := range map[string]excelize.CellType{"A1": excelize.CellTypeUnset, "B1": excelize.CellTypeInlineString, "C1": excelize.CellTypeInlineString} {
		typ, err := f.GetCellType("s", cell)
		require.NoError(t, err)
		assert.Equal(t, want, typ, cell)
	}
}

func TestWriteRefusesWhatItCannotHold(t *testing.T) {
	for _, text := range []string{"a\x01b", "nul\x00", "\uFFFE", strings.Repeat("x", maxCellChars+1), strings.Repeat("😀", maxCellChars/2+1), "\xff"} {
		var b bytes.Buffer
		err := Write(&b, WriteSheet{Name: "s", Rows: seqOf([][]Value{{{Text: "ok"}}, {{Text: "ok"}, {Text: text}}})})
		var ce *CellError
		require.ErrorAs(t, err, &ce)
		assert.ErrorIs(t, err, ErrUnstorable)
		assert.Equal(t, "s!B2", Ref(ce.Sheet, ce.Col, ce.Row))
	}
	var b bytes.Buffer
	assert.NoError(t, Write(&b, WriteSheet{Name: "s", Rows: seqOf([][]Value{{{Text: strings.Repeat("x", maxCellChars)}}})}))
}

// resave opens a workbook with excelize and saves it again, as a
// spreadsheet program would (standing in for Excel).
func resave(t testing.TB, data []byte) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	require.NoError(t, err)
	defer f.Close()
	var b bytes.Buffer
	require.NoError(t, f.Write(&b))
	return b.Bytes()
}

func TestFormatNumber(t *testing.T) {
	for v, want := range map[float64]string{0: "0", 0.1: "0.1", 1e6: "1000000", 1e21: "1e+21", 1.5e-8: "1.5e-08", 1e-7: "0.0000001", -2.5: "-2.5", 123456789012345680000: "123456789012345680000"} {
		assert.Equal(t, want, FormatNumber(v))
	}
	for _, s := range []string{"3", "0.25", "-2.5", "1e+21", "123456789012345"} {
		_, ok := asNumber(s)
		assert.True(t, ok, s)
	}
	for _, s := range []string{"007", "1.50", "1e3", "-0", "+3", " 3", "1234567890123456", "0.30000000000000004", "NaN", "Inf", ""} {
		_, ok := asNumber(s)
		assert.False(t, ok, s)
	}
}

func TestDecodeXString(t *testing.T) {
	for in, want := range map[string]string{"plain": "plain", "_x0041_": "A", "_x005F_x0041_": "_x0041_", "_x000D__x000A_": "\r\n",
		"_xD83D__xDE00_": "😀", "_xD83D_": "\uFFFD", "_xDE00_x": "\uFFFDx", "_x00G1_": "_x00G1_", "_x004": "_x004"} {
		assert.Equal(t, want, decodeXString(in), in)
	}
}
