package power

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/evalkit/evalkit/stats"
)

func TestTTestPowerAgainstR(t *testing.T) {
	for _, r := range ttestPowerRef {
		name := fmt.Sprintf("%v alpha=%g d=%g n=%g,%g", r.alt, r.alpha, r.d, r.n1, r.n2)
		res, err := TTest{Alpha: r.alpha, Alternative: r.alt, Effect: r.d, NControl: r.n1, NTreatment: r.n2}.Solve()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		// 1e-9 relative, or AS 243's own error bound of 1e-12 absolute: a
		// one-sided test with the effect in the wrong direction has a power
		// like 2e-12 that both R and evalkit get as 1 − (a series near 1).
		if !scalar.EqualWithinAbsOrRel(res.Power, r.pw, 1e-12, 1e-9) {
			t.Errorf("%s: power %.17g, want %.17g", name, res.Power, r.pw)
		}
	}
}

func TestTTestNAgainstR(t *testing.T) {
	for _, r := range ttestNRef {
		name := fmt.Sprintf("%v d=%g ratio=%g power=%g", r.alt, r.d, r.ratio, r.pw)
		res, err := TTest{Alpha: r.alpha, Alternative: r.alt, Effect: r.d, Power: r.pw, Ratio: r.ratio}.Solve()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !scalar.EqualWithinRel(res.NControlExact, r.n1, 1e-8) {
			t.Errorf("%s: n_control_exact %.17g, want %.17g", name, res.NControlExact, r.n1)
		}
		if res.NControl != math.Ceil(r.n1) || res.NTreatment != math.Ceil(r.ratio*r.n1) {
			t.Errorf("%s: n = %g, %g; want %g, %g", name, res.NControl, res.NTreatment, math.Ceil(r.n1), math.Ceil(r.ratio*r.n1))
		}
	}
}

func TestTTestEffectAgainstR(t *testing.T) {
	for _, r := range ttestDRef {
		name := fmt.Sprintf("%v n=%g,%g power=%g", r.alt, r.n1, r.n2, r.pw)
		res, err := TTest{Alpha: r.alpha, Alternative: r.alt, Power: r.pw, NControl: r.n1, NTreatment: r.n2}.Solve()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !scalar.EqualWithinRel(res.Effect, r.d, 1e-9) {
			t.Errorf("%s: effect %.17g, want %.17g", name, res.Effect, r.d)
		}
	}
}

func TestTTestProperties(t *testing.T) {
	// Power rises with n and with the effect.
	tt := TTest{}
	prev := 0.0
	for n := 2.0; n < 2000; n *= 1.3 {
		p := tt.PowerAt(0.3, n, n)
		if p <= prev {
			t.Fatalf("power not rising in n at %g: %g after %g", n, p, prev)
		}
		prev = p
	}
	prev = 0
	for d := 0.01; d < 3; d += 0.01 {
		p := tt.PowerAt(d, 30, 45)
		if p < prev {
			t.Fatalf("power not rising in d at %g: %g after %g", d, p, prev)
		}
		prev = p
	}
	// Solving then recomputing gives back the target.
	for _, c := range []TTest{
		{Effect: 0.25, Power: 0.8},
		{Effect: 0.4, Power: 0.9, Ratio: 3, Alternative: stats.Greater},
		{Effect: -0.4, Power: 0.85, Ratio: 0.7, Alternative: stats.Less, Alpha: 0.01},
	} {
		res, err := c.Solve()
		if err != nil {
			t.Fatal(err)
		}
		r := res.Ratio
		if got := c.PowerAt(c.Effect, res.NControlExact, r*res.NControlExact); !scalar.EqualWithinAbsOrRel(got, c.Power, 1e-12, 1e-12) {
			t.Errorf("%+v: power at the solved n is %.17g", c, got)
		}
		res2, err := TTest{Alpha: c.Alpha, Alternative: c.Alternative, Power: c.Power, NControl: res.NControlExact, NTreatment: r * res.NControlExact}.Solve()
		if err != nil || !scalar.EqualWithinRel(res2.Effect, c.Effect, 1e-10) {
			t.Errorf("%+v: effect at the solved n is %.17g (%v)", c, res2.Effect, err)
		}
	}
	// Attrition inflates n exactly as the contract says.
	base, _ := TTest{Effect: 0.3, Power: 0.8, Ratio: 1.5}.Solve()
	for _, a := range []float64{0.1, 0.2, 1.0 / 3} {
		res, err := TTest{Effect: 0.3, Power: 0.8, Ratio: 1.5, Attrition: a}.Solve()
		if err != nil {
			t.Fatal(err)
		}
		if res.NControlExact != base.NControlExact ||
			res.NControl != math.Ceil(base.NControlExact/(1-a)) ||
			res.NTreatment != math.Ceil(1.5*base.NControlExact/(1-a)) {
			t.Errorf("attrition %g: %+v", a, res)
		}
	}
	// An effect so large that n = 2 has the power: the smallest n.
	res, err := TTest{Effect: 20, Power: 0.8}.Solve()
	if err != nil || res.NControlExact != 2 || res.NControl != 2 {
		t.Errorf("huge effect: %+v, %v", res, err)
	}
}

func TestTTestBadInput(t *testing.T) {
	for _, c := range []struct {
		name string
		t    TTest
		want error
	}{
		{"two unknowns", TTest{Effect: 0.3}, ErrUnknowns},
		{"no unknown", TTest{Effect: 0.3, Power: 0.8, NControl: 10, NTreatment: 10}, ErrUnknowns},
		{"alpha 1", TTest{Alpha: 1, Effect: 0.3, Power: 0.8}, stats.ErrDomain},
		{"alpha negative", TTest{Alpha: -0.1, Effect: 0.3, Power: 0.8}, stats.ErrDomain},
		{"power 1", TTest{Effect: 0.3, Power: 1}, stats.ErrDomain},
		{"power below alpha", TTest{Effect: 0.3, Power: 0.04}, ErrUnreachable},
		{"power at alpha", TTest{Effect: 0.3, Power: 0.05}, ErrUnreachable},
		{"wrong direction", TTest{Effect: -0.3, Power: 0.8, Alternative: stats.Greater}, ErrUnreachable},
		{"wrong direction less", TTest{Effect: 0.3, Power: 0.8, Alternative: stats.Less}, ErrUnreachable},
		{"attrition 1", TTest{Effect: 0.3, Power: 0.8, Attrition: 1}, stats.ErrDomain},
		{"ratio negative", TTest{Effect: 0.3, Power: 0.8, Ratio: -1}, stats.ErrDomain},
		{"one arm missing", TTest{Effect: 0.3, NControl: 10}, stats.ErrDomain},
		{"arm of 1", TTest{Effect: 0.3, NControl: 1, NTreatment: 5}, stats.ErrDomain},
		{"NaN effect", TTest{Effect: math.NaN(), Power: 0.8}, stats.ErrDomain},
	} {
		if _, err := c.t.Solve(); !errors.Is(err, c.want) {
			t.Errorf("%s: error %v, want %v", c.name, err, c.want)
		}
	}
}

// TestOneSidedAgainstR pins the one-sided powers that evalkit power's
// --sided 1 and --direction down give, against pwr 1.3.0 on R 4.2.2.
func TestOneSidedAgainstR(t *testing.T) {
	for _, tc := range []struct {
		name  string
		power func() (float64, error)
		want  float64
	}{
		// pwr.t2n.test(n1 = 100, n2 = 100, d = 0.3, alternative = "greater")$power
		{"t greater", func() (float64, error) {
			r, err := TTest{Alternative: stats.Greater, Effect: 0.3, NControl: 100, NTreatment: 100}.Solve()
			return r.Power, err
		}, 0.68054037498953379},
		// pwr.t2n.test(n1 = 100, n2 = 100, d = -0.3, alternative = "greater")$power
		{"t greater, effect the other way", func() (float64, error) {
			r, err := TTest{Alternative: stats.Greater, Effect: -0.3, NControl: 100, NTreatment: 100}.Solve()
			return r.Power, err
		}, 8.5310504809088528e-05},
		// pwr.t2n.test(n1 = 100, n2 = 100, d = -0.3, alternative = "less")$power
		{"t less", func() (float64, error) {
			r, err := TTest{Alternative: stats.Less, Effect: -0.3, NControl: 100, NTreatment: 100}.Solve()
			return r.Power, err
		}, 0.68054037498953379},
		// pwr.2p2n.test(h = ES.h(0.22, 0.3), n1 = 300, n2 = 400, alternative = "less")$power
		{"prop less", func() (float64, error) {
			r, err := Prop{Alternative: stats.Less, PControl: 0.3, PTreatment: 0.22, NControl: 300, NTreatment: 400}.Solve()
			return r.Power, err
		}, 0.7732109078975602},
	} {
		got, err := tc.power()
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if !scalar.EqualWithinAbsOrRel(got, tc.want, 1e-12, 1e-9) {
			t.Errorf("%s: power %.17g, R %.17g", tc.name, got, tc.want)
		}
	}
}
