package stats

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// scanMatch is MatchIt's nearest-neighbour matching as its documentation
// and nn_matchC_vec describe it, by a plain scan: sort the units by score
// (ties in data order), take the treated from the largest score (ties in
// data order), walk left and right past treated, matched and other-stratum
// units to the first free control on each side, stop a side at a control
// beyond the caliper, and take the left one when both are as near.
func scanMatch(score []float64, treated []bool, strata []string, width float64) []int {
	n := len(score)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case score[a] < score[b]:
			return -1
		case score[a] > score[b]:
			return 1
		}
		return 0
	})
	pos := make([]int, n)
	for k, i := range order {
		pos[i] = k
	}
	var tr []int
	for i, t := range treated {
		if t {
			tr = append(tr, i)
		}
	}
	slices.SortStableFunc(tr, func(a, b int) int {
		switch {
		case score[a] > score[b]:
			return -1
		case score[a] < score[b]:
			return 1
		}
		return 0
	})
	partner := make([]int, n)
	for i := range partner {
		partner[i] = -1
	}
	find := func(i, step int) int {
		for k := pos[i] + step; k >= 0 && k < n; k += step {
			j := order[k]
			if treated[j] || partner[j] >= 0 || strata != nil && strata[j] != strata[i] {
				continue
			}
			if width > 0 && math.Abs(score[j]-score[i]) > width {
				return -1
			}
			return j
		}
		return -1
	}
	for _, i := range tr {
		l, r := find(i, -1), find(i, 1)
		j := l
		if l < 0 || r >= 0 && math.Abs(score[r]-score[i]) < math.Abs(score[l]-score[i]) {
			j = r
		}
		if j >= 0 {
			partner[i], partner[j] = j, i
		}
	}
	return partner
}

func TestNearestMatchEqualsScan(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for trial := 0; trial < 300; trial++ {
		n := 2 + r.IntN(40)
		score := make([]float64, n)
		treated := make([]bool, n)
		strata := make([]string, n)
		for i := range score {
			score[i] = float64(r.IntN(12)) / 11 // many ties
			treated[i] = r.IntN(3) == 0
			strata[i] = strconv.Itoa(r.IntN(2))
		}
		treated[0], treated[1] = true, false
		caliper := []float64{0, 0.1, 0.5, 2}[trial%4]
		var ex []string
		if trial%3 == 0 {
			ex = strata
		}
		m, err := NearestMatch(score, treated, NearestMatchOptions{Caliper: caliper, Exact: ex})
		require.NoError(t, err)
		require.Equal(t, scanMatch(score, treated, ex, m.CaliperWidth), m.Partner, "trial %d", trial)
	}
}

func TestNearestMatchErrors(t *testing.T) {
	_, err := NearestMatch([]float64{0.1, 0.2}, []bool{true, true}, NearestMatchOptions{})
	assert.ErrorIs(t, err, ErrTooFew)
	_, err = NearestMatch([]float64{0.1, math.NaN()}, []bool{true, false}, NearestMatchOptions{})
	assert.ErrorIs(t, err, ErrDomain)
	_, err = NearestMatch([]float64{0.1, 0.2}, []bool{true, false}, NearestMatchOptions{Caliper: -1})
	assert.ErrorIs(t, err, ErrDomain)
}

func TestEntropyBalanceErrors(t *testing.T) {
	treated := []bool{true, true, false, false, false}
	// The treated mean 10 lies outside the controls' values 1 to 3.
	_, err := EntropyBalanceATT([][]float64{{10, 10, 1, 2, 3}}, []string{"x"}, treated)
	assert.ErrorIs(t, err, ErrNoConvergence)
	// Two copies of one covariate.
	x := []float64{2, 2.5, 1, 2, 3}
	_, err = EntropyBalanceATT([][]float64{x, x}, []string{"x", "y"}, treated)
	assert.ErrorIs(t, err, ErrSingular)
	_, err = EntropyBalanceATT([][]float64{{1, 2}}, []string{"x"}, []bool{true, false})
	assert.ErrorIs(t, err, ErrTooFew)
}

func TestBalanceSpecialCases(t *testing.T) {
	treated := []bool{true, true, false, false}
	one := []float64{1, 1, 1, 1}
	// A 0/1 covariate: the treated SD is sqrt(p(1-p)) = 0.5.
	b := Balance([]float64{1, 0, 0, 0}, treated, one)
	assert.InDelta(t, 1.0, b.SMDBefore, 1e-15)
	// Constant among the treated: undefined where the means differ.
	b = Balance([]float64{2, 2, 1, 3}, treated, one)
	assert.Equal(t, 0.0, b.SMDBefore)
	b = Balance([]float64{2, 2, 1, 1.5}, treated, one)
	assert.True(t, math.IsNaN(b.SMDBefore))
	assert.Equal(t, 0.0, b.VarRatioBefore)
}

func TestLogisticSeparation(t *testing.T) {
	_, err := Logistic([]float64{0, 0, 0, 1, 1, 1}, []string{"x"}, [][]float64{{1, 2, 3, 4, 5, 6}}, GLMOptions{})
	assert.ErrorIs(t, err, ErrNoConvergence)
	_, err = Logistic([]float64{0, 2}, []string{"x"}, [][]float64{{1, 2}}, GLMOptions{})
	assert.ErrorIs(t, err, ErrDomain)
}
