package lifecycle

import "fmt"

// Status is how far a piece of evidence has got.
type Status string

// The evidence statuses a portfolio may use. Evidence counts towards
// readiness when it is Done or NotNeeded.
const (
	Todo       Status = "todo"
	InProgress Status = "in_progress"
	Done       Status = "done"
	NotNeeded  Status = "not_needed"
)

// parseStatus checks s against the four statuses.
func parseStatus(s string) (Status, error) {
	switch st := Status(s); st {
	case Todo, InProgress, Done, NotNeeded:
		return st, nil
	}
	return "", fmt.Errorf("%w %q (use todo, in_progress, done or not_needed)", ErrBadStatus, s)
}

// Settled reports whether the evidence no longer holds an intervention back.
func (s Status) Settled() bool { return s == Done || s == NotNeeded }

// Evidence is one item of an intervention's evidence map.
//
// In the file it is written either as a mapping
//
//	literature_review: {status: done, date: 2023-03-01, note: "...", link: review.pdf}
//
// or, for short, as the bare status (literature_review: done). A mapping
// without a status counts as todo.
type Evidence struct {
	// Key names the evidence, as the gates' requires lists do.
	Key    string
	Status Status
	// Date, Note and Link are kept as written. Link is a path relative to
	// the portfolio's folder (a power result, an allocation manifest, an
	// analysis or unit-cost JSON) or a URL.
	Date, Note, Link string
	// Line is where the key is written in the file.
	Line int
}
