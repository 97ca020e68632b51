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
	for i, c := range t.cells[j] {
		s := t.str(c)
		if IsMissing(s) {
			codes[i] = -1
			continue
		}
		k, ok := at[s]
		if !ok {
			k = int32(len(levels))
			at[s] = k
			levels = append(levels, s)
		}
		codes[i] = k
	}
	return codes, levels, nil
}
