package report

import (
	"fmt"
	"strconv"
	"strings"
)

// flowShare prints n/total as a percentage to one decimal, never rounding
// a share that is not 0 to "0.0%" or one that is not whole to "100.0%".
func flowShare(n, total int) string {
	pct := 100 * float64(n) / float64(total)
	switch {
	case n > 0 && pct < 0.05:
		return "< 0.1%"
	case n < total && pct >= 99.95:
		return "> 99.9%"
	}
	return fmt.Sprintf("%.1f%%", pct)
}

// flowThousands writes n with commas between groups of three digits.
func flowThousands(n int) string {
	s := strconv.Itoa(n)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	var out []byte
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}

// splitLines splits s at its line breaks.
func splitLines(s string) []string { return strings.Split(s, "\n") }
