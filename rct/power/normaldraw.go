package power

import (
	"gonum.org/v1/gonum/mathext"

	"github.com/evalkit/evalkit/rct"
)

// StandardNormal returns a draw from the standard normal distribution,
// made from one raw output of r by inversion:
//
//	k = r.Uint64() >> 12                  (the top 52 bits)
//	u = (k + 1/2) · 2⁻⁵²                  (exact in float64, in [2⁻⁵³, 1 − 2⁻⁵³])
//	z = Φ⁻¹(u)
//
// with Φ⁻¹ gonum's mathext.NormalQuantile, Wichura's algorithm AS 241 [9]
// (PPND16, relative error about 1e-16), which R's qnorm also uses; R's
// rnorm draws by inversion too. Each draw takes exactly one output, so the
// i-th draw of a stream depends only on the stream and i, and |z| < 8.3 (Φ⁻¹(2⁻⁵³) = −8.21).
//
// The draws are part of what makes a simulated power reproducible: the
// same seed gives the same trials in every later release. A test pins the
// first draws of a seed, so that a change here or in gonum's quantile
// cannot pass unnoticed; such a change is a breaking one, as a change of
// rct.Rand is. The pinned values are those of amd64; where Go fuses
// multiplications and additions or computes math.Log in pure Go (arm64,
// for one) a draw may differ in its last bit, which moves a p-value by
// rounding error only.
//
// [9] Wichura, M. J. (1988). Algorithm AS 241: the percentage points of the
// normal distribution. Applied Statistics 37(3), 477–484.
func StandardNormal(r *rct.Rand) float64 {
	u := (float64(r.Uint64()>>12) + 0.5) * 0x1p-52
	return mathext.NormalQuantile(u)
}
