package stats

import (
	"fmt"
	"testing"
)

// BenchmarkNegBinPaths fits the negative binomial of glmGenBlocked (a
// treatment, a covariate, 20 blocks) by the normal equations with the
// blocks' structure and by QR at every step (the path before them), in the
// same run:
//
//	go test ./stats -run XXX -bench NegBinPaths -benchmem -count 3
func BenchmarkNegBinPaths(b *testing.B) {
	for _, n := range []int{1_000, 100_000, 1_000_000} {
		g := glmGenBlocked(n, 1)
		for _, qr := range []bool{false, true} {
			name := "normal"
			if qr {
				name = "qr"
			}
			b.Run(fmt.Sprintf("n=%d/%s", n, name), func(b *testing.B) {
				for b.Loop() {
					d, err := glmNewDesign(g.y, []string{"t", "x"}, [][]float64{g.t, g.x}, GLMOptions{Offset: g.offset, Block: g.block})
					if err != nil {
						b.Fatal(err)
					}
					d.qrOnly = qr
					r, err := negbinFit(d)
					if err != nil {
						b.Fatal(err)
					}
					olsBenchSink = r
				}
			})
		}
	}
}
