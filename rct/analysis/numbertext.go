package analysis

import (
	"math"
	"strconv"

	"github.com/evalkit/evalkit/internal/table"
)

// numberText is the text of a column of numbers held without the file's
// text, so that a Data read from a large file does not keep the file in
// memory through its analysis (Read, compactText). Each value is held as
// the number it was read as, v[i], and a byte saying how it was written,
// kind[i]:
//
//	numberCanonical  as strconv.FormatFloat(v, 'f', -1, 64) writes it
//	                 (canonicalDecimal); v is not NaN
//	numberMissing+k  the missing-value token table.MissingTokens[k]
//	numberOdd        otherwise: odd[i] holds the text
type numberText struct {
	v    []float64
	kind []uint8
	odd  map[int]string
}

const (
	numberCanonical uint8 = 0
	numberMissing   uint8 = 1
	numberOdd             = numberMissing + uint8(len(table.MissingTokens))
)

// at returns the text of row i.
func (n *numberText) at(i int) string {
	switch k := n.kind[i]; {
	case k == numberCanonical:
		return strconv.FormatFloat(n.v[i], 'f', -1, 64)
	case k < numberOdd:
		return table.MissingTokens[k-numberMissing]
	}
	return n.odd[i]
}

// oddShare is the most values, one in oddShare, that a numberText holds
// as their text; a variable, so that tests hold any.
var oddShare = 64

// newNumberText returns an empty numberText for the values v, which add
// then describes row by row.
func newNumberText(v []float64) *numberText {
	return &numberText{v: v, kind: make([]uint8, len(v)), odd: map[int]string{}}
}

// add records that row i, read as v[i] (a number, or NaN where missing),
// is written s. It reports false when more than one value in oddShare
// would be held as its text: the column is then better kept as it is.
func (n *numberText) add(i int, s string) bool {
	switch v := n.v[i]; {
	case !math.IsNaN(v) && canonicalDecimal(s):
		return true // numberCanonical
	case math.IsNaN(v):
		if k := table.MissingToken(s); k >= 0 {
			n.kind[i] = numberMissing + uint8(k)
			return true
		}
	}
	if len(n.odd) >= len(n.v)/oddShare {
		return false
	}
	n.kind[i], n.odd[i] = numberOdd, string([]byte(s)) // a copy, not the file's text
	return true
}

// compactText returns col, a column of a *table.Table whose values v holds,
// as a numberText; or col itself when it is not a table's or when add
// refuses a value.
func compactText(col textColumn, v []float64) textColumn {
	if col.t == nil {
		return col
	}
	n := newNumberText(v)
	for i := range v {
		if !n.add(i, col.at(i)) {
			return col
		}
	}
	return textColumn{n: n}
}

// canonicalDecimal reports whether s is a decimal as
// strconv.FormatFloat(v, 'f', -1, 64) writes the number v it reads as: an
// optional minus, an integer part without leading zeros (0 alone before
// the point), and optionally a point and digits that do not end in 0, at
// most 15 digits in all. Fifteen digits are fewer than a float64 holds
// exactly, so the shortest decimal that reads as v is s itself.
func canonicalDecimal(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	start := i
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	intDigits := i - start
	if intDigits == 0 || intDigits > 1 && s[start] == '0' {
		return false
	}
	if i == len(s) {
		return intDigits <= 15
	}
	if s[i] != '.' {
		return false
	}
	i++
	frac := i
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	return i == len(s) && i > frac && s[i-1] != '0' && intDigits+i-frac <= 15
}
