package power

import "errors"

// Errors of an impossible ask. Solve wraps them, and stats.ErrDomain for a
// value outside its range, with detail (%w); test with errors.Is.
var (
	// ErrUnknowns is returned when not exactly one of power, sample size
	// and effect is left out.
	ErrUnknowns = errors.New("power: exactly one of power, sample size and effect must be left out")
	// ErrUnreachable is returned when no sample size or effect reaches the
	// power asked for, such as a one-sided test with the effect in the
	// wrong direction.
	ErrUnreachable = errors.New("power: the power asked for cannot be reached")
)
