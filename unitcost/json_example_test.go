package unitcost_test

import (
	"encoding/json"
	"fmt"

	"github.com/evalkit/evalkit/unitcost"
)

// The object evalkit unitcost --json prints, here for one intervention
// costed as written, without a sensitivity analysis.
func ExampleResult_JSON() {
	res, err := unitcost.Calculate([]unitcost.Line{
		{Intervention: "School Navigators", Category: unitcost.Staff, Amount: 12000000, Year: 2023, Funder: "VRU core grant"},
		{Intervention: "School Navigators", Category: unitcost.Overhead, Amount: 3300000, Year: 2023, Funder: "VRU core grant"},
	}, []unitcost.Reach{{Intervention: "School Navigators", Group: "24_and_under", People: 200}}, nil, unitcost.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	out, err := json.MarshalIndent(res.JSON(), "", "  ")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(out))
	// Output:
	// {
	//   "price_year": null,
	//   "discount_rate": null,
	//   "base_year": null,
	//   "sensitivity_share": 0,
	//   "interventions": [
	//     {
	//       "intervention": "School Navigators",
	//       "total_cost": 153000,
	//       "nominal_cost": 153000,
	//       "people": 200,
	//       "cost_per_person": 765,
	//       "groups": [
	//         {
	//           "group": "24_and_under",
	//           "people": 200,
	//           "cost": 153000
	//         }
	//       ],
	//       "by_category": {
	//         "in_kind": 0,
	//         "non_staff": 0,
	//         "overhead": 33000,
	//         "staff": 120000,
	//         "volunteer": 0
	//       },
	//       "by_funder": {
	//         "VRU core grant": 153000
	//       },
	//       "sensitivity": null
	//     }
	//   ],
	//   "total": {
	//     "total_cost": 153000,
	//     "nominal_cost": 153000,
	//     "people": 200,
	//     "cost_per_person": 765,
	//     "by_category": {
	//       "in_kind": 0,
	//       "non_staff": 0,
	//       "overhead": 33000,
	//       "staff": 120000,
	//       "volunteer": 0
	//     },
	//     "by_funder": {
	//       "VRU core grant": 153000
	//     }
	//   },
	//   "warnings": []
	// }
}

func ExampleFormatPounds() {
	fmt.Println(unitcost.FormatPounds(153000), unitcost.FormatPounds(765.5), unitcost.FormatPounds(-12.345))
	// Output:
	// £153,000.00 £765.50 -£12.35
}

func ExampleFunders() {
	byFunder := map[string]float64{unitcost.Unspecified: 500, "VRU core grant": 153000, "Police (in kind)": 20000}
	fmt.Println(unitcost.Funders(byFunder))
	// Output:
	// [Police (in kind) VRU core grant unspecified]
}
