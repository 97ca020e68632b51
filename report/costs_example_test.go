package report_test

import (
	"fmt"

	"github.com/evalkit/evalkit/report"
	"github.com/evalkit/evalkit/unitcost"
)

func ExampleCostPerPerson() {
	res, _ := unitcost.Calculate([]unitcost.Line{
		{Intervention: "School Navigators", Category: unitcost.Staff, Amount: 12000000, Year: 2023},
		{Intervention: "School Navigators", Category: unitcost.Overhead, Amount: 3300000, Year: 2023},
	}, []unitcost.Reach{{Intervention: "School Navigators", People: 200}}, nil, unitcost.Options{})
	p, err := report.CostPerPerson(res)
	if err != nil {
		fmt.Println(err)
		return
	}
	w, h := report.CostPerPersonSize(res)
	fmt.Println(p.Title.Text)
	fmt.Printf("%.1f by %.1f cm\n", w.Dots(1)/0.393701, h.Dots(1)/0.393701)
	// Output:
	// Cost per person reached, by category
	// 18.0 by 3.9 cm
}

func ExampleCostTornado() {
	res, _ := unitcost.Calculate([]unitcost.Line{
		{Intervention: "School Navigators", Category: unitcost.Staff, Amount: 12000000, Year: 2023},
		{Intervention: "School Navigators", Category: unitcost.Overhead, Amount: 3300000, Year: 2023},
	}, []unitcost.Reach{{Intervention: "School Navigators", People: 200}}, nil, unitcost.Options{Sensitivity: 0.1})
	p, err := report.CostTornado(res.Interventions[0], res.Sensitivity)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Title.Text)
	// Output:
	// School Navigators: cost per person with each input 10% lower or higher
}
