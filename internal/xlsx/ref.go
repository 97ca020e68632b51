package xlsx

import (
	"strconv"
	"strings"
)

// The largest column and row a worksheet may have, as Excel defines them:
// column XFD and row 1,048,576.
const (
	MaxCol = 16384
	MaxRow = 1 << 20
)

// ColumnName returns the letters of column col (1-based): 1 is A, 27 is AA.
func ColumnName(col int) string {
	if col < 1 {
		return "?"
	}
	var b [8]byte
	i := len(b)
	for col > 0 {
		col--
		i--
		b[i] = byte('A' + col%26)
		col /= 26
	}
	return string(b[i:])
}

// CellName returns a cell's A1 reference, such as C7.
func CellName(col, row int) string { return ColumnName(col) + strconv.Itoa(row) }

// Ref returns a cell's reference with its sheet, as Excel writes it:
// Sheet1!C7, or 'Cost sheet'!C7 for a name that is not a plain word.
func Ref(sheet string, col, row int) string { return SheetPrefix(sheet) + CellName(col, row) }

// SheetPrefix returns the sheet's name as a reference begins with it:
// Sheet1! or 'Cost sheet'!.
func SheetPrefix(sheet string) string {
	plain := sheet != ""
	for _, r := range sheet {
		if !(r == '_' || r == '.' || '0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') {
			plain = false
			break
		}
	}
	if plain {
		return sheet + "!"
	}
	return "'" + strings.ReplaceAll(sheet, "'", "''") + "'!"
}

// parseCellName reads an A1 reference (no sheet, no $), giving its column
// and row; ok is false for anything else or a cell beyond XFD1048576.
func parseCellName(s string) (col, row int, ok bool) {
	i := 0
	for i < len(s) && 'A' <= s[i] && s[i] <= 'Z' {
		col = col*26 + int(s[i]-'A'+1)
		i++
		if col > MaxCol {
			return 0, 0, false
		}
	}
	if i == 0 || i == len(s) || s[i] == '0' {
		return 0, 0, false
	}
	for ; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, 0, false
		}
		row = row*10 + int(s[i]-'0')
		if row > MaxRow {
			return 0, 0, false
		}
	}
	return col, row, true
}
