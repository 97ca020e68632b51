package unitcost

import (
	"fmt"
	"strings"
	"testing"
)

var ucBenchSink *Result

// ucBenchSheet returns a costs sheet of n lines over 20 interventions and
// three years, and their reach.
func ucBenchSheet(n int) (string, []Reach) {
	var b strings.Builder
	b.WriteString(ucHeader)
	cats := []string{"staff", "non_staff", "overhead", "in_kind", "volunteer"}
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "intervention %d,item %d,%s,%d.%02d,%d,funder %d\n", i%20, i, cats[i%5], i%5000, i%100, 2022+i%3, i%4)
	}
	var reach []Reach
	for k := 0; k < 20; k++ {
		reach = append(reach, Reach{Intervention: fmt.Sprintf("intervention %d", k), Group: "all", People: int64(100 + k)})
	}
	return b.String(), reach
}

// BenchmarkReadAndCalculate reads a costs sheet and costs it in real terms,
// discounted, with the sensitivity analysis: the work of evalkit unitcost.
func BenchmarkReadAndCalculate(b *testing.B) {
	opt := Options{PriceYear: 2023, Deflators: Deflators{2022: 97.5, 2023: 100, 2024: 102.5}, DiscountRate: 0.035, BaseYear: 2022, Sensitivity: 0.1}
	for _, n := range []int{1e2, 1e3, 1e4, 1e5, 1e6} {
		sheet, reach := ucBenchSheet(n)
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			for b.Loop() {
				lines, err := ReadCosts(strings.NewReader(sheet), "costs.csv")
				if err != nil {
					b.Fatal(err)
				}
				if ucBenchSink, err = Calculate(lines, reach, nil, opt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
