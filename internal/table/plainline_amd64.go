package table

// plainEndVec is plainEnd sixteen bytes at a time (SSE2), for as long as
// sixteen bytes are left; see plainline_amd64.s.
//
//go:noescape
func plainEndVec(s string, pos int, sep byte) (at, seps, state int)

// plainRun reads the plain lines (plainEnd) of s from pos, one after
// another, putting each one's offset in starts, for as long as each has
// seps separators, is at most most bytes long and ends in an LF that the
// sixteen bytes at a time read from its start find in s, and starts has
// room: it returns how many it read and the offset of the line after
// them, which it did not read.
//
//go:noescape
func plainRun(s string, pos int, sep byte, seps int, starts []uint32, most int) (n, next int)

// prefetch asks the processor to bring s into its caches.
//
//go:noescape
func prefetch(s []byte)
