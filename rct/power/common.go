package power

import (
	"fmt"
	"math"

	"github.com/evalkit/evalkit/stats"
)

// nMax is the largest sample size per arm the solvers look at.
const nMax = 1e12

// checkLevels validates alpha, a target power, a ratio and an attrition
// share; power may be 0 (unknown).
func checkLevels(alpha, power, ratio, attrition float64) error {
	switch {
	case !(alpha > 0 && alpha < 1):
		return fmt.Errorf("%w: alpha %g is outside (0, 1)", stats.ErrDomain, alpha)
	case power != 0 && !(power > 0 && power < 1):
		return fmt.Errorf("%w: power %g is outside (0, 1)", stats.ErrDomain, power)
	case !(ratio > 0) || math.IsInf(ratio, 0):
		return fmt.Errorf("%w: ratio %g must be positive", stats.ErrDomain, ratio)
	case !(attrition >= 0 && attrition < 1):
		return fmt.Errorf("%w: attrition %g is outside [0, 1)", stats.ErrDomain, attrition)
	}
	return nil
}

// checkTarget reports a target power that no design can reach: at or
// below the level of the test, or at or above 1.
func checkTarget(power, alpha float64) error {
	if power <= alpha {
		return fmt.Errorf("%w: power %g is not above alpha %g, which a test has with no effect at all", ErrUnreachable, power, alpha)
	}
	return nil
}

// countUnknowns returns an ErrUnknowns error unless exactly one of the
// flags is set.
func countUnknowns(unknown ...bool) error {
	n := 0
	for _, u := range unknown {
		if u {
			n++
		}
	}
	if n != 1 {
		return fmt.Errorf("%w (%d are)", ErrUnknowns, n)
	}
	return nil
}

// checkN validates a given sample size per arm.
func checkN(name string, n float64) error {
	if !(n >= 2) || math.IsInf(n, 0) {
		return fmt.Errorf("%w: %s %g must be at least 2", stats.ErrDomain, name, n)
	}
	return nil
}

// arms returns the analysed sizes per arm for a trial recruiting nc and nt,
// of whom the share attrition is lost.
func arms(nc, nt, attrition float64) (float64, float64) {
	return nc * (1 - attrition), nt * (1 - attrition)
}

// recruit returns the units to recruit per arm for an exact analysed
// control arm of exact units: ceil(exact/(1 − attrition)) and
// ceil(ratio·exact/(1 − attrition)). Arms beyond maxUnits (an extreme ratio
// can ask for that) are ErrUnreachable, not a number no trial can have.
func recruit(exact, ratio, attrition float64) (nc, nt float64, err error) {
	nc, nt = math.Ceil(exact/(1-attrition)), math.Ceil(ratio*exact/(1-attrition))
	if !(nc <= maxUnits && nt <= maxUnits) {
		return nc, nt, fmt.Errorf("%w: the design needs %g control and %g treated units, beyond %g", ErrUnreachable, nc, nt, maxUnits)
	}
	return nc, nt, nil
}

// maxUnits is the largest arm the solvers answer with: far beyond any
// trial, and small enough that sums of units are exact in float64.
const maxUnits = 1e15

// nLower is the smallest analysed control arm the solvers consider: both
// arms have at least two units.
func nLower(ratio float64) float64 { return math.Max(2, 2/ratio) }

// sideOf returns +1 or −1, the direction an Alternative tests, and 0 for
// two-sided.
func sideOf(alt stats.Alternative) float64 {
	switch alt {
	case stats.Greater:
		return 1
	case stats.Less:
		return -1
	}
	return 0
}

// checkAlternative rejects an Alternative that is not one of the three.
func checkAlternative(alt stats.Alternative) error {
	if alt != stats.TwoSided && alt != stats.Less && alt != stats.Greater {
		return fmt.Errorf("%w: alternative %d", stats.ErrDomain, int(alt))
	}
	return nil
}

// sided returns 2 for a two-sided test and 1 for a one-sided one.
func sided(alt stats.Alternative) int {
	if alt == stats.TwoSided {
		return 2
	}
	return 1
}

// resultRatio is the ratio a result reports: the ratio used when the
// sample size was solved, else the arms' own nt/nc.
func resultRatio(solved Unknown, ratio, nc, nt float64) float64 {
	if solved == SolvedN {
		return ratio
	}
	return nt / nc
}

// The defaults that a design's zero values stand for, and evalkit power's
// flags give.
const (
	// DefaultAlpha is the level of a test whose Alpha is zero.
	DefaultAlpha = 0.05
	// DefaultTreatedShare is the share of clusters treated when a
	// Cluster's TreatedShare is zero: half.
	DefaultTreatedShare = 0.5
)
