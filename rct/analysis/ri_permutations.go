package analysis

import (
	"fmt"
	"strconv"

	"github.com/evalkit/evalkit/rct"
)

// errTooManyPermutations says how to ask for enough re-randomisations
// when too many were asked for.
var errTooManyPermutations = fmt.Errorf("%w (%d); auto draws until the p-value is precise enough", rct.ErrTooManyDraws, rct.RIMaxDraws)

// ParsePermutations returns the re-randomisations asked for by s: a whole
// number B from 1 to rct.RIMaxDraws (Plan.Permutations), or "auto"
// (Plan.AutoPermutations). Any other text is an error that says the range,
// wrapping rct.ErrTooManyDraws for a number above it.
//
//	ParsePermutations("2000") = 2000, false, nil
//	ParsePermutations("auto") = 0, true, nil
//	ParsePermutations("1e18") = error: more than the most allowed (10000000)
func ParsePermutations(s string) (b int, auto bool, err error) {
	if s == "auto" {
		return 0, true, nil
	}
	b, err = strconv.Atoi(s)
	if err != nil {
		b = 0
		// A number too large for an int, or written as a float (1e18).
		if f, _ := strconv.ParseFloat(s, 64); f > rct.RIMaxDraws {
			b = rct.RIMaxDraws + 1
		}
	}
	switch {
	case b > rct.RIMaxDraws:
		return 0, false, fmt.Errorf("analysis: permutations %q: %w", s, errTooManyPermutations)
	case b < 1:
		return 0, false, fmt.Errorf("analysis: permutations %q: want a whole number of re-randomisations from 1 to %d, or auto", s, rct.RIMaxDraws)
	}
	return b, false, nil
}
