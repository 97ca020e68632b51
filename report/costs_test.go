package report

import (
	"errors"
	"os"
	"testing"

	"github.com/evalkit/evalkit/unitcost"
)

// costsResult costs the programme's 2023-24 example sheets.
func costsResult(t *testing.T) *unitcost.Result {
	t.Helper()
	f, err := os.Open("../examples/costs_2023_24.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	lines, err := unitcost.ReadCosts(f, "costs_2023_24.csv")
	if err != nil {
		t.Fatal(err)
	}
	g, err := os.Open("../examples/reach_2023_24.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	reach, err := unitcost.ReadReach(g, "reach_2023_24.csv")
	if err != nil {
		t.Fatal(err)
	}
	res, err := unitcost.Calculate(lines, reach, nil, unitcost.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestCostPerPersonGolden(t *testing.T) {
	res := costsResult(t)
	p, err := CostPerPerson(res)
	if err != nil {
		t.Fatal(err)
	}
	w, h := CostPerPersonSize(res)
	checkGolden(t, "costs_per_person", p, w, h)
}

func TestCostPerPersonNobodyReached(t *testing.T) {
	res, err := unitcost.Calculate([]unitcost.Line{{Intervention: "A", Amount: 100, Year: 2023}}, nil, nil, unitcost.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := CostPerPerson(res); !errors.Is(err, ErrNoCostPerPerson) {
		t.Errorf("err = %v, want ErrNoCostPerPerson", err)
	}
}

func TestCostTornadoGolden(t *testing.T) {
	f, err := os.Open("../testdata/unitcost/multiyear_costs.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	lines, err := unitcost.ReadCosts(f, "multiyear_costs.csv")
	if err != nil {
		t.Fatal(err)
	}
	reach := []unitcost.Reach{{Intervention: "Hotspot Patrols", People: 400}, {Intervention: "Mentoring", People: 40}}
	opt := unitcost.Options{DiscountRate: 0.035, BaseYear: 2022, Sensitivity: 0.2}
	res, err := unitcost.Calculate(lines, reach, nil, opt)
	if err != nil {
		t.Fatal(err)
	}
	iv := res.Interventions[0]
	p, err := CostTornado(iv, res.Sensitivity)
	if err != nil {
		t.Fatal(err)
	}
	w, h := CostTornadoSize(iv)
	checkGolden(t, "costs_tornado", p, w, h)

	if _, err := CostTornado(unitcost.Intervention{Name: "none"}, 0.1); !errors.Is(err, ErrNoSensitivity) {
		t.Errorf("err = %v, want ErrNoSensitivity", err)
	}
}

// TestCostPerPersonFree draws interventions that cost nothing, and skips
// one that reached no one.
func TestCostPerPersonFree(t *testing.T) {
	res, err := unitcost.Calculate([]unitcost.Line{
		{Intervention: "Free", Amount: 0, Year: 2023},
		{Intervention: "Nobody", Amount: 100, Year: 2023},
	}, []unitcost.Reach{{Intervention: "Free", People: 3}, {Intervention: "Nobody", People: 0}}, nil, unitcost.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := CostPerPerson(res)
	if err != nil {
		t.Fatal(err)
	}
	w, h := CostPerPersonSize(res)
	if _, err := p.WriterTo(w, h, "png"); err != nil {
		t.Fatal(err)
	}
}
