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
		{"three significant digits", analysisNumber(0.012345), "0.0123"},
		{"integer part kept", analysisNumber(12345.6), "12346"},
		{"middle", analysisNumber(-3.14159), "-3.14"},
		{"zero", analysisNumber(0), "0"},
		{"NaN", analysisNumber(math.NaN()), "undefined"},
		{"Inf", analysisNumber(math.Inf(-1)), "undefined"},
		{"tiny", analysisNumber(1e-12), "0.00000000"},
		{"interval", analysisInterval(0.5, 1.25), "0.500 to 1.25"},
		{"open interval", analysisInterval(0, math.Inf(1)), "0 to undefined"},
		{"undefined interval", analysisInterval(math.NaN(), math.NaN()), "undefined"},
		{"p", analysisPValue(0.0123), "0.012"},
		{"small p", analysisPValue(1e-12), "< 0.001"},
		{"no p", analysisPValue(math.NaN()), "–"},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, tc.got, tc.want)
		}
	}
}
