package table

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/charmap"
)

// Encoding is the character encoding of a CSV file's text. The zero value
// is UTF-8.
type Encoding uint8

const (
	// UTF8 is UTF-8, with or without a byte-order mark.
	UTF8 Encoding = iota
	// Windows1252 is the code page that Excel's "CSV (Comma delimited)"
	// writes on Windows in Western Europe: ASCII, the pound sign, accented
	// letters, curly quotes and the euro sign, one byte each.
	Windows1252
)

// String returns the encoding's name as --encoding takes it.
func (e Encoding) String() string {
	if e == Windows1252 {
		return "windows-1252"
	}
	return "utf-8"
}

// Set reads an encoding's name (any case): utf-8 (or utf8, or "" for the
// default) or windows-1252 (or cp1252). It makes Encoding a flag.Value.
func (e *Encoding) Set(s string) error {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "utf-8", "utf8":
		*e = UTF8
	case "windows-1252", "cp1252":
		*e = Windows1252
	default:
		return fmt.Errorf("unknown encoding %q: want utf-8 or windows-1252", s)
	}
	return nil
}

// ErrEncoding is matched (errors.Is) by the error for text that is not in
// the file's encoding.
var ErrEncoding = errors.New("not text in the file's encoding")

// encodingError says how text is not in the encoding; it is ErrEncoding.
type encodingError struct{ msg string }

func (e *encodingError) Error() string        { return e.msg }
func (e *encodingError) Is(target error) bool { return target == ErrEncoding }

// utf8BOM is UTF-8's byte-order mark.
const utf8BOM = "\uFEFF"

// text returns a CSV file's bytes as UTF-8 text, without a byte-order mark:
// data itself viewed as a string for UTF-8 (data must not change
// afterwards), or its decoding from Windows-1252. A UTF-8 byte-order mark
// makes the file UTF-8 whatever e says; UTF-16 (Excel's "Unicode Text") is
// an error.
func (e Encoding) text(data []byte, name string) (string, Encoding, error) {
	if isUTF16(data) {
		return "", e, fmt.Errorf("%s: %w", name, &encodingError{`the file is UTF-16 text (Excel's "Unicode Text"); save it as "CSV UTF-8"`})
	}
	if bytes.HasPrefix(data, []byte(utf8BOM)) {
		data, e = data[len(utf8BOM):], UTF8
	}
	if e == Windows1252 {
		b, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return "", e, fmt.Errorf("%s: %w", name, err)
		}
		data = b
	}
	if len(data) == 0 {
		return "", e, nil
	}
	return unsafe.String(&data[0], len(data)), e, nil
}

// isUTF16 reports whether data begins with a UTF-16 byte-order mark.
func isUTF16(data []byte) bool {
	return bytes.HasPrefix(data, []byte("\xFF\xFE")) || bytes.HasPrefix(data, []byte("\xFE\xFF"))
}

// badText reports whether a field's text is not in encoding e: invalid
// UTF-8, or for Windows-1252 a byte the code page leaves undefined (0x81,
// 0x8D, 0x8F, 0x90 and 0x9D), which decodes to U+FFFD.
func (e Encoding) badText(s string) bool {
	if e == Windows1252 {
		return strings.ContainsRune(s, utf8.RuneError)
	}
	return !utf8.ValidString(s)
}

// encodingError returns the error for a field not in encoding e.
func (e Encoding) encodingError() error {
	if e == Windows1252 {
		return &encodingError{"a byte that Windows-1252 does not define (0x81, 0x8D, 0x8F, 0x90 or 0x9D): the file is in another encoding"}
	}
	return &encodingError{"not UTF-8 text; if Excel saved the file (as CSV on Windows), give --encoding windows-1252"}
}

// checkEncoding returns a ParseError naming the first field, in file
// order, whose text is not in encoding e, or nil; bad reports whether the
// text has such a byte (parseCSV looked as it read the text).
func (t *Table) checkEncoding(e Encoding, bad bool) error {
	if !bad {
		return nil
	}
	for j, h := range t.Header {
		if e.badText(h) {
			return &ParseError{File: t.Name, Row: 1, Column: fmt.Sprintf("#%d", j+1), Value: h, Err: e.encodingError()}
		}
	}
	var spans []span
	for i := 0; i < t.Rows(); i++ {
		spans = t.row(i, spans)
		for j, s := range spans {
			if c := t.str(s); e.badText(c) {
				return &ParseError{File: t.Name, Row: i + 2, Column: t.Header[j], Value: c, Err: e.encodingError()}
			}
		}
	}
	return nil // only inside a field that the scanner rewrote: never
}
