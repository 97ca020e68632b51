package analysis

import "github.com/evalkit/evalkit/internal/table"

// armColumn is the arm of each data row, held as a code into levels (4
// bytes a row, where a string is 16), -1 for a missing arm, which at gives
// as "".
type armColumn struct {
	codes  []int32
	levels []string
}

// readArms reads the arm column called name from src: a *table.Table's by
// its Codes, any other Source's labels (see labels), a missing-value token
// being a missing arm.
func readArms(src Source, name string) (armColumn, error) {
	if t, ok := src.(*table.Table); ok {
		codes, levels, err := t.Codes(name)
		return armColumn{codes: codes, levels: levels}, err
	}
	l, err := labels(src, name)
	if err != nil {
		return armColumn{}, err
	}
	return codeArms(l, table.IsMissing), nil
}

// codeArms codes the labels l, those for which missing holds as -1, the
// others in order of their first rows.
func codeArms(l []string, missing func(string) bool) armColumn {
	a := armColumn{codes: make([]int32, len(l))}
	at := map[string]int32{}
	for i, s := range l {
		if missing(s) {
			a.codes[i] = -1
			continue
		}
		k, ok := at[s]
		if !ok {
			k = int32(len(a.levels))
			at[s] = k
			a.levels = append(a.levels, s)
		}
		a.codes[i] = k
	}
	return a
}

// at returns the arm of data row i, "" when it is missing.
func (a armColumn) at(i int) string {
	if k := a.codes[i]; k >= 0 {
		return a.levels[k]
	}
	return ""
}

// len returns the number of rows.
func (a armColumn) len() int { return len(a.codes) }
