package stats

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"
)

// didBenchPanel returns a balanced panel of units × periods with three
// cohorts (first treated at 1/4, 1/2 and 3/4 of the periods, a quarter of
// the units each) and a never-treated quarter.
func didBenchPanel(units, periods int) (y, time, group []float64, unit, timeLabel []string, treated []bool) {
	r := rand.New(rand.NewPCG(1, 2))
	n := units * periods
	y, time, group = make([]float64, 0, n), make([]float64, 0, n), make([]float64, 0, n)
	for u := 0; u < units; u++ {
		g := float64([]int{periods / 4, periods / 2, 3 * periods / 4, 0}[u%4] + 1)
		if g == 1 {
			g = 0
		}
		a := r.NormFloat64()
		id := "u" + strconv.Itoa(u)
		for t := 1; t <= periods; t++ {
			d := g > 0 && float64(t) >= g
			v := a + 0.1*float64(t) + r.NormFloat64()
			if d {
				v += 1
			}
			y, time, group = append(y, v), append(time, float64(t)), append(group, g)
			unit, timeLabel, treated = append(unit, id), append(timeLabel, strconv.Itoa(t)), append(treated, d)
		}
	}
	return
}

var didBenchSink float64

func BenchmarkTWFE(b *testing.B) {
	for _, size := range [][2]int{{100, 10}, {1000, 100}, {10000, 100}} {
		y, _, group, unit, tl, _ := didBenchPanel(size[0], size[1])
		// One cohort: the first of the three, the others never treated.
		d := make([]bool, len(y))
		for i := range d {
			d[i] = group[i] == group[0] && i%size[1] >= int(group[0])-1
		}
		b.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(b *testing.B) {
			for b.Loop() {
				r, err := TWFE(y, d, unit, tl, nil, 0)
				if err != nil {
					b.Fatal(err)
				}
				didBenchSink += r.SE
			}
		})
	}
}

func BenchmarkCallawaySantAnna(b *testing.B) {
	for _, size := range [][2]int{{100, 10}, {1000, 100}, {10000, 100}} {
		y, time, group, unit, _, _ := didBenchPanel(size[0], size[1])
		b.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(b *testing.B) {
			for b.Loop() {
				r, err := CallawaySantAnna(y, time, group, unit, 0)
				if err != nil {
					b.Fatal(err)
				}
				didBenchSink += r.Simple.SE
			}
		})
	}
}
