package analysis

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/evalkit/evalkit/internal/table"
)

// readOutcome reads the column y of a CSV text as Read does, and returns
// it as the table holds it and as compactText holds it.
func readOutcome(t *testing.T, text string) (tableCol, compact textColumn) {
	t.Helper()
	tb, err := table.Read(strings.NewReader(text), "t.csv")
	if err != nil {
		t.Fatal(err)
	}
	col, err := readNamedText(tb, "y")
	if err != nil {
		t.Fatal(err)
	}
	_, text_, held := outcomeNumbers(col, true)
	if text_ {
		t.Fatalf("%q: text in y", text)
	}
	return col, held
}

// compactText gives every value's text as the file has it: numbers
// written as FormatFloat writes them, the missing-value tokens, and the
// others (held as text), with and without the text held.
func TestCompactText(t *testing.T) {
	values := []string{"12", "-0.5", "-0", "0", "50.125", "", "NA", "NaN", ".", "null", "#N/A",
		"1.50", "+3", " 4", "1e3", "NA ", ".5", "5.", "007", "123456789012345", "1234567890123456", "0.000001"}
	var b strings.Builder
	b.WriteString("arm,y\n")
	for i := range 64 * 40 { // few enough odd values that they are held
		v := "1"
		if i < len(values) {
			v = values[i]
		}
		fmt.Fprintf(&b, "control,%s\n", v)
	}
	col, compact := readOutcome(t, b.String())
	if compact.n == nil {
		t.Fatal("the column was not compacted")
	}
	for i := range col.len() {
		if got, want := compact.at(i), col.at(i); got != want {
			t.Errorf("row %d: %q, want %q", i, got, want)
		}
	}
	var odd []string
	for i := range col.len() {
		if compact.n.kind[i] == numberOdd {
			odd = append(odd, compact.at(i))
		}
	}
	if want := []string{"1.50", "+3", " 4", "1e3", "NA ", ".5", "5.", "007", "1234567890123456"}; strings.Join(odd, "|") != strings.Join(want, "|") {
		t.Errorf("held as text: %q, want %q", odd, want)
	}
	// With more odd values than one in 64 the table's column is kept.
	if _, compact := readOutcome(t, "arm,y\ncontrol,1.50\ncontrol,2\n"); compact.n != nil {
		t.Error("a column of many odd values was compacted")
	}
}

// FuzzCanonicalDecimal: a text canonicalDecimal takes reads as a number
// that FormatFloat writes as the same text.
func FuzzCanonicalDecimal(f *testing.F) {
	for _, s := range []string{"12", "-0", "0.5", "0.50", "1.", ".5", "-", "007", "123456789012345", "0.00000000000001", "1e5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !canonicalDecimal(s) {
			return
		}
		v, err := table.ParseNumber(s)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		if back := strconv.FormatFloat(v, 'f', -1, 64); back != s {
			t.Fatalf("%q reads as %v, written %q", s, v, back)
		}
	})
}

// FuzzCompactText: whatever a numeric outcome's values are written as,
// compactText gives each as the file has it.
func FuzzCompactText(f *testing.F) {
	f.Add("1\n2.50\nNA\n\n-0\n.5")
	f.Fuzz(func(t *testing.T, cells string) {
		var b strings.Builder
		b.WriteString("arm,y\n")
		for i, c := range strings.Split(cells, "\n") {
			if strings.ContainsAny(c, "\",\r") || i > 500 {
				return
			}
			fmt.Fprintf(&b, "a,%s\n", c)
		}
		tb, err := table.Read(strings.NewReader(b.String()), "t.csv")
		if err != nil {
			return
		}
		col, err := readNamedText(tb, "y")
		if err != nil {
			return
		}
		defer func(s int) { oddShare = s }(oddShare)
		oddShare = 1 // every odd value held
		_, text, compact := outcomeNumbers(col, true)
		if text {
			return
		}
		if compact.n == nil {
			t.Fatal("not compacted")
		}
		for i := range col.len() {
			if got, want := compact.at(i), col.at(i); got != want {
				t.Fatalf("row %d: %q, want %q", i, got, want)
			}
		}
	})
}

// Read holds a numeric outcome without the file's text unless a column of
// labels, which holds pieces of the text, is read too.
func TestReadCompactsOutcome(t *testing.T) {
	text := "arm,y,b\ncontrol,1,x\ntreatment,2.5,y\ncontrol,NA,x\n"
	for _, c := range []struct {
		cols    Columns
		compact bool
	}{
		{Columns{Outcome: "y"}, true},
		{Columns{Outcome: "y", Block: "b"}, false},
		{Columns{Outcome: "y", Covariates: []string{"b"}}, true}, // a factor: the text stays, the outcome compact all the same
	} {
		tb, err := table.Read(strings.NewReader(text), "t.csv")
		if err != nil {
			t.Fatal(err)
		}
		d, err := Read(tb, c.cols)
		if err != nil {
			t.Fatal(err)
		}
		if got := d.ytext.n != nil; got != c.compact || got == (d.ytext.t != nil) {
			t.Errorf("%+v: compact %v, want %v", c.cols, got, c.compact)
		}
		for i, want := range []string{"1", "2.5", "NA"} {
			if s := d.ytext.at(i); s != want {
				t.Errorf("%+v: row %d %q, want %q", c.cols, i, s, want)
			}
		}
	}
}
