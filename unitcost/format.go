package unitcost

import (
	"math"
	"sort"
	"strconv"
	"strings"
)

// FormatPounds formats pounds for people, to the penny with thousands
// separators, as evalkit unitcost's tables show them:
//
//	FormatPounds(1234.5) = "£1,234.50"
//	FormatPounds(-0.004) = "£0.00"
//	FormatPounds(NaN) = "-" (undefined), and the same for ±Inf
func FormatPounds(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "-"
	}
	s := strconv.FormatFloat(math.Abs(x), 'f', 2, 64)
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if x < 0 && s != "0.00" {
		b.WriteByte('-')
	}
	b.WriteString("£")
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	b.WriteString("." + frac)
	return b.String()
}

// Funders returns the funders of a ByFunder map in the order reports show
// them: alphabetical, with Unspecified last.
func Funders(byFunder map[string]float64) []string {
	var fs []string
	for f := range byFunder {
		if f != Unspecified {
			fs = append(fs, f)
		}
	}
	sort.Strings(fs)
	if _, ok := byFunder[Unspecified]; ok {
		fs = append(fs, Unspecified)
	}
	return fs
}
