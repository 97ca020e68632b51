package table

import (
	"errors"
	"slices"
	"strings"
)

// parallelBytes is the least text that readRows reads in two halves; a
// variable, so that tests read small texts in halves.
var parallelBytes = 1 << 20

// errNotByLine ends the reading of a text's second half at a record with
// a quote, which only a reading in one piece holds (addRows).
var errNotByLine = errors.New("table: a record not held by its line")

// readRows adds the data rows that sc reads, from the one after the
// header, and reports whether the text after the header has a byte not of
// encoding e (badText). It sets t.noHash when that text has no '#', which
// every spreadsheet error value holds (checkErrorValues).
//
// A text of at least parallelBytes after the header is read in two halves
// at the same time, split after the first LF past its middle (midLine):
// the second on another core, by a scanner of its own that starts where
// the first half ends, its rows following the first half's. That is the
// reading in one piece when the first half reads to its end without an
// error, as the split is then between records (a quoted field open at the
// split would end the first half in an error), and the second half holds
// each of its rows by its line. Otherwise the text is read again in one
// piece (after an error, so that it is worded and numbered exactly as in
// one piece) or the first half's scanner reads on through the second (at
// a quote in it).
//
// The text is not read beforehand to count its lines or look for quotes:
// the rows' offsets are given room for as many lines as the first 64 KiB
// of each half have per byte, and grow beyond that. Bytes not of e are
// looked for only from the first line of each half that is not plain
// (plainEnd), as a plain line is ASCII.
func (t *Table) readRows(sc *scanner, e Encoding, progress func(done, total int)) (bad bool, err error) {
	text, begin := sc.s, sc.pos
	// progress is called every 65,536 rows: in halves, every 32,768 of
	// the first half's, with its offset doubled (both move on together).
	const every = 16
	var whole, half func(at int)
	if progress != nil {
		whole = func(at int) { progress(at, len(text)) }
		half = func(at int) { progress(min(len(text), begin+2*(at-begin)), len(text)) }
	}
	mid := midLine(text, begin)
	if mid < 0 {
		return t.readWhole(sc, e, whole)
	}
	line0 := sc.line
	n1, n2 := estimateLines(text[begin:mid]), estimateLines(text[mid:])
	// The second half's row offsets are kept at the end of t.starts's
	// array, after room for the first half's, and moved down after them.
	all := make([]uint32, 0, n1+n2)
	t.starts = all[:0:n1]
	t.held, t.quotes = make([]uint64, 0, (n1+n2)/64+1), make([]uint64, 0, (n1+n2)/64+1)
	second := &Table{Name: t.Name, Header: t.Header, text: text, width: t.width, starts: all[n1:n1:cap(all)],
		held: make([]uint64, 0, n2/64+1), quotes: make([]uint64, 0, n2/64+1)}
	sc2 := newScanner(text, sc.sep)
	sc2.pos = mid // its line numbers are not known: an error reads again
	var bad2, hash2 bool
	done := make(chan error, 1)
	go func() {
		err := second.addRows(sc2, 2, every, nil, true)
		if err == nil {
			bad2 = sc2.other >= 0 && e.badText(text[sc2.other:])
			hash2 = strings.IndexByte(text[mid:], '#') >= 0
		}
		done <- err
	}()
	sc.s = text[:mid]
	err = t.addRows(sc, 2, every-1, half, false)
	sc.s = text
	if err == nil {
		bad = sc.other >= 0 && e.badText(text[sc.other:mid])
		t.noHash = strings.IndexByte(text[begin:mid], '#') < 0
	}
	err2 := <-done
	switch {
	case err != nil || err2 != nil && err2 != errNotByLine:
		t.starts, t.held, t.quotes, t.spans, t.rows = nil, nil, nil, nil, 0
		sc.pos, sc.line, sc.other, sc.rewritten = begin, line0, -1, nil
		return t.readWhole(sc, e, whole)
	case err2 != nil: // a quote in the second half
		if err := t.addRows(sc, t.rows+2, every, whole, false); err != nil {
			return false, err
		}
		t.noHash = strings.IndexByte(text[begin:], '#') < 0
		return sc.other >= 0 && e.badText(text[sc.other:]), nil
	}
	if len(t.starts) <= n1 {
		t.starts = all[:len(t.starts)] // the array holding the second half's
	}
	t.appendRows(second)
	t.noHash = t.noHash && !hash2
	return bad || bad2, nil
}

// readWhole is readRows in one piece.
func (t *Table) readWhole(sc *scanner, e Encoding, progress func(at int)) (bad bool, err error) {
	text, begin := sc.s, sc.pos
	n := strings.Count(text[begin:], "\n") + 1
	t.starts, t.held, t.quotes = make([]uint32, 0, n), make([]uint64, 0, n/64+1), make([]uint64, 0, n/64+1)
	if err := t.addRows(sc, 2, 16, progress, false); err != nil {
		return false, err
	}
	t.noHash = strings.IndexByte(text[begin:], '#') < 0
	return sc.other >= 0 && e.badText(text[sc.other:]), nil
}

// estimateLines returns room for the lines of s: as many as its first
// 64 KiB have per byte, and 1/32 more.
func estimateLines(s string) int {
	sample := s[:min(len(s), 64<<10)]
	n := strings.Count(sample, "\n") + 1
	if len(sample) == len(s) {
		return n
	}
	return int(float64(n)*float64(len(s))/float64(len(sample))*(1+1.0/32)) + 64
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
