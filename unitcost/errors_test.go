package unitcost

import (
	"errors"
	"strings"
	"testing"
)

const ucHeader = "intervention,item,category,amount,year,funder\n"

// TestBadSheets checks that each fault of a sheet is one error naming the
// file, the row and the column.
func TestBadSheets(t *testing.T) {
	const good = "A,worker,staff,100,2023,\n"
	for _, tc := range []struct {
		name     string
		costs    string
		reach    string
		outcomes string
		opt      Options
		err      error
		where    string // the start of the message
	}{
		{"negative amount", ucHeader + good + "A,refund,non_staff,-50,2023,\n", "", "", Options{}, ErrNegative, `costs.csv: row 3, column "amount": "-50"`},
		{"unknown category", ucHeader + "A,worker,salaries,100,2023,\n", "", "", Options{}, ErrCategory, `costs.csv: row 2, column "category": "salaries": unknown category; use one of staff`},
		{"12k", ucHeader + good + good + "A,x,staff,12k,2023,\n", "", "", Options{}, ErrAmount, `costs.csv: row 4, column "amount": "12k"`},
		{"£1,200", ucHeader + "A,x,staff,\"£1,200\",2023,\n", "", "", Options{}, ErrAmount, `costs.csv: row 2, column "amount": "£1,200": not an amount in plain pounds and pence: no currency sign`},
		{"missing amount", ucHeader + "A,x,staff,NA,2023,\n", "", "", Options{}, ErrMissing, `costs.csv: row 2, column "amount"`},
		{"no intervention", ucHeader + " ,x,staff,1,2023,\n", "", "", Options{}, ErrMissing, `costs.csv: row 2, column "intervention"`},
		{"bad year", ucHeader + "A,x,staff,1,23,\n", "", "", Options{}, ErrYear, `costs.csv: row 2, column "year": "23"`},
		{"year missing from deflators", ucHeader + good + "A,x,staff,1,2019,\n", "", "",
			Options{PriceYear: 2023, Deflators: Deflators{2022: 98, 2023: 100}}, ErrYear,
			`costs.csv: row 3, column "year": "2019": bad year: the deflators have no index for 2019 (they cover 2022 to 2023)`},
		{"price year missing from deflators", ucHeader + good, "", "", Options{PriceYear: 2024, Deflators: Deflators{2023: 100}}, ErrYear, "bad year: the price year 2024"},
		{"reach but no costs", ucHeader + good, "intervention,group,people\nA,all,3\nB,all,4\n", "", Options{}, ErrNoCosts,
			`reach.csv: row 3, column "intervention": "B": intervention without costs: it has reach but no lines in the costs sheet`},
		{"outcomes but no costs", ucHeader + good, "", "intervention,outcome,count\nC,x,1\n", Options{}, ErrNoCosts, `outcomes.csv: row 2, column "intervention": "C"`},
		{"negative people", ucHeader + good, "intervention,group,people\nA,all,-3\n", "", Options{}, ErrNegative, `reach.csv: row 2, column "people": "-3"`},
		{"fractional people", ucHeader + good, "intervention,group,people\nA,all,2.5\n", "", Options{}, ErrNumber, `reach.csv: row 2, column "people": "2.5"`},
		{"negative count", ucHeader + good, "", "intervention,outcome,count\nA,x,-1\n", Options{}, ErrNegative, `outcomes.csv: row 2, column "count"`},
		{"value as text", ucHeader + good, "", "intervention,outcome,count,value\nA,x,1,£5\n", Options{}, ErrAmount, `outcomes.csv: row 2, column "value": "£5"`},
		{"outcome year not in deflators", ucHeader + good, "", "intervention,outcome,count,value,year\nA,x,1,5,2030\n",
			Options{PriceYear: 2023, Deflators: Deflators{2023: 100}}, ErrYear, `outcomes.csv: row 2, column "year": "2030"`},
		{"rate as percentage", ucHeader + good, "", "", Options{DiscountRate: 3.5, BaseYear: 2023}, ErrOptions, "bad options: a discount rate of 3.5 is 100% or more; write 3.5% as 0.035"},
		{"rate without base year", ucHeader + good, "", "", Options{DiscountRate: 0.035}, ErrOptions, "bad options: a discount rate needs a base year"},
		{"deflators without price year", ucHeader + good, "", "", Options{Deflators: Deflators{2023: 100}}, ErrOptions, "bad options: deflators without a price year"},
		{"sensitivity 1", ucHeader + good, "", "", Options{Sensitivity: 1}, ErrOptions, "bad options: the sensitivity share"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := runSheets(tc.costs, tc.reach, tc.outcomes, tc.opt)
			if !errors.Is(err, tc.err) {
				t.Fatalf("err = %v, want %v", err, tc.err)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, tc.where) || strings.Contains(msg, "\n") {
				t.Errorf("error %q\ndoes not start %q", msg, tc.where)
			}
		})
	}
}

func runSheets(costs, reach, outcomes string, opt Options) error {
	lines, err := ReadCosts(strings.NewReader(costs), "costs.csv")
	if err != nil {
		return err
	}
	var rr []Reach
	if reach != "" {
		if rr, err = ReadReach(strings.NewReader(reach), "reach.csv"); err != nil {
			return err
		}
	}
	var oo []Outcome
	if outcomes != "" {
		if oo, err = ReadOutcomes(strings.NewReader(outcomes), "outcomes.csv"); err != nil {
			return err
		}
	}
	_, err = Calculate(lines, rr, oo, opt)
	return err
}

func TestBadDeflators(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		err      error
		where    string
	}{
		{"duplicate year", "year,index\n2022,98\n2023,100\n2023,101\n", ErrDuplicate, `d.csv: row 4, column "year": "2023"`},
		{"zero index", "year,index\n2022,0\n", ErrNumber, `d.csv: row 2, column "index": "0"`},
		{"text index", "year,index\n2022,n/a\n", ErrNumber, `d.csv: row 2, column "index": "n/a"`},
		{"missing index", "year,index\n2022,\n", ErrMissing, `d.csv: row 2, column "index"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadDeflators(strings.NewReader(tc.in), "d.csv")
			if !errors.Is(err, tc.err) || !strings.HasPrefix(err.Error(), tc.where) {
				t.Fatalf("err = %v, want %v starting %q", err, tc.err, tc.where)
			}
		})
	}
	if _, err := ReadDeflators(strings.NewReader("year,value\n2022,1\n"), "d.csv"); err == nil || !strings.Contains(err.Error(), `no column "index"`) {
		t.Errorf("missing column: %v", err)
	}
}

// TestWarnings checks the cases that leave a quantity undefined without
// stopping: costs with no reach, no one reached, no outcomes counted.
func TestWarnings(t *testing.T) {
	lines := []Line{
		{Intervention: "No reach", Category: Staff, Amount: 100, Year: 2023},
		{Intervention: "Zero people", Category: Staff, Amount: 100, Year: 2023},
		{Intervention: "Free", Category: Staff, Amount: 0, Year: 2023},
	}
	reach := []Reach{{Intervention: "Zero people", Group: "all", People: 0}, {Intervention: "Free", Group: "all", People: 5}}
	outcomes := []Outcome{{Intervention: "Zero people", Outcome: "o", Count: 0, Value: 100, Valued: true}, {Intervention: "Free", Outcome: "o", Count: 2, Value: 500, Valued: true},
		{Intervention: "Free", Outcome: "p", Count: 1, Value: 500, Valued: true}, {Intervention: "Free", Outcome: "p", Count: 1}}
	res, err := Calculate(lines, reach, outcomes, Options{Sensitivity: 0.1})
	if err != nil {
		t.Fatal(err)
	}
	nr, zp, free := res.Interventions[0], res.Interventions[1], res.Interventions[2]
	if !isNaN(nr.CostPerPerson) || nr.Groups != nil || nr.Sensitivity != nil || nr.People != 0 {
		t.Errorf("no reach: %+v", nr)
	}
	if !isNaN(zp.CostPerPerson) || !isNaN(zp.Groups[0].Cost) || !isNaN(zp.Outcomes[0].CostPerOutcome) {
		t.Errorf("zero people: %+v", zp)
	}
	// Benefit 0 × 1.00 = 0 against a cost of 1.00: NPV -1, BCR 0.
	if zp.Outcomes[0].Benefit != 0 || zp.Outcomes[0].NPV != -1 || zp.Outcomes[0].BCR != 0 {
		t.Errorf("zero outcomes: %+v", zp.Outcomes[0])
	}
	// A cost of 0: cost per person 0, BCR undefined, NPV the benefit 2 × 5.
	if free.CostPerPerson != 0 || !isNaN(free.Outcomes[0].BCR) || free.Outcomes[0].NPV != 10 || !isNaN(free.Outcomes[1].Benefit) || free.Outcomes[1].Count != 2 {
		t.Errorf("free: %+v", free)
	}
	want := []string{
		`"No reach" has cost lines but no reach: its cost per person is undefined (null)`,
		`"Zero people" reached 0 people: its cost per person is undefined (null)`,
		`"Zero people": outcome "o" has a count of 0: its cost per outcome is undefined (null)`,
		`"Free": outcome "p" has a value on some rows only: its benefit is undefined (null)`,
	}
	if strings.Join(res.Warnings, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(res.Warnings, "\n"), strings.Join(want, "\n"))
	}
	// Lines built in code name themselves by index.
	_, err = Calculate([]Line{{Intervention: "A", Amount: -1}}, nil, nil, Options{})
	if err == nil || !strings.HasPrefix(err.Error(), `cost line 0: column "amount": "-0.01": negative value`) {
		t.Errorf("err = %v", err)
	}
}

func isNaN(x float64) bool { return x != x }

// TestCostsFromSalary reads posts given by salary, on-cost rate and WTE.
func TestCostsFromSalary(t *testing.T) {
	const head = "intervention,item,category,amount,year,funder,salary,on_cost_rate,wte\n"
	lines, err := ReadCosts(strings.NewReader(head+
		// 42000 × 1.30 × 0.4 = 21840 and × 0.6 = 32760, as in the example sheet.
		"S,manager,staff,,2023,VRU core grant,42000,0.30,0.4\n"+
		"S,manager,staff,,2023,StreetGames,42000,0.30,0.6\n"+
		"S,grants,non_staff,49000,2023,VRU core grant,,,\n"), "costs.csv")
	if err != nil {
		t.Fatal(err)
	}
	if lines[0].Amount != 2184000 || lines[1].Amount != 3276000 || lines[2].Amount != 4900000 {
		t.Errorf("amounts %v %v %v", lines[0].Amount, lines[1].Amount, lines[2].Amount)
	}
	for _, tc := range []struct {
		name, row string
		err       error
		where     string
	}{
		{"both", "S,x,staff,100,2023,,42000,0.3,1\n", ErrAmount, `costs.csv: row 2, column "amount": "100": not an amount in plain pounds and pence: give either the amount or the salary`},
		{"no rate", "S,x,staff,,2023,,42000,,1\n", ErrMissing, `costs.csv: row 2, column "on_cost_rate": missing value: a salary needs an on_cost_rate`},
		{"percent", "S,x,staff,,2023,,42000,28%,1\n", ErrNumber, `costs.csv: row 2, column "on_cost_rate": "28%"`},
		{"bad salary", "S,x,staff,,2023,,42k,0.28,1\n", ErrAmount, `costs.csv: row 2, column "salary": "42k"`},
		{"negative wte", "S,x,staff,,2023,,42000,0.28,-1\n", ErrNegative, `costs.csv: row 2, column "wte": "-1": negative value`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadCosts(strings.NewReader(head+tc.row), "costs.csv")
			if !errors.Is(err, tc.err) || !strings.HasPrefix(err.Error(), tc.where) {
				t.Fatalf("err = %v, want %v starting %q", err, tc.err, tc.where)
			}
		})
	}
}
