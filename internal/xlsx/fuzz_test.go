package xlsx

import "testing"

// FuzzRead reads any bytes twice: as a whole workbook, and as the XML of a
// worksheet inside a well-formed one (where most of the reader's work is),
// within small limits. Neither may panic, and a sheet read must be in
// order, inside Excel's grid and within the limits.
func FuzzRead(f *testing.F) {
	// Small seeds only: the fuzzer minimises every new input it finds,
	// and a workbook as excelize writes one (6 kB) takes it the whole of a
	// short run.
	f.Add(rawBook(f, `<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>`))
	for _, rows := range []string{
		`<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="C1"><v>1e3</v></c></row><row r="3"><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c></row>`,
		`<row><c t="s"><v>0</v></c><c t="str"><f>A1</f><v>_x0041_</v></c></row>`,
		`<x:row r="2"><x:c r="B2"><x:v>7</x:v></x:c></x:row>`,
	} {
		f.Add([]byte(rows))
	}
	lim := Limits{Bytes: 1 << 20, Cells: 1000}
	f.Fuzz(func(t *testing.T, data []byte) {
		check(t, data, lim)
		check(t, rawBookWith(t, string(data), `<sst><si><t>s</t></si></sst>`), lim)
	})
}

func check(t *testing.T, data []byte, lim Limits) {
	s, err := Read(data, "", lim)
	if err != nil {
		return
	}
	cells, last := 0, 0
	for _, r := range s.Rows {
		if r.Num <= last || r.Num > MaxRow {
			t.Fatalf("row %d after %d", r.Num, last)
		}
		last = r.Num
		col := 0
		for _, c := range r.Cells {
			if c.Col <= col || c.Col > MaxCol || c.Text == "" {
				t.Fatalf("row %d: cell %d after %d, text %q", r.Num, c.Col, col, c.Text)
			}
			col = c.Col
			cells++
		}
	}
	if cells > lim.Cells {
		t.Fatalf("%d cells, limit %d", cells, lim.Cells)
	}
}
