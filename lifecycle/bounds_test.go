package lifecycle

import (
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/evalkit/evalkit/internal/yamlbound"
)

// TestParseBounds: the hostile portfolios of issue 21 (P1, H1, E10) give
// a one-line error naming the line, never a panic.
func TestParseBounds(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      error
		text      string // a fragment of the message
	}{
		{"bare --- at the end (P1)", "0\n---", ErrShape, "line 2: not a portfolio: a second YAML document starts here"},
		{"empty second document", "interventions: []\n---\n", ErrShape, "line 2: not a portfolio: a second YAML document"},
		{"nested flow sequences", "interventions: []\ndeep: " + strings.Repeat("[", 100) + "\n", yamlbound.ErrTooDeep, "line 2: not a portfolio: nested too deeply: more than 64"},
		{"nested mappings", "interventions: []\ndeep: " + strings.Repeat("{a: ", 100) + "\n", yamlbound.ErrTooDeep, "line 2: not a portfolio: nested too deeply"},
		{"tab indentation (E10)", "interventions:\n\t- name: A\n", ErrNotYAML, "line 2: not valid YAML: found a tab character at column 1 that cannot start any token (YAML indents with spaces)"},
		{"tab after spaces (E10)", "interventions:\n  - name: A\n  \tgate: 1\n", ErrNotYAML, "line 3: not valid YAML: found a tab character at column 3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Parse([]byte(tc.src))
			if p != nil || !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.text) {
				t.Fatalf("Parse = %v, want %v containing %q", err, tc.want, tc.text)
			}
		})
	}
}

// TestParseNestedFast: a 200 KB portfolio of nested flow sequences took
// 15 GB and 138 s (issue 21, H1); nested mappings the same. It is refused
// in under a second and 50 MB.
func TestParseNestedFast(t *testing.T) {
	for _, deep := range []string{strings.Repeat("[", 200_000), strings.Repeat("{a: ", 50_000), "\n" + strings.Repeat("- ", 100_000)} {
		src := []byte("interventions: []\ndeep: " + deep + "\n")
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		start := time.Now()
		_, err := Parse(src)
		took := time.Since(start)
		runtime.ReadMemStats(&after)
		if !errors.Is(err, yamlbound.ErrTooDeep) {
			t.Fatalf("Parse = %v", err)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; took > time.Second || alloc > 50<<20 {
			t.Errorf("%d bytes refused in %v with %d bytes allocated", len(src), took, alloc)
		}
	}
}

func TestParseTooLarge(t *testing.T) {
	src := []byte("interventions: []\n" + strings.Repeat("# padding\n", yamlbound.MaxBytes/10))
	if _, err := Parse(src); !errors.Is(err, yamlbound.ErrTooLarge) || !strings.Contains(err.Error(), "16 MiB") {
		t.Fatalf("Parse of %d bytes = %v", len(src), err)
	}
}
