package closest

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestName(t *testing.T) {
	flags := []string{"arm", "block", "cluster", "control", "covariates", "in", "json", "outcome", "permutations", "seed", "sheet"}
	tests := []struct{ word, want string }{
		{"outcom", "outcome"}, {"outcomes", "outcome"}, {"otucome", "outcome"}, {"perm", "permutations"},
		{"clustr", "cluster"}, {"contrl", "control"}, {"c", ""}, {"s", ""}, {"jsno", "json"}, {"sed", "seed"},
		{"no-such-flag", ""}, {"", ""}, {"xyz", ""}, {"arms", "arm"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, Name(tc.word, flags), tc.word)
	}
	assert.Equal(t, 3, distance("kitten", "sitting"))
	assert.Equal(t, 1, distance("ab", "ba"))
	assert.Equal(t, 0, distance("", ""))
}
