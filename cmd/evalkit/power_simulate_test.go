package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// simUnits is the committed design of the simulation tests (see
// rct/power/simunits_ref_test.go): 935 pupils in 40 schools in 3 towns.
var simUnits = filepath.Join("..", "..", "testdata", "power", "simulate_units.csv")

// simArgs simulates that design as testdata/r/power_simulate.R does, with
// 500 trials.
var simArgs = []string{"power", "simulate", "--units", simUnits, "--id", "pupil_id", "--block", "town", "--cluster", "school",
	"--effect", "0.3", "--icc", "0.1", "--r2", "0.3", "--sims", "500", "--seed", "20240601"}

func TestPowerSimulateGolden(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
	}{
		{"simulate.out", simArgs},
		{"simulate_json.out", append(append([]string(nil), simArgs...), "--json")},
		{"simulate_individual_json.out", []string{"power", "simulate", "--units", simUnits, "--id", "pupil_id", "--arms", "usual,navigator",
			"--ratio", "1:2", "--method", "simple", "--effect", "0.2", "--sims", "200", "--json"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, c.args...)
			require.Equal(t, 0, code, stderr)
			assert.Empty(t, stderr, "no progress when stderr is not a terminal")
			checkGoldenText(t, filepath.Join("power", c.name), stdout, *updatePower)
		})
	}
}

// TestPowerSimulateJSONKeys checks the contract's keys and that --json
// prints one object.
func TestPowerSimulateJSONKeys(t *testing.T) {
	stdout, _, code := runCmd(t, append(append([]string(nil), simArgs[:len(simArgs)-4]...), "--sims", "20", "--json")...)
	require.Equal(t, 0, code)
	var m map[string]any
	require.NoError(t, json.Unmarshal([]byte(stdout), &m))
	for _, k := range []string{"power", "power_ci_low", "power_ci_high", "sims", "seed", "method", "analysis_method", "n_units", "n_clusters", "effect", "icc", "r2", "alpha", "failed"} {
		assert.Contains(t, m, k)
	}
	assert.Equal(t, 1.0, m["seed"], "the default seed")
	assert.Equal(t, "ols_cr2", m["analysis_method"])
}

// TestPowerSimulateProgress: on a terminal, progress goes to stderr and is
// cleared; stdout holds only the JSON.
func TestPowerSimulateProgress(t *testing.T) {
	var out, errb bytes.Buffer
	e := &env{stdout: &out, stderr: &errb, terminal: true}
	require.NoError(t, powerSimulate(e, append(append([]string(nil), simArgs[2:]...), "--json")))
	assert.Contains(t, errb.String(), "simulating: 500/500 (100%)")
	assert.True(t, strings.HasSuffix(errb.String(), "\r\033[K"), "the progress line is cleared")
	var m map[string]any
	assert.NoError(t, json.Unmarshal(out.Bytes(), &m))
}

func TestPowerSimulateBadInput(t *testing.T) {
	base := []string{"power", "simulate", "--units", simUnits, "--id", "pupil_id", "--effect", "0.3", "--sims", "5"}
	with := func(extra ...string) []string { return append(append([]string(nil), base...), extra...) }
	for _, c := range []struct {
		name   string
		args   []string
		code   int
		prefix string
	}{
		{"no units", []string{"power", "simulate", "--id", "x", "--effect", "1"}, 2, "evalkit: power: --units is required"},
		{"no effect", []string{"power", "simulate", "--units", simUnits, "--id", "pupil_id"}, 2, "evalkit: power: --effect is required"},
		{"no id", []string{"power", "simulate", "--units", simUnits, "--effect", "1"}, 2, "evalkit: power: --id is required"},
		{"bad method", with("--method", "urn"), 2, `evalkit: power: --method "urn"`},
		{"bad ratio", with("--ratio", "1:2:3"), 2, `evalkit: power: --ratio "1:2:3" has 3 weights for 2 arms`},
		{"block sizes without blocks", with("--block-sizes", "4"), 2, "evalkit: power: --block-sizes applies only"},
		{"three arms", with("--arms", "a,b,c", "--ratio", "1:1:1"), 2, "evalkit: power: --arms: power simulate compares two arms"},
		{"bad seed", with("--seed", "-1"), 2, `evalkit: power: --seed "-1"`},
		{"icc 1", with("--cluster", "school", "--icc", "1"), 1, "evalkit: power: argument out of domain: icc 1 is outside [0, 1)"},
		{"icc without cluster", with("--icc", "0.1"), 1, "evalkit: power: argument out of domain: icc 0.1 needs a cluster"},
		{"r2 1", with("--r2", "1"), 1, "evalkit: power: argument out of domain: r2 1 is outside [0, 1)"},
		{"sims 0", with("--sims", "0"), 1, "evalkit: power: argument out of domain: sims 0"},
		{"sims 1e9", with("--sims", "1000000000"), 1, "evalkit: power: argument out of domain: sims 1000000000 is outside [1, 1000000]"},
		{"alpha 2", with("--alpha", "2"), 1, "evalkit: power: argument out of domain: alpha 2"},
		{"unknown column", with("--block", "ward"), 1, `evalkit: power: `},
		{"cluster spans strata", with("--block", "pupil_id", "--cluster", "school"), 1, `evalkit: power: simulate_units.csv: row `},
		{"missing file", []string{"power", "simulate", "--units", "nope.csv", "--id", "x", "--effect", "1"}, 1, "evalkit: power: open nope.csv"},
		{"effect not a number", with("--effect", "big"), 2, "evalkit: power: invalid value"},
	} {
		t.Run(c.name, func(t *testing.T) {
			stdout, stderr, code := runCmd(t, c.args...)
			assert.Equal(t, c.code, code, stderr)
			assert.Empty(t, stdout)
			oneErrorLine(t, stderr, c.prefix)
		})
	}
}

func TestPowerSimulateUsage(t *testing.T) {
	stdout, stderr, code := runCmd(t, "power", "simulate", "-h")
	assert.Equal(t, 0, code)
	assert.Empty(t, stderr)
	assert.Contains(t, stdout, "Usage: evalkit power simulate")
	assert.Contains(t, stdout, "\tevalkit power simulate --units examples/school_navigators.csv")
	assert.Contains(t, stdout, "--sims is\nat most 1000000 (more is refused")
	stdout, _, _ = runCmd(t, "power", "-h")
	assert.Contains(t, stdout, "  simulate ")
}
