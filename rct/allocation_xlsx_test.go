package rct

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/evalkit/evalkit/internal/table"
)

// allocateXLSXTest randomises testdata/rct/units.csv in blocks and writes
// the allocation as a workbook, as the command would.
func allocateXLSXTest(t *testing.T) (memFilesTest, *Manifest, *Randomisation) {
	t.Helper()
	in, err := os.ReadFile(filepath.Join("..", "testdata", "rct", "units.csv"))
	require.NoError(t, err)
	s := Settings{ID: "unit_id", Arms: []string{"control", "treatment"}, Block: []string{"area"}, Method: Blocks, BlockSizes: []int{4}, Seed: 5}
	u, err := ReadUnits(bytes.NewReader(in), "units.csv")
	require.NoError(t, err)
	r, err := RandomiseUnits(u, s)
	require.NoError(t, err)
	var out bytes.Buffer
	sum, err := r.WriteAllocation(&out, "allocation.xlsx")
	require.NoError(t, err)
	m, err := r.Manifest(ManifestOptions{Input: "units.csv", Output: "allocation.xlsx", OutputSHA256: sum, Created: time.Unix(0, 0)})
	require.NoError(t, err)
	return memFilesTest{"units.csv": in, "allocation.xlsx": out.Bytes()}, m, r
}

func TestWriteXLSXHoldsTheCSVsCells(t *testing.T) {
	files, m, r := allocateXLSXTest(t)
	assert.Equal(t, CellsDigest, m.Output.SHA256Of)
	var csv bytes.Buffer
	_, err := r.WriteCSV(&csv)
	require.NoError(t, err)
	fromCSV, err := table.Read(&csv, "allocation.csv")
	require.NoError(t, err)
	fromXLSX, err := table.Read(bytes.NewReader(files["allocation.xlsx"]), "allocation.xlsx")
	require.NoError(t, err)
	assert.Equal(t, AllocationSheet, fromXLSX.Sheet)
	assert.Equal(t, fromCSV.Header, fromXLSX.Header)
	assert.Equal(t, fromCSV.Cols(), fromXLSX.Cols())
	assert.Equal(t, m.Output.SHA256, fromXLSX.CellsSHA256())

	f, err := excelize.OpenReader(bytes.NewReader(files["allocation.xlsx"]))
	require.NoError(t, err)
	defer f.Close()
	assert.Equal(t, []string{AllocationSheet, SummarySheet}, f.GetSheetList())
	for _, col := range []string{"A", "B"} { // unit_id and area, the block
		typ, err := f.GetCellType(AllocationSheet, col+"2")
		require.NoError(t, err)
		assert.Equal(t, excelize.CellTypeInlineString, typ, col)
	}
	summary, err := f.GetRows(SummarySheet)
	require.NoError(t, err)
	assert.Equal(t, []string{"seed", "5"}, summary[2])
	assert.Equal(t, []string{"method", "blocks"}, summary[1])
	assert.Equal(t, []string{"total", "36", "18", "18"}, summary[len(summary)-1])
}

func TestVerifyWorkbook(t *testing.T) {
	files, m, _ := allocateXLSXTest(t)
	v, err := Verify(m, files.open, VerifyOptions{})
	require.NoError(t, err)
	assert.True(t, v.Verified, v.Differences)

	// Opened and saved again by a spreadsheet program (excelize standing
	// in for Excel): every byte differs, no value does.
	f, err := excelize.OpenReader(bytes.NewReader(files["allocation.xlsx"]))
	require.NoError(t, err)
	require.NoError(t, f.SetColWidth(AllocationSheet, "A", "C", 20))
	var saved bytes.Buffer
	require.NoError(t, f.Write(&saved))
	assert.NotEqual(t, files["allocation.xlsx"], saved.Bytes())
	files["allocation.xlsx"] = saved.Bytes()
	v, err = Verify(m, files.open, VerifyOptions{})
	require.NoError(t, err)
	assert.True(t, v.Verified, v.Differences)

	// One arm changed.
	arm, err := f.GetCellValue(AllocationSheet, "G2")
	require.NoError(t, err)
	other := map[string]string{"control": "treatment", "treatment": "control"}[arm]
	require.NotEmpty(t, other, "G2 holds %q, not an arm", arm)
	require.NoError(t, f.SetCellStr(AllocationSheet, "G2", other))
	saved.Reset()
	require.NoError(t, f.Write(&saved))
	f.Close()
	files["allocation.xlsx"] = saved.Bytes()
	v, err = Verify(m, files.open, VerifyOptions{})
	require.NoError(t, err)
	assert.False(t, v.Verified)
	assert.Contains(t, strings.Join(v.Differences, "; "), "the cells of the output workbook allocation.xlsx have been changed since it was written")

	// A manifest whose digest is of something unknown never verifies.
	files2, m2, _ := allocateXLSXTest(t)
	m2.Output.SHA256Of = "bytes?"
	v, err = Verify(m2, files2.open, VerifyOptions{})
	require.NoError(t, err)
	assert.False(t, v.Verified)
}

func TestReadDesignFromWorkbook(t *testing.T) {
	files, m, r := allocateXLSXTest(t)
	data, err := m.Marshal()
	require.NoError(t, err)
	files["allocation.xlsx.manifest.json"] = data
	d, err := ReadDesign("allocation.xlsx.manifest.json", files.open)
	require.NoError(t, err)
	assert.Equal(t, r.Units.Rows(), d.N())
	ids, _ := r.Units.Column("unit_id")
	assert.Equal(t, ids, d.ID)
}

func TestWriteXLSXRefusesWhatAWorkbookCannotHold(t *testing.T) {
	u, err := ReadUnits(strings.NewReader("id,note\n1,a\x01b\n2,ok\n"), "units.csv")
	require.NoError(t, err)
	r, err := RandomiseUnits(u, Settings{ID: "id", Arms: []string{"control", "treatment"}, Seed: 1})
	require.NoError(t, err)
	var b bytes.Buffer
	_, err = r.WriteXLSX(&b)
	assert.ErrorContains(t, err, `units.csv: row 2, column "note": a workbook cannot hold this text exactly: it holds the control character U+0001; write the allocation as CSV`)
}

func TestVerifyReadsTheInputAsRecorded(t *testing.T) {
	in := []byte("unit_id;area\r\n007;N\xE9\r\n008;S\r\n009;N\xE9\r\n010;S\r\n")
	o := table.Options{Encoding: table.Windows1252, Delimiter: ';'}
	u, err := ReadUnits(o.Reader(bytes.NewReader(in)), "units.csv")
	require.NoError(t, err)
	area, _ := u.Column("area")
	assert.Equal(t, "Né", area[0])
	s := Settings{ID: "unit_id", Arms: []string{"control", "treatment"}, Block: []string{"area"}, Seed: 3}
	r, err := RandomiseUnits(u, s)
	require.NoError(t, err)
	var out bytes.Buffer
	sum, err := r.WriteCSV(&out)
	require.NoError(t, err)
	flags := s.Flags()
	flags["in"], flags["out"], flags["encoding"], flags["delimiter"], flags["sheet"] = "units.csv", "a.csv", "windows-1252", ";", ""
	m, err := r.Manifest(ManifestOptions{Input: "units.csv", Output: "a.csv", OutputSHA256: sum, Flags: flags, Created: time.Unix(0, 0)})
	require.NoError(t, err)
	files := memFilesTest{"units.csv": in, "a.csv": out.Bytes()}
	v, err := Verify(m, files.open, VerifyOptions{})
	require.NoError(t, err)
	assert.True(t, v.Verified, v.Differences)
	m.Flags["delimiter"] = ","
	_, err = Verify(m, files.open, VerifyOptions{})
	assert.ErrorContains(t, err, "has semicolons and no commas")
	m.Flags["delimiter"] = "::"
	_, err = Verify(m, files.open, VerifyOptions{})
	assert.ErrorIs(t, err, ErrManifestFlags)
}
