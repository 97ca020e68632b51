package unitcost_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/evalkit/evalkit/unitcost"
)

// School Navigators: £153,000 of the 2023-24 core grant for 200 young
// people is £765 per person reached.
func ExampleCalculate() {
	costs := []unitcost.Line{
		{Intervention: "School Navigators", Item: "youth workers", Category: unitcost.Staff, Amount: 12000000, Year: 2023},
		{Intervention: "School Navigators", Item: "materials and travel", Category: unitcost.NonStaff, Amount: 1800000, Year: 2023},
		{Intervention: "School Navigators", Item: "management", Category: unitcost.Overhead, Amount: 1500000, Year: 2023},
	}
	reach := []unitcost.Reach{{Intervention: "School Navigators", Group: "24_and_under", People: 200}}
	outcomes := []unitcost.Outcome{{Intervention: "School Navigators", Outcome: "exclusion avoided", Count: 12, Value: 1800000, Valued: true}}
	res, err := unitcost.Calculate(costs, reach, outcomes, unitcost.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	iv := res.Interventions[0]
	fmt.Printf("%s: £%.2f for %d people, £%.2f per person\n", iv.Name, iv.TotalCost, iv.People, iv.CostPerPerson)
	o := iv.Outcomes[0]
	fmt.Printf("£%.2f per %s; benefit £%.0f, BCR %.2f\n", o.CostPerOutcome, o.Outcome, o.Benefit, o.BCR)
	// Output:
	// School Navigators: £153000.00 for 200 people, £765.00 per person
	// £12750.00 per exclusion avoided; benefit £216000, BCR 1.41
}

// Costs over two years in 2023 prices, discounted at the Green Book's
// 3.5% to 2023: 1000 × 100/97.5 in 2022 (before the base year, so not
// discounted), 1000 in 2023, and 1000 × 100/102.5 / 1.035 in 2024.
func ExampleCalculate_realTerms() {
	costs := []unitcost.Line{
		{Intervention: "Mentoring", Category: unitcost.Staff, Amount: 100000, Year: 2022},
		{Intervention: "Mentoring", Category: unitcost.Staff, Amount: 100000, Year: 2023},
		{Intervention: "Mentoring", Category: unitcost.Staff, Amount: 100000, Year: 2024},
	}
	opt := unitcost.Options{
		PriceYear:    2023,
		Deflators:    unitcost.Deflators{2022: 97.5, 2023: 100, 2024: 102.5},
		DiscountRate: 0.035,
		BaseYear:     2023,
	}
	res, err := unitcost.Calculate(costs, []unitcost.Reach{{Intervention: "Mentoring", People: 10}}, nil, opt)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("£%.2f nominal, £%.2f real and discounted\n", res.Interventions[0].NominalCost.Pounds(), res.Interventions[0].TotalCost)
	fmt.Println(res.Warnings[0])
	// Output:
	// £3000.00 nominal, £2968.26 real and discounted
	// costs of 2022 fall before the base year 2023 and are not discounted (nor compounded)
}

func ExampleParsePounds() {
	for _, s := range []string{"1200.50", "153000", "£1,200", "12k"} {
		p, err := unitcost.ParsePounds(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(int64(p), "pence")
	}
	// Output:
	// 120050 pence
	// 15300000 pence
	// not an amount in plain pounds and pence: no currency sign; write plain pounds such as 1200.50
	// not an amount in plain pounds and pence: write the amount in full, such as 12000 for 12k
}

func ExamplePence_String() {
	fmt.Println(unitcost.Pence(120050), unitcost.Pence(7))
	// Output: 1200.50 0.07
}

func ExampleParseCategory() {
	c, _ := unitcost.ParseCategory("in_kind")
	fmt.Println(c == unitcost.InKind)
	_, err := unitcost.ParseCategory("non-staff")
	fmt.Println(err)
	// Output:
	// true
	// unknown category; use one of staff, non_staff, overhead, in_kind, volunteer
}

func ExampleParseYear() {
	y, _ := unitcost.ParseYear("2023-24")
	fmt.Println(y)
	// Output: 2023
}

// The Sports & Violence Impact Manager: £42,000 salary, 30% on-costs, of
// which the core grant pays 0.4 of a whole-time post.
func ExampleStaffCost() {
	cost, err := unitcost.StaffCost(4200000, 0.30, 0.4)
	fmt.Println(cost, err)
	// Output: 21840.00 <nil>
}

func ExampleStaffLine() {
	l, _ := unitcost.StaffLine("Sports & Inclusion", "impact manager (0.6 WTE)", 4200000, 0.30, 0.6, 2023, "StreetGames")
	fmt.Println(l.Category, l.Amount, l.Funder)
	// Output: staff 32760.00 StreetGames
}

func ExampleReadCosts() {
	sheet := `intervention,item,category,amount,year,funder
Custody Navigators,volunteer coordinator,staff,33000,2023-24,VRU core grant
Custody Navigators,custody link workers,staff,50000,2023-24,Oxfordshire County Council
Custody Navigators,office space,in_kind,3000,2023-24,Thames Valley Police
`
	lines, err := unitcost.ReadCosts(strings.NewReader(sheet), "costs.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range lines {
		fmt.Println(l.Source.Row, l.Category, l.Amount, l.Year, l.Funder)
	}
	_, err = unitcost.ReadCosts(strings.NewReader("intervention,item,category,amount,year\nA,x,staff,12k,2023\n"), "costs.csv")
	fmt.Println(err)
	// Output:
	// 2 staff 33000.00 2023 VRU core grant
	// 3 staff 50000.00 2023 Oxfordshire County Council
	// 4 in_kind 3000.00 2023 Thames Valley Police
	// costs.csv: row 2, column "amount": "12k": not an amount in plain pounds and pence: write the amount in full, such as 12000 for 12k
}

func ExampleReadReach() {
	reach, _ := unitcost.ReadReach(strings.NewReader("intervention,group,people\nHospital Navigators,24_and_under,150\nHospital Navigators,25_and_over,50\n"), "reach.csv")
	fmt.Println(len(reach), reach[1].Group, reach[1].People)
	// Output: 2 25_and_over 50
}

func ExampleReadOutcomes() {
	out, _ := unitcost.ReadOutcomes(strings.NewReader("intervention,outcome,count,value\nHospital Navigators,re-attendance avoided,20,2500\nHospital Navigators,referrals,96,\n"), "outcomes.csv")
	fmt.Println(out[0].Count, out[0].Value, out[0].Valued, out[1].Valued)
	// Output: 20 2500.00 true false
}

func ExampleReadDeflators() {
	d, _ := unitcost.ReadDeflators(strings.NewReader("year,index\n2022-23,96.8\n2023-24,100\n"), "deflators.csv")
	fmt.Println(d[2022], d[2023])
	// Output: 96.8 100
}

// The 2023-24 programme against its grant of £1,529,000: 49% of the grant
// in interventions and 15% of that on evaluation, as the Response Strategy
// says, and the police's £845,000 in kind as match funding.
func ExampleCheckGrant() {
	f, err := os.Open("../examples/programme_2023_24.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	lines, err := unitcost.ReadCosts(f, "programme_2023_24.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	g, err := unitcost.CheckGrant(lines, unitcost.Grant{Amount: 152900000, Year: 2023})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range g.Conditions {
		fmt.Printf("%s: required £%.0f, actual £%.0f (%.0f%%), met %v\n", c.Condition, c.Required, c.Actual, 100*c.Share, c.Met)
	}
	// Output:
	// interventions: required £458700, actual £745000 (49%), met true
	// evaluation: required £74500, actual £109000 (15%), met true
	// match_funding: required £229350, actual £845000 (55%), met true
}

// £42,000 of staff and £8,000 of overhead for 80 people: £50,000 / 80 =
// £625 a person.
func ExampleResult_WriteText() {
	lines := []unitcost.Line{
		{Intervention: "Custody Coaches", Item: "youth workers", Category: unitcost.Staff, Amount: 4200000, Year: 2023, Funder: "VRU core grant"},
		{Intervention: "Custody Coaches", Item: "management", Category: unitcost.Overhead, Amount: 800000, Year: 2023, Funder: "VRU core grant"},
	}
	reach := []unitcost.Reach{{Intervention: "Custody Coaches", Group: "24_and_under", People: 80}}
	res, err := unitcost.Calculate(lines, reach, nil, unitcost.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	res.WriteText(os.Stdout, unitcost.TextOptions{})
	// Output:
	// Unit costs, amounts as written (no deflators), not discounted.
	//
	// Intervention     Total cost  People  Per person
	// Custody Coaches  £50,000.00      80     £625.00
	// Total            £50,000.00      80     £625.00
	//
	// By category
	// Intervention          staff  non_staff   overhead  in_kind  volunteer
	// Custody Coaches  £42,000.00      £0.00  £8,000.00    £0.00      £0.00
	// Total            £42,000.00      £0.00  £8,000.00    £0.00      £0.00
	//
	// By funder
	// Intervention     Funder                Cost
	// Custody Coaches  VRU core grant  £50,000.00
	// Total            VRU core grant  £50,000.00
	//
	// By group (cost shared by headcount)
	// Intervention     Group         People        Cost
	// Custody Coaches  24_and_under      80  £50,000.00
}
