package table

import (
	"errors"
	"strings"
)

// Errors of the CSV syntax, worded as encoding/csv words them.
var (
	errBareQuote = errors.New(`bare " in non-quoted-field`)
	errQuote     = errors.New(`extraneous or missing " in quoted-field`)
)

// scanner splits CSV text into records as RFC 4180 describes and as
// encoding/csv reads it (its default settings but Comma): fields separated
// by sep (a comma, or another byte as encoding/csv's Comma),
// records by LF or CRLF, empty lines skipped, quoted fields with "" for a
// quote and CRLF inside them read as LF. Unlike encoding/csv it allocates
// nothing per field: a field is a substring of the text, except a quoted
// field holding "" or CRLF, which must be rewritten.
type scanner struct {
	s     string
	pos   int
	line  int // line of the file at pos, 1-based
	rec   []string
	sep   byte
	stops [256]bool // what ends an unquoted field: sep, LF and a quote
}

func newScanner(s string, sep byte) *scanner {
	sc := &scanner{s: s, line: 1, sep: sep}
	sc.stops[sep], sc.stops['\n'], sc.stops['"'] = true, true, true
	return sc
}

// indexStop returns the index in s of the first byte that ends an
// unquoted field, or -1.
func (sc *scanner) indexStop(s string) int {
	for i := 0; i < len(s); i++ {
		if sc.stops[s[i]] {
			return i
		}
	}
	return -1
}

// next returns the next record, reused between calls, and the line it
// starts on; at the end of the text it returns nil and no error.
func (sc *scanner) next() (rec []string, line int, err error) {
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
	sc.rec = sc.rec[:0]
	for {
		var f string
		var end bool
		if sc.pos < len(sc.s) && sc.s[sc.pos] == '"' {
			f, end, err = sc.quoted()
		} else {
			f, end, err = sc.plain()
		}
		if err != nil {
			return nil, 0, err
		}
		sc.rec = append(sc.rec, f)
		if end {
			return sc.rec, line, nil
		}
	}
}

// plain reads an unquoted field and its terminator; end reports the end of
// the record.
func (sc *scanner) plain() (f string, end bool, err error) {
	start := sc.pos
	i := sc.indexStop(sc.s[start:])
	if i < 0 {
		f = sc.s[start:]
		sc.pos = len(sc.s)
		return strings.TrimSuffix(f, "\r"), true, nil
	}
	i += start
	switch sc.s[i] {
	case '"':
		return "", false, &ParseError{Line: sc.line, Err: errBareQuote}
	case sc.sep:
		sc.pos = i + 1
		return sc.s[start:i], false, nil
	}
	sc.pos = i + 1
	sc.line++
	return strings.TrimSuffix(sc.s[start:i], "\r"), true, nil
}

// quoted reads a quoted field, starting at its opening quote.
func (sc *scanner) quoted() (f string, end bool, err error) {
	startLine := sc.line
	sc.pos++ // the opening quote
	start := sc.pos
	var b *strings.Builder // set once the field needs rewriting
	for {
		i := strings.IndexAny(sc.s[sc.pos:], "\"\n")
		if i < 0 {
			return "", false, &ParseError{Line: startLine, Err: errQuote}
		}
		i += sc.pos
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
			f = sc.s[start:i]
		} else {
			b.WriteString(sc.s[sc.pos:i])
			f = b.String()
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
		return "", false, &ParseError{Line: sc.line, Err: errQuote}
	}
}
