package stats

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// lmmSumChunk is the number of rows of each piece of the groups' sums; the
// pieces are summed in parallel and then added in their order, so the sums
// do not depend on the number of workers.
const lmmSumChunk = 1 << 16

// setMeans computes n_j and ā_j: the sums divided by n_j, then the mean
// deviation from those means added, which removes the first pass's rounding.
func (d *lmmData) setMeans(code []int, J int, row lmmRowFunc) {
	q := d.q
	d.size = make([]float64, J)
	for _, g := range code {
		d.size[g]++
	}
	d.mean = d.groupSums(code, J, row, nil)
	for g := range J {
		for k := range q {
			d.mean[g*q+k] /= d.size[g]
		}
	}
	corr := d.groupSums(code, J, row, d.mean)
	for g := range J {
		for k := range q {
			d.mean[g*q+k] += corr[g*q+k] / d.size[g]
		}
		d.mean[g*q] = 1 // the intercept, exactly
	}
}

// groupSums returns Σ_{i in j} (a_i - sub_j) for each group j (J by q,
// row-major), sub nil meaning 0. Rows are summed in pieces of lmmSumChunk
// in parallel, as long as the pieces' sums take no more room than the rows'
// group codes, and the pieces are added in order.
func (d *lmmData) groupSums(code []int, J int, row lmmRowFunc, sub []float64) []float64 {
	q, n := d.q, len(code)
	pieces := (n + lmmSumChunk - 1) / lmmSumChunk
	if pieces*J*q > n {
		pieces = max(1, n/(J*q))
	}
	size := (n + pieces - 1) / pieces
	part := make([][]float64, pieces)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), pieces) {
		wg.Go(func() {
			r := make([]float64, q)
			for {
				c := int(next.Add(1)) - 1
				if c >= pieces {
					return
				}
				s := make([]float64, J*q)
				for i := c * size; i < min((c+1)*size, n); i++ {
					g := code[i]
					row(i, r)
					sg := s[g*q : g*q+q]
					if sub == nil {
						for k, v := range r {
							sg[k] += v
						}
						continue
					}
					m := sub[g*q : g*q+q]
					for k, v := range r {
						sg[k] += v - m[k]
					}
				}
				part[c] = s
			}
		})
	}
	wg.Wait()
	sum := part[0]
	for _, s := range part[1:] {
		for k, v := range s {
			sum[k] += v
		}
	}
	return sum
}

// setWithin factorises the within-group deviations.
func (d *lmmData) setWithin(code []int, row lmmRowFunc) {
	q := d.q
	d.rw = tallQR(d.n, q, func(i int, r []float64) {
		row(i, r)
		m := d.mean[code[i]*q : code[i]*q+q]
		for k := range r {
			r[k] -= m[k]
		}
		r[0] = 0
	})
}
