package analysis

import "github.com/evalkit/evalkit/internal/table"

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
// copy of the arm, recodes the arm). Each column is read once, and no
// further than its first group that holds two arms, or than the row at
// which it has more groups than half the rows. A column that src cannot
// give is passed over.
func clusterColumns(src Source, c Columns, arm []string) []clusterColumn {
	arms := map[string]bool{}
	for _, a := range arm {
		if !table.IsMissing(a) {
			arms[a] = true
		}
	}
	var out []clusterColumn
	for _, name := range src.Names() {
		if name == c.Arm || name == c.Outcome {
			continue
		}
		col, err := src.Column(name)
		if err != nil || len(col) != len(arm) {
			continue
		}
		if g, n, ok := armConstant(col, arm, len(arm)/2); ok && g > len(arms) && n >= 2*g {
			out = append(out, clusterColumn{name: name, groups: g, rows: n})
		}
	}
	return out
}

// armConstant reports whether arm is the same within each group of col,
// over the rows where neither is missing, with the number of groups and of
// rows; it gives up (ok false) at the first group with two arms or when
// there are more than most groups.
func armConstant(col, arm []string, most int) (groups, rows int, ok bool) {
	armOf := map[string]string{}
	for i, g := range col {
		if table.IsMissing(arm[i]) || table.IsMissing(g) {
			continue
		}
		a, seen := armOf[g]
		switch {
		case !seen && len(armOf) == most:
			return 0, 0, false
		case !seen:
			armOf[g] = arm[i]
		case a != arm[i]:
			return 0, 0, false
		}
		rows++
	}
	return len(armOf), rows, true
}
