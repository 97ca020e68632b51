package analysis

import (
	"math"
	"strconv"
)

// numberText is the text of a column of numbers held without the file's
// text, so that a Data read from a large file does not keep the file in
// memory through its analysis (Read, compactText). Each value is held as
// the number it was read as, v[i], and a byte saying how it was written,
// kind[i]:
//
//	numberCanonical  as strconv.FormatFloat(v, 'f', -1, 64) writes it
//	                 (canonicalDecimal), or empty when v is NaN
//	numberMissing+k  the missing-value token missingTokens[k]
//	numberOdd        otherwise: odd[i] holds the text
type numberText struct {
	v    []float64
	kind []uint8
	odd  map[int]string
}

const (
	numberCanonical uint8 = 0
	numberMissing   uint8 = 1
	numberOdd             = numberMissing + uint8(len(missingTokens))
)

// missingTokens are the missing-value tokens numberText holds by their
// number: table.IsMissing's without surrounding spaces, but the empty one.
var missingTokens = [...]string{"NA", "NaN", ".", "null", "#N/A"}

// at returns the text of row i.
func (n *numberText) at(i int) string {
	switch k := n.kind[i]; {
	case k == numberCanonical && math.IsNaN(n.v[i]):
		return ""
	case k == numberCanonical:
		return strconv.FormatFloat(n.v[i], 'f', -1, 64)
	case k < numberOdd:
		return missingTokens[k-numberMissing]
	}
	return n.odd[i]
}

// oddShare is the most values, one in oddShare, that compactText holds as
// their text; a variable, so that tests hold any.
var oddShare = 64

// compactText returns col, a column of a *table.Table whose values v holds
// (each a number, or NaN where missing), as a numberText; or col itself
// when it is not a table's or when more than one value in oddShare would
// be held as its text.
func compactText(col textColumn, v []float64) textColumn {
	if col.t == nil {
		return col
	}
	n := &numberText{v: v, kind: make([]uint8, len(v)), odd: map[int]string{}}
	for i := range v {
		s := col.at(i)
		switch {
		case math.IsNaN(v[i]) && s == "" || !math.IsNaN(v[i]) && canonicalDecimal(s):
			continue
		case math.IsNaN(v[i]):
			if k := missingToken(s); k >= 0 {
				n.kind[i] = numberMissing + uint8(k)
				continue
			}
		}
		if len(n.odd) >= len(v)/oddShare {
			return col
		}
		n.kind[i], n.odd[i] = numberOdd, string([]byte(s)) // a copy, not the file's text
	}
	return textColumn{n: n}
}

// missingToken returns the index of s in missingTokens, or -1.
func missingToken(s string) int {
	for k, m := range missingTokens {
		if s == m {
			return k
		}
	}
	return -1
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
