package stats

import (
	"runtime"
	"slices"
	"sync"
)

// olsSortedLevels returns the distinct values of v in increasing order.
func olsSortedLevels[T labelCode](v []T) []T {
	// Codes from codeLabels lie in [0, len(v)) and need no map.
	top := T(-1)
	for _, x := range v {
		if x < 0 || int(x) >= len(v) {
			top = -1
			break
		}
		top = max(top, x)
	}
	if top >= 0 {
		seen := make([]bool, int(top)+1)
		for _, x := range v {
			seen[x] = true
		}
		var levels []T
		for x, ok := range seen {
			if ok {
				levels = append(levels, T(x))
			}
		}
		return levels
	}
	seen := make(map[T]struct{})
	var levels []T
	for _, x := range v {
		if _, ok := seen[x]; !ok {
			seen[x] = struct{}{}
			levels = append(levels, x)
		}
	}
	slices.Sort(levels)
	return levels
}

// olsLevelIndex returns the index in levels (sorted and distinct, as
// olsSortedLevels returns them) of each value of v. When levels is 0, 1,
// ..., G-1 (as for codes from codeLabels) every value is its own index and
// the result is v itself, not a copy: neither may be modified afterwards.
func olsLevelIndex[T labelCode](v, levels []T) []T {
	if len(levels) == 0 || levels[0] == 0 && int(levels[len(levels)-1]) == len(levels)-1 {
		return v
	}
	idx := make([]T, len(v))
	pos := make(map[T]T, len(levels))
	for i, l := range levels {
		pos[l] = T(i)
	}
	for i, x := range v {
		idx[i] = pos[x]
	}
	return idx
}

// codeLabelsSplit is the number of labels per worker from which codeLabels
// works in parallel.
const codeLabelsSplit = 1 << 16

// codeLabels numbers group labels in order of first appearance: labels[i]
// is names[codes[i]], and codes run 0..len(names)-1 with code 0 for the
// first label seen. It returns nil, nil for nil labels. The exported
// functions take labels and code them here once; everything behind them
// works on the codes.
//
// Long vectors are split into chunks coded in parallel, each in its own
// order of first appearance; the chunks' names taken in chunk order are in
// the order of first appearance overall, which gives the final codes. The
// result does not depend on the number of workers.
func codeLabels(labels []string) (codes []int, names []string) {
	return codeLabelsAs[int](labels)
}

// labelCode is the type of the codes of labels: int, or int32 for the block
// index that the least-squares fits keep per observation, where 4 bytes
// instead of 8 matter at 10⁷ rows (len(labels) ≤ 2³¹ - 1 then).
type labelCode interface{ ~int | ~int32 }

// codeLabelsAs is codeLabels with codes of type T.
func codeLabelsAs[T labelCode](labels []string) (codes []T, names []string) {
	if labels == nil {
		return nil, nil
	}
	n := len(labels)
	if int(T(n)) != n {
		panic("stats: too many labels for their codes")
	}
	codes = make([]T, n)
	workers := min(runtime.GOMAXPROCS(0), n/codeLabelsSplit)
	if workers <= 1 {
		return codes, codeLabelsChunk(labels, codes)
	}
	local := make([][]string, workers)
	chunk := func(w int) (lo, hi int) { return w * n / workers, (w + 1) * n / workers }
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			lo, hi := chunk(w)
			local[w] = codeLabelsChunk(labels[lo:hi], codes[lo:hi])
		})
	}
	wg.Wait()
	pos := make(map[string]T)
	remap := make([][]T, workers)
	for w, ln := range local {
		remap[w] = make([]T, len(ln))
		for k, l := range ln {
			c, ok := pos[l]
			if !ok {
				c = T(len(names))
				pos[l] = c
				names = append(names, l)
			}
			remap[w][k] = c
		}
	}
	for w := range workers {
		wg.Go(func() {
			lo, hi := chunk(w)
			r := remap[w]
			for i := lo; i < hi; i++ {
				codes[i] = r[codes[i]]
			}
		})
	}
	wg.Wait()
	return codes, names
}

// codeLabelsChunk codes labels into codes (of the same length) in order of
// first appearance and returns the labels by code.
func codeLabelsChunk[T labelCode](labels []string, codes []T) (names []string) {
	pos := make(map[string]T)
	prev, code := "", T(-1)
	for i, l := range labels {
		// Rows of a group often come together; skip the map for them.
		if code < 0 || l != prev {
			c, ok := pos[l]
			if !ok {
				c = T(len(names))
				pos[l] = c
				names = append(names, l)
			}
			prev, code = l, c
		}
		codes[i] = code
	}
	return names
}
