package lifecycle

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFields(t *testing.T) {
	p, err := Parse([]byte(`interventions:
  - name: Operation Paramount
    gate: 1
    funding_gbp_2023_24: 43000 # a comment
    reach_target: {age_24_and_under: 50}
    evidence: {literature_review: in_progress}
    next_step: roll out to other areas
`))
	require.NoError(t, err)
	assert.Equal(t, []Field{{"funding_gbp_2023_24", "43000"}, {"next_step", "roll out to other areas"}}, p.Interventions[0].Fields())
}
