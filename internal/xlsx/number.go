package xlsx

import (
	"math"
	"strconv"
)

// FormatNumber returns the text a number cell of value v reads as: the
// shortest decimal that parses back to v, without an exponent from 1e-7 up
// to 1e21 (0.000123, 1000000) and with one outside it (1e+21, 1.5e-08), as
// a spreadsheet's General format shows such numbers but never rounded to
// its 15 digits.
//
//	FormatNumber(0.1) = "0.1"
//	FormatNumber(1e6) = "1000000"
//	FormatNumber(-0) = "-0"
func FormatNumber(v float64) string {
	if a := math.Abs(v); a == 0 || a >= 1e-7 && a < 1e21 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strconv.FormatFloat(v, 'e', -1, 64)
}

// maxExactDigits is the most significant digits that a spreadsheet keeps of
// a number typed or loaded into it.
const maxExactDigits = 15

// asNumber returns the value of text when a number cell of that value
// reads back as exactly that text (FormatNumber) with at most 15
// significant digits, so that writing it as a number loses nothing; ok is
// false otherwise (007, 1.50, 1e3, -0, 12345678901234567).
func asNumber(text string) (v float64, ok bool) {
	if text == "" || len(text) > 32 || text == "-0" {
		return 0, false
	}
	v, err := strconv.ParseFloat(text, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) || FormatNumber(v) != text {
		return 0, false
	}
	digits, lead := 0, true
	for i := 0; i < len(text) && text[i] != 'e'; i++ {
		c := text[i]
		switch {
		case c == '0' && lead:
		case '0' <= c && c <= '9':
			lead = false
			digits++
		}
	}
	return v, digits <= maxExactDigits
}
