package analysis

import "fmt"

// subset is the data of one comparison: the rows of its treatment and
// control arms in row order.
type subset struct {
	// row is each row's data row.
	row []int
	// y and exposure (counts only) are the outcome and exposure; treat
	// marks the treatment arm's rows.
	y, exposure []float64
	treat       []bool
	// cov[j] is covariate j.
	cov [][]float64
	// block and cluster are each row's block and cluster label; nil when
	// not given.
	block, cluster []string
	// oneArm describes each block that holds only one of the two arms.
	oneArm []string
}

// subsetRow is one row of a comparison: the k-th used row of arm a.
type subsetRow struct {
	a     *arm
	k     int
	treat bool
}

// subsetOf returns the comparison of arm tr with arm c. A block that holds
// only one of the two arms stays in: lm_robust(... + factor(block)) and
// glm.nb keep its rows, which inform the covariates' slopes and the
// residual degrees of freedom though not the treatment's effect directly.
func (t *trial) subsetOf(tr, c *arm) *subset {
	d := t.d
	s := &subset{}
	// Merge the two arms' rows into row order.
	order := make([]subsetRow, 0, len(tr.rows)+len(c.rows))
	i, j := 0, 0
	for i < len(tr.rows) || j < len(c.rows) {
		if j == len(c.rows) || i < len(tr.rows) && tr.rows[i] < c.rows[j] {
			order = append(order, subsetRow{tr, i, true})
			i++
		} else {
			order = append(order, subsetRow{c, j, false})
			j++
		}
	}
	n := len(order)
	s.row = make([]int, n)
	s.y = make([]float64, n)
	s.treat = make([]bool, n)
	if t.typ == Count {
		s.exposure = make([]float64, n)
	}
	for k, o := range order {
		s.row[k] = o.a.rows[o.k]
		s.y[k] = o.a.y[o.k]
		s.treat[k] = o.treat
		if s.exposure != nil {
			s.exposure[k] = o.a.exposure[o.k]
		}
	}
	for _, col := range d.cov {
		v := make([]float64, n)
		for k, r := range s.row {
			v[k] = col[r]
		}
		s.cov = append(s.cov, v)
	}
	if d.block != nil {
		s.block = rowsOf(d.block, s.row)
		s.oneArm = oneArmBlocks(s, d.cols.Block, tr.label, c.label)
	}
	if d.cluster != nil {
		s.cluster = rowsOf(d.cluster, s.row)
	}
	return s
}

// rowsOf returns col at the given rows.
func rowsOf(col []string, rows []int) []string {
	out := make([]string, len(rows))
	for k, r := range rows {
		out[k] = col[r]
	}
	return out
}

// oneArmBlocks describes the blocks of s in which only one of the two arms
// occurs.
func oneArmBlocks(s *subset, col, treatment, control string) []string {
	block, labels := indexLabels(s.block)
	nt := make([]int, len(labels))
	nc := make([]int, len(labels))
	for i, b := range block {
		if s.treat[i] {
			nt[b]++
		} else {
			nc[b]++
		}
	}
	var out []string
	for b, label := range labels {
		if nt[b] > 0 && nc[b] > 0 {
			continue
		}
		arm, m := treatment, nt[b]
		if nc[b] > 0 {
			arm, m = control, nc[b]
		}
		out = append(out, fmt.Sprintf("block %q (column %q) holds only arm %q in the comparison of %s with %s: its %d rows stay in the model, as in lm_robust with factor(block); they inform the covariates and the residual df, not the effect directly",
			label, col, arm, treatment, control, m))
	}
	return out
}

// indexLabels numbers labels in order of first appearance: labels[k] is
// names[idx[k]].
func indexLabels(labels []string) (idx []int, names []string) {
	idx = make([]int, len(labels))
	seen := map[string]int{}
	for k, l := range labels {
		v, ok := seen[l]
		if !ok {
			v = len(names)
			seen[l] = v
			names = append(names, l)
		}
		idx[k] = v
	}
	return idx, names
}
