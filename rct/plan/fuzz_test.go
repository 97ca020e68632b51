package plan

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzParse: Parse never panics, and a plan it accepts is written by
// Marshal as YAML that it reads back as the same plan.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"school_plan.yaml", "custody_plan.yaml"} {
		b, err := os.ReadFile(planDir + name)
		require.NoError(f, err)
		f.Add(b)
	}
	f.Add([]byte("design: {manifest: m, sha256: s, id: id, arms: [a, b]}\nprimary: {outcome: y}\npermutations: auto\nseed: 1\n"))
	f.Add([]byte("primary: &a {outcome: *a}\n"))
	f.Add([]byte("design: [\n"))
	f.Add([]byte("\x00\xff: \"\\u"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse(data)
		if err != nil {
			return
		}
		b, err := p.Marshal()
		require.NoError(t, err)
		back, err := Parse(b)
		require.NoError(t, err, "%s", b)
		assert.Equal(t, p, back)
	})
}
