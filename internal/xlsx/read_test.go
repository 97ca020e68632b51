package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

func TestReadCellTypes(t *testing.T) {
	data := book(t, func(f *excelize.File) {
		f.SetSheetRow("Sheet1", "A1", &[]any{"id", "y", "flag", "note"})
		f.SetSheetRow("Sheet1", "A2", &[]any{"007", 0.25, true, " spaced "})
		f.SetSheetRow("Sheet1", "A3", &[]any{"008", 1e6, false, "x"})
		f.SetCellValue("Sheet1", "A5", 1.5e-9)
		f.SetCellStr("Sheet1", "C5", "two\nlines")
	})
	s, err := Read(data, "", DefaultLimits)
	require.NoError(t, err)
	assert.Equal(t, "Sheet1", s.Name)
	assert.Equal(t, [][]string{
		{"id", "y", "flag", "note"},
		{"007", "0.25", "TRUE", " spaced "},
		{"008", "1000000", "FALSE", "x"},
		nil,
		{"1.5e-09", "", "two\nlines"},
	}, texts(s))
}

func TestReadFullPrecision(t *testing.T) {
	// Values as a spreadsheet stores them (17 significant digits), read in
	// their shortest form; excelize itself writes at most 15 digits.
	s, err := Read(rawBook(t, `<row r="1"><c r="A1"><v>0.30000000000000004</v></c><c r="B1"><v>1.1000000000000001</v></c><c r="C1"><v>12345678901234567890</v></c><c r="D1"><v> 7 </v></c></row>`), "", DefaultLimits)
	require.NoError(t, err)
	assert.Equal(t, [][]string{{"0.30000000000000004", "1.1", "12345678901234567000", "7"}}, texts(s))
}

func TestReadSheetChoice(t *testing.T) {
	data := book(t, func(f *excelize.File) {
		f.SetCellStr("Sheet1", "A1", "hidden")
		f.NewSheet("Costs 2023")
		f.SetCellStr("Costs 2023", "A1", "costs")
		f.NewSheet("Reach")
		f.SetCellStr("Reach", "A1", "reach")
		f.SetActiveSheet(1)
		require.NoError(t, f.SetSheetVisible("Sheet1", false))
	})
	tests := []struct{ name, want string }{{"", "costs"}, {"Reach", "reach"}, {"reach", "reach"}, {"Sheet1", "hidden"}}
	for _, tc := range tests {
		s, err := Read(data, tc.name, DefaultLimits)
		require.NoError(t, err, tc.name)
		assert.Equal(t, tc.want, s.Rows[0].Cells[0].Text, tc.name)
	}
	_, err := Read(data, "Outcomes", DefaultLimits)
	require.ErrorIs(t, err, ErrNoSheet)
	assert.EqualError(t, err, `no such sheet "Outcomes": the workbook's sheets are "Sheet1", "Costs 2023", "Reach"`)
}

func TestReadFormulaValues(t *testing.T) {
	// A formula with its saved value, as a spreadsheet writes it; one
	// without (as excelize writes a formula) is an error naming the cell.
	data := rawBook(t, `<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="C1" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>`)
	s, err := Read(data, "", DefaultLimits)
	require.NoError(t, err)
	assert.Equal(t, [][]string{{"2", "ab", "#DIV/0!"}}, texts(s))

	data = book(t, func(f *excelize.File) { f.SetCellFormula("Sheet1", "C7", "1+1") })
	_, err = Read(data, "", DefaultLimits)
	var ce *CellError
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, "Sheet1!C7", Ref(ce.Sheet, ce.Col, ce.Row))
	assert.Contains(t, err.Error(), "Sheet1!C7: a formula saved without its value")
}

func TestReadSharedAndRichStrings(t *testing.T) {
	sst := `<sst><si><t>plain</t></si><si><r><t>ri</t></r><r><rPr><b/></rPr><t>ch</t></r><rPh><t>phonetic</t></rPh></si><si><t>_x0001__x005F_x0041_</t></si></sst>`
	data := rawBookWith(t, `<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c><c t="inlineStr"><is><t>in</t></is></c></row>`, sst)
	s, err := Read(data, "", DefaultLimits)
	require.NoError(t, err)
	assert.Equal(t, [][]string{{"plain", "rich", "\x01_x0041_", "in"}}, texts(s))
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, rows string
		want       error
		msg        string
	}{
		{"bad reference", `<row r="1"><c r="1A"><v>1</v></c></row>`, ErrNotWorkbook, `Sheet1!A1: not an .xlsx workbook: the cell's reference "1A"`},
		{"rows out of order", `<row r="2"/><row r="1"/>`, ErrNotWorkbook, "rows out of order"},
		{"cells out of order", `<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>1</v></c></row>`, ErrNotWorkbook, "Sheet1!A1"},
		{"beyond XFD", `<row r="1"><c r="XFE1"><v>1</v></c></row>`, ErrNotWorkbook, "XFE1"},
		{"bad number", `<row r="1"><c r="A1"><v>1e999</v></c></row>`, ErrNotWorkbook, `Sheet1!A1: not an .xlsx workbook: number "1e999"`},
		{"missing shared string", `<row r="1"><c r="A1" t="s"><v>3</v></c></row>`, ErrNotWorkbook, "shared string"},
		{"bad XML", `<row r="1"><c r="A1"><v>&bogus;</v></c></row>`, ErrNotWorkbook, "sheet1.xml"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(rawBook(t, tc.rows), "", DefaultLimits)
			require.ErrorIs(t, err, tc.want)
			assert.Contains(t, err.Error(), tc.msg)
		})
	}
	_, err := Read([]byte("id,y\n1,2\n"), "", DefaultLimits)
	assert.ErrorIs(t, err, ErrNotWorkbook)
	_, err = Read([]byte("\xD0\xCF\x11\xE0rest"), "", DefaultLimits)
	require.ErrorIs(t, err, ErrNotWorkbook)
	assert.Contains(t, err.Error(), ".xls")
}

func TestReadLimits(t *testing.T) {
	rows := strings.Repeat(`<row><c><v>1</v></c><c><v>2</v></c></row>`, 100)
	data := rawBook(t, rows)
	_, err := Read(data, "", DefaultLimits)
	require.NoError(t, err)
	_, err = Read(data, "", Limits{Bytes: DefaultLimits.Bytes, Cells: 199})
	assert.ErrorIs(t, err, ErrTooLarge)
	_, err = Read(data, "", Limits{Bytes: 2000, Cells: DefaultLimits.Cells})
	assert.ErrorIs(t, err, ErrTooLarge)

	// A part that says how much it unpacks to, over the limit, and a zip
	// bomb: a part that says it is small and unpacks to a lot.
	big := `<row><c t="inlineStr"><is><t>` + strings.Repeat("a", 1<<20) + `</t></is></c></row>`
	_, err = Read(rawBook(t, big), "", Limits{Bytes: 1 << 16, Cells: 10})
	require.ErrorIs(t, err, ErrTooLarge)
	assert.Contains(t, err.Error(), "unpacks to 1048")
	assert.Contains(t, err.Error(), "zip bomb")
	// archive/zip itself refuses to unpack more than a part says.
	_, err = Read(lyingBook(t, big), "", Limits{Bytes: 1 << 16, Cells: 10})
	assert.ErrorIs(t, err, ErrNotWorkbook)
	// The limit is on all the parts together.
	half := strings.Repeat("b", 40000)
	_, err = Read(rawBookWith(t, `<row><c t="inlineStr"><is><t>`+half+`</t></is></c></row>`, `<sst><si><t>`+half+`</t></si></sst>`), "", Limits{Bytes: 1 << 16, Cells: 10})
	assert.ErrorIs(t, err, ErrTooLarge)
}

// lyingBook is rawBook with a worksheet part compressed and said to unpack
// to 100 bytes.
func lyingBook(t testing.TB, rows string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(rawBook(t, rows)), int64(len(rawBook(t, rows))))
	require.NoError(t, err)
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		body, err := io.ReadAll(rc)
		require.NoError(t, err)
		if f.Name != "xl/worksheets/sheet1.xml" {
			w, _ := zw.Create(f.Name)
			w.Write(body)
			continue
		}
		var c bytes.Buffer
		fw, _ := flate.NewWriter(&c, flate.BestCompression)
		fw.Write(body)
		fw.Close()
		w, err := zw.CreateRaw(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(body),
			CompressedSize64: uint64(c.Len()), UncompressedSize64: 100})
		require.NoError(t, err)
		w.Write(c.Bytes())
	}
	require.NoError(t, zw.Close())
	return b.Bytes()
}

// rawBook returns a minimal workbook whose one sheet's sheetData holds rows.
func rawBook(t testing.TB, rows string) []byte { return rawBookWith(t, rows, "") }

// rawBookWith is rawBook with a shared-strings part sst, when not empty.
func rawBookWith(t testing.TB, rows, sst string) []byte {
	t.Helper()
	rels := `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>`
	if sst != "" {
		rels += `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/>`
	}
	parts := map[string]string{
		"_rels/.rels":                `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": rels + `</Relationships>`,
		"xl/worksheets/sheet1.xml":   `<worksheet><sheetData>` + rows + `</sheetData></worksheet>`,
	}
	if sst != "" {
		parts["xl/sharedStrings.xml"] = sst
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, name := range []string{"_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"} {
		if body, ok := parts[name]; ok {
			// Stored, not deflated: a fuzz run makes one of these for every
			// input, and deflating is slow under its instrumentation.
			w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
			require.NoError(t, err)
			_, err = w.Write([]byte(body))
			require.NoError(t, err)
		}
	}
	require.NoError(t, zw.Close())
	return b.Bytes()
}

func TestRef(t *testing.T) {
	assert.Equal(t, "Sheet1!C7", Ref("Sheet1", 3, 7))
	assert.Equal(t, "'Cost sheet'!AA10", Ref("Cost sheet", 27, 10))
	assert.Equal(t, "'it''s'!XFD1048576", Ref("it's", MaxCol, MaxRow))
	for _, s := range []string{"A1", "Z9", "AA10", "XFD1048576"} {
		col, row, ok := parseCellName(s)
		require.True(t, ok, s)
		assert.Equal(t, s, CellName(col, row))
	}
	for _, s := range []string{"", "A", "1", "A0", "a1", "XFE1", "A1048577", "A01", "$A$1"} {
		_, _, ok := parseCellName(s)
		assert.False(t, ok, s)
	}
	assert.True(t, errors.Is(&CellError{Err: ErrNotWorkbook}, ErrNotWorkbook))
}
