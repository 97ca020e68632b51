package lifecycle

import "fmt"

// Misspelling is an evidence key that no gate requires but that is one or
// two edits away from one that does: most likely a typing slip, which
// would otherwise leave the required evidence silently missing.
type Misspelling struct {
	Intervention string
	Key          string
	// Suggest is the required key it is closest to.
	Suggest string
	Line    int
}

// String says what looks misspelt and where, as status reports it:
//
//	line 18: Custody Navigators: evidence proces_evaluation looks like a misspelling of process_evaluation
func (m Misspelling) String() string {
	return fmt.Sprintf("line %d: %s: evidence %s looks like a misspelling of %s", m.Line, m.Intervention, m.Key, m.Suggest)
}

// Misspellings lists the intervention's evidence keys that look like
// misspelt required keys, in file order. Keys that no gate requires and
// that are not close to one are the portfolio's own and are not listed.
func (p *Portfolio) Misspellings() []Misspelling {
	required := map[string]bool{}
	var keys []string
	for _, g := range p.Gates {
		for _, k := range g.Requires {
			if !required[k] {
				required[k] = true
				keys = append(keys, k)
			}
		}
	}
	var out []Misspelling
	for _, iv := range p.Interventions {
		for _, e := range iv.Evidence {
			if required[e.Key] {
				continue
			}
			best, bestD := "", 3
			for _, k := range keys {
				if d := editDistance(e.Key, k, bestD); d < bestD {
					best, bestD = k, d
				}
			}
			if best != "" {
				out = append(out, Misspelling{Intervention: iv.Name, Key: e.Key, Suggest: best, Line: e.Line})
			}
		}
	}
	return out
}

// editDistance is the Levenshtein distance between a and b (in bytes),
// or limit when it is at least limit.
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d >= limit || -d >= limit {
		return limit
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= limit {
			return limit
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], limit)
}
