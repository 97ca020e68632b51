package plan

import (
	"errors"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/evalkit/evalkit/internal/yamlbound"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestParseBounds: a plan beyond yamlbound's bounds, or indented with a
// tab, is refused in one line naming the line and column (issue 21: H1,
// E10, one document).
func TestParseBounds(t *testing.T) {
	good, err := os.ReadFile(planDir + "school_plan.yaml")
	require.NoError(t, err)
	for _, tc := range []struct {
		name, src string
		want      error
		text      string
	}{
		{"nested flow sequences", string(good) + "deep: " + strings.Repeat("[", 100) + "\n", yamlbound.ErrTooDeep, "column 70: nested too deeply: more than 64"},
		{"nested mappings", "design: " + strings.Repeat("{a: ", 100), yamlbound.ErrTooDeep, "line 1, column 261: nested too deeply"},
		{"second document", string(good) + "---\nlevel: 0.5\n", yamlbound.ErrDocuments, "line 43, column 1: more than one YAML document: a second document starts here"},
		{"bare --- at the end", string(good) + "---", yamlbound.ErrDocuments, "a second document starts here"},
		{"too large", string(good) + strings.Repeat("#\n", yamlbound.MaxBytes/2), yamlbound.ErrTooLarge, "16 MiB"},
		{"tab", strings.Replace(string(good), "\n  outcome:", "\n\toutcome:", 1), nil, "column 1: found a tab character that cannot start any token (YAML indents with spaces)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Parse([]byte(tc.src))
			require.Error(t, err)
			assert.Nil(t, p)
			if tc.want != nil {
				assert.ErrorIs(t, err, tc.want)
			}
			assert.Contains(t, err.Error(), tc.text)
			assert.NotContains(t, err.Error(), "\n")
		})
	}
}

// TestParseNestedFast: 200 KB of nested flow sequences in a plan is
// refused in under a second and 50 MB.
func TestParseNestedFast(t *testing.T) {
	src := []byte("design: " + strings.Repeat("[", 200_000))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	_, err := Parse(src)
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	require.True(t, errors.Is(err, yamlbound.ErrTooDeep), "%v", err)
	alloc := after.TotalAlloc - before.TotalAlloc
	assert.Less(t, took, time.Second)
	assert.Less(t, alloc, uint64(50<<20))
}
