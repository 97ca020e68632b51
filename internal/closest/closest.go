// Package closest finds, among known names, the one a mistyped name was
// probably meant to be: evalkit's suggestion for an unknown flag.
package closest

// Name returns the name among names closest to word, or "" when none is
// close: a name that word begins (perm for permutations) when only one
// does, else the nearest by edit distance (insertions, deletions,
// substitutions and swaps of neighbours, each counting 1) when it is at
// most 1 for words of up to 4 letters and at most 2 for longer ones, the
// first of several equally near.
//
//	Name("outcom", {"outcome", "out"}) = "outcome"
//	Name("no-such-flag", {"in", "out"}) = ""
func Name(word string, names []string) string {
	if word == "" {
		return ""
	}
	prefixed := ""
	for _, n := range names {
		if len(n) > len(word) && n[:len(word)] == word {
			if prefixed != "" {
				prefixed = "\x00" // more than one
				break
			}
			prefixed = n
		}
	}
	if prefixed != "" && prefixed != "\x00" {
		return prefixed
	}
	most := 1
	if len(word) > 4 {
		most = 2
	}
	best, bestD := "", most+1
	for _, n := range names {
		if d := distance(word, n); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

// distance is the optimal string alignment distance between a and b, by
// bytes.
func distance(a, b string) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
