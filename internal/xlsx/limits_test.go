package xlsx

import (
	"strconv"
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

// TestRatioLimit: a worksheet that would unpack to more than RatioFree +
// Ratio × the workbook's size is refused from its stated size, and the
// same workbook reads when the ratio allows it.
func TestRatioLimit(t *testing.T) {
	data := book(t, func(f *excelize.File) {
		for r := 1; r <= 2000; r++ {
			require.NoError(t, f.SetSheetRow("Sheet1", "A"+strconv.Itoa(r), &[]any{1, 1, 1, 1, 1, 1, 1, 1}))
		}
	})
	lim := DefaultLimits
	s, err := Read(data, "", lim)
	require.NoError(t, err)
	require.Len(t, s.Rows, 2000)
	lim.Ratio, lim.RatioFree = 1, 0
	_, err = Read(data, "", lim)
	require.ErrorIs(t, err, ErrTooLarge)
	assert.Contains(t, err.Error(), "more than the limit (a zip bomb?)")
	assert.Equal(t, int64(32<<20+100*1000), DefaultLimits.unpackable(1000))
	assert.Equal(t, DefaultLimits.Bytes, DefaultLimits.unpackable(1<<30))
}
