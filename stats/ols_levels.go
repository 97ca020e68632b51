package stats

import "sort"

// olsSortedLevels returns the distinct values of v in increasing order.
func olsSortedLevels(v []int) []int {
	seen := make(map[int]struct{})
	var levels []int
	for _, x := range v {
		if _, ok := seen[x]; !ok {
			seen[x] = struct{}{}
			levels = append(levels, x)
		}
	}
	sort.Ints(levels)
	return levels
}
