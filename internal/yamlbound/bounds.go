package yamlbound

import (
	"errors"
	"fmt"
)

// The bounds, the same for every YAML file evalkit reads.
const (
	// MaxBytes is the largest file read: 16 MiB, a hundred times the
	// largest portfolio (100,000 interventions, 1.6 MB) anyone writes.
	MaxBytes = 16 << 20
	// MaxDepth is the deepest nesting of lists and mappings: 64. A
	// portfolio needs 5 (interventions, an intervention, its evidence,
	// an evidence entry, a list in it) and a plan 3.
	MaxDepth = 64
)

// Errors wrapped by *Error; test with errors.Is.
var (
	// ErrTooLarge is returned for a file of more than MaxBytes.
	ErrTooLarge = errors.New("file too large")
	// ErrTooDeep is returned for nesting deeper than MaxDepth.
	ErrTooDeep = errors.New("nested too deeply")
	// ErrDocuments is returned when a second YAML document starts.
	ErrDocuments = errors.New("more than one YAML document")
)

// Error says where a bound is passed. Line and Column count from 1 (the
// column in characters); both are 0 for ErrTooLarge.
type Error struct {
	Line, Column int
	Err          error
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return e.Err.Error()
	}
	return fmt.Sprintf("line %d, column %d: %v", e.Line, e.Column, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Check returns nil when src is at most MaxBytes, nests at most MaxDepth
// deep and holds at most one document, and an *Error otherwise. It reads
// src once; text that is not valid YAML is left for the parser to report.
//
// The depth counted at a point is the number of block collections open
// there (by indentation, "- " and "? ") plus the flow collections open
// ([ and {) plus the "- " entries begun in flow since the last bracket or
// comma. A second document is a "---" line after any content or after a
// first "---", or any content after a "..." line.
func Check(src []byte) error {
	if len(src) > MaxBytes {
		return tooLarge(fmt.Sprintf("%d bytes, more", len(src)))
	}
	return check(src, MaxDepth)
}

func check(src []byte, maxDepth int) error {
	s := scanner{src: src, maxDepth: maxDepth, line: 1, col: 1, lineStart: true}
	return s.run()
}
