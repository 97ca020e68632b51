package report

import (
	"fmt"
	"testing"
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
