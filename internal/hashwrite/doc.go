// Package hashwrite writes bytes to an io.Writer through buffers, each
// hashed on one goroutine and written on another while the next buffer
// fills: randomise writes an allocation file, and the digest of it that
// its manifest records, at the speed of the slowest of the three, not of
// all of them in turn.
package hashwrite
