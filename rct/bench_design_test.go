package rct

import (
	"fmt"
	"strings"
	"testing"
)

// benchAllocatedTest randomises n units (ids in file order, 10 areas, 2
// factors) under the method and reads the design back; it returns the
// design, every unit as the comparison of treatment with control, and an
// outcome.
func benchAllocatedTest(b *testing.B, n int, s Settings) (*AllocatedDesign, []int, []float64) {
	b.Helper()
	var csv strings.Builder
	csv.WriteString("unit_id,area,risk\n")
	r := NewRand(1)
	for i := range n {
		fmt.Fprintf(&csv, "p%07d,area%02d,%s\n", i, i%10, []string{"low", "high"}[r.Uint64n(2)])
	}
	d := allocatedTest(b, csv.String(), s)
	units := make([]int, n)
	y := make([]float64, n)
	for i := range units {
		units[i] = i
		y[i] = r.Float64()
	}
	return d, units, y
}

// BenchmarkRandomisationTestDesign: draws from a design's own method at
// n = 10,000 units (10 strata): permuted blocks of 4 and 6 and complete
// randomisation with 10,000 draws, minimisation (re-run over every unit
// per draw) with 1,000.
func BenchmarkRandomisationTestDesign(b *testing.B) {
	arms := []string{"control", "treatment"}
	for _, tc := range []struct {
		name  string
		s     Settings
		draws int
	}{
		{"blocks", Settings{ID: "unit_id", Arms: arms, Block: []string{"area"}, Method: Blocks, BlockSizes: []int{4, 6}, Seed: 1}, 10000},
		{"complete", Settings{ID: "unit_id", Arms: arms, Block: []string{"area"}, Seed: 1}, 10000},
		{"minimise", Settings{ID: "unit_id", Arms: arms, Method: Minimise, Factors: []string{"area", "risk"}, Seed: 1}, 1000},
	} {
		const n = 10000
		d, units, y := benchAllocatedTest(b, n, tc.s)
		rr, err := d.Rerandomiser(units, "treatment", "control")
		if err != nil {
			b.Fatal(err)
		}
		newStat := func() Statistic { return DiffInMeans(y, 1, 0) }
		b.Run(fmt.Sprintf("%s/draws=%d/n=%d", tc.name, tc.draws, n), func(b *testing.B) {
			defer reportCPU(b)()
			for b.Loop() {
				benchRISink, _ = RandomisationTest(rr, newStat, RIOptions{Draws: tc.draws, Seed: 3})
			}
		})
	}
}
