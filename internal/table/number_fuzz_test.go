package table

import (
	"math"
	"strconv"
	"strings"
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

// FuzzShortDecimal: the fast path gives, bit for bit, what the general
// path gives, whenever it reads a text at all.
func FuzzShortDecimal(f *testing.F) {
	for _, s := range []string{"12", "-0.5", "-0", "+.5", "5.", ".", "-", "50.125", "123456789012345", "1234567890123456", "0.000000000000001", "9007199254740993", "1.2.3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := parseShortDecimal(s)
		if !ok {
			return
		}
		want, err := parseNumber(s)
		if err != nil || math.Float64bits(v) != math.Float64bits(want) {
			t.Fatalf("%q: fast path %v, general path %v, %v", s, v, want, err)
		}
	})
}

// TestShortDecimal checks which texts the fast path takes, and that each
// agrees bit for bit with strconv.ParseFloat.
func TestShortDecimal(t *testing.T) {
	for _, c := range []struct {
		s  string
		ok bool
	}{
		{"12", true}, {"-0.5", true}, {"-0", true}, {"+.5", true}, {"5.", true},
		{"50.125", true}, {"123456789012345", true}, {"0.00000000000001", true},
		{".", false}, {"-", false}, {"", false}, {" 1", false}, {"1e3", false},
		{"1234567890123456", false}, {"1.2.3", false}, {"1,5", false},
	} {
		v, ok := parseShortDecimal(c.s)
		if ok != c.ok {
			t.Errorf("%q: ok %v, want %v", c.s, ok, c.ok)
			continue
		}
		if ok {
			want, _ := strconv.ParseFloat(c.s, 64)
			if math.Float64bits(v) != math.Float64bits(want) {
				t.Errorf("%q: %v, want %v", c.s, v, want)
			}
		}
	}
}

// FuzzIsMissing: IsMissing, with its shortcut for long values, finds the
// contract's tokens (cli.md: empty, NA, NaN, ., null) and a spreadsheet's
// #N/A (an addition in the README), the value's spaces trimmed, and
// nothing else.
func FuzzIsMissing(f *testing.F) {
	for _, s := range []string{"NA", " null ", "#N/A\u00a0", "\u3000NaN", "value", " value", "12345"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want bool
		switch strings.TrimSpace(s) {
		case "", "NA", "NaN", ".", "null", "#N/A":
			want = true
		}
		if got := IsMissing(s); got != want {
			t.Fatalf("IsMissing(%q) = %v, want %v", s, got, want)
		}
	})
}
