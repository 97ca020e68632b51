package rct

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"runtime"
	"sync"
	"sync/atomic"
)

// Statistic computes a test statistic from an assignment (arm indices, one
// per unit). It may keep scratch space between calls, so each goroutine of
// RandomisationTest gets its own from a constructor.
type Statistic func(assign []int) float64

// RIOptions configures RandomisationTest.
type RIOptions struct {
	// Draws is B, the number of re-randomisations (at least 1).
	Draws int
	// Seed seeds the draws (see RandomisationTest for the streams).
	Seed uint64
	// Workers is the number of goroutines; 0 means GOMAXPROCS. The result
	// does not depend on it.
	Workers int
	// Progress, if not nil, is called from the calling goroutine with the
	// number of allocations done and the total.
	Progress func(done, total int)
}

// RIResult is the result of a randomisation test.
type RIResult struct {
	// Observed is the statistic of the observed assignment, T_obs.
	Observed float64
	// P is the p-value (see RandomisationTest).
	P float64
	// Extreme is the number of allocations with |T*| >= |T_obs|.
	Extreme int
	// Draws is the number of allocations used: B, or all of them when
	// Exact.
	Draws int
	// Exact reports that every possible allocation was enumerated.
	Exact bool
	// Undefined is the number of allocations whose statistic was NaN;
	// they count as not extreme.
	Undefined int
}

// ErrUndefinedStatistic is returned when the observed statistic is NaN.
var ErrUndefinedStatistic = errors.New("the observed statistic is undefined (NaN)")

// riChunk is the number of draws made from one generator stream.
const riChunk = 256

// RandomisationTest is a randomisation (permutation) test of the sharp
// null hypothesis of no effect, re-randomising with the trial's own design
// p. With T = stat(assign):
//
//	sampled:    p = (1 + #{b : |T*_b| >= |T_obs|}) / (1 + B)
//	enumerated: p = #{a : |T(a)| >= |T_obs|} / #allocations
//
// The second is used when the design has at most B allocations; it counts
// every allocation, the observed one included, and is exact. A draw counts
// as extreme when |T*| >= |T_obs| (1 - 1e-9), so that allocations that tie
// with the observed one in exact arithmetic are not lost to rounding.
//
// Sampled draws are split into chunks of 256; chunk c draws from
// NewStream(Seed, c+1) (Permutations.Sample's shuffles). The result
// therefore depends on the seed only, never on Workers or GOMAXPROCS.
// Enumeration is shared among the workers in batches. newStat is called
// once per goroutine.
//
// Special cases: an undefined (NaN) observed statistic returns
// ErrUndefinedStatistic; NaN re-randomised statistics count as not extreme
// and are reported in Undefined. Draws < 1 panics.
//
// [1] Fisher, R. A. (1935). The Design of Experiments, section 21.
// [2] Gerber, A. S. and Green, D. P. (2012). Field Experiments, ch. 3.
func RandomisationTest(p *Permutations, newStat func() Statistic, opt RIOptions) (RIResult, error) {
	if opt.Draws < 1 {
		panic("rct: RandomisationTest needs at least one draw")
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	stat := newStat()
	res := RIResult{Observed: stat(p.Observed())}
	if math.IsNaN(res.Observed) {
		return res, ErrUndefinedStatistic
	}
	threshold := math.Abs(res.Observed) * (1 - 1e-9)
	count := p.Count()
	if count.Cmp(big.NewInt(int64(opt.Draws))) <= 0 {
		res.Exact = true
		res.Draws = int(count.Int64())
		res.Extreme, res.Undefined = riEnumerate(p, stat, newStat, workers, threshold, res.Draws, opt.Progress)
		res.P = float64(res.Extreme) / float64(res.Draws)
		return res, nil
	}
	res.Draws = opt.Draws
	chunks := (opt.Draws + riChunk - 1) / riChunk
	var next atomic.Int64
	var extreme, undefined atomic.Int64
	done := make(chan int, workers)
	var wg sync.WaitGroup
	for w := 0; w < min(workers, chunks); w++ {
		wg.Add(1)
		s := stat
		if w > 0 {
			s = newStat()
		}
		go func() {
			defer wg.Done()
			st := p.newState()
			for {
				c := int(next.Add(1) - 1)
				if c >= chunks {
					return
				}
				st.reset()
				r := NewStream(opt.Seed, uint64(c)+1)
				m := min(riChunk, opt.Draws-c*riChunk)
				e, u := riCount(m, threshold, func(int) float64 { return s(st.sample(r)) })
				extreme.Add(e)
				undefined.Add(u)
				done <- m
			}
		}()
	}
	go func() { wg.Wait(); close(done) }()
	total := 0
	for m := range done {
		total += m
		if opt.Progress != nil {
			opt.Progress(total, opt.Draws)
		}
	}
	res.Extreme, res.Undefined = int(extreme.Load()), int(undefined.Load())
	res.P = float64(1+res.Extreme) / float64(1+res.Draws)
	return res, nil
}

// reset puts every block back in sorted order, so that each chunk starts
// from the same state whichever goroutine draws it.
func (st *permState) reset() {
	for b, s := range st.p.sorted {
		copy(st.arr[b], s)
	}
}

// riEnumerate counts the extreme and undefined statistics over every
// allocation. One goroutine enumerates, copying allocations into batches;
// workers (the first using stat, the others their own from newStat)
// evaluate them; progress is called on the calling goroutine. Counts are
// sums, so the result does not depend on the number of workers.
func riEnumerate(p *Permutations, stat Statistic, newStat func() Statistic, workers int, threshold float64, total int, progress func(int, int)) (extreme, undefined int) {
	const batch = 256
	n := p.n
	type job struct {
		buf []int
		m   int
	}
	jobs := make(chan job, workers)
	free := make(chan []int, 2*workers)
	for k := 0; k < 2*workers; k++ {
		free <- make([]int, batch*n)
	}
	go func() {
		defer close(jobs)
		buf, m := <-free, 0
		p.Enumerate(func(assign []int) bool {
			copy(buf[m*n:], assign)
			if m++; m == batch {
				jobs <- job{buf, m}
				buf, m = <-free, 0
			}
			return true
		})
		if m > 0 {
			jobs <- job{buf, m}
		}
	}()
	var ext, und atomic.Int64
	done := make(chan int, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		s := stat
		if w > 0 {
			s = newStat()
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				e, u := riCount(j.m, threshold, func(k int) float64 { return s(j.buf[k*n : (k+1)*n]) })
				ext.Add(e)
				und.Add(u)
				free <- j.buf
				done <- j.m
			}
		}()
	}
	go func() { wg.Wait(); close(done) }()
	count := 0
	for m := range done {
		count += m
		if progress != nil {
			progress(count, total)
		}
	}
	return int(ext.Load()), int(und.Load())
}

// DiffInMeans returns a Statistic for randomisation tests: the mean of y
// in arm treat minus its mean in arm control. It is NaN when either arm is
// empty. It panics when called with an assignment whose length differs
// from y's. It keeps scratch space, so each goroutine needs its own (as
// RandomisationTest's newStat gives).
func DiffInMeans(y []float64, treat, control int) Statistic {
	// Sums and counts by arm, indexed without a branch on the arm.
	k := max(treat, control) + 1
	sum := make([]float64, k)
	cnt := make([]int, k)
	return func(assign []int) float64 {
		if len(assign) != len(y) {
			panic("rct: slice length mismatch")
		}
		clear(sum)
		clear(cnt)
		for i, a := range assign {
			if uint(a) < uint(k) {
				sum[a] += y[i]
				cnt[a]++
			}
		}
		if cnt[treat] == 0 || cnt[control] == 0 {
			return math.NaN()
		}
		return sum[treat]/float64(cnt[treat]) - sum[control]/float64(cnt[control])
	}
}

func (r RIResult) String() string {
	kind := "sampled"
	if r.Exact {
		kind = "exact"
	}
	return fmt.Sprintf("T = %.6g, p = %.6g (%s, %d of %d allocations)", r.Observed, r.P, kind, r.Extreme, r.Draws)
}

// riCount evaluates the statistic of m allocations, stat(k) for k = 0, ...,
// m-1, and counts those at least as extreme as threshold, |T*| ≥ |T|, and
// those undefined (NaN).
func riCount(m int, threshold float64, stat func(k int) float64) (extreme, undefined int64) {
	for k := range m {
		switch t := stat(k); {
		case math.IsNaN(t):
			undefined++
		case math.Abs(t) >= threshold:
			extreme++
		}
	}
	return extreme, undefined
}
