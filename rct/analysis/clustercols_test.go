package analysis

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats/scalar"

	"github.com/evalkit/evalkit/internal/table"
	"github.com/evalkit/evalkit/rct"
)

// naiveArmConstant is armConstant with a map of the column's strings, as
// it was written before the group index.
func naiveArmConstant(col, arm []string, most int) (groups, rows int, ok bool) {
	armOf := map[string]string{}
	for i, g := range col {
		if table.IsMissing(arm[i]) || table.IsMissing(g) {
			continue
		}
		a, seen := armOf[g]
		switch {
		case !seen && len(armOf) == most:
			return 0, 0, false
		case !seen:
			armOf[g] = arm[i]
		case a != arm[i]:
			return 0, 0, false
		}
		rows++
	}
	return len(armOf), rows, true
}

// TestArmConstantAgreesWithAMap checks the group index (probing, its
// bound, missing values) against a map on random columns: clusters
// randomised whole, clusters that mix arms, ids, with missing values.
func TestArmConstantAgreesWithAMap(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for trial := range 300 {
		n := 1 + r.IntN(200)
		groups := 1 + r.IntN(n+1)
		armOfGroup := make([]string, groups)
		for g := range armOfGroup {
			armOfGroup[g] = []string{"control", "treatment", "NA"}[r.IntN(3)]
		}
		col, arm := make([]string, n), make([]string, n)
		for i := range col {
			g := r.IntN(groups)
			col[i] = fmt.Sprintf("g%d", g)
			if r.IntN(10) == 0 {
				col[i] = ""
			}
			arm[i] = armOfGroup[g]
			if trial%3 == 0 && r.IntN(20) == 0 {
				arm[i] = "treatment" // a cluster split
			}
		}
		wg, wrows, wok := naiveArmConstant(col, arm, n/2)
		for _, bits := range []int{n, math.MaxInt32} { // tags of many bits; none
			idx := newGroupIndex(n/2, bits)
			g, rows, ok := armConstant(textColumn{s: col}, codeArms(arm, table.IsMissing), idx)
			require.Equal(t, []any{wg, wrows, wok}, []any{g, rows, ok}, "trial %d: n %d, %d groups, index for %d rows", trial, n, groups, bits)
		}
	}
}

// TestNumericBalanceIsRct checks numericBalance against
// rct.BalanceNumeric: three arms, missing values, an arm with one value
// and an arm with none.
func TestNumericBalanceIsRct(t *testing.T) {
	nan := math.NaN()
	x := []float64{1, 2.5, nan, 4, 7, 0.5, nan, 3, 9, 2}
	for _, rows := range [][][]int{
		{{0, 2, 5, 7}, {1, 3, 4}, {6, 8, 9}},
		{{0, 1, 2}, {3}, {6}},
		{{0, 9}, {2, 6}, {1, 4, 5}},
	} {
		labels := []string{"control", "a", "b"}
		var v []float64
		var arm []string
		for k, rs := range rows {
			for _, r := range rs {
				v, arm = append(v, x[r]), append(arm, labels[k])
			}
		}
		want := rct.BalanceNumeric("x", v, arm, labels, "control")
		got := numericBalance(&covariate{name: "x", x: x}, rows, labels)
		require.Len(t, got, len(want))
		for k, w := range want {
			g := got[k]
			require.Equal(t, []any{w.Covariate, w.Arm, w.Control, w.N, w.NControl}, []any{g.Covariate, g.Arm, g.Control, g.N, g.NControl})
			for _, p := range [][2]float64{{w.Mean, g.Mean}, {w.MeanControl, g.MeanControl}, {w.SD, g.SD}, {w.SDControl, g.SDControl}, {w.Diff, g.StdDiff}} {
				require.True(t, math.IsNaN(p[0]) && math.IsNaN(p[1]) || scalar.EqualWithinAbsOrRel(p[0], p[1], 0, 0), "%v: want %v, got %v", rows, p[0], p[1])
			}
		}
	}
}
