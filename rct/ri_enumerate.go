package rct

import (
	"sync"
	"sync/atomic"
)

// riEnumerate counts the extreme and undefined statistics over every
// allocation. One goroutine enumerates, copying allocations into batches;
// workers (the first using stat, the others their own from newStat)
// evaluate them; progress is called on the calling goroutine. Counts are
// sums, so the result does not depend on the number of workers.
func riEnumerate(p Rerandomiser, stat Statistic, newStat func() Statistic, workers int, threshold float64, total int, progress func(int, int)) (extreme, undefined int) {
	const batch = 256
	n := len(p.Observed())
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
