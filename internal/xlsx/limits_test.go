package xlsx

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// TestSheetsLimit: a workbook listing more worksheets than Limits.Sheets is
// refused before any worksheet is unpacked.
func TestSheetsLimit(t *testing.T) {
	data := book(t, func(f *excelize.File) {
		for _, s := range []string{"b", "c"} {
			_, err := f.NewSheet(s)
			require.NoError(t, err)
		}
	})
	_, err := Read(data, "", Limits{Bytes: DefaultLimits.Bytes, Cells: DefaultLimits.Cells, Sheets: 3})
	require.NoError(t, err)
	_, err = Read(data, "", Limits{Bytes: DefaultLimits.Bytes, Cells: DefaultLimits.Cells, Sheets: 2})
	require.ErrorIs(t, err, ErrTooLarge)
	assert.Contains(t, err.Error(), "the workbook lists 3 worksheets, more than 2")
}
