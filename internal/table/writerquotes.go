package table

import (
	"unicode"
	"unicode/utf8"
)

// writerQuotes reports whether encoding/csv's Writer quotes f, a field of a
// line with no quote, LF or comma in it (the other reasons it quotes a
// field): f is \. or begins with a space as unicode.IsSpace has it. A CR in
// the line, its last reason, is checked once for the line.
func writerQuotes(f string) bool {
	switch {
	case f == "":
		return false
	case f == `\.`:
		return true
	case f[0] < utf8.RuneSelf:
		return unicode.IsSpace(rune(f[0]))
	}
	r, _ := utf8.DecodeRuneInString(f)
	return unicode.IsSpace(r)
}
