package rct

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestErrorsClipAndEscapeLabels: a 1 MB stratum label is cut in the error
// line, and a terminal escape sequence in a label shows escaped.
func TestErrorsClipAndEscapeLabels(t *testing.T) {
	tests := []struct {
		name, label, want string
	}{
		{"1 MB stratum", strings.Repeat("S", 1<<20), `stratum "` + strings.Repeat("S", 41) + `… (1048576 bytes)" (1 units): fewer units than arms`},
		{"escape sequence", "\x1b[31mRED\x1b[0m", `stratum "\x1b[31mRED\x1b[0m" (1 units): fewer units than arms`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u, err := ReadUnits(strings.NewReader("unit_id,area\n1,"+tc.label+"\n2,n\n3,n\n"), "units.csv")
			require.NoError(t, err)
			_, err = RandomiseUnits(u, Settings{ID: "unit_id", Arms: []string{"control", "treatment"}, Block: []string{"area"}, Seed: 1})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.Less(t, len(err.Error()), 200)
			assert.NotContains(t, err.Error(), "\x1b")
		})
	}
}
