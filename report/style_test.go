package report

import (
	"fmt"
	"testing"

	"gonum.org/v1/plot/vg"
)

func TestArmColor(t *testing.T) {
	n := len(ArmPalette)
	if ArmColor(0) != ArmPalette[0] || ArmColor(n) != ArmPalette[0] || ArmColor(n+1) != ArmPalette[1] || ArmColor(-1) != ArmPalette[1] {
		t.Error("ArmColor does not wrap around ArmPalette")
	}
	_, _, _, a := ArmFill(1, 0.5).RGBA()
	if a != 0x7fff {
		t.Errorf("ArmFill alpha %#x, want 0x7fff", a)
	}
}

func ExampleArmColor() {
	r, g, b, _ := ArmColor(1).RGBA()
	fmt.Printf("#%02x%02x%02x\n", r>>8, g>>8, b>>8)
	// Output: #0072b2
}

func ExampleNewStyledPlot() {
	p := NewStyledPlot("Crimes per hotspot", "week", "crimes (count)")
	fmt.Println(p.Title.TextStyle.Font.Size, p.X.Label.TextStyle.Font.Typeface, p.X.Label.TextStyle.Font.Variant)
	// Output: 12 Liberation Sans
}

func TestAnalysisWrap(t *testing.T) {
	sty := NewStyledPlot("", "", "").X.Tick.Label
	tests := []struct {
		name  string
		in    string
		width float64 // points
		want  string
	}{
		{"fits", "call-in", 100, "call-in"},
		{"wrapped", "call-in plus support and housing", 60, "call-in plus\nsupport and\nhousing"},
		{"long word alone", "supercalifragilistic x", 20, "supercalifragilistic\nx"},
		{"empty", "", 10, ""},
	}
	for _, tc := range tests {
		if got := analysisWrap(tc.in, sty, vg.Points(tc.width)); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestNiceTicks(t *testing.T) {
	tests := []struct {
		name   string
		lo, hi float64
		want   string // major tick labels
	}{
		{"effect sizes", -0.3, 1.8, "[0.0 0.5 1.0 1.5]"},
		{"around zero", -0.46, 0.46, "[-0.4 -0.2 0.0 0.2 0.4]"},
		{"counts", 0, 10005, "[0 2,000 4,000 6,000 8,000 10,000]"},
		{"days", -13, 76, "[0 20 40 60]"},
		{"percent", 0, 43.7, "[0 10 20 30 40]"},
		{"tiny", 0.0011, 0.0019, "[0.0012 0.0014 0.0016 0.0018]"},
		{"narrow at a large value", 1e17, 1e17 + 64, "[1e+17 1e+17]"},
		{"empty", 1, 1, "[]"},
	}
	for _, tc := range tests {
		var got []string
		for _, tk := range (NiceTicks{}).Ticks(tc.lo, tc.hi) {
			if tk.Label != "" {
				got = append(got, tk.Label)
			}
		}
		if fmt.Sprint(got) != tc.want {
			t.Errorf("%s: ticks %v, want %v", tc.name, got, tc.want)
		}
	}
}

func ExampleNiceTicks() {
	for _, t := range (NiceTicks{}).Ticks(-0.46, 0.46) {
		if t.Label != "" {
			fmt.Print(t.Label, " ")
		}
	}
	fmt.Println()
	// Output: -0.4 -0.2 0.0 0.2 0.4
}
