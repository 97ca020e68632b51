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
	// cov are the covariates' model columns (setCovariates), named
	// covNames; covOf[k] is the covariate (index in Data.cov) of column k
	// and covLevel[k] its level for a factor's indicator ("" for a numeric
	// covariate); oneLevel lists the factors with one level among the rows.
	cov      [][]float64
	covNames []string
	covOf    []int
	covLevel []string
	oneLevel []int
	// block and cluster are each row's block and cluster label; nil when
	// not given.
	block, cluster []string
}

// subsetOf returns the comparison of arm tr with arm c. A block that holds
// only one of the two arms stays in: lm_robust(... + factor(block)) and
// glm.nb keep its rows, which inform the covariates' slopes and the
// residual degrees of freedom though not the treatment's effect directly.
func (t *trial) subsetOf(tr, c *arm) *subset {
	d := t.d
	n := len(tr.rows) + len(c.rows)
	s := &subset{row: make([]int, n), y: make([]float64, n), treat: make([]bool, n)}
	if t.typ == Count {
		s.exposure = make([]float64, n)
	}
	// Merge the two arms' rows into row order.
	i, j := 0, 0
	for k := range n {
		a, at := c, j
		if j == len(c.rows) || i < len(tr.rows) && tr.rows[i] < c.rows[j] {
			a, at = tr, i
			s.treat[k] = true
			i++
		} else {
			j++
		}
		s.row[k], s.y[k] = a.rows[at], a.y[at]
		if s.exposure != nil {
			s.exposure[k] = a.exposure[at]
		}
	}
	if err := s.setCovariates(d); err != nil && t.err == nil {
		t.err = err
	}
	if d.block != nil {
		s.block = rowsOf(d.block, s.row)
	}
	if d.cluster != nil {
		s.cluster = rowsOf(d.cluster, s.row)
	}
	return s
}

// rowsOf returns col at the given rows: col itself when rows are all of
// its rows in order (allRows), as in a comparison of two arms with nothing
// missing, so that a million labels are not copied. The subsets' columns
// are never written to.
func rowsOf[T any](col []T, rows []int) []T {
	if allRows(rows, len(col)) {
		return col
	}
	out := make([]T, len(rows))
	for k, r := range rows {
		out[k] = col[r]
	}
	return out
}

// allRows reports whether rows are 0, 1, ..., n-1.
func allRows(rows []int, n int) bool {
	if len(rows) != n {
		return false
	}
	for k, r := range rows {
		if r != k {
			return false
		}
	}
	return true
}

// blockTally is one block of a subset: its label, its rows of each arm and
// its outcomes' sum.
type blockTally struct {
	label            string
	treated, control int
	events           float64
}

// blocks tallies the blocks of s in order of first appearance.
func (s *subset) blocks() []blockTally {
	at := map[string]int{}
	var out []blockTally
	for i, b := range s.block {
		k, ok := at[b]
		if !ok {
			k = len(out)
			at[b] = k
			out = append(out, blockTally{label: b})
		}
		if s.treat[i] {
			out[k].treated++
		} else {
			out[k].control++
		}
		out[k].events += s.y[i]
	}
	return out
}

// oneArmBlocks describes the blocks of s in which only one of the two arms,
// treatment and control, occurs.
func (s *subset) oneArmBlocks(col, treatment, control string) []string {
	var out []string
	for _, b := range s.blocks() {
		if b.treated > 0 && b.control > 0 {
			continue
		}
		arm, m := treatment, b.treated
		if b.control > 0 {
			arm, m = control, b.control
		}
		out = append(out, fmt.Sprintf("block %q (column %q) holds only arm %q in the comparison of %s with %s: its %d rows stay in the model, as in lm_robust with factor(block); they inform the covariates and the residual df, not the effect directly",
			b.label, col, arm, treatment, control, m))
	}
	return out
}

// withoutZeroBlocks returns s without the rows of the blocks whose counts
// are all 0, and a description of each block left out. In a log-linear
// model such a block's fixed effect tends to −∞, its fitted counts to 0, and
// its rows add nothing to the likelihood or its score (for the negative
// binomial, nor to θ's), so the maximum likelihood estimate of the other
// coefficients is that of the other rows: R's glm() stops near it (on
// testdata/analyse2/zero_block.csv, 3e-15 away), glm.nb() at its
// iteration limit. The covariates' columns are made afresh from the rows
// kept, so that a factor has the levels of those rows. Without such a block
// s is returned as it is.
func (t *trial) withoutZeroBlocks(s *subset) (*subset, []string) {
	col := t.d.cols.Block
	if s.block == nil {
		return s, nil
	}
	zero := map[string]bool{}
	var dropped []string
	for _, b := range s.blocks() {
		if b.events == 0 {
			zero[b.label] = true
			dropped = append(dropped, fmt.Sprintf("block %q (column %q) has no events in this comparison: its %d rows are left out of the count model, where its fixed effect would tend to -Inf and its rows add nothing to the likelihood", b.label, col, b.treated+b.control))
		}
	}
	if dropped == nil {
		return s, nil
	}
	out, err := s.where(t.d, func(i int) bool { return !zero[s.block[i]] })
	if err != nil && t.err == nil {
		t.err = err
	}
	return out, dropped
}
