package analysis

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/evalkit/evalkit/internal/table"
	"github.com/evalkit/evalkit/rct"
)

// ErrMismatch is wrapped by Allocated's error when a row's arm differs from
// the allocation's.
var ErrMismatch = errors.New("arms differ from the allocation")

// Design describes the randomisation a trial was analysed by
// (Data.Allocated): the manifest, its method and strata, and how the trial
// file's rows matched the allocation. It marshals to the contract's
// "design" object.
type Design struct {
	// Manifest is the manifest's path and ManifestSHA256 its digest.
	Manifest       string `json:"manifest"`
	ManifestSHA256 string `json:"manifest_sha256"`
	// Method is the randomisation method.
	Method string `json:"method"`
	// Block lists the stratifying columns; Cluster is the cluster column,
	// nil without one.
	Block   []string `json:"block"`
	Cluster *string  `json:"cluster"`
	// NAllocated counts the units allocated, NInData the trial's rows
	// found in the allocation.
	NAllocated int `json:"n_allocated"`
	NInData    int `json:"n_in_data"`
	// Mismatched counts the rows whose arm differs from the allocation's,
	// NotInData the allocated units without a row in the trial file.
	Mismatched int `json:"mismatched"`
	NotInData  int `json:"not_in_data"`
	// NotAllocated counts the trial file's rows whose id is not in the
	// allocation (left out; only with allowMismatch).
	NotAllocated int `json:"not_allocated"`

	alloc   *rct.AllocatedDesign
	factors []string // the minimisation factors
	unit    []int    // each data row's unit in the allocation, -1 for none
}

// DesignColumns checks columns c and control, as a user gave them (empty
// when not given), against the allocation a read from the manifest file
// named manifest: a block, cluster, arm column, id column or control that
// contradicts it is an error naming the manifest. It returns c and control
// completed from the manifest: its id column, the control (the first of
// its arms), and no block or cluster column, which Allocated takes from
// the allocation.
func DesignColumns(a *rct.AllocatedDesign, manifest string, c Columns, control string) (Columns, string, error) {
	s := a.Settings
	conflict := func(what, given, want string) error {
		if want == "" {
			want = "none"
		}
		return fmt.Errorf("%s %q contradicts the design in %s, whose %s is %s", what, table.Clip(given), manifest, what, strconv.Quote(table.Clip(want)))
	}
	blocks := strings.Join(s.Block, ",")
	switch {
	case c.Block != "" && !slices.Equal(splitNames(c.Block), s.Block):
		return c, control, conflict("block", c.Block, blocks)
	case c.Cluster != "" && c.Cluster != s.Cluster:
		return c, control, conflict("cluster", c.Cluster, s.Cluster)
	case c.Arm != "" && c.Arm != "arm":
		return c, control, conflict("arm column", c.Arm, "arm")
	case control != "" && control != s.Arms[0]:
		return c, control, conflict("control", control, s.Arms[0])
	case c.ID != "" && c.ID != s.ID:
		return c, control, conflict("id column", c.ID, s.ID)
	}
	c.ID, c.Arm, c.Block, c.Cluster = s.ID, "arm", "", ""
	return c, s.Arms[0], nil
}

// Allocated returns d analysed as allocated by a, read from the manifest
// file named manifest: each row is found in the
// allocation by its id (column Columns.ID), its arm is the allocation's
// (intention to treat), and its block (the stratum of the manifest's block
// columns) and cluster are the allocation's. A row whose arm differs from
// the allocation's is counted in Mismatched and is an error (wrapping
// ErrMismatch, naming the first such row) unless allowMismatch; a row whose
// id is not in the allocation is likewise an error, or left out and
// counted. An id given twice is an error.
func (d Data) Allocated(a *rct.AllocatedDesign, manifest string, allowMismatch bool) (Data, error) {
	if d.id == nil {
		return d, fmt.Errorf("analysis: the design needs the trial file's id column (Columns.ID)")
	}
	s := a.Settings
	des := &Design{Manifest: manifest, ManifestSHA256: a.ManifestSHA256, Method: s.Method.String(),
		Block: append([]string{}, s.Block...), NAllocated: a.N(), alloc: a, unit: make([]int, len(d.id))}
	if s.Cluster != "" {
		des.Cluster = &s.Cluster
	}
	seen := make([]int, a.N()) // data row + 1 of each unit
	arm := make([]string, len(d.id))
	var block, cluster []string
	if len(s.Block) > 0 {
		block = make([]string, len(d.id))
	}
	if s.Cluster != "" {
		cluster = make([]string, len(d.id))
	}
	var firstMismatch, firstMissing error
	notAllocated := map[string]int{} // data row of each id not allocated
	for i, id := range d.id {
		u, ok := a.Index(id)
		if !ok {
			if r, dup := notAllocated[id]; dup {
				return d, d.rowError(i, s.ID, id, fmt.Sprintf("this id is also in row %d", r+2))
			}
			notAllocated[id] = i
			des.unit[i] = -1
			des.NotAllocated++
			arm[i] = ""
			if firstMissing == nil {
				firstMissing = d.rowError(i, s.ID, id, "this id is not in the allocation of "+manifest)
			}
			continue
		}
		if seen[u] != 0 {
			return d, d.rowError(i, s.ID, id, fmt.Sprintf("this id is also in row %d", seen[u]+1))
		}
		seen[u] = i + 1
		des.unit[i] = u
		des.NInData++
		arm[i] = a.Arm[u]
		if got := strings.TrimSpace(d.arm.at(i)); !table.IsMissing(got) && got != arm[i] {
			des.Mismatched++
			if firstMismatch == nil {
				firstMismatch = &table.ParseError{File: d.file, Row: i + 2, Column: d.cols.Arm, Value: d.arm.at(i),
					Err: fmt.Errorf("%w: the allocation gave id %s arm %q", ErrMismatch, table.Clip(id), table.Clip(arm[i]))}
			}
		}
		if block != nil {
			block[i] = a.Stratum[u]
		}
		if cluster != nil {
			cluster[i] = a.Cluster[u]
		}
	}
	des.NotInData = a.N() - des.NInData
	if !allowMismatch {
		if firstMismatch != nil {
			return d, fmt.Errorf("%w (%s in all; --allow-mismatch analyses them as allocated)", firstMismatch, rowsWord(des.Mismatched))
		}
		if firstMissing != nil {
			return d, fmt.Errorf("%w (%s in all; --allow-mismatch leaves them out)", firstMissing, rowsWord(des.NotAllocated))
		}
	}
	// The design says what was randomised, and how: no column need be
	// guessed at as a cluster. Columns names the design's block columns
	// (joined by ", ") and cluster column, for the messages.
	d.arm, d.block, d.cluster, d.design, d.clusterLike = codeArms(arm, func(s string) bool { return s == "" }), block, cluster, des, nil
	d.cols.Block, d.cols.Cluster = strings.Join(s.Block, ", "), s.Cluster
	if s.Method == rct.Minimise {
		des.factors = s.Factors
	}
	return d, nil
}

// warnings returns the warnings of an analysis by design: rows that do
// not match the allocation, and minimisation factors the analysis does not
// adjust for (covariates).
func (des *Design) warnings(covariates []string) []string {
	var w []string
	var unadjusted []string
	for _, f := range des.factors {
		if !slices.Contains(covariates, f) {
			unadjusted = append(unadjusted, f)
		}
	}
	if len(unadjusted) > 0 {
		w = append(w, fmt.Sprintf("unadjusted_factors: the trial was minimised on %s, which the analysis does not adjust for; the EMA guideline on baseline covariates (2015) asks for minimisation factors as covariates (--covariates %s), without which the p-values are conservative",
			strings.Join(des.factors, ", "), strings.Join(unadjusted, ",")))
	}
	if des.Mismatched > 0 {
		w = append(w, fmt.Sprintf("arm_mismatch: the arm of %s differs from the allocation in %s; they are analysed as allocated (intention to treat)", rowsWord(des.Mismatched), des.Manifest))
	}
	if des.NotAllocated > 0 {
		w = append(w, fmt.Sprintf("not_allocated: the id of %s is not in the allocation in %s; they are left out", rowsWord(des.NotAllocated), des.Manifest))
	}
	if des.NotInData > 0 {
		w = append(w, fmt.Sprintf("not_in_data: %d of the %d allocated units have no row in the trial file", des.NotInData, des.NAllocated))
	}
	return w
}

// splitNames splits a comma-separated list of column names, each trimmed,
// as randomise reads --block.
func splitNames(list string) []string {
	names := strings.Split(list, ",")
	for i, n := range names {
		names[i] = strings.TrimSpace(n)
	}
	return names
}

// rowsWord returns "1 row" or "n rows".
func rowsWord(n int) string {
	if n == 1 {
		return "1 row"
	}
	return fmt.Sprintf("%d rows", n)
}
