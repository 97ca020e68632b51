package rct

import (
	"fmt"
	"slices"
	"testing"

	"github.com/evalkit/evalkit/internal/cputime"
)

var (
	benchAllocationSink *Allocation
	benchRISink         RIResult
)

// benchDesign has n units with shuffled ids in nStrata strata.
func benchDesign(n, nStrata int) *Design {
	d := &Design{ID: Column{Name: "id", Values: make([]string, n)}, Arms: []string{"control", "treatment"}}
	st := Column{Name: "area", Values: make([]string, n)}
	perm := NewRand(1).permTest(n)
	for i := 0; i < n; i++ {
		d.ID.Values[i] = fmt.Sprintf("p%08d", perm[i])
		st.Values[i] = fmt.Sprintf("area%04d", i%nStrata)
	}
	d.Strata = []Column{st}
	return d
}

// BenchmarkRandomise randomises n units in n/1000 strata (1,000 strata at
// 1e6), from the design's text columns to the allocation; the ids are in
// random order (sorted/ has them in id order, as an export often is).
func BenchmarkRandomise(b *testing.B) {
	for _, n := range []int{100, 10_000, 1_000_000} {
		d := benchDesign(n, max(1, n/1000))
		sorted := *d
		sorted.ID.Values = slices.Sorted(slices.Values(d.ID.Values))
		b.Run(fmt.Sprintf("complete/sorted/n=%d", n), func(b *testing.B) {
			defer reportCPU(b)()
			for b.Loop() {
				a, err := Randomise(&sorted, Options{}, 20230401)
				if err != nil {
					b.Fatal(err)
				}
				benchAllocationSink = a
			}
		})
		b.Run(fmt.Sprintf("complete/n=%d", n), func(b *testing.B) {
			defer reportCPU(b)()
			for b.Loop() {
				a, err := Randomise(d, Options{}, 20230401)
				if err != nil {
					b.Fatal(err)
				}
				benchAllocationSink = a
			}
		})
	}
}

// BenchmarkRandomisationTest: 10,000 draws at n = 1,000 (500 treated) with
// a difference in means.
func BenchmarkRandomisationTest(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		r := NewRand(2)
		y := make([]float64, n)
		for i := range y {
			y[i] = r.Float64()
		}
		p, err := NewPermutations(CompleteAssign(n, []int{1, 1}, r), nil, nil)
		if err != nil {
			b.Fatal(err)
		}
		newStat := func() Statistic { return DiffInMeans(y, 1, 0) }
		b.Run(fmt.Sprintf("draws=10000/n=%d", n), func(b *testing.B) {
			defer reportCPU(b)()
			for b.Loop() {
				benchRISink, _ = RandomisationTest(p, newStat, RIOptions{Draws: 10000, Seed: 3})
			}
		})
	}
}

// reportCPU adds the process's CPU time per operation (all goroutines) as
// the metric cpu-ms/op: wall time alone misleads on a shared machine.
func reportCPU(b *testing.B) func() {
	start := cputime.Process()
	return func() {
		b.ReportMetric(float64(cputime.Process()-start)/1e6/float64(b.N), "cpu-ms/op")
	}
}
