package rct

import (
	"sync"
	"sync/atomic"
)

// riChunk is the number of draws made from one generator stream.
const riChunk = 256

// riRun is a sampled randomisation test: draw k (from 0) is draw k mod 256
// of chunk c = k / 256, which a sampler just Reset makes from
// NewStream(seed, c+1), so draw k does not depend on the goroutine that
// makes it, on the number of goroutines, or on how many draws are made.
type riRun struct {
	p         Rerandomiser
	stat      Statistic
	newStat   func() Statistic
	threshold float64
	seed      uint64
	limit     int // no draw at or beyond limit is made
	progress  func(done, total int)
}

// riChunkCounts are a chunk's extreme and undefined draws before and from
// its cut.
type riChunkCounts struct {
	m                      int
	extreme, undefined     int64
	extremeTail, undefTail int64
}

// sample makes the draws and returns the numbers of extreme and undefined
// ones among the first draws, and draws. Without auto, draws is limit,
// made in one batch. With auto, draws end at the first multiple of
// RIAutoBatch (or limit) at which riAutoStop says the interval is narrow
// enough: the chunks reaching into each batch are drawn in full, and the
// counts of a chunk that straddles the batch's end are split there, so
// that the counts of the first B draws are those of a run of B draws.
func (run *riRun) sample(workers int, auto bool) (extreme, undefined, draws int) {
	chunks := (run.limit + riChunk - 1) / riChunk
	batch := run.limit
	if auto {
		batch = RIAutoBatch
	}
	var pool []*riWorker   // reused from batch to batch
	next, computed := 0, 0 // the next chunk to draw; draws made
	var ext, und, tailExt, tailUnd int64
	for end := min(batch, run.limit); ; end = min(end+batch, run.limit) {
		ext, und, tailExt, tailUnd = ext+tailExt, und+tailUnd, 0, 0
		first := next
		for next < chunks && next*riChunk < end {
			next++
		}
		g := min(workers, next-first)
		for len(pool) < g {
			w := &riWorker{stat: run.stat, sampler: run.p.NewSampler()}
			if len(pool) > 0 {
				w.stat = run.newStat()
			}
			pool = append(pool, w)
		}
		var c atomic.Int64
		c.Store(int64(first))
		done := make(chan riChunkCounts, g)
		var wg sync.WaitGroup
		for _, w := range pool[:g] {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					k := int(c.Add(1) - 1)
					if k >= next {
						return
					}
					m := min(riChunk, run.limit-k*riChunk)
					done <- run.chunk(w, k, m, min(m, end-k*riChunk))
				}
			}()
		}
		go func() { wg.Wait(); close(done) }()
		for r := range done {
			ext, und = ext+r.extreme, und+r.undefined
			tailExt, tailUnd = tailExt+r.extremeTail, tailUnd+r.undefTail
			computed += r.m
			if run.progress != nil {
				run.progress(min(computed, end), run.limit)
			}
		}
		if end == run.limit || riAutoStop(int(ext), end) {
			if end < run.limit && run.progress != nil {
				run.progress(end, end)
			}
			return int(ext), int(und), end
		}
	}
}

// riWorker is one goroutine's statistic and sampler.
type riWorker struct {
	stat    Statistic
	sampler Sampler
}

// chunk makes the m draws of chunk c with w's sampler, just Reset, from
// NewStream(seed, c+1), and counts them before and from draw cut.
func (run *riRun) chunk(w *riWorker, c, m, cut int) riChunkCounts {
	w.sampler.Reset()
	r := NewStream(run.seed, uint64(c)+1)
	draw := func(int) float64 { return w.stat(w.sampler.Sample(r)) }
	out := riChunkCounts{m: m}
	out.extreme, out.undefined = riCount(cut, run.threshold, draw)
	out.extremeTail, out.undefTail = riCount(m-cut, run.threshold, draw)
	return out
}
