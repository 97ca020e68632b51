package power

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"sync"

	"github.com/evalkit/evalkit/internal/table"
	"github.com/evalkit/evalkit/rct"
)

// SimTrial is one simulated trial, handed to the data-generating function
// and then to the analysis. Its slices and its Rand are reused from trial
// to trial by the goroutine that runs it, so neither function may keep
// them.
type SimTrial struct {
	// Index is the trial's number, from 0.
	Index int
	// Arm holds each unit's arm: 0 for control, 1 for treatment, drawn by
	// complete randomisation within each block (or the arm's index in the
	// rct design's Arms, drawn by its method).
	Arm []int
	// Block holds each unit's block label, as given in Simulation.Blocks
	// (nil when there are none).
	Block []string
	// Y is the outcome, filled by the data-generating function.
	Y []float64
	// Rand is the trial's own generator, rct.NewStream(seed, 2·Index+1),
	// for the data-generating function's draws. (Stream 2·Index draws
	// the allocation.)
	Rand *rct.Rand

	// buf holds the buffers of the package's own Generate and Analyse
	// (UnitsSimulation), one set per goroutine, reused from trial to trial.
	buf simBuffers
}

// simBuffers are a goroutine's scratch slices for UnitsSimulation's
// outcomes and analyses: the clusters' effects, the two arms' outcomes
// (welch_t) and the treatment indicator (ols_hc2, ols_cr2).
type simBuffers struct {
	clusterEffect, treated, control, treat []float64
}

// grow returns buf resliced to length n, reallocated only when it is too
// short.
func grow(buf []float64, n int) []float64 {
	if cap(buf) < n {
		return make([]float64, n)
	}
	return buf[:n]
}

// Simulation estimates power by simulating a trial many times: randomise
// the units with the design, generate outcomes, analyse, and count the
// trials whose p-value is below Alpha. It covers designs no formula does
// (blocked allocation, skewed counts, an analysis with covariates).
type Simulation struct {
	// Layout, when not nil, is the trial's design from package rct, laid
	// out (rct.Design.Lay): each trial is randomised by
	// Layout.Randomise(Options, ...), with whatever method, strata,
	// clusters and arms the design has, and Units, Blocks and Ratio are
	// ignored. SimTrial.Arm then indexes Layout.Design.Arms, and
	// SimTrial.Block holds each unit's stratum (Stratum.Name).
	Layout *rct.Layout
	// Options are the randomisation method and its settings for Layout.
	Options rct.Options
	// Units is the number of units in each trial.
	Units int
	// Blocks, when not nil, gives each unit's block label; units are
	// randomised completely within each block, the blocks taken in order
	// of first appearance.
	Blocks []string
	// Ratio holds the arms' weights, control then treatment; nil means 1:1.
	Ratio []int
	// Generate fills t.Y from t.Arm (and t.Block), drawing from t.Rand.
	Generate func(t *SimTrial)
	// Analyse returns the trial's p-value. An error counts the trial as
	// failed: it is left out of the power and reported in Failed.
	Analyse func(t *SimTrial) (float64, error)
	// Alpha is the level of the test; zero means 0.05.
	Alpha float64
	// Trials is the number of simulated trials.
	Trials int
	// Seed seeds every draw: the result depends only on it and the
	// functions, never on GOMAXPROCS or the order in which trials finish.
	Seed uint64
	// Progress, when not nil, is called from the goroutine that called Run
	// (or RunContext) with the number of trials done, at most about ten
	// times a second and once at the end (with fewer than total when the
	// run was stopped).
	Progress func(done, total int)
}

// SimResult is the outcome of a Simulation.
type SimResult struct {
	// Trials is the number run, Failed the number whose analysis failed,
	// Rejections the number of the others with p < Alpha.
	Trials, Failed, Rejections int
	// Power is Rejections / (Trials − Failed).
	Power float64
	// Low and High bound Wilson's 95% score interval for the power [8]:
	//
	//	(x + z²/2)/(m + z²) ± z √(x(m − x)/m + z²/4)/(m + z²),  z = Φ⁻¹(0.975)
	//
	// with x rejections in m analysed trials.
	//
	// [8] Wilson, E. B. (1927). Probable inference, the law of succession,
	// and statistical inference. JASA 22(158), 209–212.
	Low, High float64
	// FirstError is the error of the first failed trial, by index.
	FirstError error
}

// ErrSimulation is returned when a Simulation is not set up to run.
var ErrSimulation = errors.New("power: simulation")

// MaxTrials is the most trials a Simulation runs: 10⁸, whose Monte Carlo
// standard error of a power is at most 0.5/√10⁸ = 0.00005. More are
// refused (ErrSimulation) rather than left to run for days.
const MaxTrials = 100_000_000

// Run runs the simulation over GOMAXPROCS goroutines; it is
// RunContext(context.Background()).
func (s Simulation) Run() (SimResult, error) {
	return s.RunContext(context.Background())
}

// RunContext runs the simulation over GOMAXPROCS goroutines until every
// trial is done or ctx is done, whichever comes first; then it returns
// ctx.Err() and no result. Each goroutine keeps only its tally (counts and
// its first failure), never one entry per trial, so memory does not grow
// with Trials, and the tallies' sums and earliest failure do not depend on
// which goroutine ran which trial.
//
// Errors (ErrSimulation): fewer than 2 units, Trials outside
// [1, MaxTrials], no Generate or Analyse, Alpha outside (0, 1), a Ratio
// that is not two weights of at least 1, Blocks of another length than
// Units or a block of fewer than 2 units, a Layout that cannot be
// randomised; and every analysis failed.
func (s Simulation) RunContext(ctx context.Context) (SimResult, error) {
	alpha := s.Alpha
	if alpha == 0 {
		alpha = DefaultAlpha
	}
	ratio := s.Ratio
	if ratio == nil {
		ratio = []int{1, 1}
	}
	if s.Layout != nil {
		s.Units = len(s.Layout.GroupOf)
		names := make([]string, len(s.Layout.Strata))
		for k := range s.Layout.Strata {
			names[k] = s.Layout.Strata[k].Name()
		}
		s.Blocks = make([]string, s.Units)
		for i, g := range s.Layout.GroupOf {
			s.Blocks[i] = names[s.Layout.GroupStratum[g]]
		}
		ratio = []int{1, 1} // unused
	}
	switch {
	case s.Units < 2:
		return SimResult{}, fmt.Errorf("%w: %d units", ErrSimulation, s.Units)
	case s.Trials < 1 || s.Trials > MaxTrials:
		return SimResult{}, fmt.Errorf("%w: %d trials is outside [1, %d] (MaxTrials)", ErrSimulation, s.Trials, MaxTrials)
	case s.Generate == nil || s.Analyse == nil:
		return SimResult{}, fmt.Errorf("%w: Generate and Analyse are both needed", ErrSimulation)
	case !(alpha > 0 && alpha < 1):
		return SimResult{}, fmt.Errorf("%w: alpha %g is outside (0, 1)", ErrSimulation, alpha)
	case len(ratio) != 2 || ratio[0] < 1 || ratio[1] < 1:
		return SimResult{}, fmt.Errorf("%w: ratio %v must be two weights of at least 1", ErrSimulation, ratio)
	case s.Blocks != nil && len(s.Blocks) != s.Units:
		return SimResult{}, fmt.Errorf("%w: %d blocks for %d units", ErrSimulation, len(s.Blocks), s.Units)
	}
	var members [][]int
	if s.Layout != nil {
		// A design that cannot be randomised fails now, not in every trial.
		if _, err := s.Layout.Randomise(s.Options, rct.NewStream(s.Seed, 0)); err != nil {
			return SimResult{}, fmt.Errorf("%w: %w", ErrSimulation, err)
		}
	} else {
		var err error
		if members, err = simBlockMembers(s.Blocks, s.Units); err != nil {
			return SimResult{}, err
		}
	}

	r := simRun{s: s, alpha: alpha, ratio: ratio, members: members, stop: ctx.Done()}
	workers := min(runtime.GOMAXPROCS(0), s.Trials)
	tallies := make([]simTally, workers)
	var wg sync.WaitGroup
	for w := range tallies {
		wg.Go(func() { tallies[w] = r.work() })
	}
	if s.Progress != nil {
		r.report(&wg)
	} else {
		wg.Wait()
	}
	if int(r.done.Load()) < s.Trials {
		return SimResult{}, ctx.Err()
	}

	res := SimResult{Trials: s.Trials}
	var first simTally
	first.firstIndex = -1
	for _, t := range tallies {
		res.Rejections += t.rejections
		res.Failed += t.failed
		if t.firstIndex >= 0 && (first.firstIndex < 0 || t.firstIndex < first.firstIndex) {
			first = t
		}
	}
	if first.firstIndex >= 0 {
		res.FirstError = fmt.Errorf("trial %d: %w", first.firstIndex, first.firstErr)
	}
	m := res.Trials - res.Failed
	if m == 0 {
		return res, fmt.Errorf("%w: every analysis failed; the first: %v", ErrSimulation, res.FirstError)
	}
	res.Power = float64(res.Rejections) / float64(m)
	res.Low, res.High = WilsonInterval(res.Rejections, m)
	return res, nil
}

// WilsonInterval returns Wilson's 95% score interval for x successes in n
// trials (see SimResult). It panics unless 0 ≤ x ≤ n and n > 0.
func WilsonInterval(x, n int) (low, high float64) {
	if n <= 0 || x < 0 || x > n {
		panic("power: WilsonInterval needs 0 <= x <= n, n > 0")
	}
	const z = 1.959963984540054
	fx, fn := float64(x), float64(n)
	centre := (fx + z*z/2) / (fn + z*z)
	half := z * math.Sqrt(fx*(fn-fx)/fn+z*z/4) / (fn + z*z)
	low, high = math.Max(0, centre-half), math.Min(1, centre+half)
	if x == 0 {
		low = 0
	}
	if x == n {
		high = 1
	}
	return low, high
}

// simBlockMembers lists the units of each block in unit order, the blocks
// in order of first appearance; without blocks, all units form one.
func simBlockMembers(blocks []string, n int) ([][]int, error) {
	if blocks == nil {
		all := make([]int, n)
		for i := range all {
			all[i] = i
		}
		return [][]int{all}, nil
	}
	var members [][]int
	var labels []string
	index := map[string]int{}
	for u, b := range blocks {
		k, ok := index[b]
		if !ok {
			k = len(members)
			index[b] = k
			members = append(members, nil)
			labels = append(labels, b)
		}
		members[k] = append(members[k], u)
	}
	for k, m := range members {
		if len(m) < 2 {
			return nil, fmt.Errorf("%w: block %q has %d units; each needs at least 2", ErrSimulation, table.Clip(labels[k]), len(m))
		}
	}
	return members, nil
}
