package analysis

import (
	"errors"
	"strconv"
	"testing"

	"github.com/evalkit/evalkit/rct"
)

// FuzzParsePermutations: any text gives auto, a whole number from 1 to
// rct.RIMaxDraws written as such, or an error; never a panic.
func FuzzParsePermutations(f *testing.F) {
	for _, s := range []string{"auto", "2000", "0", "-1", "1e18", "10000001", "99999999999999999999", "Inf", "NaN", " 5", "0x10", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, auto, err := ParsePermutations(s)
		switch {
		case err != nil:
			if b != 0 || auto {
				t.Fatalf("%q: %d, %v with error %v", s, b, auto, err)
			}
			if n, aerr := strconv.Atoi(s); aerr == nil && n >= 1 && n <= rct.RIMaxDraws {
				t.Fatalf("%q refused: %v", s, err)
			}
			if errors.Is(err, rct.ErrTooManyDraws) {
				if f, _ := strconv.ParseFloat(s, 64); !(f > rct.RIMaxDraws) {
					t.Fatalf("%q: too many, though %g", s, f)
				}
			}
		case auto:
			if s != "auto" || b != 0 {
				t.Fatalf("%q: auto with %d", s, b)
			}
		default:
			if n, aerr := strconv.Atoi(s); aerr != nil || n != b || b < 1 || b > rct.RIMaxDraws {
				t.Fatalf("%q: %d", s, b)
			}
		}
	})
}
