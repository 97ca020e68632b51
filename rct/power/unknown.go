package power

import "strconv"

// Unknown names the quantity that Solve computed.
type Unknown int

const (
	// SolvedPower means the power was computed from the sample size and effect.
	SolvedPower Unknown = iota + 1
	// SolvedN means the sample size was solved for.
	SolvedN
	// SolvedEffect means the minimum detectable effect was solved for.
	SolvedEffect
)

func (u Unknown) String() string {
	switch u {
	case SolvedPower:
		return "power"
	case SolvedN:
		return "n"
	case SolvedEffect:
		return "effect"
	}
	return "Unknown(?)"
}

// MarshalJSON writes the name String returns, as a JSON string.
func (u Unknown) MarshalJSON() ([]byte, error) { return []byte(strconv.Quote(u.String())), nil }
