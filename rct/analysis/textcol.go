package analysis

import "github.com/evalkit/evalkit/internal/table"

// textColumn is a column of text read from a Source: from a *table.Table,
// the table's column itself, each cell made into a string only when asked
// for (at), with no slice of a string per row; from any other Source, the
// strings its Column gave; or, once Read is done with the table, a column
// of numbers held without the file's text (numberText).
type textColumn struct {
	t *table.Table
	j int
	s []string
	n *numberText
}

// readText returns column j of src, called name: src's own cells for a
// *table.Table, else src.Column(name).
func readText(src Source, j int, name string) (textColumn, error) {
	if t, ok := src.(*table.Table); ok {
		return textColumn{t: t, j: j}, nil
	}
	s, err := src.Column(name)
	return textColumn{s: s}, err
}

// readNamedText is readText for the column called name, an error naming
// it when src has none.
func readNamedText(src Source, name string) (textColumn, error) {
	if t, ok := src.(*table.Table); ok {
		for j, h := range t.Header {
			if h == name {
				return textColumn{t: t, j: j}, nil
			}
		}
		_, err := t.Column(name) // the table's error naming the column
		return textColumn{}, err
	}
	s, err := src.Column(name)
	return textColumn{s: s}, err
}

// at returns the text of data row i.
func (c textColumn) at(i int) string {
	switch {
	case c.t != nil:
		return c.t.Cell(i, c.j)
	case c.n != nil:
		return c.n.at(i)
	}
	return c.s[i]
}

// len returns the number of rows.
func (c textColumn) len() int {
	switch {
	case c.t != nil:
		return c.t.Rows()
	case c.n != nil:
		return len(c.n.v)
	}
	return len(c.s)
}

// read reports whether the column was read.
func (c textColumn) read() bool { return c.t != nil || c.s != nil || c.n != nil }

// numbers reads the named column of src and converts it to numbers as
// table.Numbers does, with its errors: a CSV table's by the table's Float,
// without a slice of the column's strings.
func (d *Data) numbers(src Source, name string) (textColumn, []float64, error) {
	if t, ok := src.(*table.Table); ok && t.Sheet == "" {
		text, err := readNamedText(src, name)
		if err != nil {
			return textColumn{}, nil, err
		}
		v, _, err := t.Float(name)
		return text, v, err
	}
	text, err := src.Column(name)
	if err != nil {
		return textColumn{}, nil, err
	}
	v, _, err := table.Numbers(d.file, name, text)
	return textColumn{s: text}, v, err
}
