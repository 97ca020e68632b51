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
