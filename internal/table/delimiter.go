package table

import (
	"fmt"
	"strings"
)

// Delimiter is the byte that separates a CSV file's fields. The zero value
// is a comma.
type Delimiter byte

// sep returns the separator byte.
func (d Delimiter) sep() byte {
	if d == 0 {
		return ','
	}
	return byte(d)
}

// String returns the delimiter as --delimiter takes it: ",", ";", "|" or
// "tab".
func (d Delimiter) String() string {
	if d.sep() == '\t' {
		return "tab"
	}
	return string(d.sep())
}

// Set reads a delimiter: , ; | or tab (or a tab character), or the words
// comma, semicolon and pipe; "" is the default comma. It makes Delimiter a
// flag.Value.
func (d *Delimiter) Set(s string) error {
	switch strings.ToLower(s) {
	case "", ",", "comma":
		*d = ','
	case ";", "semicolon":
		*d = ';'
	case "\t", "tab", `\t`:
		*d = '\t'
	case "|", "pipe":
		*d = '|'
	default:
		return fmt.Errorf("unknown delimiter %q: want , ; tab or |", s)
	}
	return nil
}

// checkHeader returns the error for a header that is one field holding
// another delimiter but not d's: a file separated by semicolons or tabs
// read with commas, or the other way round.
func (d Delimiter) checkHeader(header []string) error {
	if len(header) != 1 {
		return nil
	}
	h := header[0]
	best, n := Delimiter(0), 0
	for _, other := range []Delimiter{',', ';', '\t', '|'} {
		if c := strings.Count(h, string(other.sep())); other.sep() != d.sep() && c > n {
			best, n = other, c
		}
	}
	if n == 0 {
		return nil
	}
	flag := "--delimiter '" + best.String() + "'"
	if best.sep() == '\t' {
		flag = "--delimiter tab"
	}
	return fmt.Errorf("the header %q has %s and no %s: if the fields are separated by %s, give %s", Clip(h), best.describe(), d.describe(), best.describe(), flag)
}

// describe names the delimiter in words.
func (d Delimiter) describe() string {
	switch d.sep() {
	case ',':
		return "commas"
	case ';':
		return "semicolons"
	case '\t':
		return "tabs"
	}
	return "\"" + string(d.sep()) + "\""
}
