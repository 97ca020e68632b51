package stats

import (
	"fmt"
	"math"
	"slices"
)

// NearestMatchOptions are the optional parts of NearestMatch.
type NearestMatchOptions struct {
	// Caliper, when positive, is the largest distance allowed between a
	// treated unit's score and its control's, in standard deviations of the
	// score over all units (MatchIt's std.caliper = TRUE).
	Caliper float64
	// Exact, when not nil, holds each unit's stratum: units are matched
	// only within their stratum.
	Exact []string
}

// Matching is a 1:1 matching of treated units to controls.
type Matching struct {
	// Partner holds, for every unit, the index of the unit it is matched
	// to, or -1.
	Partner []int
	// Pairs lists the matched (treated, control) indices, in the treated
	// units' order in the data.
	Pairs [][2]int
	// CaliperWidth is the caliper in the score's own units (0: none).
	CaliperWidth float64
}

// NearestMatch matches each treated unit to the nearest control on score,
// 1:1 without replacement, greedily from the treated unit with the largest
// score, as
//
//	MatchIt::matchit(..., method = "nearest", distance = score, ratio = 1,
//	                 replace = FALSE, m.order = "largest", caliper, exact)
//
// does it [1]: the units are sorted by score (ties in data order), and the
// treated unit being matched takes the closest control still unmatched,
// among those of its stratum, on its left or its right in that order (the
// left one when both are as close); a control farther than the caliper is
// never taken, and a treated unit without a control within it is left
// unmatched. The caliper is opt.Caliper times the standard deviation of
// score over all units (divisor n - 1). Each pick costs O(α(n)) by
// union-find over the controls' positions, so matching costs O(n log n).
//
// Special cases:
//
//	a NaN or ±Inf score            → error wrapping ErrDomain
//	no treated unit or no control  → error wrapping ErrTooFew
//	a negative or non-finite caliper → error wrapping ErrDomain
//
// NearestMatch panics if treated or a non-nil opt.Exact do not have
// len(score) elements.
//
// [1] Stuart, E. A. (2010). Matching methods for causal inference: a review
// and a look forward. Statistical Science 25(1), 1-21.
func NearestMatch(score []float64, treated []bool, opt NearestMatchOptions) (*Matching, error) {
	n := len(score)
	absorbCheckLen("treated", len(treated), n)
	if opt.Exact != nil {
		absorbCheckLen("exact", len(opt.Exact), n)
	}
	if err := olsCheckFinite("score", score); err != nil {
		return nil, err
	}
	if !(opt.Caliper >= 0) || math.IsInf(opt.Caliper, 0) {
		return nil, fmt.Errorf("%w: caliper %v", ErrDomain, opt.Caliper)
	}
	nt := 0
	for _, t := range treated {
		if t {
			nt++
		}
	}
	if nt == 0 || nt == n {
		return nil, fmt.Errorf("%w: %d treated units and %d controls", ErrTooFew, nt, n-nt)
	}
	m := &Matching{Partner: make([]int, n)}
	for i := range m.Partner {
		m.Partner[i] = -1
	}
	if opt.Caliper > 0 {
		mean := 0.0
		for _, s := range score {
			mean += s
		}
		mean /= float64(n)
		ss := 0.0
		for _, s := range score {
			ss += (s - mean) * (s - mean)
		}
		m.CaliperWidth = opt.Caliper * math.Sqrt(ss/float64(n-1))
	}
	strata := make([]int, n)
	if opt.Exact != nil {
		strata, _ = codeLabels(opt.Exact)
	}
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
	// Each stratum's controls in sorted order; each treated unit's place
	// among them.
	ctrl := map[int][]int{}
	place := make([]int, n)
	for _, i := range order {
		s := strata[i]
		if treated[i] {
			place[i] = len(ctrl[s])
		} else {
			ctrl[s] = append(ctrl[s], i)
		}
	}
	free := map[int]*matchFree{}
	for s, c := range ctrl {
		free[s] = newMatchFree(len(c))
	}
	var treatedOrder []int
	for k := n - 1; k >= 0; k-- {
		if treated[order[k]] {
			treatedOrder = append(treatedOrder, order[k])
		}
	}
	// Descending with ties in data order: reverse each run of equal scores.
	for a := 0; a < len(treatedOrder); {
		b := a
		for b < len(treatedOrder) && score[treatedOrder[b]] == score[treatedOrder[a]] {
			b++
		}
		slices.Reverse(treatedOrder[a:b])
		a = b
	}
	for _, i := range treatedOrder {
		c, f := ctrl[strata[i]], free[strata[i]]
		if f == nil {
			continue
		}
		best := -1
		l, r := f.left(place[i]-1), f.right(place[i])
		dl, dr := math.Inf(1), math.Inf(1)
		if l >= 0 {
			dl = math.Abs(score[c[l]] - score[i])
		}
		if r >= 0 {
			dr = math.Abs(score[c[r]] - score[i])
		}
		switch {
		case l >= 0 && dl <= dr:
			best = l
		case r >= 0:
			best = r
		}
		if best < 0 || m.CaliperWidth > 0 && math.Abs(score[c[best]]-score[i]) > m.CaliperWidth {
			// The nearest on the other side is no nearer: none is within.
			continue
		}
		f.take(best)
		m.Partner[i], m.Partner[c[best]] = c[best], i
	}
	for i, t := range treated {
		if t && m.Partner[i] >= 0 {
			m.Pairs = append(m.Pairs, [2]int{i, m.Partner[i]})
		}
	}
	return m, nil
}

// matchFree is the set of unmatched positions 0..n-1 with the nearest
// unmatched position at or left of k, and at or right of k, found by
// union-find with path halving.
type matchFree struct {
	l, r []int // l[k] = k when k is free, else a position further left (-1 sentinel at index 0)
}

func newMatchFree(n int) *matchFree {
	f := &matchFree{l: make([]int, n+1), r: make([]int, n+1)}
	for k := range f.l {
		f.l[k], f.r[k] = k, k // l is shifted by one: l[k+1] stands for position k
	}
	return f
}

// left returns the largest free position ≤ k, or -1.
func (f *matchFree) left(k int) int {
	x := k + 1
	for f.l[x] != x {
		f.l[x] = f.l[f.l[x]]
		x = f.l[x]
	}
	return x - 1
}

// right returns the smallest free position ≥ k, or -1.
func (f *matchFree) right(k int) int {
	x := k
	for f.r[x] != x {
		f.r[x] = f.r[f.r[x]]
		x = f.r[x]
	}
	if x == len(f.r)-1 {
		return -1
	}
	return x
}

// take marks position k as matched.
func (f *matchFree) take(k int) {
	f.l[k+1] = k
	f.r[k] = k + 1
}
