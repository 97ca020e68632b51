package unitcost

import (
	"fmt"
	"strconv"
	"strings"
)

// Pence is an amount of money as a whole number of pence. Amounts are held
// and summed as integers, so that a total of many lines is exact to the
// penny; only real-terms and discounted values, which are not whole pence,
// are computed in float64, from the exact totals.
type Pence int64

// maxLinePence bounds one line's amount: a million million pounds.
const maxLinePence = 100_000_000_000_000

// Pounds returns p in pounds, the float64 nearest to p/100.
func (p Pence) Pounds() float64 { return float64(p) / 100 }

// String formats p as plain pounds and pence, such as 1200.50 or -0.07,
// the form ParsePounds reads.
func (p Pence) String() string {
	sign := ""
	u := uint64(p)
	if p < 0 {
		sign = "-"
		u = uint64(-p) // correct for math.MinInt64 too, as an unsigned value
	}
	return fmt.Sprintf("%s%d.%02d", sign, u/100, u%100)
}

// addPence returns a+b, or ErrOverflow when the sum does not fit.
func addPence(a, b Pence) (Pence, error) {
	s := a + b
	if (b > 0 && s < a) || (b < 0 && s > a) {
		return 0, ErrOverflow
	}
	return s, nil
}

// ParsePounds reads an amount written in plain pounds, with at most two
// decimal places for the pence: 1200, 1200.5, 1200.50, -3.07 and .5 are
// read; surrounding spaces are ignored, and further decimal places are
// accepted only when they are zeros (1200.500). The text is read exactly,
// as decimal digits, never through a float.
//
// Currency formatting is refused rather than guessed at, with an error
// wrapping ErrAmount that says what to write instead:
//
//	£1,200 or $5   a currency sign: write 1200
//	1,200          a thousands separator: write 1200 (1,200 could be a decimal comma)
//	12k, 1.5m      a multiplier: write 12000, 1500000
//	1e3            an exponent: write 1000
//	(500)          an accountant's negative: write -500
//	12.345         fractions of a penny
//
// An empty field is an error wrapping ErrMissing. Amounts beyond a million
// million pounds are refused with ErrOverflow.
func ParsePounds(s string) (Pence, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, fmt.Errorf("%w: no amount; write 0 for a line that costs nothing", ErrMissing)
	}
	if err := amountFormatHint(t); err != nil {
		return 0, err
	}
	neg := false
	switch t[0] {
	case '-':
		neg = true
		t = t[1:]
	case '+':
		t = t[1:]
	}
	whole, frac, hasPoint := strings.Cut(t, ".")
	if whole == "" && frac == "" {
		return 0, fmt.Errorf("%w: no digits", ErrAmount)
	}
	if hasPoint && frac == "" {
		return 0, fmt.Errorf("%w: no digits after the decimal point", ErrAmount)
	}
	if !allDigits(whole) || !allDigits(frac) {
		return 0, fmt.Errorf("%w: write pounds as digits with an optional decimal point, such as 1200.50", ErrAmount)
	}
	if len(frac) > 2 {
		if strings.Trim(frac[2:], "0") != "" {
			return 0, fmt.Errorf("%w: more than two decimal places (fractions of a penny); round to the penny", ErrAmount)
		}
		frac = frac[:2]
	}
	for len(frac) < 2 {
		frac += "0"
	}
	whole = strings.TrimLeft(whole, "0")
	if len(whole) > 13 {
		return 0, fmt.Errorf("%w: more than a million million pounds", ErrOverflow)
	}
	var p int64
	if whole != "" {
		w, err := strconv.ParseInt(whole, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("%w: %v", ErrAmount, err)
		}
		p = w * 100
	}
	f, _ := strconv.ParseInt(frac, 10, 64) // two digits, checked above
	p += f
	if p > maxLinePence {
		return 0, fmt.Errorf("%w: more than a million million pounds", ErrOverflow)
	}
	if neg {
		p = -p
	}
	return Pence(p), nil
}

// amountFormatHint recognises the usual ways a spreadsheet formats money
// and returns an error saying what to write instead, or nil.
func amountFormatHint(t string) error {
	switch {
	case strings.ContainsAny(t, "£$€¥") || strings.HasPrefix(strings.ToUpper(t), "GBP"):
		return fmt.Errorf("%w: no currency sign; write plain pounds such as 1200.50", ErrAmount)
	case strings.Contains(t, ","):
		return fmt.Errorf("%w: no thousands separator or decimal comma; write 1200.50, not 1,200.50", ErrAmount)
	case strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")"):
		return fmt.Errorf("%w: write a negative amount with a minus sign, not in brackets", ErrAmount)
	case strings.ContainsAny(t, " \t_'"):
		return fmt.Errorf("%w: no spaces or separators inside the number; write 1200, not 1 200", ErrAmount)
	}
	last := t[len(t)-1]
	if len(t) > 1 && isDigit(t[len(t)-2]) {
		switch last {
		case 'k', 'K':
			return fmt.Errorf("%w: write the amount in full, such as 12000 for 12k", ErrAmount)
		case 'm', 'M':
			return fmt.Errorf("%w: write the amount in full, such as 1500000 for 1.5m", ErrAmount)
		case 'p':
			return fmt.Errorf("%w: write pence as pounds, such as 0.50 for 50p", ErrAmount)
		}
	}
	if strings.ContainsAny(t, "eE") && strings.IndexFunc(t, func(r rune) bool { return r >= '0' && r <= '9' }) >= 0 &&
		strings.Trim(t, "0123456789.+-eE") == "" {
		return fmt.Errorf("%w: no exponent; write 1000, not 1e3", ErrAmount)
	}
	return nil
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}
