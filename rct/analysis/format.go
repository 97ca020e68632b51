package analysis

import (
	"math"
	"strconv"
)

// FormatNumber formats a number as the notes and the command's table show
// it: four significant digits, NA where undefined, Inf and -Inf.
func FormatNumber(v float64) string {
	switch {
	case math.IsNaN(v):
		return "NA"
	case math.IsInf(v, 1):
		return "Inf"
	case math.IsInf(v, -1):
		return "-Inf"
	}
	return strconv.FormatFloat(v, 'g', 4, 64)
}
