package power

import (
	"errors"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The golden file of evalkit icc --json on testdata/lmm/blocks.csv with
// --covariates x,block.
func TestReadPilotICC(t *testing.T) {
	f, err := os.Open("../../cmd/evalkit/testdata/icc/blocks_covariates.json")
	require.NoError(t, err)
	defer f.Close()
	p, err := ReadPilotICC(f)
	require.NoError(t, err)
	assert.Equal(t, PilotICC{ICC: 0.25607438725824205, MeanClusterSize: 9.916666666666666, ClusterSizeCV: 0.2926356075007381,
		R2Individual: 0.36113640319985696, R2Cluster: 0.5108709077274325}, p)

	p, err = ReadPilotICC(strings.NewReader(`{"icc": 0.1, "mean_cluster_size": 20, "cluster_size_cv": 0.5, "r2_individual": null, "r2_cluster": null}`))
	require.NoError(t, err)
	assert.True(t, math.IsNaN(p.R2Individual) && math.IsNaN(p.R2Cluster), "null R²s are NaN: %+v", p)
	assert.Equal(t, 0.1, p.ICC)
}

func TestReadPilotICCErrors(t *testing.T) {
	for _, c := range []struct{ name, json, want string }{
		{"not JSON", `icc = 0.1`, "not the JSON object of evalkit icc --json"},
		{"an array", `[0.1]`, "not the JSON object"},
		{"null icc", `{"icc": null, "mean_cluster_size": 20, "cluster_size_cv": 0}`, `no number for key "icc"`},
		{"no size", `{"icc": 0.1, "cluster_size_cv": 0}`, `"mean_cluster_size"`},
		{"text", `{"icc": "0.1", "mean_cluster_size": 20, "cluster_size_cv": 0}`, `key "icc": want a number or null`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadPilotICC(strings.NewReader(c.json))
			assert.ErrorContains(t, err, c.want)
		})
	}
}

func TestPilotICCApply(t *testing.T) {
	p := PilotICC{ICC: 0.15, MeanClusterSize: 24.5, ClusterSizeCV: 0.4, R2Individual: 0.3, R2Cluster: math.NaN()}
	c := Cluster{Effect: 0.25, Power: 0.8, R2Cluster: 0.5}
	require.NoError(t, p.Apply(&c, map[string]bool{"r2-cluster": true}))
	assert.Equal(t, Cluster{Effect: 0.25, Power: 0.8, ICC: 0.15, ClusterSize: 24.5, ClusterSizeCV: 0.4, R2Individual: 0.3, R2Cluster: 0.5}, c,
		"the file's values, and the R² it has none of as given")
	res, err := c.Solve()
	require.NoError(t, err)
	assert.Equal(t, 0.15, res.ICC)

	c = Cluster{ICC: 0.15}
	assert.NoError(t, p.Apply(&c, map[string]bool{"icc": true}), "a value given that equals the file's")
	c = Cluster{ICC: 0.2}
	err = p.Apply(&c, map[string]bool{"icc": true})
	assert.True(t, errors.Is(err, ErrConflict), "%v", err)
	assert.ErrorContains(t, err, "--icc 0.2, where the file's icc is 0.15")
	c = Cluster{ClusterSize: 30}
	assert.ErrorContains(t, p.Apply(&c, map[string]bool{"cluster-size": true}), "--cluster-size 30, where the file's mean_cluster_size is 24.5")

	p.R2Individual = -0.02
	err = p.Apply(&Cluster{}, nil)
	assert.ErrorContains(t, err, "r2_individual is -0.02, below 0")
	assert.False(t, errors.Is(err, ErrConflict))
}
