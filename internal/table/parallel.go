package table

import (
	"slices"
	"strings"
)

// parallelBytes is the least text that readRows reads in two halves; a
// variable, so that tests read small texts in halves.
var parallelBytes = 1 << 20

// readRows adds the data rows that sc reads, from the one after the
// header, split as splitText splits it. A text of at least parallelBytes
// after the header with no quote in it, whose lines are then each a
// record, is read in two halves at the same time, split after the first
// line end past its middle (sp.mid): the second on another core, by a
// scanner of its own that starts where the first half ends, its rows
// following the first half's. When the first half has an error, that is
// the file's first; when only the second has one, the text is read again
// in one piece, so that the error is worded and numbered exactly as a
// reading in one piece words and numbers it.
func (t *Table) readRows(sc *scanner, sp split, progress func(done, total int)) error {
	text, begin := sc.s, sc.pos
	// progress is called every 65,536 rows: in halves, every 32,768 of
	// the first half's, with its offset doubled (both move on together).
	const every = 16
	var whole, half func(at int)
	if progress != nil {
		whole = func(at int) { progress(at, len(text)) }
		half = func(at int) { progress(min(len(text), begin+2*(at-begin)), len(text)) }
	}
	mid := sp.mid
	if mid < 0 || sp.quote || mid == len(text) {
		return t.addRows(sc, 2, every, whole)
	}
	// The second half's row offsets are kept at the end of t.starts's
	// array, after the most the first half can have (a row a line), and
	// moved down after the first half's: no more memory than one piece.
	// sc.line-1 of the text's LFs are before begin.
	line0, first := sc.line, sp.before-(sc.line-1)
	most := sp.after + 1
	second := &Table{Name: t.Name, Header: t.Header, text: text, width: t.width,
		held: make([]uint64, 0, most/64+1), quotes: make([]uint64, 0, most/64+1)}
	if c := cap(t.starts); c-most >= first {
		second.starts = t.starts[c-most : c-most : c]
	}
	sc2 := newScanner(text, sc.sep)
	sc2.pos, sc2.line = mid, line0+first
	done := make(chan error, 1)
	go func() { done <- second.addRows(sc2, 2, every, nil) }()
	sc.s = text[:mid]
	err := t.addRows(sc, 2, every-1, half)
	err2 := <-done
	sc.s = text
	if err != nil {
		return err
	}
	if err2 != nil { // read again in one piece, for the error as it words it
		t.starts, t.held, t.quotes, t.spans, t.rows = t.starts[:0], t.held[:0], t.quotes[:0], t.spans[:0], 0
		sc.pos, sc.line = begin, line0
		return t.addRows(sc, 2, every, whole)
	}
	t.appendRows(second)
	return nil
}

// split is where readRows splits a text, and what it needs to know of
// the two halves.
type split struct {
	// mid is the offset after the first LF past the middle of the text
	// after the header, when that is at least parallelBytes, else -1.
	mid int
	// before and after are the LFs in the text before and after mid (all
	// of them in after when mid is -1); quote reports a quote after the
	// header, looked for only when mid is not -1.
	before, after int
	quote         bool
}

// midLine returns the offset after the first LF past the middle of
// text[begin:], when that is at least parallelBytes, else -1: where a
// long text is cut in two halves of whole lines (an LF is never part of a
// character of UTF-8 or Windows-1252).
func midLine(text string, begin int) int {
	if len(text)-begin < parallelBytes {
		return -1
	}
	half := begin + (len(text)-begin)/2
	if k := strings.IndexByte(text[half:], '\n'); k >= 0 {
		return half + k + 1
	}
	return -1
}

// splitText returns the split of text for readRows, its header ending at
// begin, and whether the text has a byte not of encoding e (badText): the
// LFs counted, quotes and such bytes looked for, in the two halves at the
// same time.
func splitText(text string, begin int, e Encoding) (sp split, bad bool) {
	sp = split{mid: midLine(text, begin)}
	if sp.mid < 0 { // read in one piece, whatever quotes it has
		return split{mid: -1, after: strings.Count(text, "\n")}, e.badText(text)
	}
	var quote2, bad2 bool
	done := make(chan struct{})
	go func() {
		defer close(done)
		rest := text[sp.mid:]
		sp.after, quote2, bad2 = strings.Count(rest, "\n"), strings.IndexByte(rest, '"') >= 0, e.badText(rest)
	}()
	sp.before, sp.quote, bad = strings.Count(text[:sp.mid], "\n"), strings.IndexByte(text[begin:sp.mid], '"') >= 0, e.badText(text[:sp.mid])
	<-done
	sp.quote = sp.quote || quote2
	return sp, bad || bad2
}

// appendRows appends the rows of u, a table of the same text and header
// whose rows are each held by their line (no quote in them), to t's. u's
// offsets may lie in t.starts's array after t's own (copy moves them).
func (t *Table) appendRows(u *Table) {
	n := t.rows + u.rows
	if n > cap(t.starts) {
		t.starts = slices.Grow(t.starts, u.rows)
	}
	t.starts = t.starts[:n]
	copy(t.starts[t.rows:], u.starts)
	for len(t.held) < (n+63)/64 {
		t.held, t.quotes = append(t.held, 0), append(t.quotes, 0)
	}
	for i := range u.rows {
		if u.quotes[i>>6]&(1<<(i&63)) != 0 {
			k := t.rows + i
			t.quotes[k>>6] |= 1 << (k & 63)
		}
	}
	t.rows = n
}
