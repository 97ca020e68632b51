package xlsx

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// decodeXString undoes the escapes of the spreadsheet's string type
// (ST_Xstring, ECMA-376 Part 1, 22.9.2.19): _xHHHH_ stands for the UTF-16
// code unit HHHH, which lets a workbook hold characters that XML 1.0
// cannot, and _x005F_ for a literal underscore; a pair of surrogates
// stands for one character, and a lone one is U+FFFD.
func decodeXString(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		u, ok := xEscape(s, i)
		if !ok {
			b.WriteByte(s[i])
			i++
			continue
		}
		i += 7
		r := rune(u)
		if utf16.IsSurrogate(r) {
			r = utf8.RuneError
			if lo, ok := xEscape(s, i); ok && u < 0xDC00 {
				if pair := utf16.DecodeRune(rune(u), rune(lo)); pair != utf8.RuneError {
					r = pair
					i += 7
				}
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// xEscape reads an escape _xHHHH_ at s[i:].
func xEscape(s string, i int) (uint16, bool) {
	if i+7 > len(s) || s[i] != '_' || s[i+1] != 'x' || s[i+6] != '_' {
		return 0, false
	}
	var u uint16
	for _, c := range []byte(s[i+2 : i+6]) {
		var d byte
		switch {
		case '0' <= c && c <= '9':
			d = c - '0'
		case 'a' <= c && c <= 'f':
			d = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			d = c - 'A' + 10
		default:
			return 0, false
		}
		u = u<<4 | uint16(d)
	}
	return u, true
}
