package stats

import "fmt"

// confidenceLevel returns the confidence level of an option: 0.95 for
// the zero value, ErrDomain outside (0, 1).
func confidenceLevel(level float64) (float64, error) {
	if level == 0 {
		return 0.95, nil
	}
	if !(level > 0 && level < 1) {
		return level, fmt.Errorf("%w: confidence level %v not in (0, 1)", ErrDomain, level)
	}
	return level, nil
}
