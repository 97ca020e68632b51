package unitcost

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func FuzzReadCosts(f *testing.F) {
	f.Add(ucHeader + "A,worker,staff,100,2023,VRU\nA,x,in_kind,0.5,2023-24,\n")
	f.Add(ucHeader + "A,x,salaries,£1,200,2023\n")
	f.Add("intervention,item,category,amount,year,salary,on_cost_rate,wte\nS,m,staff,,2023,42000,0.30,0.4\nS,g,non_staff,49000,2023,,,\n")
	f.Add("intervention,amount\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, sheet string) {
		lines, err := ReadCosts(strings.NewReader(sheet), "costs.csv")
		if err != nil {
			var re *RowError
			if errors.As(err, &re) && strings.Contains(err.Error(), "\n") {
				t.Fatalf("error of more than one line: %q", err)
			}
			return
		}
		var sum Pence
		for _, l := range lines {
			if l.Amount < 0 || l.Intervention == "" || l.Year < 1900 {
				t.Fatalf("bad line accepted: %+v", l)
			}
			sum += l.Amount
		}
		res, err := Calculate(lines, nil, nil, Options{})
		if err != nil {
			return // an overflowing sum
		}
		if res.Total.NominalCost != sum {
			t.Fatalf("total %v, lines sum to %v", res.Total.NominalCost, sum)
		}
	})
}

func FuzzReadReach(f *testing.F) {
	f.Add("intervention,group,people\nA,24_and_under,150\nA,25_and_over,0\n")
	f.Add("intervention,group,people\nA,,-3\n")
	f.Fuzz(func(t *testing.T, sheet string) {
		rows, err := ReadReach(strings.NewReader(sheet), "reach.csv")
		if err != nil {
			return
		}
		for _, r := range rows {
			if r.People < 0 || r.Intervention == "" {
				t.Fatalf("bad row accepted: %+v", r)
			}
		}
	})
}

func FuzzReadOutcomes(f *testing.F) {
	f.Add("intervention,outcome,count,value,year\nA,x,2.5,9000,2023\nA,y,3,,\n")
	f.Add("intervention,outcome,count\nA,x,NaN\n")
	f.Fuzz(func(t *testing.T, sheet string) {
		rows, err := ReadOutcomes(strings.NewReader(sheet), "outcomes.csv")
		if err != nil {
			return
		}
		for _, o := range rows {
			if !(o.Count >= 0) || math.IsInf(o.Count, 0) || o.Value < 0 {
				t.Fatalf("bad row accepted: %+v", o)
			}
		}
	})
}

func FuzzReadDeflators(f *testing.F) {
	f.Add("year,index\n2022,96.8\n2023-24,100\n")
	f.Add("year,index\n2022,0\n")
	f.Fuzz(func(t *testing.T, sheet string) {
		d, err := ReadDeflators(strings.NewReader(sheet), "deflators.csv")
		if err != nil {
			return
		}
		for y, v := range d {
			if !(v > 0) || math.IsInf(v, 0) {
				t.Fatalf("index %v for %d accepted", v, y)
			}
		}
	})
}

func FuzzParseYear(f *testing.F) {
	for _, s := range []string{"2023", "2023-24", "1999/00", "2023-2024", "23"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if y, err := ParseYear(s); err == nil && (y < 1900 || y > 2200) {
			t.Fatalf("ParseYear(%q) = %d", s, y)
		}
	})
}

func FuzzStaffCost(f *testing.F) {
	f.Add(int64(4200000), 0.3, 0.4)
	f.Add(int64(1), 0.0, 0.5)
	f.Fuzz(func(t *testing.T, salary int64, rate, wte float64) {
		p, err := StaffCost(Pence(salary), rate, wte)
		if err != nil {
			return
		}
		if p < 0 || p > maxLinePence {
			t.Fatalf("StaffCost(%d, %v, %v) = %d", salary, rate, wte, p)
		}
		// Within a penny of the float64 product (which rounds).
		approx := float64(salary) * (1 + rate) * wte
		if math.Abs(float64(p)-approx) > 1+1e-9*approx {
			t.Fatalf("StaffCost(%d, %v, %v) = %d, float product %v", salary, rate, wte, p, approx)
		}
	})
}

// FuzzCalculate builds sheets from the fuzzer's numbers and checks that
// Calculate returns either an error or a result with no NaN where a value
// is defined.
func FuzzCalculate(f *testing.F) {
	f.Add(int64(15300000), uint8(0), uint16(2023), int64(200), 12.0, int64(1800000), 0.035, uint16(2022), 0.1, true)
	f.Add(int64(0), uint8(4), uint16(2019), int64(0), 0.0, int64(0), 0.0, uint16(0), 0.0, false)
	f.Fuzz(func(t *testing.T, amount int64, cat uint8, year uint16, people int64, count float64, value int64, rate float64, base uint16, share float64, real bool) {
		c := Category(int(cat) % len(Categories))
		lines := []Line{
			{Intervention: "A", Category: c, Amount: Pence(amount), Year: int(year)},
			{Intervention: "A", Category: Staff, Amount: 100, Year: 2023, Funder: "F"},
		}
		reach := []Reach{{Intervention: "A", Group: "g", People: people}}
		outcomes := []Outcome{{Intervention: "A", Outcome: "o", Count: count, Value: Pence(value), Valued: value%2 == 0, Year: int(year)}}
		opt := Options{DiscountRate: rate, BaseYear: int(base), Sensitivity: share}
		if real {
			opt.PriceYear = 2023
			opt.Deflators = Deflators{2022: 97.5, 2023: 100, int(year): 90 + float64(year%20)}
		}
		res, err := Calculate(lines, reach, outcomes, opt)
		if err != nil {
			return
		}
		iv := res.Interventions[0]
		if math.IsNaN(iv.TotalCost) || iv.TotalCost < 0 {
			t.Fatalf("total cost %v", iv.TotalCost)
		}
		if iv.People > 0 && math.IsNaN(iv.CostPerPerson) {
			t.Fatalf("cost per person NaN for %d people", iv.People)
		}
		if iv.People == 0 && !math.IsNaN(iv.CostPerPerson) {
			t.Fatalf("cost per person %v for no one", iv.CostPerPerson)
		}
		for _, s := range iv.Sensitivity {
			if math.IsNaN(s.Down) || math.IsNaN(s.Up) || s.Spread < 0 {
				t.Fatalf("sensitivity %+v", s)
			}
		}
		if j := res.JSON(); len(j.Interventions) != len(res.Interventions) || j.Warnings == nil {
			t.Fatalf("JSON %+v", j)
		}
	})
}
