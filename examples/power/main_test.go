package main

import "os"

// The example's core call, on the committed example data with fewer
// simulated trials.
func Example_planHotspotTrial() {
	p, err := planHotspotTrial("../hotspots.csv", 0.75, 300, 20230401, nil)
	if err != nil {
		panic(err)
	}
	p.print(os.Stdout)
	// Output:
	// Hotspots: 120 in 8 areas; crimes per hotspot over 26 weeks: mean 6.467, negative-binomial size k = 2.005
	// Trial: 1:1 within areas, detect a rate ratio of 0.75 (a 25% fall), two-sided alpha = 0.05
	//
	//   closed form (Wald on log RR):   power 0.481
	//   simulation (glm.nb with areas): power 0.493, 95% interval [0.437, 0.550], 300 trials, 0 fits failed
	//
	// For 80% power the closed form needs 129 hotspots per arm (128.8 exactly).
}
