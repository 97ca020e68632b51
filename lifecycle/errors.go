package lifecycle

import (
	"errors"
	"fmt"
)

// Errors for a portfolio file that cannot be read and for a move the
// evidence does not allow. They arrive wrapped (in a *ParseError or with
// detail), so test with errors.Is.
var (
	// ErrNotYAML is returned when the file is not valid YAML.
	ErrNotYAML = errors.New("not valid YAML")
	// ErrShape is returned when the YAML is valid but not a portfolio: a
	// list where a mapping belongs, a missing name or gate.
	ErrShape = errors.New("not a portfolio")
	// ErrGateNotNumber is returned for a gate that is not a whole number.
	ErrGateNotNumber = errors.New("gate is not a whole number")
	// ErrUnknownGate is returned for a gate number outside 1 to 4.
	ErrUnknownGate = errors.New("unknown gate")
	// ErrBadStatus is returned for an evidence status outside todo,
	// in_progress, done and not_needed.
	ErrBadStatus = errors.New("unknown evidence status")
	// ErrBadDecision is returned for a decision outside adopt, adapt, scale
	// and stop.
	ErrBadDecision = errors.New("unknown decision")
	// ErrDuplicate is returned when two interventions share a name, or two
	// gates entries a number.
	ErrDuplicate = errors.New("duplicate")
	// ErrNoIntervention is returned when no intervention has the name asked for.
	ErrNoIntervention = errors.New("no such intervention")
	// ErrNotReady is returned when an intervention's evidence does not let
	// it pass its gate and no override was given; see *NotReadyError.
	ErrNotReady = errors.New("evidence missing")
	// ErrBadMove is returned for a move that makes no sense: to the gate it
	// is at, past gate 4, or a decision away from gate 4.
	ErrBadMove = errors.New("invalid move")
)

// ParseError reports where in a portfolio file a problem lies. Line and
// Column count from 1; Column is 0 when only the line is known, and Line
// is 0 when not even that is.
type ParseError struct {
	Line   int
	Column int
	Err    error
}

func (e *ParseError) Error() string {
	if e.Line <= 0 {
		return e.Err.Error()
	}
	return fmt.Sprintf("line %d: %v", e.Line, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// NotReadyError says which evidence an intervention lacks to pass a gate.
type NotReadyError struct {
	Intervention string
	// Gate is the gate that cannot be passed.
	Gate int
	// Missing lists the required evidence keys not in place (see
	// Portfolio.Missing).
	Missing []string
	// Problems are the links that keep some of them missing (with
	// Portfolio.LinkChecks set).
	Problems []LinkProblem
}

// Error names the keys missing and, after them, each link that keeps one
// missing and what is wrong with it:
//
//	Custody Navigators cannot pass gate 2: missing power_analysis; line 23: power_analysis: results/custody_power.json is not there
func (e *NotReadyError) Error() string {
	s := fmt.Sprintf("%s cannot pass gate %d: missing %s", e.Intervention, e.Gate, joinKeys(e.Missing))
	for _, p := range e.Problems {
		s += fmt.Sprintf("; line %d: %s: %s", p.Line, p.Evidence, p.Detail)
	}
	return s
}

func (e *NotReadyError) Unwrap() error { return ErrNotReady }
