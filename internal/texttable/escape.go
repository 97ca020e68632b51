package texttable

import (
	"fmt"
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
