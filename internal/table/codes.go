package table

// Codes returns the named column as labels, without making a string of
// every cell: codes[i] is the index in levels of data row i's value, the
// levels in the order of their first rows, and -1 for a missing value
// (IsMissing).
func (t *Table) Codes(name string) (codes []int32, levels []string, err error) {
	j, err := t.lookup(name)
	if err != nil {
		return nil, nil, err
	}
	codes = make([]int32, t.Rows())
	at := map[string]int32{}
	t.column(j, func(i int, s string) bool {
		if IsMissing(s) {
			codes[i] = -1
			return true
		}
		k, ok := at[s]
		if !ok {
			k = int32(len(levels))
			at[s] = k
			levels = append(levels, s)
		}
		codes[i] = k
		return true
	})
	return codes, levels, nil
}
