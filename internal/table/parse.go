package table

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// Errors of the CSV syntax, worded as encoding/csv words them.
var (
	errBareQuote = errors.New(`bare " in non-quoted-field`)
	errQuote     = errors.New(`extraneous or missing " in quoted-field`)
)

// span is a field's place: the text s[start:end] of the scanner (or
// table), or, when end is rewrittenEnd, the field rewritten[start] (a
// quoted field that held "" or CRLF, whose text is not the file's).
type span struct{ start, end uint32 }

// rewrittenEnd marks a span that indexes the rewritten fields.
const rewrittenEnd = math.MaxUint32

// maxText is the most bytes of text a table holds: its spans are 32-bit.
const maxText = math.MaxUint32 - 1

// scanner splits CSV text into records as RFC 4180 describes and as
// encoding/csv reads it (its default settings but Comma): fields separated
// by sep (a comma, or another byte as encoding/csv's Comma),
// records by LF or CRLF, empty lines skipped, quoted fields with "" for a
// quote and CRLF inside them read as LF. Unlike encoding/csv it allocates
// nothing per field: a field is a span of the text, except a quoted field
// holding "" or CRLF, which must be rewritten. A record of more than
// MaxColumns fields, or a field of more than MaxFieldBytes, is an error.
//
// A line without a quote is split with strings.IndexByte; the fields of a
// line with one are scanned with a lookup table of the bytes that end them.
type scanner struct {
	s        string
	pos      int
	line     int // line of the file at pos, 1-based
	recLine  int // line on which the record being read starts
	recStart int // offset of the record in s
	// other is the offset of the first line not read as a plain line
	// (Table.addRows), or -1.
	other int
	// unquoted reports that the last record was a line without a quote,
	// whose fields splitLine finds again from recStart, and writerQuotes
	// that encoding/csv's Writer would quote one of them (writerQuotes).
	unquoted, quotes bool
	rec              []span
	rewritten        []string
	sep              byte
	stops            [256]bool // what ends an unquoted field: sep, LF and a quote
	qstops           [256]bool // what a quoted field stops at: a quote and LF
}

func newScanner(s string, sep byte) *scanner {
	sc := &scanner{s: s, line: 1, sep: sep, other: -1}
	sc.stops[sep], sc.stops['\n'], sc.stops['"'] = true, true, true
	sc.qstops['\n'], sc.qstops['"'] = true, true
	return sc
}

// str returns a field's text.
func (sc *scanner) str(f span) string {
	if f.end == rewrittenEnd {
		return sc.rewritten[f.start]
	}
	return sc.s[f.start:f.end]
}

// strings returns a record's fields as text.
func (sc *scanner) strings(rec []span) []string {
	out := make([]string, len(rec))
	for j, f := range rec {
		out[j] = sc.str(f)
	}
	return out
}

// index returns the index in s of the first byte that stops marks, or -1.
func index(s string, stops *[256]bool) int {
	for i := 0; i < len(s); i++ {
		if stops[s[i]] {
			return i
		}
	}
	return -1
}

// next returns the next record, reused between calls, and the line it
// starts on; at the end of the text it returns nil and no error.
func (sc *scanner) next() (rec []span, line int, err error) {
	// Skip empty lines.
	for sc.pos < len(sc.s) {
		switch {
		case sc.s[sc.pos] == '\n':
			sc.pos++
			sc.line++
			continue
		case sc.s[sc.pos] == '\r' && sc.pos+1 < len(sc.s) && sc.s[sc.pos+1] == '\n':
			sc.pos += 2
			sc.line++
			continue
		case sc.s[sc.pos] == '\r' && sc.pos+1 == len(sc.s):
			sc.pos++ // a lone CR at the end, as encoding/csv drops it
			continue
		}
		break
	}
	if sc.pos >= len(sc.s) {
		return nil, 0, nil
	}
	line = sc.line
	sc.recLine, sc.recStart = line, sc.pos
	sc.rec = sc.rec[:0]
	sc.unquoted, err = sc.unquotedLine()
	if sc.unquoted || err != nil {
		return sc.rec, line, err
	}
	for {
		var f span
		var end bool
		if sc.pos < len(sc.s) && sc.s[sc.pos] == '"' {
			f, end, err = sc.quoted()
		} else {
			f, end, err = sc.plain()
		}
		if err != nil {
			return nil, 0, err
		}
		if err := sc.add(f); err != nil {
			return nil, 0, err
		}
		if end {
			return sc.rec, line, nil
		}
	}
}

// unquotedLine reads the record at pos when its line holds no quote,
// splitting it at each sep, and reports whether it did.
func (sc *scanner) unquotedLine() (bool, error) {
	rest := sc.s[sc.pos:]
	n := strings.IndexByte(rest, '\n')
	if n < 0 {
		n = len(rest)
	}
	l := rest[:n]
	if strings.IndexByte(l, '"') >= 0 {
		return false, nil
	}
	var ok bool
	l = strings.TrimSuffix(l, "\r")
	if sc.rec, ok = splitLine(l, sc.pos, sc.sep, sc.rec, MaxColumns); !ok {
		return false, &ParseError{Line: sc.recLine, Err: fmt.Errorf("%w: a line of more than %d fields", ErrLimit, MaxColumns)}
	}
	sc.quotes = strings.IndexByte(l, '\r') >= 0
	for _, f := range sc.rec {
		if n := int(f.end - f.start); n > MaxFieldBytes {
			return false, &ParseError{Line: sc.recLine, Err: fmt.Errorf("%w: a field of %d bytes, more than %d (1 MiB)", ErrLimit, n, MaxFieldBytes)}
		}
		if f.end > f.start {
			if c := sc.s[f.start]; c <= ' ' || c == '\\' || c >= 0x80 { // else csv.Writer leaves it be
				sc.quotes = sc.quotes || writerQuotes(sc.s[f.start:f.end])
			}
		}
	}
	sc.pos += n
	if sc.pos < len(sc.s) {
		sc.pos++
		sc.line++
	}
	return true, nil
}

// splitLine appends to rec the spans of the fields of line, a line without
// a quote or its line end that starts at offset start of the text, split
// at each sep; ok is false when it has more than most fields.
func splitLine(line string, start int, sep byte, rec []span, most int) (_ []span, ok bool) {
	for n := 1; ; n++ {
		if n > most {
			return rec, false
		}
		i := strings.IndexByte(line, sep)
		if i < 0 {
			return append(rec, span{uint32(start), uint32(start + len(line))}), true
		}
		rec = append(rec, span{uint32(start), uint32(start + i)})
		start += i + 1
		line = line[i+1:]
	}
}

// add appends a field to the record, refusing a record of more than
// MaxColumns fields and a field of more than MaxFieldBytes.
func (sc *scanner) add(f span) error {
	if len(sc.rec) == MaxColumns {
		return &ParseError{Line: sc.recLine, Err: fmt.Errorf("%w: a line of more than %d fields", ErrLimit, MaxColumns)}
	}
	if n := len(sc.str(f)); n > MaxFieldBytes {
		return &ParseError{Line: sc.recLine, Err: fmt.Errorf("%w: a field of %d bytes, more than %d (1 MiB)", ErrLimit, n, MaxFieldBytes)}
	}
	sc.rec = append(sc.rec, f)
	return nil
}

// plain reads an unquoted field and its terminator; end reports the end of
// the record.
func (sc *scanner) plain() (f span, end bool, err error) {
	start := sc.pos
	i := index(sc.s[start:], &sc.stops)
	if i < 0 {
		sc.pos = len(sc.s)
		return sc.span(start, len(strings.TrimSuffix(sc.s, "\r"))), true, nil
	}
	i += start
	switch sc.s[i] {
	case '"':
		return span{}, false, &ParseError{Line: sc.line, Err: errBareQuote}
	case sc.sep:
		sc.pos = i + 1
		return sc.span(start, i), false, nil
	}
	sc.pos = i + 1
	sc.line++
	if i > start && sc.s[i-1] == '\r' {
		i--
	}
	return sc.span(start, i), true, nil
}

// span returns the span of s[start:end] (end >= start).
func (sc *scanner) span(start, end int) span { return span{uint32(start), uint32(max(start, end))} }

// keep stores a rewritten field.
func (sc *scanner) keep(f string) span {
	sc.rewritten = append(sc.rewritten, f)
	return span{uint32(len(sc.rewritten) - 1), rewrittenEnd}
}

// quoted reads a quoted field, starting at its opening quote.
func (sc *scanner) quoted() (f span, end bool, err error) {
	startLine := sc.line
	sc.pos++ // the opening quote
	start := sc.pos
	var b *strings.Builder // set once the field needs rewriting
	for {
		i := index(sc.s[sc.pos:], &sc.qstops)
		if i < 0 {
			return span{}, false, &ParseError{Line: startLine, Err: errQuote}
		}
		i += sc.pos
		if i-start > MaxFieldBytes {
			return span{}, false, &ParseError{Line: startLine, Err: fmt.Errorf("%w: a field of more than %d bytes (1 MiB)", ErrLimit, MaxFieldBytes)}
		}
		if sc.s[i] == '\n' {
			sc.line++
			if i > 0 && sc.s[i-1] == '\r' {
				if b == nil {
					b = &strings.Builder{}
					b.WriteString(sc.s[start : i-1])
				} else {
					b.WriteString(sc.s[sc.pos : i-1])
				}
				b.WriteByte('\n')
			} else if b != nil {
				b.WriteString(sc.s[sc.pos : i+1])
			}
			sc.pos = i + 1
			continue
		}
		// A quote: doubled, or the end of the field.
		if i+1 < len(sc.s) && sc.s[i+1] == '"' {
			if b == nil {
				b = &strings.Builder{}
				b.WriteString(sc.s[start : i+1])
			} else {
				b.WriteString(sc.s[sc.pos : i+1])
			}
			sc.pos = i + 2
			continue
		}
		if b == nil {
			f = sc.span(start, i)
		} else {
			b.WriteString(sc.s[sc.pos:i])
			f = sc.keep(b.String())
		}
		sc.pos = i + 1
		switch {
		case sc.pos >= len(sc.s):
			return f, true, nil
		case sc.s[sc.pos] == sc.sep:
			sc.pos++
			return f, false, nil
		case sc.s[sc.pos] == '\n':
			sc.pos++
			sc.line++
			return f, true, nil
		case sc.s[sc.pos] == '\r' && (sc.pos+1 == len(sc.s) || sc.s[sc.pos+1] == '\n'):
			sc.pos++
			if sc.pos < len(sc.s) {
				sc.pos++
				sc.line++
			}
			return f, true, nil
		}
		return span{}, false, &ParseError{Line: sc.line, Err: errQuote}
	}
}
