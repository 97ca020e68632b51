package report

import (
	"fmt"
	"math"
	"testing"

	"gonum.org/v1/plot/vg"
)

// powerCurveFixture is a smooth made-up curve, so that the golden image
// depends on the drawing only.
func powerCurveFixture() PowerCurve {
	var x, y []float64
	for n := 2.0; n <= 400; n += 2 {
		x = append(x, n)
		y = append(y, 1-math.Exp(-n/120))
	}
	return PowerCurve{Title: "Power of a two-sample t-test, d = 0.3\nsample size solved for power 0.8 at the effect given", XLabel: "units per arm", X: x, Power: y,
		Target: 0.8, Mark: 193.1, TargetLabel: "power 0.8 (given)", MarkLabel: "193.1 units per arm (solved)"}
}

func TestPowerCurveGolden(t *testing.T) {
	p, err := powerCurveFixture().Plot()
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "powercurve", p, 6*vg.Inch, 4*vg.Inch)
}

func TestPowerCurveErrors(t *testing.T) {
	if _, err := (PowerCurve{X: []float64{1, 2}, Power: []float64{0.5}}).Plot(); err == nil {
		t.Error("mismatched lengths: no error")
	}
	if _, err := (PowerCurve{X: []float64{1}, Power: []float64{0.5}}).Plot(); err == nil {
		t.Error("one point: no error")
	}
}

func ExamplePowerCurve_Plot() {
	c := PowerCurve{Title: "Power against n", XLabel: "units per arm",
		X: []float64{10, 20, 40, 80}, Power: []float64{0.2, 0.35, 0.6, 0.88}, Target: 0.8}
	p, err := c.Plot()
	if err != nil {
		fmt.Println(err)
		return
	}
	// Render with p.Save(6*vg.Inch, 4*vg.Inch, "power.png"), or p.WriterTo.
	fmt.Printf("%s; x: %s; y: %s from %g to %g\n", p.Title.Text, p.X.Label.Text, p.Y.Label.Text, p.Y.Min, p.Y.Max)
	// Output:
	// Power against n; x: units per arm; y: power from 0 to 1
}
