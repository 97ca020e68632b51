package table

import (
	"math"
	"strconv"
	"testing"
)

// FuzzParseNumber: any text is a finite number or ErrNotNumber, never a
// panic, and a number's shortest form reads back as itself.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"12", " -0.5 ", "1.5e-3", "1e309", "-1e309", "Inf", "NaN", "0x1p3", "1_000", "+.5", "5e", "--1", "4.9e-324", "\u00a012"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseNumber(s)
		if err != nil {
			if err != ErrNotNumber {
				t.Fatalf("%q: %v, want ErrNotNumber", s, err)
			}
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("%q read as %v", s, v)
		}
		back, err := ParseNumber(strconv.FormatFloat(v, 'g', -1, 64))
		if err != nil || back != v {
			t.Fatalf("%q read as %v, whose shortest form reads as %v, %v", s, v, back, err)
		}
	})
}
