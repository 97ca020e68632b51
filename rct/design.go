package rct

import (
	"fmt"
	"slices"
	"strings"

	"github.com/evalkit/evalkit/internal/table"
)

// Column is a named column of text with one value per unit, as read from a
// CSV file (an id such as 007 stays 007).
type Column struct {
	Name   string
	Values []string

	// t, when Values is nil, holds the values as column j of a table,
	// read a cell at a time (RandomiseUnits), so that the column's strings
	// are never all made.
	t *table.Table
	j int
}

// has reports whether the column holds values (a design's Cluster may not).
func (c *Column) has() bool { return c.Values != nil || c.t != nil }

// len returns the number of values.
func (c *Column) len() int {
	if c.t != nil && c.Values == nil {
		return c.t.Rows()
	}
	return len(c.Values)
}

// at returns value i.
func (c *Column) at(i int) string {
	if c.Values == nil {
		return c.t.Cell(i, c.j)
	}
	return c.Values[i]
}

// Design is a trial's randomisation design: its units (one per row), the
// columns whose combinations form the strata, an optional cluster column,
// and the arms with their ratio.
//
// Units are identified by ID; every unit needs a distinct, non-empty id.
// With Cluster set, clusters are what is randomised and every unit of a
// cluster gets the same arm; a cluster whose units lie in different strata
// is an error. With no Strata, all units form one stratum.
type Design struct {
	// ID holds each unit's identifier.
	ID Column
	// Strata are the stratifying columns; a stratum is a combination of
	// their values. Each must have as many values as ID.
	Strata []Column
	// Cluster, if it has values (a table's column, or Values not nil),
	// holds each unit's cluster.
	Cluster Column
	// Arms names the arms, in the order of Ratio.
	Arms []string
	// Ratio holds each arm's weight, a positive integer; nil means 1:1:...
	Ratio []int
}

// Stratum is one stratum of a laid-out design.
type Stratum struct {
	// Key holds the values of the stratifying columns.
	Key []string
	// Rows lists the stratum's units (rows) in input order.
	Rows []int
	// Groups lists the randomisation units (clusters, or rows when the
	// design has no clusters) sorted by id.
	Groups []int
	// Sequence lists the same randomisation units in input order (by the
	// first row of each cluster), for sequential methods.
	Sequence []int
	// Rows, Groups and Sequence may share their arrays (without clusters,
	// Sequence is Rows, and so is Groups when the ids are in increasing
	// order): they must not be changed.
}

// Name returns the stratum's key as one string, or "all" for a design
// without strata. Several values are joined by "/", with a "/" or a
// backslash within a value escaped by a backslash, so that distinct strata
// have distinct names.
func (s *Stratum) Name() string {
	switch len(s.Key) {
	case 0:
		return "all"
	case 1:
		return s.Key[0]
	}
	parts := make([]string, len(s.Key))
	for i, v := range s.Key {
		parts[i] = stratumNameEscaper.Replace(v)
	}
	return strings.Join(parts, "/")
}

var stratumNameEscaper = strings.NewReplacer(`\`, `\\`, `/`, `\/`)

// Layout is a design checked and grouped for randomisation: strata in
// sorted order of their keys, and the randomisation units of each.
type Layout struct {
	// Design is the design laid out.
	Design *Design
	// Strata are in sorted order of their keys (compared column by column).
	Strata []Stratum
	// GroupOf maps each row to its randomisation unit: its cluster's
	// index, or the row itself.
	GroupOf []int
	// NGroups is the number of randomisation units.
	NGroups int
	// GroupIDs holds each randomisation unit's id (cluster id or unit id).
	GroupIDs []string
	// GroupStratum holds each randomisation unit's stratum index.
	GroupStratum []int

	// spare, in Randomise's own layout, is an array of a word per unit
	// that Layout.Randomise takes for the allocation's arms: the ids' keys,
	// which the layout no longer needs.
	spare []int
}

// weights returns the ratio, or a weight of 1 per arm.
func (d *Design) weights() []int {
	if d.Ratio != nil {
		return d.Ratio
	}
	w := make([]int, len(d.Arms))
	for i := range w {
		w[i] = 1
	}
	return w
}

// checkArms reports arms and ratio that do not make a design.
func (d *Design) checkArms() error {
	if len(d.Arms) < 2 {
		return fmt.Errorf("%w: %d arms; at least 2 are needed", ErrDesign, len(d.Arms))
	}
	for i, a := range d.Arms {
		if a == "" {
			return fmt.Errorf("%w: arm %d has an empty name", ErrDesign, i+1)
		}
		if slices.Index(d.Arms[:i], a) >= 0 {
			return fmt.Errorf("%w: arm %q appears twice", ErrDesign, table.Clip(a))
		}
	}
	if d.Ratio != nil && len(d.Ratio) != len(d.Arms) {
		return fmt.Errorf("%w: ratio has %d weights for %d arms", ErrDesign, len(d.Ratio), len(d.Arms))
	}
	var total int64
	for _, w := range d.weights() {
		if w < 1 || w > 1<<20 {
			return fmt.Errorf("%w: ratio weight %d is not an integer from 1 to 2^20", ErrDesign, w)
		}
		total += int64(w)
	}
	if total > 1<<30 {
		// So that the sum fits an int on 32-bit builds too.
		return fmt.Errorf("%w: the ratio's weights sum to %d, more than 2^30", ErrDesign, total)
	}
	return nil
}

// Lay checks the design and groups its units by stratum. Errors, each a
// UnitError naming the unit and column: an empty or duplicate id, an empty
// stratum value, an empty cluster id, a cluster in two strata; and ErrDesign
// for bad arms or ratio. Columns of unequal length are a programmer's
// mistake and panic.
//
// The layout does not depend on the order of the rows: strata are sorted by
// key and each stratum's Groups by id.
func (d *Design) Lay() (*Layout, error) { return d.lay(true, true) }

// lay is Lay; without whole, and without clusters, the layout leaves out
// GroupOf, GroupIDs and GroupStratum (the identity, the ids and each
// unit's stratum), which Layout.Randomise does not read, so that
// Randomise, whose layout is its own, does not hold them; and without
// inputOrder too, each stratum's Rows and Sequence are its Groups, sorted
// by id, for methods that take the units in sorted order (Complete,
// Simple) and count the rows of each stratum.
func (d *Design) lay(whole, inputOrder bool) (*Layout, error) {
	return d.layScanned(whole, inputOrder, nil)
}

// layScanned is lay, with the ids' keys and the strata taken from sc, a
// scan of d's columns (scanDesign), when it is not nil.
func (d *Design) layScanned(whole, inputOrder bool, sc *scan) (*Layout, error) {
	if err := d.checkArms(); err != nil {
		return nil, err
	}
	n := d.ID.len()
	for _, c := range d.Strata {
		if c.len() != n {
			panic("rct: stratum column length mismatch")
		}
	}
	if d.Cluster.has() && d.Cluster.len() != n {
		panic("rct: cluster column length mismatch")
	}
	keys0, sorted, idErr, stratumOf, keys, err := d.checkIDsAndStrata(sc)
	if idErr != nil {
		return nil, idErr
	}
	if err != nil {
		return nil, err
	}
	// Sort strata by key, column by column.
	order := make([]int, len(keys))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return slices.Compare(keys[a], keys[b]) })
	rank := make([]int32, len(keys))
	for r, k := range order {
		rank[k] = int32(r)
	}
	for i, s := range stratumOf {
		stratumOf[i] = rank[s]
	}
	L := &Layout{Design: d, Strata: make([]Stratum, len(keys))}
	for r, k := range order {
		L.Strata[r].Key = keys[k]
	}
	if !d.Cluster.has() {
		if whole {
			L.GroupOf = make([]int, n)
			for i := range L.GroupOf {
				L.GroupOf[i] = i
			}
		}
		L.NGroups = n
		L.GroupIDs = d.ID.Values // nil for a column of a table
		if whole {
			L.GroupStratum = make([]int, n)
			for i, s := range stratumOf {
				L.GroupStratum[i] = int(s)
			}
		}
	} else if err := L.clusters(stratumOf); err != nil {
		return nil, err
	}
	// Rows and Sequence in input order; without clusters they are the
	// same.
	rows, seq := cutByStratum(stratumOf, len(keys)), [][]int(nil)
	if !d.Cluster.has() {
		seq = rows
	} else {
		seq, sorted = cutByStratum(L.GroupStratum, len(keys)), false
	}
	inPlace := !whole && !inputOrder && !d.Cluster.has()
	// Groups sorted by id: the Sequence itself when the ids are in
	// increasing order, else a copy (or, inPlace, the Sequence itself)
	// sorted a stratum at a time.
	groupID := d.ID.at
	if d.Cluster.has() {
		groupID = func(g int) string { return L.GroupIDs[g] }
		keys0 = make([]int, L.NGroups)
		for g, v := range L.GroupIDs {
			keys0[g] = idKey(v)
		}
	}
	// The strata are sorted in two halves of about as many units, the
	// second on another core when there are many.
	// Ids of digits (their keys their numbers, distinct, digitKeys) sort
	// by number.
	byNumber := sc != nil && sc.digits > 0 && !d.Cluster.has() && uint64(n) < 1<<32
	sortStrata := func(lo, hi int) {
		var buf []idKeyed
		var words []uint64
		for s := lo; s < hi; s++ {
			st := &L.Strata[s]
			st.Rows, st.Sequence, st.Groups = rows[s], seq[s], seq[s]
			if !sorted {
				if !inPlace {
					st.Groups = slices.Clip(slices.Clone(st.Sequence))
				}
				if byNumber {
					words = sortGroupsByNumber(st.Groups, keys0, words)
				} else {
					buf = sortGroupsByID(st.Groups, keys0, groupID, buf)
				}
			}
		}
	}
	half, units := 0, 0
	for half < len(seq) && units < L.NGroups/2 {
		units += len(seq[half])
		half++
	}
	if sorted || L.NGroups < 1<<14 || half == len(seq) {
		sortStrata(0, len(L.Strata))
	} else {
		cuts := []int{0, half, len(L.Strata)}
		each(2, func(h int) { sortStrata(cuts[h], cuts[h+1]) })
	}
	if !whole && !d.Cluster.has() {
		L.spare = keys0
	}
	return L, nil
}

// checkIDsAndStrata returns checkIDs's findings for the design's ids and
// stratumIndex's for its strata, from sc when it is not nil.
func (d *Design) checkIDsAndStrata(sc *scan) (keys0 []int, sorted bool, idErr error, stratumOf []int32, keys [][]string, err error) {
	n := d.ID.len()
	if sc != nil {
		switch {
		case sc.emptyID >= 0:
			idErr = &UnitError{Row: sc.emptyID, Other: -1, Column: d.ID.Name, Err: ErrEmptyID}
		case !sc.increasing && sc.digits > 0:
			// Ids of one length, all digits, are checked and sorted by
			// their numbers (ids_digits.go).
			sc.digitKeys()
			if dup, first, ok := duplicateDigit(sc.keys, sc.digits); ok {
				if dup >= 0 {
					idErr = &UnitError{Row: dup, Other: first, Column: d.ID.Name, Value: d.ID.at(dup), Err: ErrDuplicateID}
				}
			} else {
				idErr = duplicateID(d.ID, sc.keys, true)
			}
		case !sc.increasing:
			idErr = duplicateID(d.ID, sc.keys, sc.short)
		}
		if sc.emptyStratum >= 0 {
			err = &UnitError{Row: sc.emptyStratum, Other: -1, Column: d.Strata[sc.emptyColumn].Name, Err: ErrEmptyStratum}
		}
		return sc.keys, sc.increasing, idErr, sc.stratumOf, sc.strata, err
	}
	// The ids and the strata are checked at the same time, on two cores
	// when there are many; an id's error is reported first, whatever
	// finishes first.
	check := func(k int) {
		if k == 0 {
			stratumOf, keys, err = stratumIndex(d.Strata, n)
		} else {
			keys0, sorted, idErr = checkIDs(d.ID)
		}
	}
	if n < 1<<14 {
		check(0)
		check(1)
	} else {
		each(2, check)
	}
	return keys0, sorted, idErr, stratumOf, keys, err
}

// clusters numbers the clusters in order of first appearance and checks
// that each lies in one stratum.
func (L *Layout) clusters(stratumOf []int32) error {
	c := L.Design.Cluster
	index := make(map[string]int)
	L.GroupOf = make([]int, c.len())
	var firstRow []int
	for i := range L.GroupOf {
		v := c.at(i)
		if v == "" {
			return &UnitError{Row: i, Other: -1, Column: c.Name, Err: ErrEmptyCluster}
		}
		g, ok := index[v]
		if !ok {
			g = len(firstRow)
			index[v] = g
			firstRow = append(firstRow, i)
			L.GroupIDs = append(L.GroupIDs, v)
			L.GroupStratum = append(L.GroupStratum, int(stratumOf[i]))
		} else if L.GroupStratum[g] != int(stratumOf[i]) {
			return &UnitError{Row: i, Other: firstRow[g], Column: c.Name, Value: v, Err: ErrClusterSpansStrata}
		}
		L.GroupOf[i] = g
	}
	L.NGroups = len(firstRow)
	return nil
}
