package table

import "strings"

// Codes returns the named column as labels, without making a string of
// every cell: codes[i] is the index in levels of data row i's value, the
// levels in the order of their first rows, and -1 for a missing value
// (IsMissing). A value is first looked for among the first few levels,
// which for an arm or a block of a few labels is quicker than hashing it.
func (t *Table) Codes(name string) (codes []int32, levels []string, err error) {
	j, err := t.lookup(name)
	if err != nil {
		return nil, nil, err
	}
	codes = make([]int32, t.Rows())
	at := map[string]int32{}
	const few = 4 // levels compared before the map is asked
	t.column(j, func(i int, s string) bool {
		for k, l := range levels[:min(len(levels), few)] {
			if s == l {
				codes[i] = int32(k)
				return true
			}
		}
		if IsMissing(s) {
			codes[i] = -1
			return true
		}
		k, ok := at[s]
		if !ok {
			k = int32(len(levels))
			at[s] = k
			levels = append(levels, strings.Clone(s)) // not a piece of the file's text, which it would keep
		}
		codes[i] = k
		return true
	})
	return codes, levels, nil
}
