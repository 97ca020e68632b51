package xlsx

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// book makes a workbook with excelize, as a spreadsheet program would save
// one, and returns its bytes.
func book(t testing.TB, build func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	build(f)
	var b bytes.Buffer
	require.NoError(t, f.Write(&b))
	return b.Bytes()
}

// texts returns a sheet's rows as text, each row from column A to its last
// cell, empty cells as "".
func texts(s *Sheet) [][]string {
	var out [][]string
	for _, r := range s.Rows {
		for len(out) < r.Num-1 {
			out = append(out, nil)
		}
		var row []string
		for _, c := range r.Cells {
			for len(row) < c.Col-1 {
				row = append(row, "")
			}
			row = append(row, c.Text)
		}
		out = append(out, row)
	}
	return out
}
