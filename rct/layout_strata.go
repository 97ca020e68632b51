package rct

import "slices"

// stratumIndex numbers the strata in order of first appearance and returns
// each row's stratum and each stratum's key.
func stratumIndex(cols []Column, n int) ([]int32, [][]string, error) {
	stratumOf := make([]int32, n)
	if len(cols) == 0 {
		if n == 0 {
			return stratumOf, nil, nil
		}
		return stratumOf, [][]string{nil}, nil
	}
	index := make(map[string]int32)
	var keys [][]string
	var buf []byte
	for i := 0; i < n; i++ {
		var s int32
		var ok bool
		if len(cols) == 1 {
			v := cols[0].at(i)
			if v == "" {
				return nil, nil, &UnitError{Row: i, Other: -1, Column: cols[0].Name, Err: ErrEmptyStratum}
			}
			s, ok = index[v]
		} else {
			buf = buf[:0]
			for _, c := range cols {
				v := c.at(i)
				if v == "" {
					return nil, nil, &UnitError{Row: i, Other: -1, Column: c.Name, Err: ErrEmptyStratum}
				}
				buf = append(buf, v...)
				buf = append(buf, 0)
			}
			s, ok = index[string(buf)] // no allocation for a lookup
		}
		if !ok {
			s = int32(len(keys))
			k := make([]string, len(cols))
			for j, c := range cols {
				k[j] = c.at(i)
			}
			if len(cols) == 1 {
				index[k[0]] = s
			} else {
				index[string(buf)] = s
			}
			keys = append(keys, k)
		}
		stratumOf[i] = s
	}
	return stratumOf, keys, nil
}

// cutByStratum returns, for each of nStrata strata, the indices x with
// stratum[x] equal to it, in increasing order: slices of one array, made
// by a counting sort.
func cutByStratum[T int | int32](stratum []T, nStrata int) [][]int {
	start := make([]int, nStrata+1)
	for _, s := range stratum {
		start[s+1]++
	}
	for s := range nStrata {
		start[s+1] += start[s]
	}
	flat := make([]int, len(stratum))
	next := slices.Clone(start[:nStrata])
	for x, s := range stratum {
		flat[next[s]] = x
		next[s]++
	}
	parts := make([][]int, nStrata)
	for s := range parts {
		parts[s] = flat[start[s]:start[s+1]:start[s+1]]
	}
	return parts
}
