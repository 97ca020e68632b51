// Package hashwrite writes bytes to an io.Writer through buffers, hashing
// them on another goroutine while the next buffer fills: randomise writes
// an allocation file and its digest for the manifest at the speed of the
// slower of the two, not of both.
package hashwrite
