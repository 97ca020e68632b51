package rct

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
// by a counting sort, in two halves of stratum on two cores when it is
// long (the second half's indices of a stratum placed after the first's).
func cutByStratum[T int | int32](stratum []T, nStrata int) [][]int {
	halves := [][]T{stratum}
	if len(stratum) >= 1<<16 {
		halves = [][]T{stratum[:len(stratum)/2], stratum[len(stratum)/2:]}
	}
	// counts[h][s] is the number of half h's indices in stratum s, and
	// then where the next of them goes.
	counts := make([][]int, len(halves))
	each(len(halves), func(h int) {
		c := make([]int, nStrata)
		for _, s := range halves[h] {
			c[s]++
		}
		counts[h] = c
	})
	start := make([]int, nStrata+1)
	for s := range nStrata {
		at := start[s]
		for _, c := range counts {
			at, c[s] = at+c[s], at
		}
		start[s+1] = at
	}
	flat := make([]int, len(stratum))
	each(len(halves), func(h int) {
		next, x := counts[h], h*(len(stratum)/2)
		for _, s := range halves[h] {
			flat[next[s]] = x
			next[s]++
			x++
		}
	})
	parts := make([][]int, nStrata)
	for s := range parts {
		parts[s] = flat[start[s]:start[s+1]:start[s+1]]
	}
	return parts
}
