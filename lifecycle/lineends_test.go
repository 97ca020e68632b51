package lifecycle

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestCRLF: a portfolio saved with CRLF line ends is read at the same
// lines as with LF, and every intervention advances, giving the LF file's
// result with CRLF line ends (issue 21, W2: it was refused, "editing …
// would break the file").
func TestCRLF(t *testing.T) {
	for _, file := range []string{"../examples/portfolio.yaml", "../testdata/lifecycle/handwritten.yaml"} {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		crlf := []byte(strings.ReplaceAll(string(src), "\n", "\r\n"))
		lf, err := Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		p, err := Parse(crlf)
		if err != nil {
			t.Fatal(err)
		}
		if string(p.Bytes()) != string(crlf) {
			t.Fatalf("%s: Bytes is not the file read", file)
		}
		for i, iv := range p.Interventions {
			if want := lf.Interventions[i]; iv.Line != want.Line || !reflect.DeepEqual(iv.Evidence, want.Evidence) {
				t.Errorf("%s: %s read at line %d, want %d", file, iv.Name, iv.Line, want.Line)
			}
			m := Move{Date: lifecycleTestDate, Override: "test", Note: "crlf"}
			next, _, err := p.Advance(iv.Name, m)
			if err != nil {
				t.Errorf("%s: %s: %v", file, iv.Name, err)
				continue
			}
			want, _, err := lf.Advance(iv.Name, m)
			if err != nil {
				t.Fatal(err)
			}
			if got := string(next.Bytes()); got != strings.ReplaceAll(string(want.Bytes()), "\n", "\r\n") {
				t.Errorf("%s: %s: advanced file\n%q", file, iv.Name, got)
			}
		}
	}
}

// TestMixedLineEnds: a file mixing LF and CRLF is read as it is.
func TestMixedLineEnds(t *testing.T) {
	src := "interventions:\r\n  - name: A\n    gate: 1\r\n"
	p, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if string(p.Bytes()) != src || p.Interventions[0].Gate != 1 {
		t.Fatalf("read %q as %+v", p.Bytes(), p.Interventions)
	}
}
