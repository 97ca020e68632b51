package lifecycle

import "bytes"

// goccy/go-yaml miscounts lines in a file with CRLF line ends (a token on
// line 8 is given as line 12), so edits made at its positions land in the
// wrong place. A file whose every line ends CRLF is therefore read, and
// edited, with LF line ends, and written back with CRLF. A file that
// mixes the two is read as it is.

// lfLineEnds returns src with its CRLF line ends written LF, and true,
// when every line of src ends CRLF; otherwise src and false.
func lfLineEnds(src []byte) ([]byte, bool) {
	n := bytes.Count(src, []byte("\r\n"))
	if n == 0 || n != bytes.Count(src, []byte("\n")) {
		return src, false
	}
	return bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n")), true
}

// crlfLineEnds undoes lfLineEnds.
func crlfLineEnds(lf []byte) []byte {
	return bytes.ReplaceAll(lf, []byte("\n"), []byte("\r\n"))
}
