package power

import (
	"testing"

	"github.com/evalkit/evalkit/rct"
)

// BenchmarkUnitsSimulation runs 1,000 simulated trials of the committed
// units file (935 pupils, 40 schools, 3 towns) for each analysis. The
// blocked cluster design is testdata/r/power_simulate.R's, which R 4.2.2
// with estimatr 1.0.0 runs in about 7 s for 1,000 trials (Rscript
// testdata/r/power_simulate.R 1000; see the report of the change).
func BenchmarkUnitsSimulation(b *testing.B) {
	u := readSimUnits(b)
	for _, d := range []struct {
		name string
		s    rct.Settings
		icc  float64
	}{
		{"welch_t", simSettings(nil, "", rct.Complete), 0},
		{"ols_hc2", simSettings([]string{"town"}, "", rct.Complete), 0},
		{"ols_cr2_blocked", simSettings([]string{"town"}, "school", rct.Complete), 0.1},
	} {
		b.Run(d.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				d.s.Seed = uint64(i)
				res, err := UnitsSimulation{Units: u, Settings: d.s, Effect: 0.3, ICC: d.icc, R2: 0.3, Sims: 1000}.Run()
				if err != nil {
					b.Fatal(err)
				}
				benchSink += res.Power
			}
		})
	}
}
