package stats

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// glmChunk is the number of observations summed as one piece. The pieces'
// sums are added in their order whatever the number of workers, so a result
// never depends on GOMAXPROCS.
const glmChunk = 1 << 14

// glmForChunks calls f(c, lo, hi) for the chunks [lo, hi) of glmChunk
// observations out of n, c = lo/glmChunk, on up to GOMAXPROCS goroutines.
// f must write only what belongs to chunk c.
func glmForChunks(n int, f func(c, lo, hi int)) {
	nc := glmChunks(n)
	workers := min(runtime.GOMAXPROCS(0), nc)
	if workers <= 1 {
		for c := range nc {
			f(c, c*glmChunk, min(n, (c+1)*glmChunk))
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				c := int(next.Add(1)) - 1
				if c >= nc {
					return
				}
				f(c, c*glmChunk, min(n, (c+1)*glmChunk))
			}
		})
	}
	wg.Wait()
}

// glmChunks is the number of chunks of n observations.
func glmChunks(n int) int { return (n + glmChunk - 1) / glmChunk }

// glmGram holds the weighted cross-products X'WX and X'Wz of a model matrix
// X = [D | B] of pd dense columns D and the indicators B of blocks 1, ...,
// nb-1, with W = diag(w). Because each row has a single block,
//
//	D'WD = Σ_i w_i d_i d_i'     (pd by pd)
//	B'WB = diag(Σ_{i ∈ k} w_i)  (the block part is diagonal)
//	D'WB = [Σ_{i ∈ k} w_i d_i]  (a column per block)
//
// so accumulating costs O(n pd²) rather than the O(n p²) of the full matrix.
type glmGram struct {
	pd, nb int
	dd     []float64 // D'WD, pd by pd, upper triangle
	dz     []float64 // D'Wz
	bw     []float64 // Σ w over each block
	bz     []float64 // Σ w z over each block
	bd     []float64 // Σ w d over each block, nb by pd
}

func newGLMGram(pd, nb int) *glmGram {
	return &glmGram{pd: pd, nb: nb, dd: make([]float64, pd*pd), dz: make([]float64, pd),
		bw: make([]float64, nb), bz: make([]float64, nb), bd: make([]float64, nb*pd)}
}

func (g *glmGram) reset() {
	clear(g.dd)
	clear(g.dz)
	clear(g.bw)
	clear(g.bz)
	clear(g.bd)
}

// addRows adds observations lo to hi-1 of d, with the weight and working
// response that work(i) returns.
func (g *glmGram) addRows(d *glmDesign, lo, hi int, work func(i int) (w, z float64)) {
	pd := g.pd
	row := make([]float64, pd)
	for i := lo; i < hi; i++ {
		w, z := work(i)
		d.dense(i, row)
		for j, v := range row {
			wv := w * v
			g.dz[j] += wv * z
			dd := g.dd[j*pd : (j+1)*pd]
			for k := j; k < pd; k++ {
				dd[k] += wv * row[k]
			}
		}
		if d.block != nil {
			b := d.block[i]
			g.bw[b] += w
			g.bz[b] += w * z
			bd := g.bd[b*pd : (b+1)*pd]
			for j, v := range row {
				bd[j] += w * v
			}
		}
	}
}

// add adds another accumulator's sums.
func (g *glmGram) add(o *glmGram) {
	for _, s := range [][2][]float64{{g.dd, o.dd}, {g.dz, o.dz}, {g.bw, o.bw}, {g.bz, o.bz}, {g.bd, o.bd}} {
		for j, v := range s[1] {
			s[0][j] += v
		}
	}
}

// full writes X'WX (p by p, symmetric, row-major) into a and X'Wz into b.
func (g *glmGram) full(a, b []float64) {
	pd := g.pd
	p := pd + max(g.nb-1, 0)
	clear(a)
	for j := range pd {
		for k := j; k < pd; k++ {
			a[j*p+k], a[k*p+j] = g.dd[j*pd+k], g.dd[j*pd+k]
		}
		b[j] = g.dz[j]
	}
	for blk := 1; blk < g.nb; blk++ {
		c := pd + blk - 1
		for j := range pd {
			a[j*p+c], a[c*p+j] = g.bd[blk*pd+j], g.bd[blk*pd+j]
		}
		a[c*p+c] = g.bw[blk]
		b[c] = g.bz[blk]
	}
}

// glmGramSum accumulates X'WX and X'Wz over d's observations chunk by
// chunk into parts (one accumulator per chunk, reused between calls) and
// returns their sum in chunk order in total.
func glmGramSum(d *glmDesign, parts []*glmGram, total *glmGram, work func(i int) (w, z float64)) {
	glmForChunks(d.n, func(c, lo, hi int) {
		parts[c].reset()
		parts[c].addRows(d, lo, hi, work)
	})
	total.reset()
	for _, g := range parts {
		total.add(g)
	}
}
