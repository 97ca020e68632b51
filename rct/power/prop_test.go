package power

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/evalkit/evalkit/stats"
)

func TestPropPowerAgainstR(t *testing.T) {
	for _, r := range propPowerRef {
		name := fmt.Sprintf("%v %v p=%g,%g n=%g,%g", r.method, r.alt, r.pc, r.pt, r.n1, r.n2)
		res, err := Prop{Method: r.method, Alpha: r.alpha, Alternative: r.alt, PControl: r.pc, PTreatment: r.pt, NControl: r.n1, NTreatment: r.n2}.Solve()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !scalar.EqualWithinAbsOrRel(res.Power, r.pw, 1e-15, 1e-9) {
			t.Errorf("%s: power %.17g, want %.17g", name, res.Power, r.pw)
		}
	}
}

func TestPropNAgainstR(t *testing.T) {
	for _, r := range propNRef {
		name := fmt.Sprintf("%v p=%g,%g ratio=%g power=%g", r.method, r.pc, r.pt, r.ratio, r.pw)
		res, err := Prop{Method: r.method, Alternative: r.alt, PControl: r.pc, PTreatment: r.pt, Ratio: r.ratio, Power: r.pw}.Solve()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !scalar.EqualWithinRel(res.NControlExact, r.n1, 1e-8) {
			t.Errorf("%s: n_control_exact %.17g, want %.17g", name, res.NControlExact, r.n1)
		}
	}
}

func TestPropPTreatmentAgainstR(t *testing.T) {
	for _, r := range propPRef {
		name := fmt.Sprintf("%v pc=%g n=%g reduction=%v", r.method, r.pc, r.n, r.reduction)
		res, err := Prop{Method: r.method, Alternative: r.alt, Reduction: r.reduction, PControl: r.pc, NControl: r.n, NTreatment: r.n, Power: r.pw}.Solve()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !scalar.EqualWithinRel(res.PTreatment, r.pt, 1e-9) {
			t.Errorf("%s: p_treatment %.17g, want %.17g", name, res.PTreatment, r.pt)
		}
	}
}

func TestPropProperties(t *testing.T) {
	for _, m := range []PropMethod{Arcsine, Pooled} {
		p := Prop{Method: m, PControl: 0.3}
		prev := 0.0
		for n := 2.0; n < 1e5; n *= 1.5 {
			pw := p.PowerAt(0.25, n, n)
			if pw < prev || (pw == prev && pw < 1) {
				t.Fatalf("%v: power not rising in n at %g", m, n)
			}
			prev = pw
		}
		prev = 0
		for pt := 0.31; pt < 0.99; pt += 0.01 {
			pw := p.PowerAt(pt, 100, 100)
			if pw < prev {
				t.Fatalf("%v: power not rising in p_t at %g", m, pt)
			}
			prev = pw
		}
		res, err := Prop{Method: m, PControl: 0.3, PTreatment: 0.22, Power: 0.9, Attrition: 0.15}.Solve()
		if err != nil {
			t.Fatal(err)
		}
		n := res.NControlExact
		if got := p.PowerAt(0.22, n, n); !scalar.EqualWithinAbsOrRel(got, 0.9, 1e-12, 1e-12) {
			t.Errorf("%v: power at the solved n %.17g", m, got)
		}
		if res.NControl != math.Ceil(n/0.85) || res.NTreatment != math.Ceil(n/0.85) {
			t.Errorf("%v: attrition: %+v", m, res)
		}
	}
}

func TestPropBadInput(t *testing.T) {
	for _, c := range []struct {
		name string
		p    Prop
		want error
	}{
		{"two unknowns", Prop{PControl: 0.3}, ErrUnknowns},
		{"none", Prop{PControl: 0.3, PTreatment: 0.2, Power: 0.8, NControl: 9, NTreatment: 9}, ErrUnknowns},
		{"p_control 0", Prop{PControl: 0, PTreatment: 0.2, Power: 0.8}, stats.ErrDomain},
		{"p_control 1", Prop{PControl: 1, PTreatment: 0.2, Power: 0.8}, stats.ErrDomain},
		{"p_treatment 1.2", Prop{PControl: 0.3, PTreatment: 1.2, Power: 0.8}, stats.ErrDomain},
		{"p_treatment negative", Prop{PControl: 0.3, PTreatment: -0.2, Power: 0.8}, stats.ErrDomain},
		{"pooled unequal", Prop{Method: Pooled, PControl: 0.3, PTreatment: 0.2, Power: 0.8, Ratio: 2}, stats.ErrDomain},
		{"equal proportions", Prop{PControl: 0.3, PTreatment: 0.3, Power: 0.8}, ErrUnreachable},
		{"wrong direction", Prop{PControl: 0.3, PTreatment: 0.2, Power: 0.8, Alternative: stats.Greater}, ErrUnreachable},
		{"unreachable p", Prop{PControl: 0.9, NControl: 5, NTreatment: 5, Power: 0.99}, ErrUnreachable},
		{"alpha 0 after default is fine, alpha 2 is not", Prop{Alpha: 2, PControl: 0.3, PTreatment: 0.2, Power: 0.8}, stats.ErrDomain},
	} {
		if _, err := c.p.Solve(); !errors.Is(err, c.want) {
			t.Errorf("%s: error %v, want %v", c.name, err, c.want)
		}
	}
}
