package stats

import (
	"fmt"
	"testing"
)

// BenchmarkLMMRandomSlope fits y ~ treat + x + (1 + treat | site) by REML
// with the Satterthwaite df, the treatment randomised within the sites
// (lmmRSSim). `go test ./stats -run XXX -bench LMMRandomSlope -benchtime 5x`.
func BenchmarkLMMRandomSlope(b *testing.B) {
	for _, size := range []struct{ n, J int }{{100, 10}, {10_000, 50}, {1_000_000, 200}} {
		y, x, site := lmmRSSim(17, size.n, size.J, 1, 0.5)
		b.Run(fmt.Sprintf("n=%d/sites=%d", size.n, size.J), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r, err := LMMRandomSlope(y, lmmSimNames, x, site, 0, LMMOptions{})
				if err != nil {
					b.Fatal(err)
				}
				olsBenchSink = r
			}
		})
	}
}
