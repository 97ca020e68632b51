package analysis

import (
	"hash/maphash"
	"math"
	"math/bits"

	"github.com/evalkit/evalkit/internal/table"
)

// clusterColumn is a column within whose groups the arm never varies.
type clusterColumn struct {
	name string
	// groups counts the column's groups and rows the rows in them.
	groups, rows int
}

// clusterColumns returns the columns of src, other than the arm and the
// outcome, that may be clusters: the arm is the same within each of their
// groups (rows with a missing arm or a missing value in the column left
// out), the groups hold at least 2 rows on average, and there are more
// groups than arms (a column with no more groups than arms, such as a 0/1
// copy of the arm, recodes the arm). Each column is read once, cell by
// cell (textColumn), and no further than its first group that holds two
// arms, or than the row at which it has more groups than half the rows. A
// column that src cannot give is passed over.
func clusterColumns(src Source, c Columns, arm armColumn) []clusterColumn {
	if uint64(arm.len()) >= math.MaxUint32 {
		return nil // more rows than a groupIndex slot can name
	}
	arms := map[string]bool{}
	for i := range arm.len() {
		if a := arm.at(i); !table.IsMissing(a) {
			arms[a] = true
		}
	}
	var out []clusterColumn
	idx := newGroupIndex(arm.len()/2, arm.len())
	for j, name := range src.Names() {
		if name == c.Arm || name == c.Outcome {
			continue
		}
		col, err := readText(src, j, name)
		if err != nil || col.len() != arm.len() {
			continue
		}
		if g, n, ok := armConstant(col, arm, idx); ok && g > len(arms) && n >= 2*g {
			out = append(out, clusterColumn{name: name, groups: g, rows: n})
		}
	}
	return out
}

// searchClusters starts clusterColumns and returns the function, called once, that waits
// for its result. A *table.Table, which reading does not change, is
// searched on another goroutine while Read converts the other columns (a
// second core's work: a column of ids is read to half its rows before it
// is passed over); any other Source, whose reads may not be safe at the
// same time, when the result is asked for. When Read returns an error the
// search is left to end on its own, its result unread.
func searchClusters(src Source, c Columns, arm armColumn) func() []clusterColumn {
	if _, ok := src.(*table.Table); !ok {
		return func() []clusterColumn { return clusterColumns(src, c, arm) }
	}
	done := make(chan []clusterColumn, 1)
	go func() { done <- clusterColumns(src, c, arm) }()
	return func() []clusterColumn { return <-done }
}

// armConstant reports whether arm is the same within each group of col,
// over the rows where neither is missing, with the number of groups and of
// rows; it gives up (ok false) at the first group with two arms or when
// there would be more groups than idx holds (idx.most).
func armConstant(col textColumn, arm armColumn, idx *groupIndex) (groups, rows int, ok bool) {
	idx.reset()
	for i := range arm.len() {
		if arm.codes[i] < 0 {
			continue
		}
		g := col.at(i)
		if table.IsMissing(g) {
			continue
		}
		first, seen := idx.find(g, col)
		switch {
		case !seen && idx.groups == idx.most:
			return 0, 0, false
		case !seen:
			idx.add(i)
		case arm.codes[first] != arm.codes[i]:
			return 0, 0, false
		}
		rows++
	}
	return idx.groups, rows, true
}

// groupIndex is the set of a column's groups seen so far, each held as the
// data row of its first value: an open-addressing hash table (linear
// probing), at most two thirds full, of 4-byte slots, each holding row+1 in its
// low bits (0 being an empty slot) and, in the bits the rows leave, a tag
// from the value's hash, so that a value is compared with a group's only
// when their tags agree. A column of a million distinct values takes 4 MiB
// of slots, where a map of their strings took tens.
type groupIndex struct {
	slots []uint32
	seed  maphash.Seed
	bits  uint // of row+1
	// most is the number of groups it holds at most, groups the number
	// held, and at and tag the slot that find stopped at and the tag it
	// sought.
	most, groups, at int
	tag              uint32
}

// newGroupIndex returns an index for at most most groups of a column of
// rows rows.
func newGroupIndex(most, rows int) *groupIndex {
	size := 16
	for size < most+most/2 { // at most two thirds full
		size *= 2
	}
	return &groupIndex{slots: make([]uint32, size), seed: maphash.MakeSeed(), most: most, bits: uint(bits.Len(uint(rows)))}
}

// reset empties the index.
func (x *groupIndex) reset() {
	clear(x.slots)
	x.groups = 0
}

// find returns the first row of group g, a value of col; seen is
// false when g is new, and then add(row) records it.
func (x *groupIndex) find(g string, col textColumn) (first int, seen bool) {
	h := maphash.String(x.seed, g)
	mask, low := uint64(len(x.slots)-1), uint32(1)<<x.bits-1
	x.tag = uint32(h>>32) >> x.bits // the hash's top 32-bits bits
	for k := h & mask; ; k = (k + 1) & mask {
		r := x.slots[k]
		if r == 0 {
			x.at = int(k)
			return 0, false
		}
		if r>>x.bits == x.tag && col.at(int(r&low-1)) == g {
			return int(r&low - 1), true
		}
	}
}

// add records row as the first row of the group find did not find.
func (x *groupIndex) add(row int) {
	x.slots[x.at] = x.tag<<x.bits | uint32(row+1)
	x.groups++
}
