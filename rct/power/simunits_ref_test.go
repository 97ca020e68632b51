package power

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/evalkit/evalkit/rct"
)

// simUnitsFile is the committed design of the simulation tests: 935 pupils
// in 40 schools of 5 to 40 pupils, in 3 towns (13, 14 and 13 schools), the
// rows in random order.
var simUnitsFile = filepath.Join("..", "..", "testdata", "power", "simulate_units.csv")

// readSimUnits reads simUnitsFile.
func readSimUnits(t testing.TB) *rct.Units {
	t.Helper()
	f, err := os.Open(simUnitsFile)
	require.NoError(t, err)
	defer f.Close()
	u, err := rct.ReadUnits(f, "simulate_units.csv")
	require.NoError(t, err)
	return u
}

// refSimulation is the design that testdata/r/power_simulate.R simulates:
// schools randomised completely within towns, 1:1, d = 0.3, icc = 0.1,
// R2 = 0.3, analysed by lm_robust(y ~ treat + factor(town), clusters =
// school, se_type = "CR2").
func refSimulation(t testing.TB, sims int) UnitsSimulation {
	return UnitsSimulation{Units: readSimUnits(t), Effect: 0.3, ICC: 0.1, R2: 0.3, Sims: sims,
		Settings: rct.Settings{ID: "pupil_id", Arms: []string{"control", "treatment"}, Block: []string{"town"}, Cluster: "school", Seed: 20240601}}
}

// R's simulated power of refSimulation, written by hand with estimatr
// (testdata/power/simulate.txt, made by
// "Rscript testdata/r/power_simulate.R 20000 20240601" with R 4.2.2 Patched
// (2022-11-10 r83330) and estimatr 1.0.0): 13545 of 20000 trials with
// p < 0.05.
const (
	refPowerR = 0.67725000000000002 // R 4.2.2, estimatr 1.0.0: mean(p < 0.05) over 20000 trials
	refSimsR  = 20000
)

// TestUnitsSimulationMatchesR checks the simulated power of the blocked
// cluster design against R's within their Monte Carlo errors:
//
//	|p_go − p_R| < 3 √(se_go² + se_R²),  se = √(p(1 − p)/S).
//
// A fault that moved the power by 0.03 (a wrong df, variance or allocation)
// fails it.
func TestUnitsSimulationMatchesR(t *testing.T) {
	out, err := os.ReadFile(filepath.Join("..", "..", "testdata", "power", "simulate.txt"))
	require.NoError(t, err)
	assert.Contains(t, string(out), "power 0.67725000000000002\n", "the constant is R's output")
	assert.Contains(t, string(out), "sims 20000\n")
	assert.True(t, strings.HasPrefix(string(out), "# R version 4.2.2"))

	sims := 5000
	if testing.Short() {
		sims = 1000
	}
	res, err := refSimulation(t, sims).Run()
	require.NoError(t, err)
	assert.Equal(t, "ols_cr2", res.AnalysisMethod)
	assert.Equal(t, 0, res.Failed)
	seGo := math.Sqrt(res.Power * (1 - res.Power) / float64(sims))
	seR := math.Sqrt(refPowerR * (1 - refPowerR) / refSimsR)
	assert.Less(t, math.Abs(res.Power-refPowerR), 3*math.Hypot(seGo, seR),
		"evalkit %.4f (%d trials), R %.4f (%d trials)", res.Power, sims, refPowerR, refSimsR)
}
