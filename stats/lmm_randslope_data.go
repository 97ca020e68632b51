package stats

import (
	"fmt"
	"math"
)

// lmmRSData holds what the random-slope model's likelihood needs of the
// data, once. With t the slope column and Z_j = [1 t_j] the random
// effects' design of group j, write Z_j = U_j F_j, U_j's columns an
// orthonormal basis of span(1, t_j),
//
//	U_j = [1/√n_j   (t_j - t̄_j)/√s_j],   F_j = [√n_j   √n_j t̄_j]
//	                                           [0      √s_j      ]
//
// s_j = Σ (t_ij - t̄_j)², and split the augmented design A_j = [X_j | y_j]
// into its part in that span and the rest,
//
//	P_j = U_j'A_j = [√n_j ā_j ; c_j/√s_j],   c_j = Σ (t_ij - t̄_j)(a_ij - ā_j)
//	E_j = A_j - U_j P_j = the residuals of each column's regression on [1 t] within the group
//
// Since V*_j = I + Z_jΛΛ'Z_j' leaves E_j as it is (U_j'E_j = 0),
//
//	A_j'V*_j⁻¹A_j = E_j'E_j + P_j'(I + B_jB_j')⁻¹P_j,   B_j = F_jΛ
//
// whose first part, summed over the groups, is R_w'R_w for every θ: R_w is
// the triangular factor of the stacked E_j, found once by a tall QR. A
// group in which t does not vary (s_j within rounding of 0) has U_j = 1/√n_j,
// F_j = [√n_j √n_j t̄_j] and P_j = √n_j ā_j: the second rows are zero.
type lmmRSData struct {
	*lmmData
	slope  int       // the slope column's index in [X | y] (1 + its index in x)
	fz     []float64 // J by 3: F_j's (1,1), (1,2) and (2,2) elements
	pz     []float64 // J by 2q, row-major: P_j
	rw     []float64 // q by q, row-major: R_w
	varies int       // the number of groups in which t varies
}

// lmmRSNewData checks the data, codes the groups and computes the groups'
// means (lmmPrepare), then each group's regression of [X | y] on [1 t] and
// the factor of its residuals, in parallel and in a fixed order.
func lmmRSNewData(y []float64, names []string, x [][]float64, group []string, slope int, block []string) (*lmmRSData, error) {
	if slope < 0 || slope >= len(x) {
		panic("stats: random slope column out of range")
	}
	base, code, row, err := lmmPrepare(y, names, x, group, block)
	if err != nil {
		return nil, err
	}
	d := &lmmRSData{lmmData: base, slope: 1 + slope}
	J := len(d.groups)
	if d.n <= 2*J {
		return nil, fmt.Errorf("%w: %d observations for %d random effects (an intercept and a slope in each of %d groups), "+
			"so the random effects and the residual variance cannot be told apart (lmer refuses too)", ErrTooFew, d.n, 2*J, J)
	}
	q, s := d.q, d.slope
	// c_j: the cross-products of t's deviations with every column's.
	cross := d.groupSums(code, J, func(i int, r []float64) {
		row(i, r)
		m := d.mean[code[i]*q : code[i]*q+q]
		dt := r[s] - m[s]
		for k := range r {
			r[k] = dt * (r[k] - m[k])
		}
	}, nil)
	d.fz = make([]float64, 3*J)
	d.pz = make([]float64, 2*q*J)
	slopeOf := make([]float64, J*q) // c_j/s_j: the within-group regression's slopes
	for g := range J {
		n, m, c := d.size[g], d.mean[g*q:g*q+q], cross[g*q:g*q+q]
		rn := math.Sqrt(n)
		d.fz[3*g], d.fz[3*g+1] = rn, rn*m[s]
		p := d.pz[2*q*g : 2*q*(g+1)]
		for k := range q {
			p[k] = rn * m[k]
		}
		// t varies within the group unless its deviations are at rounding's
		// level: ‖t_j - t̄_j‖ against ‖t_j‖ = √(n t̄² + s).
		sj := c[s]
		if !(sj > 0) || math.Sqrt(sj) <= 1e-12*math.Sqrt(n*m[s]*m[s]+sj) {
			continue
		}
		d.varies++
		rs := math.Sqrt(sj)
		d.fz[3*g+2] = rs
		for k := range q {
			p[q+k] = c[k] / rs
			slopeOf[g*q+k] = c[k] / sj
		}
		p[q] = 0 // the intercept's deviations are zero
		p[q+s] = rs
	}
	d.rw = tallQR(d.n, q, func(i int, r []float64) {
		row(i, r)
		g := code[i]
		m, b := d.mean[g*q:g*q+q], slopeOf[g*q:g*q+q]
		dt := r[s] - m[s]
		for k := range r {
			r[k] -= m[k] + dt*b[k]
		}
		r[0], r[s] = 0, 0 // zero in exact arithmetic
	})
	return d, nil
}
