package analysis

import (
	"fmt"
	"math"
	"strings"

	"github.com/evalkit/evalkit/internal/table"
)

// outcomeNumbers converts an outcome column to numbers: NaN for a missing
// value and for text that is not a number, which text reports. held is
// the column as Data holds it: with compact set, a table's column of
// numbers is held without the file's text (numberText, built in the same
// pass), else col itself.
func outcomeNumbers(col textColumn, compact bool) (y []float64, text bool, held textColumn) {
	y = make([]float64, col.len())
	var n *numberText
	if compact && col.t != nil {
		n = newNumberText(y)
	}
	for i := range y {
		s := col.at(i)
		y[i] = math.NaN()
		if !table.IsMissing(s) {
			if v, err := table.ParseNumber(s); err != nil {
				text = true
			} else {
				y[i] = v
			}
		}
		if n != nil && (text || !n.add(i, s)) {
			n = nil // text, or too many values held as text: col is kept
		}
	}
	if n == nil || text {
		return y, text, col
	}
	return y, text, textColumn{n: n}
}

// outcomeMissing reports whether row i's outcome is missing. When every
// outcome is a number or missing, outcomeNumbers has left NaN exactly at
// the missing ones, and the text is not read again.
func (d *Data) outcomeMissing(i int) bool {
	if !d.yHasText {
		return math.IsNaN(d.y[i])
	}
	return table.IsMissing(d.ytext.at(i))
}

// wordValues are the words a binary outcome may be written in, with their
// values.
var wordValues = [...]struct {
	word  string
	value float64
}{{"yes", 1}, {"true", 1}, {"no", 0}, {"false", 0}}

// binaryWord returns the index in wordValues of s, one of the words in any
// letter case and with surrounding spaces; ok is false for other text.
func binaryWord(s string) (k int, ok bool) {
	s = strings.TrimSpace(s)
	for k, w := range wordValues {
		if strings.EqualFold(s, w.word) {
			return k, true
		}
	}
	return 0, false
}

// binaryWords records which of wordValues a binary outcome was read from.
type binaryWords [len(wordValues)]bool

// outcomeValues returns the outcome's values as typ (Auto: detected) reads
// them, and the type. With Auto the outcome is binary when every value of
// the rows with an arm is 0, 1 or one of binaryWord's words, else
// continuous. A binary outcome's words become 1 and 0, in a new slice (d.y
// is not changed), and words records which were seen; any other value of a
// row with an arm is an error naming its row and column. Text in a
// continuous or count outcome is the error of a value that is not a number.
func (d *Data) outcomeValues(typ Type) (y []float64, _ Type, words binaryWords, err error) {
	y = d.y
	if typ == Auto {
		typ = Binary
		for i, v := range y {
			if v == 0 || v == 1 || table.IsMissing(d.arm.at(i)) || d.outcomeMissing(i) {
				continue
			}
			if _, ok := binaryWord(d.ytext.at(i)); !ok {
				typ = Continuous
				break
			}
		}
	}
	if !d.yHasText {
		return y, typ, words, nil
	}
	if typ != Binary {
		for i, v := range y {
			if math.IsNaN(v) && !table.IsMissing(d.ytext.at(i)) {
				return nil, typ, words, &table.ParseError{File: d.file, Row: i + 2, Column: d.cols.Outcome, Value: d.ytext.at(i), Err: table.ErrNotNumber}
			}
		}
	}
	y = append([]float64(nil), y...)
	for i, v := range y {
		if !math.IsNaN(v) || table.IsMissing(d.arm.at(i)) || table.IsMissing(d.ytext.at(i)) {
			continue
		}
		k, ok := binaryWord(d.ytext.at(i))
		if !ok {
			return nil, typ, words, d.rowError(i, d.cols.Outcome, d.ytext.at(i), errNotBinary)
		}
		y[i] = wordValues[k].value
		words[k] = true
	}
	return y, typ, words, nil
}

// errNotBinary is the complaint about a value of a binary outcome.
const errNotBinary = "a binary outcome must be 0 or 1, yes or no, or true or false"

// String lists the words seen with their values, as outcome_not_01's
// message does: "yes" as 1, "no" and "false" as 0.
func (w binaryWords) String() string {
	var parts []string
	for _, v := range []float64{1, 0} {
		var words []string
		for k, x := range wordValues {
			if w[k] && x.value == v {
				words = append(words, fmt.Sprintf("%q", x.word))
			}
		}
		if words != nil {
			parts = append(parts, fmt.Sprintf("%s as %g", strings.Join(words, " and "), v))
		}
	}
	return strings.Join(parts, ", ")
}

// seen reports whether a word was seen.
func (w binaryWords) seen() bool { return w != binaryWords{} }
