package table

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ErrNotNumber is wrapped by a ParseError for text that is neither a number
// nor a missing-value token.
var ErrNotNumber = errors.New("not a number")

// MissingTokens are the contract's missing-value tokens: an empty field,
// NA, NaN, . or null, or a spreadsheet's #N/A.
var MissingTokens = [...]string{"", "NA", "NaN", ".", "null", "#N/A"}

// IsMissing reports whether s is one of MissingTokens, surrounding spaces
// ignored.
func IsMissing(s string) bool {
	if n := len(s); n > 4 && s[0] > ' ' && s[0] < utf8.RuneSelf && s[n-1] > ' ' && s[n-1] < utf8.RuneSelf {
		return false // longer than any token, with no space to trim: most values
	}
	return MissingToken(strings.TrimSpace(s)) >= 0
}

// MissingToken returns k when s is MissingTokens[k] exactly, else -1.
func MissingToken(s string) int {
	if len(s) > 4 { // longer than any token: most values
		return -1
	}
	for k, m := range MissingTokens {
		if s == m {
			return k
		}
	}
	return -1
}

// ParseNumber converts a decimal number such as 12, -0.5 or 1.5e-3, with
// surrounding spaces allowed. It refuses what a spreadsheet would not show
// as a number: Inf, hexadecimal, and text such as 12k or £1,200.
func ParseNumber(s string) (float64, error) {
	if v, ok := parseShortDecimal(s); ok {
		return v, nil
	}
	return parseNumber(s)
}

// parseNumber is ParseNumber for any text: checked against the characters
// a decimal number may hold, then read by strconv.ParseFloat.
func parseNumber(s string) (float64, error) {
	s = strings.TrimSpace(s)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E') {
			return 0, ErrNotNumber
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, ErrNotNumber
	}
	return v, nil
}

// Float converts the named column to numbers, without making its
// strings. A missing value becomes NaN and is counted in missing; any other
// text that is not a number is a ParseError naming the file, row and
// column.
func (t *Table) Float(name string) (values []float64, missing int, err error) {
	j, err := t.lookup(name)
	if err != nil {
		return nil, 0, err
	}
	values = make([]float64, t.Rows())
	t.column(j, func(i int, s string) bool {
		if values[i], err = number(s, &missing); err != nil {
			err = t.at(&ParseError{File: t.Name, Row: i + 2, Column: name, Value: s, Err: err}, j)
			return false
		}
		return true
	})
	if err != nil {
		return nil, 0, err
	}
	return values, missing, nil
}

// number converts a value as Numbers does: NaN, counted in missing, for a
// missing value.
func number(s string, missing *int) (float64, error) {
	if IsMissing(s) {
		*missing++
		return math.NaN(), nil
	}
	return ParseNumber(s)
}

// Numbers converts a column of text, the column called name of file, to
// numbers as Float does: a missing value becomes NaN and is counted in
// missing; other text that is not a number is a ParseError naming the file,
// the row (col[i] being row i+2) and the column.
func Numbers(file, name string, col []string) (values []float64, missing int, err error) {
	values = make([]float64, len(col))
	for i, s := range col {
		if values[i], err = number(s, &missing); err != nil {
			return nil, 0, &ParseError{File: file, Row: i + 2, Column: name, Value: s, Err: err}
		}
	}
	return values, missing, nil
}
