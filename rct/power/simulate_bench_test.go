package power

import (
	"fmt"
	"testing"
)

// BenchmarkSimulationTrials runs trials that do almost nothing, so that
// what is measured is the simulation's own cost per trial: its streams,
// its allocation of 10 units and its bookkeeping. Bytes per trial stay the
// same however many trials run (before Run streamed its results, each
// trial also held a byte and an error until the end: 17 bytes more per
// trial, 17 GB for 10⁹).
func BenchmarkSimulationTrials(b *testing.B) {
	for _, trials := range []int{1e3, 1e5} {
		b.Run(fmt.Sprintf("trials=%d", trials), func(b *testing.B) {
			s := Simulation{Units: 10, Trials: trials, Seed: 1, Generate: func(*SimTrial) {},
				Analyse: func(t *SimTrial) (float64, error) { return float64(t.Arm[0]), nil }}
			for i := 0; i < b.N; i++ {
				s.Seed = uint64(i)
				res, err := s.Run()
				if err != nil {
					b.Fatal(err)
				}
				benchSink += res.Power
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*trials), "ns/trial")
		})
	}
}
