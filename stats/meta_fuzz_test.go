package stats

import (
	"math"
	"testing"
)

// poolFuzzDecode turns bytes into studies (3 bytes each): an estimate, and
// an se whose exponent spans 2⁻¹²⁸ to 2¹²⁷ and whose byte 0 gives 0, so that
// equal, tiny, huge and invalid values are common.
func poolFuzzDecode(data []byte) (est, se []float64) {
	for i := 0; i+3 <= len(data); i += 3 {
		b := data[i : i+3]
		est = append(est, math.Ldexp(float64(int8(b[0])), int(b[2]>>4)*8-64))
		s := 0.0
		if b[1] != 0 {
			s = math.Ldexp(float64(b[1]), int(int8(b[2]<<4))-8)
		}
		se = append(se, s)
	}
	return est, se
}

func FuzzPool(f *testing.F) {
	f.Add([]byte("abcdefghijklmnopqrstuvwxyz"), uint8(0), 0.95)
	f.Add([]byte{10, 20, 0x44, 200, 3, 0x44, 7, 9, 0x44}, uint8(1), 0.9)
	f.Add([]byte{1, 1, 0x44, 1, 1, 0x44}, uint8(2), 0.5)
	f.Add([]byte{127, 255, 0xf7, 128, 1, 0x08, 0, 50, 0x80}, uint8(0), 0.99)
	f.Fuzz(func(t *testing.T, data []byte, method uint8, level float64) {
		est, se := poolFuzzDecode(data)
		opt := PoolOptions{Method: PoolMethod(method % 4), Level: level, PredictionT: method&4 != 0}
		r, err := Pool(est, se, opt)
		if err != nil {
			if !olsFuzzSentinel(err) {
				t.Fatalf("error without a sentinel: %v", err)
			}
			return
		}
		finite := func(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
		if !finite(r.Estimate) || !(r.SE > 0) || !finite(r.SE) || !(r.Tau2 >= 0) || !finite(r.Tau2) {
			t.Fatalf("estimate %v se %v tau2 %v", r.Estimate, r.SE, r.Tau2)
		}
		if !(r.CILow <= r.Estimate && r.Estimate <= r.CIHigh) || !(r.P >= 0 && r.P <= 1) || !(r.QP >= 0 && r.QP <= 1) {
			t.Fatalf("ci [%v, %v] around %v, p %v, QP %v", r.CILow, r.CIHigh, r.Estimate, r.P, r.QP)
		}
		if !(r.Q >= 0) || !(r.I2 >= 0 && r.I2 <= 100) || !(r.H2 >= 0) {
			t.Fatalf("Q %v I2 %v H2 %v", r.Q, r.I2, r.H2)
		}
		if opt.Method != PoolFE && !(r.PILow <= r.CILow && r.CIHigh <= r.PIHigh && r.Tau2SE >= 0) {
			t.Fatalf("pi [%v, %v] ci [%v, %v] se.tau2 %v", r.PILow, r.PIHigh, r.CILow, r.CIHigh, r.Tau2SE)
		}
		sum := 0.0
		for _, s := range r.Studies {
			if !(s.Weight >= 0) {
				t.Fatalf("weight %v", s.Weight)
			}
			sum += s.Weight
		}
		if math.Abs(sum-100) > 1e-9 {
			t.Fatalf("weights sum to %v", sum)
		}
	})
}
