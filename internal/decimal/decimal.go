// Package decimal turns float64 values into the exact decimals they print
// as, so that money computed from typed figures is exact: 100 × (1 - 0.8)
// is 20 from the decimals 100 and 0.8, where float64 arithmetic gives
// 19.999999999999996.
package decimal

import (
	"math/big"
	"strconv"
)

// Exact returns x as the exact value of its shortest decimal form, the
// text strconv.FormatFloat(x, 'g', -1, 64) prints (0.28, not the nearest
// binary fraction 0.28000000000000002665...). It panics if x is NaN or
// ±Inf, which have no decimal form.
func Exact(x float64) *big.Rat {
	r, ok := new(big.Rat).SetString(strconv.FormatFloat(x, 'g', -1, 64))
	if !ok {
		panic("decimal: Exact of " + strconv.FormatFloat(x, 'g', -1, 64))
	}
	return r
}
