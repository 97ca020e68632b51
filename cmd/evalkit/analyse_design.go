package main

import (
	"fmt"
	"math"
	"strings"

	"github.com/evalkit/evalkit/internal/table"
)

// analyseDesign is what part 2 of evalkit analyse reads besides the outcome:
// covariates, the randomisation blocks and the clusters, for every data row
// of the file (rows are picked through analyseArm.rows).
type analyseDesign struct {
	// covNames are the --covariates in the order given; cov[j][i] is
	// covariate j at data row i.
	covNames []string
	cov      [][]float64
	// block and cluster hold each data row's label; nil when not given.
	block, cluster []string
	// blockCol and clusterCol name the columns.
	blockCol, clusterCol string
	// warnings are collected while the comparisons are made (a block with
	// one arm) and end in the result's "warnings".
	warnings []string
	// err is a data error found while fitting (a constant or collinear
	// covariate): the command stops with it.
	err error
}

// analyseCovariateNames splits --covariates; an empty name or one given
// twice is a usage error.
func analyseCovariateNames(o *analyseOptions) ([]string, error) {
	if strings.TrimSpace(o.covariates) == "" {
		return nil, nil
	}
	var names []string
	seen := map[string]bool{}
	for _, n := range strings.Split(o.covariates, ",") {
		n = strings.TrimSpace(n)
		switch {
		case n == "":
			return nil, usageErrorf("--covariates %q: an empty column name", o.covariates)
		case seen[n]:
			return nil, usageErrorf("--covariates: %q is given twice", n)
		case n == o.outcome || n == o.arm:
			return nil, usageErrorf("--covariates: %q is the outcome or the arm column", n)
		}
		seen[n] = true
		names = append(names, n)
	}
	return names, nil
}

// readAnalyseDesign reads the covariates, block and cluster columns of t
// into d.design (left nil when none is asked for) and leaves out of every
// arm the rows where one of them is missing, counting them in n_missing.
func readAnalyseDesign(o *analyseOptions, t *table.Table, d *analyseData) error {
	names, err := analyseCovariateNames(o)
	if err != nil {
		return err
	}
	if names == nil && o.block == "" && o.cluster == "" {
		return nil
	}
	x := &analyseDesign{covNames: names, blockCol: o.block, clusterCol: o.cluster}
	for _, n := range names {
		v, _, err := t.Float(n)
		if err != nil {
			return err
		}
		x.cov = append(x.cov, v)
	}
	if o.block != "" {
		if x.block, err = t.Column(o.block); err != nil {
			return err
		}
	}
	if o.cluster != "" {
		if x.cluster, err = t.Column(o.cluster); err != nil {
			return err
		}
	}
	for _, a := range append([]*analyseArm{d.control}, d.treatments...) {
		x.dropMissing(a)
	}
	d.design = x
	return nil
}

// dropMissing leaves out of a the rows with a missing covariate, block or
// cluster.
func (x *analyseDesign) dropMissing(a *analyseArm) {
	k := 0
	for j, i := range a.rows {
		if x.missingAt(i) {
			a.nMissing++
			continue
		}
		a.rows[k] = i
		a.y[k] = a.y[j]
		if a.exposure != nil {
			a.exposure[k] = a.exposure[j]
		}
		k++
	}
	a.rows, a.y = a.rows[:k], a.y[:k]
	if a.exposure != nil {
		a.exposure = a.exposure[:k]
	}
}

// missingAt reports whether data row i lacks a value the design uses.
func (x *analyseDesign) missingAt(i int) bool {
	for _, c := range x.cov {
		if math.IsNaN(c[i]) {
			return true
		}
	}
	return x.block != nil && table.IsMissing(x.block[i]) ||
		x.cluster != nil && table.IsMissing(x.cluster[i])
}

// warn records a warning once.
func (x *analyseDesign) warn(format string, a ...any) string {
	w := fmt.Sprintf(format, a...)
	for _, v := range x.warnings {
		if v == w {
			return w
		}
	}
	x.warnings = append(x.warnings, w)
	return w
}

// analyseSubset is the data of one comparison: the rows of its treatment
// and control arms in file order, without blocks that hold only one of the
// two arms.
type analyseSubset struct {
	// row is each row's data row in the file.
	row []int
	// y and exposure (counts only) are the outcome and exposure; treat
	// marks the treatment arm's rows.
	y, exposure []float64
	treat       []bool
	// cov[j] is covariate j.
	cov [][]float64
	// block and cluster are indices into blockLabels and clusterLabels in
	// order of first appearance; nil when not given.
	block, cluster             []int
	blockLabels, clusterLabels []string
	// nTreat and nControl count the rows of each arm.
	nTreat, nControl int
	// dropped describes each block left out, for the warnings.
	dropped []string
}

// analyseSubsetRow is one row of a comparison: the k-th used row of arm a.
type analyseSubsetRow struct {
	a     *analyseArm
	k     int
	treat bool
}

// fileRow is the row's data row in the file.
func (r analyseSubsetRow) fileRow() int { return r.a.rows[r.k] }

// analyseSubsetOf returns the comparison of t with c in d; d.design may be
// nil (no covariates, block or cluster).
func analyseSubsetOf(d *analyseData, t, c *analyseArm) *analyseSubset {
	x := d.design
	s := &analyseSubset{}
	// Merge the two arms' rows into file order.
	order := make([]analyseSubsetRow, 0, len(t.rows)+len(c.rows))
	i, j := 0, 0
	for i < len(t.rows) || j < len(c.rows) {
		if j == len(c.rows) || i < len(t.rows) && t.rows[i] < c.rows[j] {
			order = append(order, analyseSubsetRow{t, i, true})
			i++
		} else {
			order = append(order, analyseSubsetRow{c, j, false})
			j++
		}
	}
	if x != nil && x.block != nil {
		order = x.dropOneArmBlocks(t, c, order, s)
	}
	n := len(order)
	s.row = make([]int, n)
	s.y = make([]float64, n)
	s.treat = make([]bool, n)
	if d.typ == "count" {
		s.exposure = make([]float64, n)
	}
	for k, o := range order {
		s.row[k] = o.fileRow()
		s.y[k] = o.a.y[o.k]
		s.treat[k] = o.treat
		if o.treat {
			s.nTreat++
		} else {
			s.nControl++
		}
		if s.exposure != nil {
			s.exposure[k] = o.a.exposure[o.k]
		}
	}
	if x == nil {
		return s
	}
	for _, col := range x.cov {
		v := make([]float64, n)
		for k, r := range s.row {
			v[k] = col[r]
		}
		s.cov = append(s.cov, v)
	}
	if x.block != nil {
		s.block, s.blockLabels = analyseIndexLabels(x.block, s.row)
	}
	if x.cluster != nil {
		s.cluster, s.clusterLabels = analyseIndexLabels(x.cluster, s.row)
	}
	return s
}

// dropOneArmBlocks leaves out the rows of blocks in which only one of the
// two arms occurs: their fixed effect absorbs them, so they carry no
// information on the comparison. Each block left out is described in
// s.dropped.
func (x *analyseDesign) dropOneArmBlocks(t, c *analyseArm, order []analyseSubsetRow, s *analyseSubset) []analyseSubsetRow {
	type count struct{ t, c int }
	counts := map[string]*count{}
	var labels []string
	for _, o := range order {
		b := x.block[o.fileRow()]
		n := counts[b]
		if n == nil {
			n = &count{}
			counts[b] = n
			labels = append(labels, b)
		}
		if o.treat {
			n.t++
		} else {
			n.c++
		}
	}
	drop := map[string]bool{}
	for _, b := range labels {
		n := counts[b]
		if n.t > 0 && n.c > 0 {
			continue
		}
		drop[b] = true
		arm, m := t.label, n.t
		if n.c > 0 {
			arm, m = c.label, n.c
		}
		s.dropped = append(s.dropped, fmt.Sprintf("block %q (column %q) holds only arm %q in the comparison of %s with %s: its %d rows are left out of it, as its fixed effect would absorb them",
			b, x.blockCol, arm, t.label, c.label, m))
	}
	if len(drop) == 0 {
		return order
	}
	kept := make([]analyseSubsetRow, 0, len(order))
	for _, o := range order {
		if !drop[x.block[o.fileRow()]] {
			kept = append(kept, o)
		}
	}
	return kept
}

// analyseIndexLabels numbers the labels of the rows in order of first
// appearance.
func analyseIndexLabels(col []string, rows []int) ([]int, []string) {
	idx := make([]int, len(rows))
	seen := map[string]int{}
	var labels []string
	for k, r := range rows {
		v, ok := seen[col[r]]
		if !ok {
			v = len(labels)
			seen[col[r]] = v
			labels = append(labels, col[r])
		}
		idx[k] = v
	}
	return idx, labels
}
