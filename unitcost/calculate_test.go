package unitcost

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// The programme's 2023-24 budget lines and targets (Thames Valley VRU,
// Response Strategy 2023-2024, "Investing the VRU core grant" and "Measures
// of our success"): the VRU core grant of each funded intervention divided
// by its target number of people. The example sheet splits each budget
// into staff, non-staff and overhead lines (an illustrative split) that add
// up to the budget, and adds match funding, in-kind and volunteer lines.
// R 4.2.2 (testdata/r/unitcost.R, its last section: tapply sums of the
// sheet over people) prints the same cost, cost per person and grant per
// person for each intervention, and 666.76129032258063 per person overall.
func TestProgramme2023_24(t *testing.T) {
	costs, reach, _ := readSheets(t, "../examples/costs_2023_24.csv", "../examples/reach_2023_24.csv", "")
	res, err := Calculate(costs, reach, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name           string
		grant          Pence
		under25, over  int64
		grantPerPerson float64 // grant / people
		nominal        Pence   // every line
		costPerPerson  float64 // every line / people
	}{
		// 153000 / 200 = 765: the worked example.
		{"School Navigators", 15300000, 200, 0, 765, 15300000, 765},
		// 110000 / (150 + 50) = 550; with 25008 of volunteer time,
		// 135008 / 200 = 675.04.
		{"Hospital Navigators", 11000000, 150, 50, 550, 13500800, 675.04},
		// 75000 / 200 = 375; with StreetGames' 0.6 WTE, 32760,
		// 107760 / 200 = 538.80.
		{"Sports & Inclusion", 7500000, 200, 0, 375, 10776000, 538.8},
		// 43000 / 50 = 860; with 6000 in kind from TVP, 49000 / 50 = 980.
		{"Operation Paramount", 4300000, 50, 0, 860, 4900000, 980},
		// 50000 / 80 = 625.
		{"Custody Coaches", 5000000, 80, 0, 625, 5000000, 625},
		// 40000 / 160 = 250; with Oxfordshire County Council's 50000, 8320
		// of volunteer time and 3000 in kind, 101320 / 160 = 633.25.
		{"Custody Navigators", 4000000, 0, 160, 250, 10132000, 633.25},
		// 24000 / (25 + 15) = 600.
		{"Focused Deterrence", 2400000, 25, 15, 600, 2400000, 600},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var iv *Intervention
			for i := range res.Interventions {
				if res.Interventions[i].Name == tc.name {
					iv = &res.Interventions[i]
				}
			}
			if iv == nil {
				t.Fatalf("no result for %q", tc.name)
			}
			grant := iv.ByFunder["VRU core grant"]
			if grant != tc.grant.Pounds() {
				t.Errorf("VRU core grant = %v, want %v", grant, tc.grant)
			}
			if got := grant / float64(iv.People); got != tc.grantPerPerson {
				t.Errorf("grant per person = %v, want %v", got, tc.grantPerPerson)
			}
			if iv.People != tc.under25+tc.over || len(iv.Groups) != 2 ||
				iv.Groups[0].People != tc.under25 || iv.Groups[1].People != tc.over {
				t.Errorf("people = %d, groups %+v; want %d and %d", iv.People, iv.Groups, tc.under25, tc.over)
			}
			if iv.NominalCost != tc.nominal || iv.TotalCost != tc.nominal.Pounds() {
				t.Errorf("cost = %v (%v), want %v", iv.NominalCost, iv.TotalCost, tc.nominal)
			}
			if !ucClose(iv.CostPerPerson, tc.costPerPerson, 1e-15) {
				t.Errorf("cost per person = %v, want %v", iv.CostPerPerson, tc.costPerPerson)
			}
			// Shared by headcount, each group's cost per person is the same.
			for _, g := range iv.Groups {
				if !ucClose(g.Cost, iv.CostPerPerson*float64(g.People), 1e-12) {
					t.Errorf("group %s: cost %v for %d people at %v each", g.Group, g.Cost, g.People, iv.CostPerPerson)
				}
			}
		})
	}
	// 153000 + 110000 + 75000 + 43000 + 50000 + 40000 + 24000 = 495000, the
	// grant to the seven interventions, for 40 + 80 + 160 + 50 + 200 + 200
	// + 200 = 930 people.
	if g := res.Total.ByFunder["VRU core grant"]; g != 495000 {
		t.Errorf("total grant = %v, want 495000", g)
	}
	if res.Total.People != 930 {
		t.Errorf("total people = %d, want 930", res.Total.People)
	}
	// Every line: 495000 + 25008 + 32760 + 6000 + 50000 + 8320 + 3000 = 620088.
	if res.Total.NominalCost != 62008800 || res.Total.TotalCost != 620088 {
		t.Errorf("total = %v (%v), want 620088", res.Total.NominalCost, res.Total.TotalCost)
	}
	if got, want := res.Total.CostPerPerson, 620088.0/930; got != want {
		t.Errorf("total cost per person = %v, want %v", got, want)
	}
	// In kind: 6000 (Paramount) + 3000 (Custody Navigators); volunteers:
	// 25008 + 8320; the unspecified funder is the volunteers' time.
	if res.Total.ByCategory[InKind] != 9000 || res.Total.ByCategory[Volunteer] != 33328 || res.Total.ByFunder[Unspecified] != 33328 {
		t.Errorf("in kind %v, volunteer %v, unspecified %v", res.Total.ByCategory[InKind], res.Total.ByCategory[Volunteer], res.Total.ByFunder[Unspecified])
	}
	if len(res.Warnings) != 0 {
		t.Errorf("warnings: %q", res.Warnings)
	}
}

// TestMultiYear costs a sheet over 2021 to 2024 in 2023 prices, discounted
// at 3.5% to 2022, against R (testdata/r/unitcost.R, R 4.2.2, which sums
// amount * index[2023]/index[year] / 1.035^(year - 2022) over the lines).
//
// The factor of a pound of each year, index[2023]/index[year] / 1.035^k:
//
//	2021: 100/95            (before the base year: not discounted) = 1.0526316
//	2022: 100/97.5                                                  = 1.0256410
//	2023: 100/100 / 1.035                                           = 0.9661836
//	2024: 100/102.5 / 1.035^2 = 0.9756098 / 1.071225                = 0.9107420
//
// Hotspot Patrols:
//
//	staff     10000×1.0256410 + 10500×0.9661836 + 11000×0.9107420 = 30419.5014
//	non_staff  2000×1.0256410 +  2000×0.9107420                   =  3872.7663
//	in_kind    3000×0.9661836                                     =  2898.5507
//	total                                                         = 37190.8185
//	people 300 + 100 = 400; per person 37190.8185 / 400           =    92.9770
//	benefit 6×15000×0.9661836 + 4×15000×0.9107420 = 86956.52 + 54644.53 = 141601.05
//	BCR 141601.05 / 37190.82 = 3.807; NPV 141601.05 - 37190.82 = 104410.23
//
// Mentoring:
//
//	staff 8000.50×0.9661836 = 7729.9517; volunteer 1200×0.9107420 = 1092.8906;
//	overhead 799.50×1.0526316 = 841.5789; total 9664.4212; per person /40 = 241.6105
//	re-offence: 2.5 outcomes at 9000, no year (not deflated or discounted):
//	benefit 22500, BCR 22500 / 9664.4212 = 2.328
func TestMultiYear(t *testing.T) {
	const dir = "../testdata/unitcost/"
	costs, reach, outcomes := readSheets(t, dir+"multiyear_costs.csv", dir+"multiyear_reach.csv", dir+"multiyear_outcomes.csv")
	opt := Options{PriceYear: 2023, Deflators: readDeflatorsFile(t, dir+"multiyear_deflators.csv"), DiscountRate: 0.035, BaseYear: 2022, Sensitivity: 0.2}
	res, err := Calculate(costs, reach, outcomes, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Interventions) != 2 {
		t.Fatalf("%d interventions", len(res.Interventions))
	}
	hp, mt := res.Interventions[0], res.Interventions[1]
	const tol = 1e-12
	for _, tc := range []struct {
		name      string
		got, want float64
	}{
		{"hp total", hp.TotalCost, 37190.81847564796},                  // sum(hp$pv)
		{"mt total", mt.TotalCost, 9664.4212142283941},                 // sum(mt$pv)
		{"hp per person", hp.CostPerPerson, 92.977046189119903},        // hp_total / 400
		{"mt per person", mt.CostPerPerson, 241.61053035570984},        // mt_total / 40
		{"hp 24 and under", hp.Groups[0].Cost, 27893.11385673597},      // hp_total * 300/400
		{"hp 25 and over", hp.Groups[1].Cost, 9297.7046189119901},      // hp_total * 100/400
		{"hp staff", hp.ByCategory[Staff], 30419.501406330368},         // sum(hp$pv[staff])
		{"hp non_staff", hp.ByCategory[NonStaff], 3872.7663446799106},  // sum(hp$pv[non_staff])
		{"hp in_kind", hp.ByCategory[InKind], 2898.5507246376815},      // sum(hp$pv[in_kind])
		{"hp overhead", hp.ByCategory[Overhead], 0},                    // no lines
		{"mt staff", mt.ByCategory[Staff], 7729.9516908212563},         // sum(mt$pv[staff])
		{"mt overhead", mt.ByCategory[Overhead], 841.57894736842104},   // sum(mt$pv[overhead])
		{"mt volunteer", mt.ByCategory[Volunteer], 1092.8905760387158}, // sum(mt$pv[volunteer])
		{"hp TVP", hp.ByFunder["Thames Valley Police"], 2898.5507246376815},
		{"hp unspecified", hp.ByFunder[Unspecified], 1821.4842933978596},
		{"hp VRU", hp.ByFunder["VRU core grant"], 32470.783457612419},
		{"total", res.Total.TotalCost, 46855.239689876355},                       // sum(costs$pv)
		{"total per person", res.Total.CostPerPerson, 106.48918111335536},        // total / 440
		{"hp benefit", hp.Outcomes[0].Benefit, 141601.05054106624},               // sum(count*value*fac(year))
		{"hp per outcome", hp.Outcomes[0].CostPerOutcome, 3719.0818475647961},    // hp_total / 10
		{"hp NPV", hp.Outcomes[0].NPV, 104410.23206541828},                       // hp_benefit - hp_total
		{"hp BCR", hp.Outcomes[0].BCR, 3.8074195821687731},                       // hp_benefit / hp_total
		{"mt per re-offence", mt.Outcomes[0].CostPerOutcome, 3865.7684856913575}, // mt_total / 2.5
		{"mt benefit", mt.Outcomes[0].Benefit, 22500},                            // 2.5 * 9000
		{"mt NPV", mt.Outcomes[0].NPV, 12835.578785771606},                       // 22500 - mt_total
		{"mt BCR", mt.Outcomes[0].BCR, 2.3281270032885666},                       // 22500 / mt_total
		{"mt per attendance", mt.Outcomes[1].CostPerOutcome, 966.44212142283936}, // mt_total / 10
		{"mt attendance benefit", mt.Outcomes[1].Benefit, math.NaN()},            // no value
		{"mt attendance BCR", mt.Outcomes[1].BCR, math.NaN()},                    // no value
		{"hp staff -20%", sens(hp, "staff").Down, 77.767295485954719},            // (T - 0.2 staff)/400
		{"hp staff +20%", sens(hp, "staff").Up, 108.18679689228509},              // (T + 0.2 staff)/400
		{"hp people -20%", sens(hp, "people").Down, 116.22130773639988},          // T/(400*0.8)
		{"hp people +20%", sens(hp, "people").Up, 77.480871824266586},            // T/(400*1.2)
		{"hp rate -20%", sens(hp, "discount_rate").Down, 93.603563114507324},     // r = 0.028
		{"hp rate +20%", sens(hp, "discount_rate").Up, 92.361636736983186},       // r = 0.042
	} {
		if !ucClose(tc.got, tc.want, tol) {
			t.Errorf("%s = %.17g, want %.17g (R)", tc.name, tc.got, tc.want)
		}
	}
	if hp.NominalCost != 3850000 || mt.NominalCost != 1000000 {
		t.Errorf("nominal = %v and %v, want 38500 and 10000", hp.NominalCost, mt.NominalCost)
	}
	// Spreads: people 38.74 > staff 30.42 > non_staff 3.87 > in_kind 2.90 > rate 1.24.
	var order []string
	for _, s := range hp.Sensitivity {
		order = append(order, s.Input)
	}
	if got := strings.Join(order, " "); got != "people staff non_staff in_kind discount_rate" {
		t.Errorf("tornado order = %s", got)
	}
	// Mentoring's set-up cost of 2021 is before the base year.
	if len(res.Warnings) != 1 || !strings.HasPrefix(res.Warnings[0], "costs of 2021 fall before the base year 2022") {
		t.Errorf("warnings = %q", res.Warnings)
	}
}

func sens(iv Intervention, input string) Sensitivity {
	for _, s := range iv.Sensitivity {
		if s.Input == input {
			return s
		}
	}
	return Sensitivity{Down: math.NaN(), Up: math.NaN()}
}

// TestManySmallLines sums 100 003 lines of pennies and tenths, which a
// float64 running total would not keep exact (0.1 + 0.2 != 0.3).
func TestManySmallLines(t *testing.T) {
	var b strings.Builder
	b.WriteString("intervention,item,category,amount,year\n")
	var want Pence
	amounts := []string{"0.01", "0.10", "0.20", "0.07", "1.13"}
	values := []Pence{1, 10, 20, 7, 113}
	for i := 0; i < 100003; i++ {
		k := i % len(amounts)
		fmt.Fprintf(&b, "Many,item %d,non_staff,%s,2023\n", i, amounts[k])
		want += values[k]
	}
	costs, err := ReadCosts(strings.NewReader(b.String()), "many.csv")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Calculate(costs, []Reach{{Intervention: "Many", People: 3}}, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// 100003 = 5 × 20000 + 3 lines: 20000 × (1 + 10 + 20 + 7 + 113) pence
	// and the first three again, 1 + 10 + 20: 3020000 + 31 = 3020031 pence.
	if want != 3020031 {
		t.Fatalf("test's own sum %d", want)
	}
	iv := res.Interventions[0]
	if iv.NominalCost != want || iv.TotalCost != 30200.31 || res.Total.TotalCost != 30200.31 {
		t.Errorf("total = %v (%v), want 30200.31 exactly", iv.NominalCost, iv.TotalCost)
	}
	var drift float64
	for _, l := range costs {
		drift += l.Amount.Pounds()
	}
	t.Logf("a float64 running total gives %.10f", drift)
}

// TestMissingFunderIsUnspecified checks that a funder given as one of the
// contract's missing-value tokens counts as unspecified, like a blank one.
func TestMissingFunderIsUnspecified(t *testing.T) {
	sheet := "intervention,item,category,amount,year,funder\n" +
		"A,worker,staff,100,2023,\n" +
		"A,room,overhead,5,2023,NA\n" +
		"A,travel,non_staff,7,2023,null\n" +
		"A,grant,non_staff,11,2023,VRU core grant\n"
	lines, err := ReadCosts(strings.NewReader(sheet), "costs.csv")
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"", "", "", "VRU core grant"} {
		if lines[i].Funder != want {
			t.Errorf("line %d: funder %q, want %q", i+1, lines[i].Funder, want)
		}
	}
}
