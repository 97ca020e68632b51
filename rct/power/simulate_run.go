package power

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/evalkit/evalkit/rct"
)

// simRun is one run of a Simulation, shared by its goroutines: each takes
// the next trial's index from next until none is left or stop is closed.
type simRun struct {
	s       Simulation
	alpha   float64
	ratio   []int
	members [][]int // the units of each block, without a Layout
	stop    <-chan struct{}
	// next is the index of the next trial to run, done the number run.
	next, done atomic.Int64
}

// simTally is what one goroutine keeps of the trials it ran: how many were
// rejected and how many failed, and the failure of the lowest index.
type simTally struct {
	rejections, failed int
	firstIndex         int // -1 when none failed
	firstErr           error
}

// work runs trials until none is left or the run is stopped, reusing one
// SimTrial and its buffers, and returns their tally.
func (r *simRun) work() simTally {
	s := &r.s
	tally := simTally{firstIndex: -1}
	t := &SimTrial{Arm: make([]int, s.Units), Block: s.Blocks, Y: make([]float64, s.Units), Rand: new(rct.Rand)}
	alloc := new(rct.Rand)
	for {
		select {
		case <-r.stop:
			return tally
		default:
		}
		i := int(r.next.Add(1) - 1)
		if i >= s.Trials {
			return tally
		}
		p, err := r.trial(t, alloc, i)
		switch {
		case err != nil:
			tally.failed++
			if tally.firstIndex < 0 { // trials are taken in increasing order
				tally.firstIndex, tally.firstErr = i, err
			}
		case p < r.alpha:
			tally.rejections++
		}
		r.done.Add(1)
	}
}

// trial runs trial i in t: its allocation from stream 2i (drawn by
// alloc), its outcomes from stream 2i+1 (t.Rand), and its analysis's
// p-value. The two generators are the goroutine's, reseeded.
func (r *simRun) trial(t *SimTrial, alloc *rct.Rand, i int) (float64, error) {
	s := &r.s
	t.Index = i
	*alloc = *rct.NewStream(s.Seed, 2*uint64(i))
	if s.Layout != nil {
		a, err := s.Layout.Randomise(s.Options, alloc)
		if err != nil {
			return 0, err
		}
		copy(t.Arm, a.Arm)
	}
	for _, m := range r.members {
		arms := rct.CompleteAssign(len(m), r.ratio, alloc)
		for k, u := range m {
			t.Arm[u] = arms[k]
		}
	}
	*t.Rand = *rct.NewStream(s.Seed, 2*uint64(i)+1)
	clear(t.Y)
	s.Generate(t)
	return s.Analyse(t)
}

// report calls Progress about ten times a second until the goroutines of
// wg are done, then once with the final count.
func (r *simRun) report(wg *sync.WaitGroup) {
	finished := make(chan struct{})
	go func() { wg.Wait(); close(finished) }()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-finished:
			r.s.Progress(int(r.done.Load()), r.s.Trials)
			return
		case <-tick.C:
			r.s.Progress(int(r.done.Load()), r.s.Trials)
		}
	}
}
