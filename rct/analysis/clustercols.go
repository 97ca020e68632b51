package analysis

import (
	"hash/maphash"
	"math"

	"github.com/evalkit/evalkit/internal/rowset"
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
	idx.set.Reset()
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
		case !seen && idx.set.Len() == idx.most:
			return 0, 0, false
		case !seen:
			idx.set.Add(i)
		case arm.codes[first] != arm.codes[i]:
			return 0, 0, false
		}
		rows++
	}
	return idx.set.Len(), rows, true
}

// groupIndex is the set of a column's groups seen so far, each held as the
// data row of its first value (a rowset.Set), with at most most groups.
type groupIndex struct {
	set  *rowset.Set
	seed maphash.Seed
	most int
}

// newGroupIndex returns an index for at most most groups of a column of
// rows rows.
func newGroupIndex(most, rows int) *groupIndex {
	return &groupIndex{set: rowset.New(most, rows), seed: maphash.MakeSeed(), most: most}
}

// find returns the first row of group g, a value of col; seen is
// false when g is new, and then add(row) records it.
func (x *groupIndex) find(g string, col textColumn) (first int, seen bool) {
	return x.set.Find(maphash.String(x.seed, g), func(r int) bool { return col.at(r) == g })
}
