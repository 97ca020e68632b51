package table

import "slices"

// Picker reads a few columns of each data row, the row's line scanned
// once for all of them: what Cell gives for each column, without a scan
// of the line per cell. A program that reads several columns of every row
// (randomise's id and strata) makes one. A Picker is not changed by Row,
// so goroutines may share one.
type Picker struct {
	t *Table
	// fields holds the columns' fields in increasing order, and to[k] the
	// index in the columns given to Picker of fields[k].
	fields, to []int
}

// Picker returns a Picker of columns cols (indices in Header's order, in
// any order, a column given more than once allowed). An index out of range
// panics.
func (t *Table) Picker(cols []int) *Picker {
	p := &Picker{t: t, fields: make([]int, len(cols)), to: make([]int, len(cols))}
	for k := range p.to {
		p.to[k] = k
	}
	slices.SortStableFunc(p.to, func(a, b int) int { return t.field[cols[a]] - t.field[cols[b]] })
	for k, c := range p.to {
		p.fields[k] = t.field[cols[c]]
	}
	return p
}

// Row puts data row i's cells of the Picker's columns in dst, which has
// one string per column, in the order they were given.
func (p *Picker) Row(i int, dst []string) {
	t := p.t
	if t.isHeld(i) {
		for k, f := range p.fields {
			dst[p.to[k]] = t.str(t.fieldAt(i, f))
		}
		return
	}
	// The field after one found begins after the separator that ends it.
	at, f, last := int(t.starts[i]), 0, -1
	var sp span
	for k, want := range p.fields {
		if want != last {
			sp, last = t.plainField(at, f, want), want
			if want < t.width-1 {
				at, f = int(sp.end)+1, want+1
			}
		}
		dst[p.to[k]] = t.text[sp.start:sp.end]
	}
}
