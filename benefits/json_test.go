package benefits

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestJSONWithoutCost(t *testing.T) {
	r, err := Appraise(irr08(), Options{Crime: "violence_with_injury", Baseline: 100})
	require.NoError(t, err)
	b, err := json.Marshal(r.JSON())
	require.NoError(t, err)
	s := string(b)
	// The contract's keys first, in its order; undefined ones null.
	assert.True(t, strings.HasPrefix(s, `{"averted":20,"averted_ci_low":2,"averted_ci_high":35,"benefit":281000,"benefit_ci_low":28100,`+
		`"benefit_ci_high":491750,"cost":null,"npv":null,"npv_ci_low":null,"npv_ci_high":null,"bcr":null,"switching_effect":null,`+
		`"unit_cost":14050,"price_year":2015,`), s)
	for _, want := range []string{`"intervention":null`, `"payback_year":null`, `"harm":null`, `"simulation":null`,
		`"sensitivity_measure":null`, `"sensitivity":[]`, `"warnings":[]`, `"discount":"standard"`, `"measure":"rate_ratio"`,
		`"method":"negbin_glm"`, `"unit_cost_table":14050`, `"unit_cost_price_year":2015`} {
		assert.Contains(t, s, want)
	}
}

func TestJSONWithEverything(t *testing.T) {
	r, err := Appraise(irr08(), Options{Crime: "violence_with_injury", Baseline: 100, Years: 2, Cost: &Cost{Intervention: "Patrol", Amount: 1000, PriceYear: 2015},
		Sensitivity: 0.1, Simulate: 100, Seed: 1, HarmWeights: HarmWeights{"violence_with_injury": 2}})
	require.NoError(t, err)
	var j map[string]any
	b, err := json.Marshal(r.JSON())
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &j))
	assert.Equal(t, "Patrol", j["intervention"])
	assert.Equal(t, 0.0, j["payback_year"])
	assert.Equal(t, "npv", j["sensitivity_measure"])
	assert.Equal(t, map[string]any{"weight": 2.0, "averted": 40.0, "ci_low": 4.0, "ci_high": 70.0}, j["harm"])
	sim := j["simulation"].(map[string]any)
	assert.Equal(t, 100.0, sim["draws"])
	assert.Contains(t, sim, "p_npv_positive")
	assert.Len(t, j["sensitivity"], 4)
}
