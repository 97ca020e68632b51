package analysis

import "fmt"

// Better says which direction of the outcome is good for the people in
// the trial; its zero value, Unstated, makes no judgement.
type Better int

// The directions.
const (
	// Unstated makes no judgement: a headline says more or less, never
	// better or worse.
	Unstated Better = iota
	// Higher is better: attendance, wellbeing, employment.
	Higher
	// Lower is better: re-offending, crimes, exclusions.
	Lower
)

// String returns "", "higher" or "lower".
func (b Better) String() string {
	switch b {
	case Unstated:
		return ""
	case Higher:
		return "higher"
	case Lower:
		return "lower"
	}
	return fmt.Sprintf("Better(%d)", int(b))
}

// ParseBetter returns the direction called s: "higher", "lower", or ""
// for Unstated.
func ParseBetter(s string) (Better, error) {
	switch s {
	case "":
		return Unstated, nil
	case "higher":
		return Higher, nil
	case "lower":
		return Lower, nil
	}
	return Unstated, fmt.Errorf("analysis: better %q: want higher or lower", s)
}
