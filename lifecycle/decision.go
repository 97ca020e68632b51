package lifecycle

import "fmt"

// Decision is what gate 4 concludes about an intervention.
type Decision string

// The decisions of gate 4.
const (
	Adopt Decision = "adopt" // take it into routine practice as it is
	Adapt Decision = "adapt" // change it and test again
	Scale Decision = "scale" // extend it to more areas or people
	Stop  Decision = "stop"  // end it
)

// ParseDecision checks s against the four decisions.
func ParseDecision(s string) (Decision, error) {
	switch d := Decision(s); d {
	case Adopt, Adapt, Scale, Stop:
		return d, nil
	}
	return "", fmt.Errorf("%w %q (use adopt, adapt, scale or stop)", ErrBadDecision, s)
}
