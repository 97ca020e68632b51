//go:build linux

package main

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// The attack catalogue's large inputs are made by these recipes into a
// temporary folder rather than committed (testdata/attack/README.md lists
// them). Each is made once per test run, on first use, as @G/NAME.
var attackRecipes = map[string]func() []byte{
	// 100,000 columns: a header arm,y,aaaa,aaab,... (names of letters
	// only, so that an error's count of columns is the only number in it)
	// and one row per arm whose other cells are empty (about 890 KB).
	"wide.csv": func() []byte {
		var b bytes.Buffer
		b.WriteString("arm,y")
		for i := 0; i < 99998; i++ {
			b.WriteByte(',')
			for k, n := 0, i; k < 4; k, n = k+1, n/26 {
				b.WriteByte(byte('a' + n%26))
			}
		}
		b.WriteByte('\n')
		for _, arm := range []string{"control", "treatment"} {
			b.WriteString(arm + ",1" + strings.Repeat(",", 99998) + "\n")
		}
		return b.Bytes()
	},
	// A cell of 1 MiB + 1 byte, one past the largest field a reader
	// should take.
	"bigcell.csv": func() []byte {
		return []byte("id,area,note\nu1,north," + strings.Repeat("x", 1<<20+1) + "\nu2,south,a\nu3,north,b\nu4,south,c\n")
	},
	// A stratum label of 900,000 bytes held by one unit, so that randomise
	// names it in "fewer units than arms".
	"biglabel.csv": func() []byte {
		return []byte("id,area\nu1," + strings.Repeat("L", 900000) + "\nu2,south\nu3,south\n")
	},
	// 10,000 arms of two rows each (a0000 the control), about 250 KB.
	"arms10k.csv": func() []byte {
		var b bytes.Buffer
		b.WriteString("arm,y\n")
		for i := 0; i < 10000; i++ {
			fmt.Fprintf(&b, "a%04d,%d\na%04d,%d\n", i, i%7, i, i%5+1)
		}
		return b.Bytes()
	},
	// 10,000 interventions at gate 1 with nothing done (about 400 KB).
	"portfolio10k.yaml": func() []byte {
		var b bytes.Buffer
		b.WriteString("interventions:\n")
		for i := 0; i < 10000; i++ {
			fmt.Fprintf(&b, "  - name: Intervention %05d\n    gate: %d\n", i, i%4+1)
		}
		return b.Bytes()
	},
	// 200 KB of nested flow sequences: deep: [[[[...]]]].
	"deep_flow.yaml": func() []byte {
		const d = 100000
		return []byte("interventions: []\ndeep: " + strings.Repeat("[", d) + strings.Repeat("]", d) + "\n")
	},
	// 200 KB of nested flow mappings: deep: {a: {a: ... {a: 1}...}}.
	"deep_flow_map.yaml": func() []byte {
		const d = 40000
		return []byte("interventions: []\ndeep: " + strings.Repeat("{a: ", d) + "1" + strings.Repeat("}", d) + "\n")
	},
	// About 200 KB of nested block mappings, two spaces deeper a line:
	// 440 levels of "a:".
	"deep_block.yaml": func() []byte {
		var b bytes.Buffer
		b.WriteString("interventions: []\ndeep:\n")
		for i := 1; i <= 440; i++ {
			b.WriteString(strings.Repeat("  ", i) + "a:\n")
		}
		b.WriteString(strings.Repeat("  ", 441) + "1\n")
		return b.Bytes()
	},
	// JSON nested 100,000 arrays deep (the JSON readers: analyses,
	// manifests, power and unit-cost results).
	"deep.json": func() []byte {
		const d = 100000
		return []byte(strings.Repeat("[", d) + strings.Repeat("]", d))
	},
	// An .xlsx whose one sheet holds 400,000 rows of 32 cells
	// <c><v>1</v></c> (12.8 million cells, within Excel's limits and
	// xlsx.DefaultLimits): 207 MB of XML in about 0.75 MB of zip.
	"bomb.xlsx": func() []byte {
		row := []byte(`<row>` + strings.Repeat(`<c><v>1</v></c>`, 32) + `</row>`)
		return attackWorkbook(flate.BestCompression, 1, func(w io.Writer, _ int) {
			for i := 0; i < 400_000; i++ {
				w.Write(row)
			}
		})
	},
	// An .xlsx whose one sheet holds a row, then 1.2 GB of spaces: about
	// 1.5 MB of zip.
	"spaces.xlsx": func() []byte {
		spaces := bytes.Repeat([]byte(" "), 1<<20)
		return attackWorkbook(flate.BestSpeed, 1, func(w io.Writer, _ int) {
			w.Write([]byte(`<row r="1"><c r="A1" t="inlineStr"><is><t>arm</t></is></c></row>`))
			for i := 0; i < 1200; i++ {
				w.Write(spaces)
			}
		})
	},
	// An .xlsx of 10,000 sheets (a few cells each).
	"wb10k.xlsx": func() []byte {
		return attackWorkbook(flate.DefaultCompression, 10000, func(w io.Writer, _ int) {
			w.Write([]byte(`<row r="1"><c r="A1" t="inlineStr"><is><t>arm</t></is></c><c r="B1" t="inlineStr"><is><t>y</t></is></c></row>`))
		})
	},
}

// attackWorkbook writes an .xlsx, deflated at the level, of n sheets whose sheetData the function
// writes (to memory, which does not fail), with the least an xlsx reader needs: the content types, the
// relationships, the workbook and the sheets.
func attackWorkbook(level, n int, sheetData func(w io.Writer, i int)) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, level)
	})
	part := func(name string) io.Writer {
		w, err := zw.Create(name)
		if err != nil {
			panic(err) // writing to memory does not fail
		}
		return w
	}
	put := func(name, text string) { io.WriteString(part(name), text) }
	var types, sheets, rels strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&types, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i)
		fmt.Fprintf(&sheets, `<sheet name="Sheet%d" sheetId="%d" r:id="rId%d"/>`, i, i, i)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i, i)
	}
	put("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`+types.String()+`</Types>`)
	put("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	put("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>`+sheets.String()+`</sheets></workbook>`)
	put("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+rels.String()+`</Relationships>`)
	for i := 1; i <= n; i++ {
		w := part(fmt.Sprintf("xl/worksheets/sheet%d.xml", i))
		io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
		sheetData(w, i)
		io.WriteString(w, `</sheetData></worksheet>`)
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// attackGenerated makes the recipes' files into dir on first use.
type attackGenerated struct {
	dir  string
	mu   sync.Mutex
	made map[string]error
}

// path returns dir/name, making the file from its recipe if not yet made.
func (g *attackGenerated) path(t *testing.T, name string) string {
	t.Helper()
	g.mu.Lock()
	defer g.mu.Unlock()
	p := filepath.Join(g.dir, name)
	err, ok := g.made[name]
	if !ok {
		recipe, known := attackRecipes[name]
		if !known {
			t.Fatalf("no recipe for @G/%s", name)
		}
		err = os.WriteFile(p, recipe(), 0o644)
		g.made[name] = err
	}
	if err != nil {
		t.Fatal(err)
	}
	return p
}
