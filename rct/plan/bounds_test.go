package plan

import (
	"os"
	"strings"
	"testing"

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
		{"200 KB of nested flow sequences (H1)", "design: " + strings.Repeat("[", 200_000), yamlbound.ErrTooDeep, "line 1, column 72: nested too deeply"},
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
