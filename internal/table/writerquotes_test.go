package table

import (
	"encoding/csv"
	"strings"
	"testing"
)

// TestWrittenLine: a row's line is given exactly when csv.Writer writes
// the row's cells as that line, checked against csv.Writer itself on
// awkward cells in each place of a line, with LF and CRLF line ends.
func TestWrittenLine(t *testing.T) {
	cells := []string{"a", "007", "", " lead", "trail ", "\tx", "x\ty", `\.`, `\.x`, `x\.`, ".", "é",
		"\u00a0nbsp", "\u2003em", "x\u00a0", "\u0085nel", "\v", "\f", "cr\rin", "#N/A"}
	for _, c := range cells {
		for _, line := range []string{c, c + ",x", "x," + c, "x," + c + ",y"} {
			if line == "" {
				continue // an empty line is no row
			}
			for _, end := range []string{"\n", "\r\n"} {
				fields := strings.Split(line, ",")
				header := make([]string, len(fields))
				for j := range header {
					header[j] = string(rune('a' + j))
				}
				text := strings.Join(header, ",") + "\n" + line + end + "z" + strings.Repeat(",z", len(fields)-1) + end
				tb, err := Options{}.parse([]byte(text), "t.csv", nil)
				if err != nil {
					t.Fatalf("%q: %v", text, err)
				}
				var b strings.Builder
				cw := csv.NewWriter(&b)
				cw.Write(fields)
				cw.Flush()
				got, ok := tb.WrittenLine(0)
				if want := b.String() == line+"\n"; ok != want || ok && got != line {
					t.Errorf("%q: WrittenLine = %q, %v; csv.Writer writes %q", text, got, ok, b.String())
				}
				if _, ok := tb.WrittenLine(1); !ok {
					t.Errorf("%q: the plain second row is not given", text)
				}
			}
		}
	}
}
