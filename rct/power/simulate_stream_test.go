package power

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/evalkit/evalkit/rct"
)

// TestSimulationPinned pins results of Simulation and UnitsSimulation as
// they were before the trials' outcomes were streamed into per-goroutine
// tallies (evalkit at e2b9d5b), on 1, 2 and 5 goroutines.
func TestSimulationPinned(t *testing.T) {
	blocks := make([]string, 90)
	for i := range blocks {
		blocks[i] = strconv.Itoa(i % 5)
	}
	ols := Simulation{Units: 90, Blocks: blocks, Ratio: []int{1, 2}, Generate: simNormal(0.3), Analyse: simOLS, Trials: 3000, Seed: 42}
	failing := Simulation{Units: 40, Generate: simNormal(0.5), Trials: 5000, Seed: 9,
		Analyse: func(t *SimTrial) (float64, error) {
			if t.Y[0] > 1.5 {
				return 0, fmt.Errorf("y0 %.17g", t.Y[0])
			}
			return simStudentT(t)
		}}
	u := readSimUnits(t)
	units := []struct {
		s          rct.Settings
		icc        float64
		method     string
		rejections int
		low, high  float64
	}{
		{simSettings(nil, "", rct.Complete), 0, "welch_t", 378, 0.91813255219202683, 0.96340150585044937},
		{simSettings([]string{"town"}, "", rct.Blocks), 0, "ols_hc2", 386, 0.94211486046708193, 0.97903870580202224},
		{simSettings([]string{"town"}, "school", rct.Complete), 0.1, "ols_cr2", 153, 0.3362046825400638, 0.43103070662849591},
		{simSettings(nil, "school", rct.Simple), 0.2, "ols_cr2", 103, 0.21709827513471777, 0.30251518761741603},
	}
	for _, procs := range []int{1, 2, 5} {
		prev := runtime.GOMAXPROCS(procs)
		res, err := ols.Run()
		require.NoError(t, err)
		assert.Equal(t, SimResult{Trials: 3000, Rejections: 783, Power: 783.0 / 3000, Low: res.Low, High: res.High}, res)
		res, err = failing.Run()
		require.NoError(t, err)
		assert.Equal(t, []int{5000, 540, 1515}, []int{res.Trials, res.Failed, res.Rejections})
		assert.EqualError(t, res.FirstError, "trial 1: y0 1.9212527965911663")
		for _, c := range units {
			r, err := UnitsSimulation{Units: u, Settings: c.s, Effect: 0.2, ICC: c.icc, R2: 0.3, Sims: 400}.Run()
			require.NoError(t, err)
			assert.Equal(t, c.method, r.AnalysisMethod)
			assert.Equal(t, c.rejections, r.Rejections, c.method)
			assert.Equal(t, 0, r.Failed)
			assert.Equal(t, []float64{c.low, c.high}, []float64{r.PowerCILow, r.PowerCIHigh}, c.method)
		}
		runtime.GOMAXPROCS(prev)
	}
}

// TestSimulationCancel checks that a run of MaxTrials stops when its
// context is cancelled, returns ctx.Err(), and holds no per-trial memory
// while it runs (issue #21 H5: 10⁹ trials allocated 24 GB up front).
func TestSimulationCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var ran atomic.Int64
	s := Simulation{Units: 4, Trials: MaxTrials, Seed: 1,
		Generate: func(*SimTrial) {},
		Analyse: func(*SimTrial) (float64, error) {
			if ran.Add(1) == 1000 {
				cancel()
			}
			return 0.5, nil
		}}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	res, err := s.RunContext(ctx)
	runtime.ReadMemStats(&after)
	assert.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, SimResult{}, res)
	assert.Less(t, ran.Load(), int64(MaxTrials))
	// Per trial: two streams and a 4-unit allocation; nothing of size Trials.
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(16<<20), "bytes allocated")

	// A context already done runs nothing.
	ran.Store(0)
	_, err = s.RunContext(ctx)
	assert.ErrorIs(t, err, context.Canceled)
	assert.Zero(t, ran.Load())

	// A deadline is reported as such, by UnitsSimulation too.
	done, stop := context.WithTimeout(context.Background(), 0)
	defer stop()
	_, err = UnitsSimulation{Units: readSimUnits(t), Settings: simSettings(nil, "", rct.Complete), Effect: 0.2, Sims: 1000}.RunContext(done)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
}

// TestSimulationMaxTrials checks that a count of trials beyond MaxTrials
// is refused at once with an error that gives the maximum.
func TestSimulationMaxTrials(t *testing.T) {
	for _, n := range []int{MaxTrials + 1, 1_000_000_000, -1} {
		s := Simulation{Units: 10, Trials: n, Generate: simNormal(0), Analyse: simOLS}
		_, err := s.Run()
		require.True(t, errors.Is(err, ErrSimulation), "%d: %v", n, err)
		assert.Contains(t, err.Error(), fmt.Sprintf("%d trials is outside [1, 100000000]", n))
	}
}
