package report

import (
	"math"
	"testing"
)

func TestHTMLNumbers(t *testing.T) {
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"three significant digits", htmlNumber(0.012345), "0.0123"},
		{"integer part kept", htmlNumber(12345.6), "12346"},
		{"middle", htmlNumber(-3.14159), "-3.14"},
		{"zero", htmlNumber(0), "0"},
		{"NaN", htmlNumber(math.NaN()), "undefined"},
		{"Inf", htmlNumber(math.Inf(-1)), "undefined"},
		{"tiny", htmlNumber(1e-12), "0.00000000"},
		{"interval", htmlInterval(0.5, 1.25), "0.500 to 1.25"},
		{"open interval", htmlInterval(0, math.Inf(1)), "0 to undefined"},
		{"undefined interval", htmlInterval(math.NaN(), math.NaN()), "undefined"},
		{"p", htmlPValue(0.0123), "0.012"},
		{"small p", htmlPValue(1e-12), "< 0.001"},
		{"no p", htmlPValue(math.NaN()), "–"},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, tc.got, tc.want)
		}
	}
}
