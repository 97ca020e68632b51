package unitcost

import (
	"fmt"
	"strconv"
	"strings"
)

// ParseYear reads a year, written as a calendar year such as 2023 or as a
// financial year such as 2023-24 or 2023/24, which counts as the year it
// starts in (2023). A sheet should use one convention throughout, and the
// deflators the same one. Years outside 1900 to 2200 are refused as
// likely typing errors.
func ParseYear(s string) (int, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, fmt.Errorf("%w: no year", ErrMissing)
	}
	first, second, fy := strings.Cut(t, "-")
	if !fy {
		first, second, fy = strings.Cut(t, "/")
	}
	if len(first) != 4 || !allDigits(first) {
		return 0, fmt.Errorf("%w: write a year as 2023, or a financial year as 2023-24", ErrYear)
	}
	y, _ := strconv.Atoi(first)
	if y < 1900 || y > 2200 {
		return 0, fmt.Errorf("%w: %d is outside 1900 to 2200", ErrYear, y)
	}
	if fy {
		var next int
		switch {
		case len(second) == 2 && allDigits(second):
			n, _ := strconv.Atoi(second)
			next = y/100*100 + n
			if n < y%100 {
				next += 100
			}
		case len(second) == 4 && allDigits(second):
			next, _ = strconv.Atoi(second)
		default:
			return 0, fmt.Errorf("%w: write a financial year as 2023-24", ErrYear)
		}
		if next != y+1 {
			return 0, fmt.Errorf("%w: a financial year spans two consecutive years, such as 2023-24", ErrYear)
		}
	}
	return y, nil
}
