package report

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/cmpimg"
	"gonum.org/v1/plot/vg"
)

// regen rewrites the golden images: go test ./report -regen. The flag is
// gonum/plot's own (cmpimg.GenerateTestData), defined when cmpimg is imported.
var regen = cmpimg.GenerateTestData

// goldenDelta is the tolerance of cmpimg.EqualApprox (YIQ distance), which
// absorbs anti-aliasing differences between platforms' font rasterisers.
const goldenDelta = 0.05

// checkGolden renders p as PNG at w by h and compares it with
// testdata/NAME_golden.png (see checkGoldenPNG).
func checkGolden(t *testing.T, name string, p *plot.Plot, w, h vg.Length) {
	t.Helper()
	wt, err := p.WriterTo(w, h, "png")
	if err != nil {
		t.Fatalf("render %s: %v", name, err)
	}
	var got bytes.Buffer
	if _, err := wt.WriteTo(&got); err != nil {
		t.Fatalf("render %s: %v", name, err)
	}
	checkGoldenPNG(t, name, got.Bytes())
}

// checkGoldenPNG compares the PNG image got with testdata/NAME_golden.png
// within goldenDelta, writing testdata/NAME.png beside it when they differ,
// and rewrites the golden file under -regen.
func checkGoldenPNG(t *testing.T, name string, got []byte) {
	t.Helper()
	golden := filepath.Join("testdata", name+"_golden.png")
	if *regen {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./report -regen to create it)", err)
	}
	ok, err := cmpimg.EqualApprox("png", got, want, goldenDelta)
	if err != nil {
		t.Fatalf("compare %s: %v", name, err)
	}
	if !ok {
		bad := filepath.Join("testdata", name+".png")
		os.WriteFile(bad, got, 0o644)
		t.Errorf("%s differs from %s; the new image is %s", name, golden, bad)
	}
}
