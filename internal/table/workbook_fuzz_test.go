package table

import (
	"archive/zip"
	"bytes"
	"testing"
)

// FuzzReadWorkbook reads any text as a worksheet's XML inside a workbook:
// the table is an error or follows every rule a CSV's table does.
func FuzzReadWorkbook(f *testing.F) {
	for _, rows := range []string{
		`<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>y</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>007</t></is></c><c r="B2"><v>1.5</v></c></row>`,
		`<row><c t="inlineStr"><is><t>a</t></is></c><c/><c t="inlineStr"><is><t>b</t></is></c></row><row r="5"><c t="e"><v>#N/A</v></c><c t="b"><v>1</v></c></row><row r="9"><c r="D9" t="inlineStr"><is><t> </t></is></c></row>`,
		`<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row><row r="2"><c r="A2" t="e"><v>#REF!</v></c></row>`,
	} {
		f.Add(rows)
	}
	f.Fuzz(func(t *testing.T, rows string) {
		tb, err := Read(bytes.NewReader(storedBook(t, rows)), "fuzz.xlsx")
		if err != nil {
			return
		}
		checkTable(t, tb)
		if tb.Sheet != "Sheet1" {
			t.Fatalf("sheet %q", tb.Sheet)
		}
	})
}

// storedBook returns a minimal workbook, its parts stored rather than
// deflated (deflating is slow under a fuzzer's instrumentation), whose one
// sheet's sheetData holds rows.
func storedBook(t *testing.T, rows string) []byte {
	const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	parts := [][2]string{
		{"xl/workbook.xml", `<workbook xmlns:r="` + rel + `"><sheets><sheet name="Sheet1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<Relationships><Relationship Id="rId1" Type="` + rel + `worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", `<worksheet><sheetData>` + rows + `</sheetData></worksheet>`},
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p[0], Method: zip.Store})
		if err == nil {
			_, err = w.Write([]byte(p[1]))
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
