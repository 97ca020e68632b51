package analysis

import (
	"encoding/json"
	"os"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/evalkit/evalkit/internal/jsonenc"
)

// A Result marshals with encoding/json to the object evalkit analyse
// --json prints: the command's golden files, to the last bit on amd64,
// where they were made; to 1e-13 elsewhere, where math functions that are
// assembly on amd64 are pure Go.
func TestResultMarshalsAsTheCommand(t *testing.T) {
	for _, c := range []struct {
		golden, file string
		cols         Columns
		plan         Plan
	}{
		{"school_navigators.json", "school_navigators.csv", Columns{Outcome: "attendance", Covariates: []string{"attendance_baseline"}, Cluster: "school", Block: "town"}, Plan{}},
		{"hotspots.json", "hotspots.csv", hotspots, Plan{Type: Count}},
		{"awkward.json", "awkward.csv", awkward("cluster"), Plan{}},
		{"leverage_one.json", "leverage_one.csv", Columns{Outcome: "y", Covariates: []string{"z"}, Cluster: "school"}, Plan{}},
		{"tiny_cluster_ri.json", "tiny_cluster.csv", Columns{Outcome: "y", Block: "block", Cluster: "cluster"}, Plan{Permutations: 100, Seed: 1}},
		{"hotspots_ri.json", "hotspots.csv", hotspots, Plan{Type: Count, Model: Poisson, Permutations: 200, Seed: 4}},
		{"deterrence_ri.json", "focused_deterrence.csv", Columns{Outcome: "reoffended"}, Plan{Permutations: 500, Seed: 9}},
	} {
		t.Run(c.golden, func(t *testing.T) {
			want, err := os.ReadFile("../../cmd/evalkit/testdata/analyse2/" + c.golden)
			require.NoError(t, err)
			got, err := json.Marshal(analyseFile(t, dataAnalyse2+c.file, c.cols, c.plan))
			require.NoError(t, err)
			if runtime.GOARCH == "amd64" {
				assert.JSONEq(t, string(want), string(got))
			} else {
				assert.NoError(t, jsonenc.Near(want, got, 1e-13))
			}
		})
	}
}

// A Result marshals as a value too, and an Arm in its outcome type's form.
func TestResultAndArmByValue(t *testing.T) {
	res := analyseFile(t, dataAnalyse2+"hotspots.csv", hotspots, Plan{Type: Count})
	byPointer, err := json.Marshal(res)
	require.NoError(t, err)
	byValue, err := json.Marshal(*res)
	require.NoError(t, err)
	assert.Equal(t, string(byPointer), string(byValue))
	arm, err := json.Marshal(res.Arms[0])
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(arm, &m))
	assert.ElementsMatch(t, []string{"arm", "n", "n_missing", "total", "exposure", "rate"}, keys(m))
}

func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// Undefined numbers are null, and a Comparison marshals on its own.
func TestUndefinedIsNull(t *testing.T) {
	c := newComparison(&arm{label: "t"}, &arm{label: "c"}, WelchT)
	b, err := json.Marshal(c)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	assert.Nil(t, m["estimate"])
	assert.Equal(t, "welch_t", m["method"])
	assert.Equal(t, []any{}, m["effect_sizes"])
}
