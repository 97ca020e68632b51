package pool

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/evalkit/evalkit/stats"
)

// jsonKeys returns the keys of the JSON object b in order.
func jsonKeys(t *testing.T, b []byte) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	tok, err := dec.Token()
	require.NoError(t, err)
	require.Equal(t, json.Delim('{'), tok)
	var keys []string
	for dec.More() {
		k, err := dec.Token()
		require.NoError(t, err)
		keys = append(keys, k.(string))
		var skip json.RawMessage
		require.NoError(t, dec.Decode(&skip))
	}
	return keys
}

var resultKeys = []string{"method", "level", "k", "estimate", "se", "z", "p_value", "ci_low", "ci_high",
	"tau2", "tau", "tau2_se", "i2", "h2", "q", "q_df", "q_p_value", "pi_low", "pi_high"}

func TestMarshalJSONDifferences(t *testing.T) {
	r, err := Pool(readBCG(t), stats.PoolOptions{Method: stats.PoolDL})
	require.NoError(t, err)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	assert.Equal(t, append(append([]string{}, resultKeys...), "sites"), jsonKeys(t, b))
	var out struct {
		Method string
		K      int
		Tau2   float64
		QDF    float64 `json:"q_df"`
		Sites  []map[string]any
	}
	require.NoError(t, json.Unmarshal(b, &out))
	assert.Equal(t, "dl", out.Method)
	assert.Equal(t, 13, out.K)
	assert.Equal(t, r.Tau2, out.Tau2)
	assert.Equal(t, 12.0, out.QDF)
	require.Len(t, out.Sites, 13)
	assert.Equal(t, map[string]any{"site": "Aronson 1948", "estimate": r.Studies[0].Estimate, "se": r.Studies[0].SE,
		"ci_low": r.Studies[0].CILow, "ci_high": r.Studies[0].CIHigh, "weight": r.Studies[0].Weight}, out.Sites[0])
}

func TestMarshalJSONRatios(t *testing.T) {
	s := readBCG(t)
	s.Log = true
	r, err := Pool(s, stats.PoolOptions{})
	require.NoError(t, err)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	want := append(append([]string{}, resultKeys...), "scale", "exp_estimate", "exp_ci_low", "exp_ci_high", "exp_pi_low", "exp_pi_high", "sites")
	assert.Equal(t, want, jsonKeys(t, b))
	var out struct {
		Scale       string
		ExpEstimate float64 `json:"exp_estimate"`
		ExpPILow    float64 `json:"exp_pi_low"`
		Sites       []map[string]any
	}
	require.NoError(t, json.Unmarshal(b, &out))
	assert.Equal(t, "log", out.Scale)
	assert.Equal(t, math.Exp(r.Estimate), out.ExpEstimate)
	assert.Equal(t, math.Exp(r.PILow), out.ExpPILow)
	assert.Equal(t, math.Exp(r.Studies[0].CIHigh), out.Sites[0]["exp_ci_high"])
	assert.Len(t, out.Sites[0], 9)
}

func TestMarshalJSONFixedEffectNulls(t *testing.T) {
	s := readBCG(t)
	s.Log = true
	r, err := Pool(s, stats.PoolOptions{Method: stats.PoolFE})
	require.NoError(t, err)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	var out map[string]any
	require.NoError(t, json.Unmarshal(b, &out))
	for _, k := range []string{"tau2_se", "pi_low", "pi_high", "exp_pi_low", "exp_pi_high"} {
		v, ok := out[k]
		assert.True(t, ok, k)
		assert.Nil(t, v, k)
	}
	assert.Equal(t, 0.0, out["tau2"])
	assert.Equal(t, "fe", out["method"])
}
