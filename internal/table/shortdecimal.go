package table

// pow10 holds the powers of ten that a float64 holds exactly: 10^0 to
// 10^22.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// parseShortDecimal reads the decimals that a trial's file mostly holds,
// an optional sign, digits and an optional point with more digits (12,
// -0.5, 50.125), with at most 15 digits in all and no spaces or exponent;
// ok is false for any other text, which ParseNumber reads in full.
//
// The digits m, below 10^15 < 2^53, and 10^k for the k digits after the
// point are both exact in a float64, so m / 10^k, one correctly rounded
// division, is the float64 nearest to the decimal: the value
// strconv.ParseFloat gives (Clinger's fast path [1]), -0 included.
//
// [1] Clinger, W. D. (1990). How to read floating point numbers
// accurately. ACM SIGPLAN Notices 25(6), 92-101.
func parseShortDecimal(s string) (v float64, ok bool) {
	i, neg := 0, false
	if len(s) > 0 && (s[0] == '-' || s[0] == '+') {
		neg, i = s[0] == '-', 1
	}
	var m uint64
	digits, frac, point := 0, 0, false
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
			m = m*10 + uint64(c-'0')
			digits++
			if point {
				frac++
			}
		case c == '.' && !point:
			point = true
		default:
			return 0, false
		}
	}
	if digits == 0 || digits > 15 {
		return 0, false
	}
	v = float64(m) / pow10[frac]
	if neg {
		v = -v
	}
	return v, true
}
