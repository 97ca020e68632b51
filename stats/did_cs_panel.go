package stats

import (
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distuv"
)

// didPanel is a panel held by group: group 0 is the never treated, group
// g ≥ 1 the units first treated in period groups[g-1].
type didPanel struct {
	n                int         // units used
	times            []float64   // the periods, sorted
	groups           []float64   // the first treated periods, sorted
	members          [][]int     // the units of each group
	y                [][]float64 // y[g][k*T + t], NaN where unit k of group g is not observed at t
	dropped, recoded int
}

// didCell is one ATT(g,t) with its influence function by group (nil where
// it is 0).
type didCell struct {
	g, t int
	att  float64
	psi  [][]float64
}

// newDiDPanel checks and arranges the rows (see CallawaySantAnna).
func newDiDPanel(y, time, group []float64, unit []string) (*didPanel, error) {
	n := len(y)
	absorbCheckLen("time", len(time), n)
	absorbCheckLen("group", len(group), n)
	absorbCheckLen("unit", len(unit), n)
	if err := olsCheckFinite("outcome", y); err != nil {
		return nil, err
	}
	for _, v := range [][]float64{time, group} {
		if err := olsCheckFinite("period", v); err != nil {
			return nil, err
		}
	}
	code, labels := codeLabels(unit)
	ug := make([]float64, len(labels))
	for k := range ug {
		ug[k] = math.NaN()
	}
	var tlist []float64
	for i, u := range code {
		if math.IsNaN(ug[u]) {
			ug[u] = group[i]
		} else if ug[u] != group[i] {
			return nil, fmt.Errorf("%w: unit %q has first treated periods %v and %v", ErrDomain, labels[u], ug[u], group[i])
		}
		tlist = append(tlist, time[i])
	}
	slices.Sort(tlist)
	tlist = slices.Compact(tlist)
	p := &didPanel{}
	if len(tlist) == 0 {
		return nil, fmt.Errorf("%w: no observations", ErrTooFew)
	}
	first, last := tlist[0], tlist[len(tlist)-1]
	keep := make([]bool, len(labels))
	for u, g := range ug {
		switch {
		case g > last:
			ug[u] = 0
			p.recoded++
		case g != 0 && g <= first:
			p.dropped++
			continue
		}
		keep[u] = true
		if ug[u] != 0 {
			p.groups = append(p.groups, ug[u])
		}
	}
	slices.Sort(p.groups)
	p.groups = slices.Compact(p.groups)
	for i, u := range code {
		if keep[u] {
			p.times = append(p.times, time[i])
		}
	}
	slices.Sort(p.times)
	p.times = slices.Compact(p.times)
	T := len(p.times)
	p.members = make([][]int, len(p.groups)+1)
	gi := make([]int, len(labels)) // the group index of each unit
	pos := make([]int, len(labels))
	for u, g := range ug {
		if !keep[u] {
			continue
		}
		gi[u] = 0
		if g != 0 {
			gi[u], _ = slices.BinarySearch(p.groups, g)
			gi[u]++
		}
		pos[u] = len(p.members[gi[u]])
		p.members[gi[u]] = append(p.members[gi[u]], u)
		p.n++
	}
	if len(p.members[0]) == 0 {
		return nil, fmt.Errorf("%w: no never-treated unit to compare with", ErrTooFew)
	}
	if len(p.groups) == 0 {
		return nil, fmt.Errorf("%w: no unit first treated after the first period", ErrTooFew)
	}
	p.y = make([][]float64, len(p.members))
	for g, m := range p.members {
		p.y[g] = make([]float64, len(m)*T)
		for k := range p.y[g] {
			p.y[g][k] = math.NaN()
		}
	}
	for i, u := range code {
		if !keep[u] {
			continue
		}
		t, _ := slices.BinarySearch(p.times, time[i])
		cell := &p.y[gi[u]][pos[u]*T+t]
		if !math.IsNaN(*cell) {
			return nil, fmt.Errorf("%w: unit %q is observed twice in period %v", ErrDomain, labels[u], time[i])
		}
		*cell = y[i]
	}
	return p, nil
}

// cells computes every ATT(g,t) with its influence function.
func (p *didPanel) cells() ([]didCell, error) {
	T := len(p.times)
	var out []didCell
	for g := 1; g < len(p.members); g++ {
		b, _ := slices.BinarySearch(p.times, p.groups[g-1])
		b-- // the last period before g
		if b < 0 {
			return nil, fmt.Errorf("%w: no period before the first treated period %v is observed (once the units treated in the first period are left out)", ErrTooFew, p.groups[g-1])
		}
		for t := 0; t < T; t++ {
			c := didCell{g: g, t: t}
			if t != b {
				c.psi = make([][]float64, len(p.members))
				var diff [2]float64
				for side, grp := range [2]int{g, 0} {
					psi := make([]float64, len(p.members[grp]))
					for j, s := range [2]int{t, b} {
						sign := 1 - 2*float64(j)
						mean, cnt := p.mean(grp, s)
						if cnt == 0 {
							what := "the group's units"
							if grp == 0 {
								what = "never-treated units"
							}
							return nil, fmt.Errorf("%w: ATT(%v, %v): no %s observed in period %v", ErrTooFew, p.groups[g-1], p.times[t], what, p.times[s])
						}
						diff[side] += sign * mean
						for k := range psi {
							if v := p.y[grp][k*T+s]; !math.IsNaN(v) {
								psi[k] += sign * (v - mean) / float64(cnt)
							}
						}
					}
					if side == 1 {
						for k := range psi {
							psi[k] = -psi[k]
						}
					}
					c.psi[grp] = psi
				}
				c.att = diff[0] - diff[1]
			}
			out = append(out, c)
		}
	}
	return out, nil
}

// mean returns the mean outcome of group g's units observed in period t,
// and their number.
func (p *didPanel) mean(g, t int) (float64, int) {
	T := len(p.times)
	s, cnt := 0.0, 0
	for k := range p.members[g] {
		if v := p.y[g][k*T+t]; !math.IsNaN(v) {
			s += v
			cnt++
		}
	}
	return s / float64(cnt), cnt
}

// aggregate returns the p_g-weighted mean of the cells keep and its
// influence function. The estimation of the weights adds to it, for each
// unit of a group γ whose cells are among keep, the constant
//
//	(Σ_{k: g_k = γ} ATT_k - c_γ θ) / (n Σ_k p_{g_k})
//
// with c_γ the number of those cells and θ the aggregate: did's wif, which
// for the other units is 0.
func (p *didPanel) aggregate(cells []didCell, keep []int, wif bool) (float64, [][]float64) {
	W, A := 0.0, 0.0
	for _, k := range keep {
		pg := float64(len(p.members[cells[k].g])) / float64(p.n)
		W += pg
		A += pg * cells[k].att
	}
	est := A / W
	var psi [][]float64
	attSum := make([]float64, len(p.members))
	count := make([]float64, len(p.members))
	for _, k := range keep {
		c := cells[k]
		if c.psi != nil {
			psi = didAddPsi(psi, c.psi, float64(len(p.members[c.g]))/float64(p.n)/W)
		}
		attSum[c.g] += c.att
		count[c.g]++
	}
	if psi == nil {
		psi = make([][]float64, len(p.members))
	}
	for g := range p.members {
		if !wif || count[g] == 0 {
			continue
		}
		if psi[g] == nil {
			psi[g] = make([]float64, len(p.members[g]))
		}
		add := (attSum[g] - count[g]*est) / (float64(p.n) * W)
		for i := range psi[g] {
			psi[g][i] += add
		}
	}
	return est, psi
}

// pretrend returns Wald's statistic of the pre-treatment cells, its
// p-value and their number.
func (p *didPanel) pretrend(cells []didCell) (w, pval float64, q int) {
	var pre []didCell
	for _, c := range cells {
		if p.groups[c.g-1] > p.times[c.t] && c.psi != nil && !math.IsNaN(didSE(c.psi)) {
			pre = append(pre, c)
		}
	}
	q = len(pre)
	if q == 0 {
		return math.NaN(), math.NaN(), 0
	}
	v := mat.NewSymDense(q, nil)
	theta := mat.NewVecDense(q, nil)
	for a, ca := range pre {
		theta.SetVec(a, ca.att)
		for b := a; b < q; b++ {
			s := 0.0
			for g, x := range ca.psi {
				if y := pre[b].psi[g]; x != nil && y != nil {
					for i := range x {
						s += x[i] * y[i]
					}
				}
			}
			v.SetSym(a, b, s)
		}
	}
	var chol mat.Cholesky
	if !chol.Factorize(v) || chol.Cond() >= 1/2.220446049250313e-16 {
		return math.NaN(), math.NaN(), q
	}
	var sol mat.VecDense
	if err := chol.SolveVecTo(&sol, theta); err != nil {
		return math.NaN(), math.NaN(), q
	}
	w = mat.Dot(theta, &sol)
	return w, distuv.ChiSquared{K: float64(q)}.Survival(w), q
}
