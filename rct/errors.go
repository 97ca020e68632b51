package rct

import (
	"errors"
	"fmt"
	"strings"

	"github.com/evalkit/evalkit/internal/table"
)

// Errors for designs that cannot be randomised. They arrive wrapped in a
// UnitError or a StratumError, so test with errors.Is.
var (
	// ErrDuplicateID is returned when two units share an id.
	ErrDuplicateID = errors.New("duplicate id")
	// ErrEmptyID is returned for a unit without an id.
	ErrEmptyID = errors.New("empty id")
	// ErrEmptyStratum is returned for a unit with an empty stratum value.
	ErrEmptyStratum = errors.New("empty stratum value")
	// ErrEmptyCluster is returned for a unit with an empty cluster id.
	ErrEmptyCluster = errors.New("empty cluster id")
	// ErrClusterSpansStrata is returned when a cluster's units lie in
	// different strata.
	ErrClusterSpansStrata = errors.New("cluster lies in more than one stratum")
	// ErrTooFewUnits is returned under complete randomisation when a
	// stratum has fewer units than arms.
	ErrTooFewUnits = errors.New("fewer units than arms")
	// ErrBlockSize is returned for a block size that is not a positive
	// multiple of the ratio's sum.
	ErrBlockSize = errors.New("block size is not a positive multiple of the ratio's sum")
	// ErrDesign is returned for arms, ratio or options that do not make a
	// design: fewer than two arms, a duplicate arm, a weight below 1, a
	// method that does not apply.
	ErrDesign = errors.New("invalid design")
)

// UnitError reports a problem with one unit (one row of the input). Row is
// the unit's index (0-based; a CSV's file row is Row+2) and Other, when not
// -1, the index of another unit involved, such as the first holder of a
// duplicate id.
type UnitError struct {
	Row    int
	Other  int
	Column string
	Value  string
	Err    error
}

func (e *UnitError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "unit %d", e.Row+1)
	if e.Column != "" {
		fmt.Fprintf(&b, ", column %q", table.Clip(e.Column))
	}
	if e.Value != "" {
		fmt.Fprintf(&b, ": %q", table.Clip(e.Value))
	}
	fmt.Fprintf(&b, ": %v", e.Err)
	if e.Other >= 0 {
		fmt.Fprintf(&b, " (also unit %d)", e.Other+1)
	}
	return b.String()
}

func (e *UnitError) Unwrap() error { return e.Err }

// StratumError reports a problem with a whole stratum.
type StratumError struct {
	Stratum string
	N       int
	Err     error
}

func (e *StratumError) Error() string {
	return fmt.Sprintf("stratum %q (%d units): %v", table.Clip(e.Stratum), e.N, e.Err)
}

func (e *StratumError) Unwrap() error { return e.Err }

// ErrEmptyFactor is returned for a unit with an empty minimisation factor.
var ErrEmptyFactor = errors.New("empty minimisation factor value")
