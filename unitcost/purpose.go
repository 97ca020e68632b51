package unitcost

import (
	"fmt"
	"strings"
)

// Purpose is what a cost line pays for, as the grant's conditions count
// it. The zero value is PurposeIntervention, so that a sheet without a
// purpose column counts every line as intervention spending.
type Purpose int

const (
	// PurposeIntervention is delivering an intervention.
	PurposeIntervention Purpose = iota
	// PurposeEvaluation is evaluating one: research staff, data, an
	// evaluator's fees.
	PurposeEvaluation
	// PurposeCore is the unit's core function of leadership and
	// coordination: its programme office, networks and accommodation.
	PurposeCore
)

// Purposes lists the purposes in the order that reports show them.
var Purposes = []Purpose{PurposeIntervention, PurposeEvaluation, PurposeCore}

var purposeNames = [...]string{"intervention", "evaluation", "core"}

// String returns the purpose's name as sheets write it, such as evaluation.
func (p Purpose) String() string {
	if p < 0 || int(p) >= len(purposeNames) {
		return fmt.Sprintf("Purpose(%d)", int(p))
	}
	return purposeNames[p]
}

// MarshalText returns the purpose's name, so that it can key a JSON object.
func (p Purpose) MarshalText() ([]byte, error) {
	if p < 0 || int(p) >= len(purposeNames) {
		return nil, fmt.Errorf("unitcost: %v is not a purpose", p)
	}
	return []byte(purposeNames[p]), nil
}

// ParsePurpose reads a purpose's name: intervention, evaluation or core,
// in any letter case, with surrounding spaces ignored. Anything else is an
// error wrapping ErrPurpose that lists the names.
func ParsePurpose(s string) (Purpose, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	for i, n := range purposeNames {
		if t == n {
			return Purpose(i), nil
		}
	}
	return 0, fmt.Errorf("%w; use one of %s (a blank purpose is intervention)", ErrPurpose, strings.Join(purposeNames[:], ", "))
}
