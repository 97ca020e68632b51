package table

import "strings"

// A table holds its data rows in one of two ways. A CSV row whose line has
// no quote is held as the offset of its line in the text, 4 bytes, and its
// fields are found again (splitLine) when asked for. Any other row (one
// with a quote, every row of a worksheet) is held as its fields' spans.
//
// In Table:
//
//	starts[i]  the offset of data row i's line, or, when held bit i is
//	           set, its number k among the rows held as spans, whose
//	           fields are spans[k*width : (k+1)*width]
//	width      the fields of every record (the header's), columns
//	           that tidy leaves out included
//	field[j]   the field of column j (Header[j]) in each record
//	rows       the data rows, those after it (blank, at the end) left out
//	quotes     bit i set when data row i is held by its line and
//	           encoding/csv's Writer would quote one of its fields
//	           (writerQuotes)

// addRow adds a data row: the scanner's last record rec, held by its line's
// offset when it had no quote; quotes is writerQuotes of its fields.
func (t *Table) addRow(rec []span, unquoted, quotes bool, start int) {
	i := len(t.starts)
	if i>>6 >= len(t.held) {
		t.held = append(t.held, 0)
		t.quotes = append(t.quotes, 0)
	}
	if unquoted {
		if quotes {
			t.quotes[i>>6] |= 1 << (i & 63)
		}
		t.starts = append(t.starts, uint32(start))
	} else {
		t.held[i>>6] |= 1 << (i & 63)
		t.starts = append(t.starts, uint32(len(t.spans)/t.width))
		t.spans = append(t.spans, rec...)
	}
	t.rows++
}

// isHeld reports whether data row i is held as spans.
func (t *Table) isHeld(i int) bool { return t.held[i>>6]&(1<<(i&63)) != 0 }

// fieldAt returns field f of data row i's record.
func (t *Table) fieldAt(i, f int) span {
	if t.isHeld(i) {
		return t.spans[int(t.starts[i])*t.width+f]
	}
	return t.plainField(int(t.starts[i]), 0, f)
}

// plainField returns the place of field want of a row held by its line,
// whose field f (f <= want) begins at offset at. The line has width fields,
// so a field before the last ends at a separator (nextSep).
func (t *Table) plainField(at, f, want int) span {
	for ; f < want; f++ {
		at = nextSep(t.text, at, t.sep) + 1
	}
	if want < t.width-1 {
		return span{uint32(at), uint32(nextSep(t.text, at, t.sep))}
	}
	return span{uint32(at), uint32(at + len(t.lineAt(at)))}
}

// lineAt returns the text from offset start to its line's end, without
// the line end.
func (t *Table) lineAt(start int) string {
	l := t.text[start:]
	if n := strings.IndexByte(l, '\n'); n >= 0 {
		l = l[:n]
	}
	return strings.TrimSuffix(l, "\r")
}

// span returns the place of column j's value in data row i.
func (t *Table) span(i, j int) span { return t.fieldAt(i, t.field[j]) }

// row returns the places of data row i's values, column by column, in buf.
func (t *Table) row(i int, buf []span) []span {
	buf = buf[:0]
	if t.isHeld(i) {
		rec := t.spans[int(t.starts[i])*t.width:][:t.width]
		for _, f := range t.field {
			buf = append(buf, rec[f])
		}
		return buf
	}
	start := int(t.starts[i])
	buf, _ = splitLine(t.lineAt(start), start, t.sep, buf, t.width)
	if len(t.field) == t.width {
		return buf
	}
	for j, f := range t.field { // columns left out: f >= j
		buf[j] = buf[f]
	}
	return buf[:len(t.field)]
}

// column calls fn with the text of column j in each data row, in order,
// until fn returns false.
func (t *Table) column(j int, fn func(i int, s string) bool) {
	f := t.field[j]
	for i := 0; i < t.rows; i++ {
		if !fn(i, t.str(t.fieldAt(i, f))) {
			return
		}
	}
}
