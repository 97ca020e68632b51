package table

import "errors"

// The bounds of what a CSV file may hold, checked as it is read so that a
// hostile file is refused before it costs memory: a line of more than
// MaxColumns fields, a field of more than MaxFieldBytes, and more than 4
// GiB of text (maxText) are errors wrapping ErrLimit. A worksheet of more
// than MaxColumns columns is refused too (its cells and unpacked bytes are
// bounded by xlsx.DefaultLimits).
const (
	// MaxColumns is the most fields a line, or columns a sheet, may have.
	MaxColumns = 10_000
	// MaxFieldBytes is the most bytes a field may hold: 1 MiB.
	MaxFieldBytes = 1 << 20
)

// ErrLimit is wrapped by the error for a table beyond one of the bounds.
var ErrLimit = errors.New("beyond evalkit's limits for a table")
