package analysis

import (
	"encoding/json"
	"fmt"

	"github.com/evalkit/evalkit/stats"
)

// Adjustment is the multiplicity adjustment of the comparisons' p-values,
// reported as p_adjusted; its zero value is Holm. p_holm is always Holm's.
type Adjustment int

// The adjustments.
const (
	// Holm is Holm's step-down adjustment (stats.Holm), which controls the
	// family-wise error rate: p.adjust(p, "holm").
	Holm Adjustment = iota
	// BH is the Benjamini-Hochberg adjustment (stats.BenjaminiHochberg),
	// which controls the false discovery rate: p.adjust(p, "BH").
	BH
)

// String returns "holm" or "bh".
func (a Adjustment) String() string {
	switch a {
	case Holm:
		return "holm"
	case BH:
		return "bh"
	}
	return fmt.Sprintf("Adjustment(%d)", int(a))
}

// MarshalJSON returns the adjustment's name as a JSON string.
func (a Adjustment) MarshalJSON() ([]byte, error) { return json.Marshal(a.String()) }

// ParseAdjustment returns the adjustment called s ("holm", or "" for it,
// or "bh").
func ParseAdjustment(s string) (Adjustment, error) {
	switch s {
	case "", "holm":
		return Holm, nil
	case "bh":
		return BH, nil
	}
	return Holm, fmt.Errorf("analysis: adjustment %q: want holm or bh", s)
}

// adjust returns the adjusted p-values of ps.
func (a Adjustment) adjust(ps []float64) []float64 {
	if a == BH {
		return stats.BenjaminiHochberg(ps)
	}
	return stats.Holm(ps)
}

// ParseSE returns the robust standard error called s for least squares
// without clusters: "hc0", "hc1", "hc2" (or "", the default) or "hc3".
func ParseSE(s string) (stats.CovType, error) {
	switch s {
	case "", "hc2":
		return stats.HC2, nil
	case "hc0":
		return stats.HC0, nil
	case "hc1":
		return stats.HC1, nil
	case "hc3":
		return stats.HC3, nil
	}
	return stats.HC2, fmt.Errorf("analysis: standard error %q: want hc0, hc1, hc2 or hc3", s)
}
