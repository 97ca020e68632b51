package table

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/evalkit/evalkit/internal/xlsx"
)

// workbook makes a workbook with excelize and returns its bytes.
func workbook(t testing.TB, build func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	build(f)
	var b bytes.Buffer
	require.NoError(t, f.Write(&b))
	return b.Bytes()
}

// trialSheet is a trial as a sheet holds it: ids typed as text, numbers
// as numbers, a #N/A, a column with no name and no values, and rows that
// were used once and are empty now.
func trialSheet(f *excelize.File) {
	f.SetSheetRow("Sheet1", "A1", &[]any{"id", "arm", "y"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"007", "control", 1.25})
	f.SetSheetRow("Sheet1", "A3", &[]any{"008", "treatment", 3})
	f.SetCellStr("Sheet1", "A4", "009")
	f.SetCellStr("Sheet1", "B4", "control")
	f.SetCellStr("Sheet1", "C4", "#N/A")
	f.SetCellStr("Sheet1", "A8", "")
}

func TestReadWorkbook(t *testing.T) {
	data := workbook(t, trialSheet)
	for _, name := range []string{"trial.xlsx", "TRIAL.XLSM", "renamed.csv"} {
		tb, err := Read(bytes.NewReader(data), name)
		require.NoError(t, err, name)
		assert.Equal(t, "Sheet1", tb.Sheet)
		assert.Equal(t, []string{"id", "arm", "y"}, tb.Header)
		assert.Equal(t, [][]string{{"007", "008", "009"}, {"control", "treatment", "control"}, {"1.25", "3", "#N/A"}}, tb.Cols())
		y, missing, err := tb.Float("y")
		require.NoError(t, err)
		assert.Equal(t, 1, missing)
		assert.Equal(t, []float64{1.25, 3}, y[:2])
	}
	// The same table as CSV has the same cells.
	csv, err := Read(bytes.NewReader([]byte("id,arm,y\n007,control,1.25\n008,treatment,3\n009,control,#N/A\n")), "trial.csv")
	require.NoError(t, err)
	wb, _ := Read(bytes.NewReader(data), "trial.xlsx")
	assert.Equal(t, csv.CellsSHA256(), wb.CellsSHA256())
}

func TestReadWorkbookErrorsNameTheCell(t *testing.T) {
	tests := []struct {
		name  string
		build func(f *excelize.File)
		sheet string
		want  string
		is    error
	}{
		{"not a number", func(f *excelize.File) { trialSheet(f); f.SetCellStr("Sheet1", "C3", "three") }, "",
			`trial.xlsx: Sheet1!C3, column "y": "three": not a number`, ErrNotNumber},
		{"error value", func(f *excelize.File) {
			f.NewSheet("Cost sheet")
			f.SetSheetRow("Cost sheet", "A1", &[]any{"item", "amount"})
			f.SetSheetRow("Cost sheet", "A2", &[]any{"x", "#DIV/0!"})
		}, "cost sheet", `trial.xlsx: 'Cost sheet'!B2, column "amount": "#DIV/0!": a spreadsheet error value`, ErrSpreadsheetError},
		{"value with no header", func(f *excelize.File) { trialSheet(f); f.SetCellStr("Sheet1", "E5", "note") }, "",
			`trial.xlsx: Sheet1!E5, column "#5": "note": a value in a column whose header (row 1) is empty`, nil},
		{"duplicate", func(f *excelize.File) { f.SetSheetRow("Sheet1", "A1", &[]any{"id", "", "id"}) }, "",
			`trial.xlsx: Sheet1!C1, column "id": duplicate column name (columns 1 and 3)`, nil},
		{"no sheet", trialSheet, "Reach", `trial.xlsx: no such sheet "Reach": the workbook's sheets are "Sheet1"`, xlsx.ErrNoSheet},
		{"empty sheet", func(*excelize.File) {}, "", `trial.xlsx: sheet "Sheet1": the file is empty`, ErrEmpty},
		{"sparse and huge", func(f *excelize.File) { f.SetCellStr("Sheet1", "A1", "id"); f.SetCellStr("Sheet1", "XFD3000", "x") }, "",
			`trial.xlsx: sheet "Sheet1": too large to read: 3000 rows by 16384 columns`, xlsx.ErrTooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tb, err := Options{Sheet: tc.sheet}.Read(bytes.NewReader(workbook(t, tc.build)), "trial.xlsx")
			if err == nil {
				_, _, err = tb.Float("y")
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			if tc.is != nil {
				assert.True(t, errors.Is(err, tc.is), "%v is not %v", err, tc.is)
			}
		})
	}
}

func TestReadFileWorkbook(t *testing.T) {
	path := filepath.Join(t.TempDir(), "units.xlsx")
	require.NoError(t, os.WriteFile(path, workbook(t, trialSheet), 0o644))
	tb, err := ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "units.xlsx", tb.Name)
	assert.Equal(t, 3, tb.Rows())
	assert.Nil(t, tb.Notes)
	require.NoError(t, os.WriteFile(path, workbook(t, func(f *excelize.File) { trialSheet(f); f.SetCellStr("Sheet1", "E9", " ") }), 0o644))
	tb, err = ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, []string{`units.xlsx: sheet "Sheet1", column D has no name and no values: left out`,
		`units.xlsx: sheet "Sheet1", column E has no name and no values: left out`, "units.xlsx: 5 empty rows at the end: left out"}, tb.Notes)
	_, err = ReadFile(filepath.Join(t.TempDir(), "nope.xlsx"))
	assert.Error(t, err)
	require.NoError(t, os.WriteFile(path, []byte("id\n1\n"), 0o644))
	_, err = ReadFile(path)
	assert.ErrorIs(t, err, xlsx.ErrNotWorkbook)
}

// TestReadWorkbookLimits: a sheet of more than MaxColumns columns is
// refused (xlsx's own tests check its limits, DefaultLimits here).
func TestReadWorkbookLimits(t *testing.T) {
	wide := workbook(t, func(f *excelize.File) {
		f.SetCellStr("Sheet1", "A1", "id")
		col, _ := excelize.ColumnNumberToName(MaxColumns + 1)
		f.SetCellStr("Sheet1", col+"1", "far")
	})
	_, err := Read(bytes.NewReader(wide), "wide.xlsx")
	require.ErrorIs(t, err, ErrLimit)
	assert.Contains(t, err.Error(), `wide.xlsx: sheet "Sheet1": beyond evalkit's limits for a table: 10001 columns, more than 10000`)
}
