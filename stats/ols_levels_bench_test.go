package stats

import (
	"fmt"
	"testing"
)

// BenchmarkCodeLabels codes the bench data's block and cluster labels, the
// cost OLS adds for taking labels rather than codes.
func BenchmarkCodeLabels(b *testing.B) {
	for _, n := range []int{10_000, 1_000_000} {
		_, _, block, cluster := olsBenchData(n)
		for _, c := range []struct {
			name   string
			labels []string
		}{{"blocks=50", block}, {"clusters=2000", cluster}} {
			b.Run(fmt.Sprintf("n=%d/%s", n, c.name), func(b *testing.B) {
				for b.Loop() {
					codes, _ := codeLabels(c.labels)
					olsBenchSink = codes
				}
			})
		}
	}
}
