package texttable

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Escape returns s with every character that a terminal acts on rather
// than shows written as Go writes it in a quoted string, so that text from
// a file cannot move the cursor, change colours or reverse the line:
// control characters (\x1b, \t, \r, \n, \x7f, U+0080 to U+009F), the
// bidirectional controls (U+202E and the others of Unicode's Bidi_Control),
// the line and paragraph separators U+2028 and U+2029, and bytes that are
// not UTF-8 (\xff). Every other character is kept, backslashes included,
// so Escape(s) == s for ordinary text.
//
//	Escape("\x1b[31mred\x1b[0m") = `\x1b[31mred\x1b[0m`
func Escape(s string) string {
	var b strings.Builder
	start := 0 // s[start:i] is yet to be written to b
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if bad := r == utf8.RuneError && size == 1; bad || escaped(r) {
			b.WriteString(s[start:i])
			if bad {
				fmt.Fprintf(&b, `\x%02x`, s[i])
			} else {
				q := strconv.QuoteRuneToASCII(r) // '\x1b', '\t', '\u202e'
				b.WriteString(q[1 : len(q)-1])
			}
			start = i + size
		}
		i += size
	}
	if start == 0 {
		return s
	}
	b.WriteString(s[start:])
	return b.String()
}

// escaped reports whether Escape writes the character r escaped.
func escaped(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029'
}

// EscapeWriter returns a writer that passes what it is given to w with the
// C0 control characters but the line feed and the tab (the bytes 0x00 to
// 0x1f: ESC, CR, BS, ...) written as Escape writes them (\x1b, \r), so that text from a file that a
// command prints, in a table or a sentence, cannot drive the terminal.
// Those bytes never occur inside a UTF-8 sequence, nor raw in JSON, so it
// can wrap a stream written in pieces, JSON included. It reports the
// length of what it was given as written.
func EscapeWriter(w io.Writer) io.Writer { return escapeWriter{w} }

type escapeWriter struct{ w io.Writer }

func (e escapeWriter) Write(p []byte) (int, error) {
	start := 0
	var out []byte
	for i, c := range p {
		if c < 0x20 && c != '\n' && c != '\t' {
			q := strconv.QuoteRuneToASCII(rune(c)) // as Escape writes it: '\r', '\x1b'
			out = append(append(out, p[start:i]...), q[1:len(q)-1]...)
			start = i + 1
		}
	}
	if out == nil {
		return e.w.Write(p)
	}
	if _, err := e.w.Write(append(out, p[start:]...)); err != nil {
		return 0, err
	}
	return len(p), nil
}
