package power_test

import (
	"fmt"
	"os"

	"github.com/evalkit/evalkit/rct"
	"github.com/evalkit/evalkit/rct/power"
)

// The power of a school trial as it will be randomised: 40 schools of 5 to
// 40 pupils, randomised within their towns, ICC 0.1, a baseline that
// explains 30% of the pupils' variance, an effect of 0.3 SD: evalkit power
// simulate --units testdata/power/simulate_units.csv --id pupil_id --block
// town --cluster school --effect 0.3 --icc 0.1 --r2 0.3 --seed 20240601.
func ExampleUnitsSimulation_Run() {
	f, err := os.Open("../../testdata/power/simulate_units.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	units, err := rct.ReadUnits(f, "simulate_units.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	settings := rct.Settings{ID: "pupil_id", Arms: []string{"control", "treatment"},
		Block: []string{"town"}, Cluster: "school", Seed: 20240601}
	res, err := power.UnitsSimulation{Units: units, Settings: settings, Effect: 0.3, ICC: 0.1, R2: 0.3,
		Sims: power.DefaultSims}.Run()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s: power %.3f [%.3f, %.3f] from %d trials\n", res.AnalysisMethod, res.Power, res.PowerCILow, res.PowerCIHigh, res.Sims)
	// Output:
	// ols_cr2: power 0.673 [0.643, 0.701] from 1000 trials
}

func ExampleStandardNormal() {
	r := rct.NewStream(20240601, 1)
	fmt.Printf("%.6f %.6f %.6f\n", power.StandardNormal(r), power.StandardNormal(r), power.StandardNormal(r))
	// Output:
	// 2.301109 -0.552440 0.002361
}

func ExampleAnalysisMethod() {
	fmt.Println(power.AnalysisMethod(false, false), power.AnalysisMethod(true, false), power.AnalysisMethod(true, true))
	// Output:
	// welch_t ols_hc2 ols_cr2
}
