package stats

import (
	"encoding/binary"
	"math"
	"testing"
)

// continuousFuzzSamples splits data into 8-byte float64 values, the first
// nx (at most) going to x and the rest to y.
func continuousFuzzSamples(data []byte, nx uint8) (x, y []float64) {
	var all []float64
	for len(data) >= 8 {
		all = append(all, math.Float64frombits(binary.LittleEndian.Uint64(data)))
		data = data[8:]
	}
	k := min(int(nx), len(all))
	return all[:k], all[k:]
}

// continuousFuzzSeed is a seed of two small samples.
func continuousFuzzSeed(x, y []float64) []byte {
	var b []byte
	for _, v := range append(append([]float64(nil), x...), y...) {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
	}
	return b
}

func fuzzTTest(f *testing.F, fn func([]float64, []float64, float64, Alternative) (TTestResult, error)) {
	f.Add(continuousFuzzSeed([]float64{1, 2, 3}, []float64{2, 4}), uint8(3), 0.95, uint8(0))
	f.Add(continuousFuzzSeed([]float64{1e300, -1e300}, []float64{5e-324, 0, 1}), uint8(2), 0.5, uint8(1))
	f.Add(continuousFuzzSeed([]float64{1, 1}, []float64{1, 1}), uint8(2), 0.99, uint8(2))
	f.Fuzz(func(t *testing.T, data []byte, nx uint8, level float64, alt uint8) {
		x, y := continuousFuzzSamples(data, nx)
		a := Alternative(alt % 3)
		r, err := fn(x, y, level, a)
		if err != nil {
			return
		}
		if !(r.P >= 0 && r.P <= 1) {
			t.Errorf("p = %v", r.P)
		}
		if !(r.DF > 0) || math.IsNaN(r.T) || !(r.SE > 0) {
			t.Errorf("df = %v, t = %v, se = %v", r.DF, r.T, r.SE)
		}
		if !(r.CILow <= r.CIHigh) {
			t.Errorf("interval %v to %v", r.CILow, r.CIHigh)
		}
	})
}

func FuzzWelchT(f *testing.F)   { fuzzTTest(f, WelchT) }
func FuzzStudentT(f *testing.F) { fuzzTTest(f, StudentT) }

func FuzzMannWhitney(f *testing.F) {
	f.Add(continuousFuzzSeed([]float64{1, 2, 3}, []float64{2, 4}), uint8(3), uint8(0))
	f.Add(continuousFuzzSeed([]float64{1, 1, 2}, []float64{1, 2, 2, 2}), uint8(3), uint8(1))
	f.Add(continuousFuzzSeed([]float64{5}, []float64{5}), uint8(1), uint8(2))
	f.Fuzz(func(t *testing.T, data []byte, nx uint8, alt uint8) {
		x, y := continuousFuzzSamples(data, nx)
		r, err := MannWhitney(x, y, Alternative(alt%3))
		if err != nil {
			return
		}
		if !(r.P >= 0 && r.P <= 1) {
			t.Errorf("p = %v", r.P)
		}
		if !(r.W >= 0 && r.W <= float64(len(x)*len(y))) {
			t.Errorf("W = %v for %d and %d values", r.W, len(x), len(y))
		}
	})
}

func fuzzSMD(f *testing.F, fn func([]float64, []float64, float64, Alternative) (SMDResult, error)) {
	f.Add(continuousFuzzSeed([]float64{1, 2, 3}, []float64{2, 4}), uint8(3), 0.95, uint8(0))
	f.Add(continuousFuzzSeed([]float64{50, 50.001}, []float64{36.06, 36.0601, 36.0599}), uint8(2), 0.99, uint8(0))
	f.Add(continuousFuzzSeed([]float64{1e300, -1e300}, []float64{5e-324, 0, 1}), uint8(2), 0.5, uint8(1))
	f.Add(continuousFuzzSeed([]float64{1, 2}, []float64{1, 1}), uint8(2), 0.9, uint8(2))
	f.Fuzz(func(t *testing.T, data []byte, nx uint8, level float64, alt uint8) {
		x, y := continuousFuzzSamples(data, nx)
		r, err := fn(x, y, level, Alternative(alt%3))
		if err != nil {
			return
		}
		if math.IsNaN(r.Value) || !(r.SD > 0) {
			t.Errorf("value %v, SD %v", r.Value, r.SD)
		}
		if !(r.CILow <= r.CIHigh) {
			t.Errorf("interval %v to %v", r.CILow, r.CIHigh)
		}
	})
}

func FuzzCohensD(f *testing.F)    { fuzzSMD(f, CohensD) }
func FuzzHedgesG(f *testing.F)    { fuzzSMD(f, HedgesG) }
func FuzzGlassDelta(f *testing.F) { fuzzSMD(f, GlassDelta) }
