// Package texttable writes tables of text for people, as evalkit's
// commands print them: each column as wide as its widest cell, cells
// aligned left or right, two spaces between columns and no trailing space.
//
//	t := texttable.Table{Title: "By funder", Align: "lr"}
//	t.Add("Funder", "Cost")
//	t.Add("VRU core grant", "£153,000.00")
//	t.Write(w)
//
// writes a blank line, the title, and
//
//	Funder                 Cost
//	VRU core grant  £153,000.00
package texttable

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Table is a title and rows of cells; the first row is usually the header.
type Table struct {
	// Title is printed above the rows; none when empty.
	Title string
	// Align holds one letter per column: 'l' for left, 'r' for right.
	Align string
	// Rows are the cells, at most len(Align) in each row.
	Rows [][]string
}

// Add appends a row.
func (t *Table) Add(cells ...string) { t.Rows = append(t.Rows, cells) }

// Write writes a blank line, the title (when there is one) and the rows,
// each cell padded to its column's width in runes. The title and the cells
// are written whole but escaped (Escape), so that a label holding a
// terminal escape sequence shows it as \x1b. It panics if a row has more
// cells than Align has letters.
func (t *Table) Write(w io.Writer) {
	width := make([]int, len(t.Align))
	rows := make([][]string, len(t.Rows))
	for i, r := range t.Rows {
		if len(r) > len(t.Align) {
			panic("texttable: a row has more cells than the table has columns")
		}
		rows[i] = make([]string, len(r))
		for j, c := range r {
			rows[i][j] = Escape(c)
			width[j] = max(width[j], utf8.RuneCountInString(rows[i][j]))
		}
	}
	fmt.Fprintln(w)
	if t.Title != "" {
		fmt.Fprintln(w, Escape(t.Title))
	}
	for _, r := range rows {
		var b strings.Builder
		for j, c := range r {
			if j > 0 {
				b.WriteString("  ")
			}
			pad := strings.Repeat(" ", width[j]-utf8.RuneCountInString(c))
			if t.Align[j] == 'r' {
				b.WriteString(pad + c)
			} else {
				b.WriteString(c + pad)
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}
