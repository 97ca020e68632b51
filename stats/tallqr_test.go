package stats

import (
	"math"
	"math/rand/v2"
	"runtime"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// TestTallQRMatchesQR checks R'R = A'A against a QR of A in one piece, over
// sizes that leave partial chunks and blocks, and more columns than a chunk
// has rows.
func TestTallQRMatchesQR(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, size := range []struct{ n, q int }{
		{5, 5}, {7, 3}, {300, 24}, {tallQRBlock + 5, 24}, {3*tallQRBlock + 1000, 6}, {700, 300},
	} {
		a := make([]float64, size.n*size.q)
		for i := range a {
			a[i] = rng.NormFloat64() * float64(1+i%size.q)
		}
		r := tallQR(size.n, size.q, func(i int, row []float64) { copy(row, a[i*size.q:(i+1)*size.q]) })
		var want, got mat.SymDense
		want.SymOuterK(1, mat.NewDense(size.n, size.q, a).T())
		got.SymOuterK(1, mat.NewDense(size.q, size.q, r).T())
		for i := range size.q {
			for j := range i {
				if r[i*size.q+j] != 0 {
					t.Fatalf("n=%d q=%d: R[%d,%d] = %g below the diagonal", size.n, size.q, i, j, r[i*size.q+j])
				}
			}
			for j := i; j < size.q; j++ {
				w, g := want.At(i, j), got.At(i, j)
				if math.Abs(g-w) > 1e-10*math.Sqrt(want.At(i, i)*want.At(j, j)) {
					t.Fatalf("n=%d q=%d: (R'R)[%d,%d] = %.17g, A'A %.17g", size.n, size.q, i, j, g, w)
				}
			}
		}
	}
}

// TestTallQRSameForAnyWorkers checks that the factor does not depend on the
// number of workers.
func TestTallQRSameForAnyWorkers(t *testing.T) {
	n, q := 5*tallQRBlock+17, 8
	rng := rand.New(rand.NewPCG(3, 4))
	a := make([]float64, n*q)
	for i := range a {
		a[i] = rng.NormFloat64()
	}
	fill := func(i int, row []float64) { copy(row, a[i*q:(i+1)*q]) }
	ref := tallQR(n, q, fill)
	defer runtimeGOMAXPROCS(runtimeGOMAXPROCS(1))
	one := tallQR(n, q, fill)
	for i := range ref {
		if ref[i] != one[i] {
			t.Fatalf("R[%d] = %v with one worker, %v with more", i, one[i], ref[i])
		}
	}
}

var runtimeGOMAXPROCS = runtime.GOMAXPROCS

// TestTallQRAccAsMatQR checks that each step of tallQRAcc, which factorises
// its stack in place, gives mat.QR's R of the same stack bit for bit (it
// did so through mat.QR before, whose copy of the stack cost an allocation
// per chunk), over stacks shorter, as long as and longer than a chunk, and
// more columns than a chunk has rows.
func TestTallQRAccAsMatQR(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, size := range []struct{ n, q int }{{4, 3}, {3, 3}, {tallQRChunk, 5}, {3*tallQRChunk + 7, 4}, {600, 300}} {
		acc := newTallQRAcc(size.q)
		var stack []float64 // the factor so far over the rows added
		var all []float64   // every row added
		for c := 0; c < size.n; c += tallQRChunk {
			rows := min(tallQRChunk, size.n-c)
			block := make([]float64, rows*size.q)
			for i := range block {
				block[i] = rng.NormFloat64() * float64(1+i%size.q)
			}
			stack = append(stack[:acc.have*size.q], block...)
			all = append(all, block...)
			acc.add(rows, func(k int, row []float64) { copy(row, block[k*size.q:(k+1)*size.q]) })
			m := len(stack) / size.q
			if m < size.q {
				continue
			}
			var qr mat.QR
			qr.Factorize(mat.NewDense(m, size.q, append([]float64(nil), stack...)))
			var r mat.Dense
			qr.RTo(&r)
			for i := range size.q {
				for j := i; j < size.q; j++ {
					if got, want := acc.r[i*size.q+j], r.At(i, j); got != want {
						t.Fatalf("n=%d q=%d rows %d: R[%d,%d] = %.17g, mat.QR %.17g", size.n, size.q, m, i, j, got, want)
					}
				}
			}
			checkRAgainstAllRows(t, acc.r, all, size.q)
			stack = append(stack[:0], acc.r...)
		}
	}
}

// checkRAgainstAllRows checks the accumulated factor r against mat.QR's R
// of every row added, rows (the q columns of each) taken from the start:
// equal up to the sign of each row, to 1e-10 of R's largest entry, so that
// an error in what a step carries to the next (which the bit-for-bit check
// of one step feeds to both sides) is caught.
func checkRAgainstAllRows(t *testing.T, r, rows []float64, q int) {
	t.Helper()
	var qr mat.QR
	qr.Factorize(mat.NewDense(len(rows)/q, q, append([]float64(nil), rows...)))
	var want mat.Dense
	qr.RTo(&want)
	scale := mat.Norm(&want, math.Inf(1))
	for i := range q {
		sign := 1.0
		if (r[i*q+i] < 0) != (want.At(i, i) < 0) {
			sign = -1
		}
		for j := i; j < q; j++ {
			if d := math.Abs(r[i*q+j] - sign*want.At(i, j)); d > 1e-10*scale {
				t.Fatalf("%d rows, q=%d: R[%d,%d] = %g, the R of all rows %g", len(rows)/q, q, i, j, r[i*q+j], sign*want.At(i, j))
			}
		}
	}
}
