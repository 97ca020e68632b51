package stats

import (
	"runtime"
	"sync"
	"sync/atomic"

	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack/lapack64"
)

// Sizes of the pieces of a tall QR decomposition: rows are factorised
// tallQRChunk at a time, stacked under the running triangular factor, and
// each block of tallQRBlock rows is one task for a worker. Both are fixed, so
// the result does not depend on the number of workers.
const (
	tallQRChunk = 256
	tallQRBlock = 1 << 14
)

// tallQR returns the q by q upper-triangular factor R, row-major, of the
// Householder QR decomposition A = QR of the n by q matrix A whose row i
// fill(i, row) writes, without ever holding A: the communication-avoiding
// TSQR of Demmel et al. [1]. Each block of rows is reduced to a triangular
// factor by factorising, chunk by chunk, the chunk stacked under the factor
// so far; the blocks' factors are then reduced the same way, in order. The
// result is a QR factor of A (its rows' signs may differ from those of a QR
// of A in one piece), so R'R = A'A exactly in exact arithmetic, with the
// numerical stability of Householder QR and none of the normal equations'
// squaring of the condition number.
//
// Appending the response as A's last column gives, in R's last column, Q'y
// and the residual norm: least squares without Q.
//
// fill may be called from several goroutines at once, for different rows.
// n must be at least q.
//
// [1] Demmel, J., Grigori, L., Hoemmen, M. and Langou, J. (2012).
// Communication-optimal parallel and sequential QR and LU factorizations.
// SIAM Journal on Scientific Computing 34(1), A206-A239.
func tallQR(n, q int, fill func(i int, row []float64)) []float64 {
	if n < q {
		panic("stats: tall QR of a matrix with fewer rows than columns")
	}
	nb := (n + tallQRBlock - 1) / tallQRBlock
	factors := make([][]float64, nb)
	var next atomic.Int64
	var wg sync.WaitGroup
	work := func() {
		acc := newTallQRAcc(q)
		for {
			b := int(next.Add(1)) - 1
			if b >= nb {
				return
			}
			acc.reset()
			lo, hi := b*tallQRBlock, min((b+1)*tallQRBlock, n)
			for c := lo; c < hi; c += tallQRChunk {
				rows := min(tallQRChunk, hi-c)
				acc.add(rows, func(k int, row []float64) { fill(c+k, row) })
			}
			factors[b] = acc.factor()
		}
	}
	workers := min(runtime.GOMAXPROCS(0), nb)
	if workers == 1 {
		work() // one block or one core: no goroutine to start
	} else {
		for range workers {
			wg.Go(work)
		}
		wg.Wait()
	}
	if nb == 1 {
		return factors[0]
	}
	acc := newTallQRAcc(q)
	step := max(1, tallQRChunk/q) // blocks' factors per chunk
	for b := 0; b < nb; b += step {
		rows := min(step, nb-b) * q
		acc.add(rows, func(k int, row []float64) { copy(row, factors[b+k/q][(k%q)*q:(k%q+1)*q]) })
	}
	return acc.factor()
}

// tallQRAcc holds the running triangular factor of the rows seen so far.
type tallQRAcc struct {
	q    int
	r    []float64 // q by q, row-major; meaningful once have > 0
	have int       // rows of r in use: min(rows seen, q)
	buf  []float64 // (q + max(tallQRChunk, q)) by q scratch
	tau  []float64 // the Householder scalars of a factorisation
	work []float64 // dgeqrf's workspace
	// query receives the workspace size dgeqrf asks for: a field, so that
	// asking allocates nothing.
	query [1]float64
}

func newTallQRAcc(q int) *tallQRAcc {
	return &tallQRAcc{q: q, r: make([]float64, q*q), buf: make([]float64, (q+max(tallQRChunk, q))*q), tau: make([]float64, q)}
}

func (a *tallQRAcc) reset() {
	clear(a.r)
	a.have = 0
}

// add factorises the current factor stacked over rows more rows, which
// fill(k, row) writes for k = 0, ..., rows-1.
func (a *tallQRAcc) add(rows int, fill func(k int, row []float64)) {
	q := a.q
	copy(a.buf, a.r[:a.have*q])
	for k := range rows {
		row := a.buf[(a.have+k)*q : (a.have+k+1)*q]
		fill(k, row)
	}
	m := a.have + rows
	if m < q {
		// Too few rows to factorise yet: keep them as they are; a later
		// factorisation of the stack gives the same R'R.
		copy(a.r, a.buf[:m*q])
		a.have = m
		return
	}
	// The stack is factorised in place by dgeqrf, with the workspace size
	// it asks for: mat.QR's arithmetic, without its copy of the stack.
	g := blas64.General{Rows: m, Cols: q, Stride: q, Data: a.buf[:m*q]}
	lapack64.Geqrf(g, a.tau, a.query[:], -1)
	if lwork := int(a.query[0]); len(a.work) != lwork {
		a.work = make([]float64, lwork)
	}
	lapack64.Geqrf(g, a.tau, a.work, len(a.work))
	clear(a.r)
	for i := range q {
		copy(a.r[i*q+i:i*q+q], a.buf[i*q+i:i*q+q])
	}
	a.have = q
}

// factor returns a copy of the factor of the rows added, padded with zero
// rows when fewer than q rows were added.
func (a *tallQRAcc) factor() []float64 {
	return append([]float64(nil), a.r...)
}

// tallQRSolve returns the least-squares coefficients from the q by q factor
// r of [X | y]: the solution of R₁₁ β = R₁ᵧ by back substitution, R₁₁ the
// leading q-1 by q-1 block and R₁ᵧ the first q-1 entries of the last column.
// It reports false when a diagonal entry of R₁₁ is zero.
func tallQRSolve(r []float64, q int) ([]float64, bool) {
	p := q - 1
	beta := make([]float64, p)
	for i := p - 1; i >= 0; i-- {
		s := r[i*q+p]
		for j := i + 1; j < p; j++ {
			s -= r[i*q+j] * beta[j]
		}
		if r[i*q+i] == 0 {
			return nil, false
		}
		beta[i] = s / r[i*q+i]
	}
	return beta, true
}
